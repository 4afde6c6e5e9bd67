import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEventsRepository } from '../../src/db/repositories/audit-events.ts';
import { usersRepository } from '../../src/db/repositories/users.ts';
import { csrfIn, signIn, startTestApp, type TestApp } from '../helpers/web.ts';

const PASSWORD = 'Strong-pass-2026';

describe('an agency administrator manages the accounts of its agency', () => {
  let started: TestApp;
  let app: FastifyInstance;
  let admin: string;
  beforeAll(async () => {
    started = await startTestApp();
    app = started.app;
    admin = await signIn(app, 'ninghai.admin');
  }, 120_000);
  afterAll(() => started.close());

  const post = async (url: string, fields: Record<string, string>, headers: Record<string, string> = {}) => {
    const form = await app.inject({
      url: url.endsWith('/new') ? url : '/admin/users',
      headers: { cookie: admin },
    });
    return app.inject({
      method: 'POST',
      url,
      headers: { cookie: admin, 'content-type': 'application/x-www-form-urlencoded', ...headers },
      payload: new URLSearchParams({ _csrf: csrfIn(form.body), ...fields }).toString(),
    });
  };
  const newUser = (over: Record<string, string> = {}) => ({
    login: 'ninghai.newclerk',
    displayName: '孙经办',
    role: 'clerk',
    agency: '330226-01',
    password: PASSWORD,
    passwordAgain: PASSWORD,
    ...over,
  });
  const audit = (subject: `${string}:${string}`) =>
    auditEventsRepository(started.deps.db.db).listForSubject(subject);

  it('lists the accounts of its agency only, with role, status and last sign-in', async () => {
    const res = await app.inject({ url: '/admin/users', headers: { cookie: admin } });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('ninghai.clerk');
    expect(res.body).toContain('李审核（演示）');
    expect(res.body).toContain('机关管理员');
    expect(res.body).not.toContain('fgj.clerk');
    expect(res.body).not.toContain('ninghai.county');
    // The administrator has just signed in: a time, not 从未登录.
    expect(res.body).toMatch(
      /ninghai\.admin<\/a><\/th>(?:<td>[^<]*<\/td>){4}<td>\d{4}-\d{2}-\d{2} \d{2}:\d{2}<\/td>/,
    );
    const clerk = await signIn(app, 'ninghai.clerk');
    expect((await app.inject({ url: '/admin/users', headers: { cookie: clerk } })).statusCode).toBe(403);
  });

  it('lists every problem of the new-account form at once and keeps what was typed but passwords', async () => {
    const res = await post(
      '/admin/users/new',
      newUser({ login: 'X', password: 'short', passwordAgain: 'other' }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('用户名为3至40位小写字母');
    expect(res.body).toContain('密码至少10位');
    expect(res.body).toContain('两次输入的密码不一致');
    expect(res.body).toContain('value="孙经办"');
    expect(res.body).not.toContain('value="short"');
  });

  it('refuses a role above its own and an agency outside its scope, in Chinese with the code', async () => {
    let res = await post('/admin/users/new', newUser({ role: 'county_admin' }));
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('您不能创建“县级管理员”账号');
    expect(res.body).toContain('auth.forbidden');
    res = await post('/admin/users/new', newUser({ agency: '330226-12' }));
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('“宁海县发展和改革局”不在您管理的范围内');
    // The form offers neither.
    const form = await app.inject({ url: '/admin/users/new', headers: { cookie: admin } });
    expect(form.body).not.toContain('value="county_admin"');
    expect(form.body).not.toContain('宁海县发展和改革局');
    expect(await usersRepository(started.deps.db.db).findByLogin('ninghai.newclerk')).toBeNull();
  });

  it('creates an account that can sign in, resets its password and disables it, ending its sessions', async () => {
    const created = await post('/admin/users/new', newUser());
    expect(created.statusCode).toBe(303);
    const location = String(created.headers.location);
    expect(location).toMatch(/^\/admin\/users\/\d+\?done=created$/);
    const id = Number(/(\d+)/.exec(location)![1]);
    const shown = await app.inject({ url: location, headers: { cookie: admin } });
    expect(shown.body).toContain('账号已创建');
    expect(shown.body).toMatch(/id="user-status">正常</);

    let session = await signIn(app, 'ninghai.newclerk', PASSWORD);
    expect((await app.inject({ url: '/admin/applications', headers: { cookie: session } })).statusCode).toBe(
      200,
    );

    // Reset: the old password and the open session stop working, the new one signs in.
    const reset = await post(`/admin/users/${id}/password`, {
      password: 'Another-pass-77',
      passwordAgain: 'Another-pass-77',
    });
    expect(reset.statusCode).toBe(303);
    expect((await app.inject({ url: '/admin', headers: { cookie: session } })).statusCode).toBe(303);
    await expect(signIn(app, 'ninghai.newclerk', PASSWORD)).rejects.toThrow();
    session = await signIn(app, 'ninghai.newclerk', 'Another-pass-77');

    const disabled = await post(`/admin/users/${id}/disable`, {});
    expect(disabled.statusCode).toBe(303);
    const after = await app.inject({ url: '/admin', headers: { cookie: session } });
    expect(after.statusCode).toBe(303);
    expect(after.headers.location).toMatch(/^\/admin\/login/);
    await expect(signIn(app, 'ninghai.newclerk', 'Another-pass-77')).rejects.toThrow();
    const page = await app.inject({ url: `/admin/users/${id}`, headers: { cookie: admin } });
    expect(page.body).toMatch(/id="user-status">已停用</);

    const actions = (await audit(`user:${id}`)).map((e) => [e.action, e.actor]).reverse();
    expect(actions).toEqual([
      ['user.created', 'ninghai.admin'],
      ['user.password_changed', 'ninghai.admin'],
      ['user.disabled', 'ninghai.admin'],
    ]);
  });

  it('refuses to disable its own account, and accounts outside its scope do not exist for it', async () => {
    const me = (await usersRepository(started.deps.db.db).findByLogin('ninghai.admin'))!;
    let res = await post(`/admin/users/${me.id}/disable`, {});
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain('不能对自己的账号执行“停用”');
    expect(res.body).toContain('user.own_account');
    res = await post(`/admin/users/${me.id}/disable`, {}, { accept: 'application/json' });
    expect(res.json()).toMatchObject({ error: { code: 'user.own_account' } });
    expect((await usersRepository(started.deps.db.db).findById(me.id))?.isDisabled).toBe(false);

    const county = (await usersRepository(started.deps.db.db).findByLogin('ninghai.county'))!;
    expect(
      (await app.inject({ url: `/admin/users/${county.id}`, headers: { cookie: admin } })).statusCode,
    ).toBe(404);
    expect((await post(`/admin/users/${county.id}/disable`, {})).statusCode).toBe(404);
  });

  it('lets a county administrator give any role at an agency below it', async () => {
    const county = await signIn(app, 'ninghai.county');
    const form = await app.inject({ url: '/admin/users/new', headers: { cookie: county } });
    expect(form.body).toContain('宁海县西店镇人民政府');
    const res = await app.inject({
      method: 'POST',
      url: '/admin/users/new',
      headers: { cookie: county, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        _csrf: csrfIn(form.body),
        ...newUser({ login: 'xidian.admin', agency: '330226-42', role: 'agency_admin' }),
      }).toString(),
    });
    expect(res.statusCode).toBe(303);
    expect((await usersRepository(started.deps.db.db).findByLogin('xidian.admin'))?.role).toBe(
      'agency_admin',
    );
  });
});
