/**
 * DATABASE_URL → which engine and where: unset → data/gongkai.sqlite (the embedded default);
 * `sqlite:PATH` → that SQLite file (`sqlite::memory:` for a private in-memory database);
 * `postgres://…` or `postgresql://…` → PostgreSQL.
 */
import { resolve } from 'node:path';

export type DatabaseTarget = { engine: 'sqlite'; path: string } | { engine: 'postgres'; url: string };

export class DatabaseUrlError extends Error {
  readonly code = 'config.database_url';
}

export function parseDatabaseUrl(url: string | undefined, cwd: string): DatabaseTarget {
  if (url === undefined || url.trim() === '')
    return { engine: 'sqlite', path: resolve(cwd, 'data/gongkai.sqlite') };
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (!path) throw new DatabaseUrlError('DATABASE_URL 的 sqlite: 后缺少数据库文件路径');
    return { engine: 'sqlite', path: path === ':memory:' ? path : resolve(cwd, path) };
  }
  if (/^postgres(ql)?:\/\//.test(url)) return { engine: 'postgres', url };
  throw new DatabaseUrlError(`无法识别的 DATABASE_URL：${url}（应为 sqlite:路径 或 postgres://…）`);
}
