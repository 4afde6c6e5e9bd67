/**
 * The only reader of process.env. Validates once and fails fast with a clear message;
 * the typed result is passed down to whoever needs it.
 */
import { resolve } from 'node:path';
import { z } from 'zod';
import { type DatabaseTarget, DatabaseUrlError, parseDatabaseUrl } from './db/url.ts';

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  GONGKAI_DEMO_DIR: z.string().optional(),
  DATABASE_URL: z.string().optional(),
  GONGKAI_HOLIDAYS_DIR: z.string().optional(),
  GONGKAI_UPLOADS_DIR: z.string().optional(),
});

export interface Config {
  port: number;
  host: string;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  /** Folder of published reports shown by the server beside those built from records. */
  demoDir: string | null;
  /** Which database: unset → data/gongkai.sqlite; `sqlite:PATH`; `postgres://…`. */
  database: DatabaseTarget;
  /** Extra calendar years (holiday files of the same shape as the national one). */
  holidaysDir: string | null;
  /** Where catalogue attachments are stored; `data/uploads` under the working directory by default. */
  uploadsDir: string;
}

export class ConfigError extends Error {
  readonly code = 'config.invalid';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`配置有误（环境变量）：${problems}`);
  }
  const e = parsed.data;
  let database: DatabaseTarget;
  try {
    database = parseDatabaseUrl(e.DATABASE_URL, cwd);
  } catch (error) {
    if (error instanceof DatabaseUrlError) throw new ConfigError(error.message);
    throw error;
  }
  return {
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    demoDir: e.GONGKAI_DEMO_DIR ?? null,
    database,
    holidaysDir: e.GONGKAI_HOLIDAYS_DIR ?? null,
    uploadsDir: resolve(cwd, e.GONGKAI_UPLOADS_DIR ?? 'data/uploads'),
  };
}
