import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance, type LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, openDatabase } from '../../src/db/connection.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { createUser } from '../../src/services/accounts/create-user.ts';
import { registerAuthRoutes } from '../../src/web/auth.ts';
import { buildAgency, buildDeps } from '../helpers/builders.ts';

const PASSWORD = 'Correct-horse-9';

/** name → value of the cookies a response sets, and the raw Set-Cookie lines. */
function setCookies(res: LightMyRequestResponse): { values: Record<string, string>; raw: string[] } {
  const header = res.headers['set-cookie'];
  const raw = header === undefined ? [] : Array.isArray(header) ? header : [String(header)];
  const values: Record<string, string> = {};
  for (const line of raw) {
    const [pair] = line.split(';');
    const eq = pair!.indexOf('=');
    values[pair!.slice(0, eq)] = pair!.slice(eq + 1);
  }
  return { values, raw };
}

const csrfIn = (body: string) => /name="_csrf" value="([^"]+)"/.exec(body)?.[1] ?? '';

interface Setup {
  app: FastifyInstance;
  db: Db;
  dir: string;
}

async function buildAuthApp(loginRateLimit = { max: 100, timeWindow: '1 minute' }): Promise<Setup> {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-auth-'));
  const db = openDatabase({ engine: 'sqlite', path: join(dir, 'db.sqlite') });
  await migrateToLatest(db.db);
  const deps = buildDeps(db, '2026-11-25');
  const county = await buildAgency(db, { name: '某县人民政府', type: 'government' });
  const office = await buildAgency(db, {
    name: '某县人民政府办公室',
    type: 'general_office',
    parentId: county.id,
  });
  await createUser(
    deps,
    { login: 'li.clerk', displayName: '李经办', password: PASSWORD, role: 'clerk', agency: office.code },
    { system: 'cli' },
  );
  // The real clock: sessions must not look expired to the server.
  const app = Fastify({ logger: false });
  await registerAuthRoutes(
    app,
    { ...deps, clock: { now: () => new Date(), today: deps.clock.today } },
    {
      loginRateLimit,
    },
  );
  await app.ready();
  return { app, db, dir };
}

async function dispose(s: Setup | undefined): Promise<void> {
  if (!s) return;
  await s.app.close();
  await s.db.close();
  rmSync(s.dir, { recursive: true, force: true });
}

/** Opens the login form: its CSRF cookie and token. */
async function openLoginForm(app: FastifyInstance): Promise<{ cookie: string; token: string }> {
  const res = await app.inject('/admin/login');
  expect(res.statusCode).toBe(200);
  const { values } = setCookies(res);
  return { cookie: `gk_csrf=${values.gk_csrf}`, token: csrfIn(res.body) };
}

async function signIn(app: FastifyInstance, login = 'li.clerk', password = PASSWORD) {
  const form = await openLoginForm(app);
  return app.inject({
    method: 'POST',
    url: '/admin/login',
    headers: { cookie: form.cookie },
    payload: { login, password, _csrf: form.token },
  });
}

