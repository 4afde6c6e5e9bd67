/** The whole application on a fresh embedded database in a temporary folder (demo data loaded). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../src/config.ts';
import { type App, openApp } from '../../src/services/app.ts';
import type { Deps } from '../../src/services/deps.ts';
import { buildApp } from '../../src/web/server.ts';

export interface TestApp {
  app: FastifyInstance;
  /** The same database and clock the server uses, for looking behind the pages. */
  deps: Deps;
  close(): Promise<void>;
}

/** `configure` may change the opened application (its deps) before the server is built on it. */
export async function startTestApp(
  env: Record<string, string> = {},
  configure: (opened: App) => void = () => {},
): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-web-'));
  const config = loadConfig({
    DATABASE_URL: `sqlite:${join(dir, 'db.sqlite')}`,
    LOG_LEVEL: 'silent',
    // Attachments go to the temporary folder too, never to the checkout's data/uploads.
    GONGKAI_UPLOADS_DIR: join(dir, 'uploads'),
    ...env,
  });
  const opened = await openApp(config);
  configure(opened);
  const app = await buildApp(config, opened);
  return {
    app,
    deps: opened.deps,
    async close() {
      await app.close();
      await opened.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The CSRF token a page's form carries. */
export const csrfIn = (body: string): string => /name="_csrf" value="([^"]+)"/.exec(body)?.[1] ?? '';

/** The first cookie a response sets, as a request's Cookie header value. */
export const firstCookie = (header: unknown): string => String([header].flat()[0] ?? '').split(';')[0] ?? '';

/** Signs a demo account in (password of `gongkai demo`) and returns its session cookie. */
export async function signIn(
  app: FastifyInstance,
  login: string,
  password = 'gongkai-demo-2020',
): Promise<string> {
  const form = await app.inject('/admin/login');
  const res = await app.inject({
    method: 'POST',
    url: '/admin/login',
    headers: { cookie: firstCookie(form.headers['set-cookie']) },
    payload: { login, password, _csrf: csrfIn(form.body) },
  });
  const session = [res.headers['set-cookie']].flat().find((c) => String(c).startsWith('gk_session='));
  if (!session) throw new Error(`signing in as ${login} failed with ${res.statusCode}`);
  return String(session).split(';')[0]!;
}