describe('signing in to the back office', () => {
  let s: Setup;
  beforeAll(async () => {
    s = await buildAuthApp();
  }, 60_000);
  afterAll(() => dispose(s));

  it('sends a visitor without a session from /admin to the login form', async () => {
    const res = await s.app.inject('/admin');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/admin/login?next=%2Fadmin');
    const form = await s.app.inject('/admin/login');
    expect(form.body).toContain('<label for="login">用户名</label>');
    expect(form.body).toContain('<label for="password">密码</label>');
    expect(csrfIn(form.body)).not.toBe('');
    expect(setCookies(form).raw.find((c) => c.startsWith('gk_csrf='))).toMatch(/HttpOnly/i);
  });

  it('sets an HttpOnly, SameSite=Lax session cookie and shows 工作台 with name, role and agency', async () => {
    const res = await signIn(s.app);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/admin');
    const line = setCookies(res).raw.find((c) => c.startsWith('gk_session='))!;
    expect(line).toMatch(/HttpOnly/i);
    expect(line).toMatch(/SameSite=Lax/i);
    expect(line).toMatch(/Path=\//);
    expect(line).not.toMatch(/Secure/i); // plain http here; Secure behind https

    const cookie = `gk_session=${setCookies(res).values.gk_session}`;
    const page = await s.app.inject({ url: '/admin', headers: { cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.body).toContain('<h1>工作台</h1>');
    expect(page.body).toContain('李经办');
    expect(page.body).toContain('经办人');
    expect(page.body).toContain('<li>某县人民政府办公室</li>');
    expect(page.body).not.toContain('<li>某县人民政府</li>');
  });

  it('keeps the typed login name after a wrong password, never the password, and says not which was wrong', async () => {
    const res = await signIn(s.app, 'li.clerk', 'Typed-secret-77');
    expect(res.statusCode).toBe(401);
    expect(res.body).toContain('用户名或密码错误');
    expect(res.body).toMatch(/id="login" name="login" type="text" value="li\.clerk"/);
    expect(res.body).not.toContain('Typed-secret-77');
    expect(setCookies(res).values.gk_session).toBeUndefined();
    const unknown = await signIn(s.app, 'nobody', 'Typed-secret-77');
    expect(unknown.statusCode).toBe(401);
    expect(unknown.body).toContain('用户名或密码错误');
  });

  it('refuses a POST without a valid CSRF token with 403 (page and JSON)', async () => {
    const form = await openLoginForm(s.app);
    const missing = await s.app.inject({
      method: 'POST',
      url: '/admin/login',
      headers: { cookie: form.cookie },
      payload: { login: 'li.clerk', password: PASSWORD },
    });
    expect(missing.statusCode).toBe(403);
    expect(missing.body).toContain('页面已过期或提交来源无法确认');

    const forged = await s.app.inject({
      method: 'POST',
      url: '/admin/login',
      headers: { cookie: form.cookie, accept: 'application/json' },
      payload: { login: 'li.clerk', password: PASSWORD, _csrf: 'abc.def' },
    });
    expect(forged.statusCode).toBe(403);
    expect(forged.json()).toMatchObject({ error: { code: 'auth.csrf' } });

    // A token from another visitor's form does not fit this visitor's secret.
    const other = await openLoginForm(s.app);
    const crossed = await s.app.inject({
      method: 'POST',
      url: '/admin/login',
      headers: { cookie: form.cookie },
      payload: { login: 'li.clerk', password: PASSWORD, _csrf: other.token },
    });
    expect(crossed.statusCode).toBe(403);
  });

  it('signs out only with the session’s token, and the session is gone afterwards', async () => {
    const signedIn = await signIn(s.app);
    const cookie = `gk_session=${setCookies(signedIn).values.gk_session}`;
    const page = await s.app.inject({ url: '/admin', headers: { cookie } });
    const token = csrfIn(page.body);

    const forged = await s.app.inject({
      method: 'POST',
      url: '/admin/logout',
      headers: { cookie },
      payload: {},
    });
    expect(forged.statusCode).toBe(403);
    expect((await s.app.inject({ url: '/admin', headers: { cookie } })).statusCode).toBe(200);

    const out = await s.app.inject({
      method: 'POST',
      url: '/admin/logout',
      headers: { cookie },
      payload: { _csrf: token },
    });
    expect(out.statusCode).toBe(303);
    expect(out.headers.location).toBe('/admin/login');
    const after = await s.app.inject({ url: '/admin', headers: { cookie } });
    expect(after.statusCode).toBe(303);
    expect(after.headers.location).toMatch(/^\/admin\/login/);
  });

  it('goes back to a page under /admin after signing in, never to another site', async () => {
    for (const [next, expected] of [
      ['/admin?tab=1', '/admin?tab=1'],
      ['//evil.example/admin', '/admin'],
      ['https://evil.example/', '/admin'],
    ] as const) {
      const form = await openLoginForm(s.app);
      const res = await s.app.inject({
        method: 'POST',
        url: '/admin/login',
        headers: { cookie: form.cookie },
        payload: { login: 'li.clerk', password: PASSWORD, _csrf: form.token, next },
      });
      expect(res.headers.location, next).toBe(expected);
    }
  });
});

describe('the login rate limit', () => {
  let s: Setup | undefined;
  afterAll(() => dispose(s));

  it('answers 429 in Chinese after the allowed number of attempts from one address', async () => {
    s = await buildAuthApp({ max: 3, timeWindow: '1 minute' });
    for (let i = 0; i < 3; i += 1) {
      expect((await signIn(s.app, `guess${i}`, 'Wrong-horse-9')).statusCode).toBe(401);
    }
    const limited = await signIn(s.app, 'li.clerk', PASSWORD);
    expect(limited.statusCode).toBe(429);
    expect(limited.body).toContain('登录尝试过于频繁');
    expect(limited.headers['retry-after']).toBeDefined();
    expect(setCookies(limited).values.gk_session).toBeUndefined();
  }, 60_000);
});
