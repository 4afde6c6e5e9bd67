import { expect, it } from 'vitest';
import { auditEventsRepository } from '../../src/db/repositories/audit-events.ts';
import { usersRepository } from '../../src/db/repositories/users.ts';
import type { Agency } from '../../src/domain/agencies/model.ts';
import { DomainError } from '../../src/domain/errors.ts';
import { agencyScope, can, toSignedInUser } from '../../src/services/accounts/access.ts';
import { authenticate, LOCKOUT } from '../../src/services/accounts/authenticate.ts';
import { createUser } from '../../src/services/accounts/create-user.ts';
import { disableUser } from '../../src/services/accounts/disable-user.ts';
import type { SignedInUser } from '../../src/services/accounts/model.ts';
import {
  createSession,
  lookupSession,
  revokeSession,
  SESSION_POLICY,
} from '../../src/services/accounts/sessions.ts';
import type { Deps } from '../../src/services/deps.ts';
import { buildAgency, buildDeps } from '../helpers/builders.ts';
import { describeEachEngine } from '../helpers/databases.ts';

const PASSWORD = 'Correct-horse-9';

/** A deps whose clock can be moved: sessions expire by it. */
function movableDeps(base: Deps, start: string) {
  let now = new Date(start);
  const deps: Deps = { ...base, clock: { now: () => now, today: () => base.clock.today() } };
  return {
    deps,
    advance(minutes: number) {
      now = new Date(now.getTime() + minutes * 60_000);
    },
  };
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return `${error.code}: ${error.message}`;
    throw error;
  }
  return 'accepted';
}

describeEachEngine('accounts', (ctx) => {
  let county: Agency;
  let township: Agency;
  let planning: Agency;
  let transport: Agency;
  let deps: Deps;

  it('stores an argon2id hash, never the password, and writes an audit event', async () => {
    deps = buildDeps(ctx.db, '2026-11-25');
    county = await buildAgency(ctx.db, { type: 'government' });
    township = await buildAgency(ctx.db, { type: 'township', parentId: county.id });
    planning = await buildAgency(ctx.db, { type: 'department', parentId: county.id });
    transport = await buildAgency(ctx.db, { type: 'department', parentId: county.id });

    const user = await createUser(
      deps,
      { login: ' Li.Clerk ', displayName: '李某', password: PASSWORD, role: 'clerk', agency: planning.code },
      { system: 'cli' },
    );
    expect(user.login).toBe('li.clerk');
    const stored = await usersRepository(ctx.db.db).findCredentials('li.clerk');
    expect(stored?.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(stored?.passwordHash).not.toContain(PASSWORD);
    const events = await auditEventsRepository(ctx.db.db).listForSubject(`user:${user.id}`);
    expect(events.map((e) => [e.action, e.actor])).toEqual([['user.created', 'cli']]);
  });

  it('refuses weak passwords and duplicate login names with Chinese messages', async () => {
    const input = { login: 'wang', displayName: '王某', role: 'clerk' as const, agency: planning.code };
    expect(await refusal(createUser(deps, { ...input, password: 'short1A' }, { system: 'cli' }))).toBe(
      'validation.invalid: 密码至少10位',
    );
    expect(await refusal(createUser(deps, { ...input, password: 'alllowercase' }, { system: 'cli' }))).toBe(
      'validation.invalid: 密码须包含大写字母、小写字母、数字和符号中的至少三种',
    );
    expect(await refusal(createUser(deps, { ...input, password: 'Wang-12345!' }, { system: 'cli' }))).toBe(
      'validation.invalid: 密码不能包含用户名',
    );
    expect(
      await refusal(createUser(deps, { ...input, login: 'li.clerk', password: PASSWORD }, { system: 'cli' })),
    ).toBe('user.duplicate: 用户名“li.clerk”已被使用');
  });

  it('signs in with the right password and refuses a wrong one or an unknown name alike', async () => {
    const user = await authenticate(deps, { login: 'LI.CLERK', password: PASSWORD });
    expect(user.login).toBe('li.clerk');
    expect('passwordHash' in user).toBe(false);
    expect(await refusal(authenticate(deps, { login: 'li.clerk', password: 'Wrong-horse-9' }))).toBe(
      'auth.invalid: 用户名或密码错误',
    );
    expect(await refusal(authenticate(deps, { login: 'nobody', password: PASSWORD }))).toBe(
      'auth.invalid: 用户名或密码错误',
    );
  });

  it('refuses a disabled user even with the right password, and ends their sessions', async () => {
    const user = await createUser(
      deps,
      { login: 'leaver', displayName: '离职者', password: PASSWORD, role: 'clerk', agency: planning.code },
      { system: 'cli' },
    );
    const session = await createSession(deps, user.id);
    expect(await lookupSession(deps, session.token)).not.toBeNull();
    await disableUser(deps, user.id, { system: 'cli' });
    expect(await refusal(authenticate(deps, { login: 'leaver', password: PASSWORD }))).toBe(
      'auth.invalid: 用户名或密码错误',
    );
    expect(await lookupSession(deps, session.token)).toBeNull();
  });

  it(`locks a login name after ${LOCKOUT.maxFailures} failures, known or not, for ${LOCKOUT.windowMinutes} minutes`, async () => {
    const clock = movableDeps(deps, '2026-11-25T02:00:00.000Z');
    await createUser(
      clock.deps,
      { login: 'target', displayName: '目标', password: PASSWORD, role: 'clerk', agency: planning.code },
      { system: 'cli' },
    );
    for (const login of ['target', 'ghost']) {
      for (let i = 0; i < LOCKOUT.maxFailures; i += 1) {
        expect(await refusal(authenticate(clock.deps, { login, password: 'Wrong-horse-9' }))).toMatch(
          /^auth\.invalid/,
        );
      }
      expect(await refusal(authenticate(clock.deps, { login, password: PASSWORD }))).toMatch(/^auth\.locked/);
    }
    clock.advance(LOCKOUT.windowMinutes + 1);
    expect((await authenticate(clock.deps, { login: 'target', password: PASSWORD })).login).toBe('target');
  });

  it('gives a county administrator the whole subtree and a department clerk only its department', async () => {
    expect((await agencyScope(deps, 'county_admin', county.id)).sort()).toEqual(
      [county.id, township.id, planning.id, transport.id].sort(),
    );
    const admin = await createUser(
      deps,
      {
        login: 'county',
        displayName: '县管理员',
        password: PASSWORD,
        role: 'county_admin',
        agency: county.code,
      },
      { system: 'cli' },
    );
    const countyAdmin = await toSignedInUser(deps, admin);
    expect(can(countyAdmin, 'applications.view', township.id)).toBe(true);
    expect(can(countyAdmin, 'users.manage', township.id)).toBe(true);

    const clerk = await toSignedInUser(deps, (await usersRepository(ctx.db.db).findByLogin('li.clerk'))!);
    expect(clerk.agencyIds).toEqual([planning.id]);
    expect(can(clerk, 'applications.edit', planning.id)).toBe(true);
    expect(can(clerk, 'applications.view', transport.id)).toBe(false);
    expect(can(clerk, 'applications.view', county.id)).toBe(false);
    expect(can(clerk, 'reports.publish', planning.id)).toBe(false);
  });

  it('lets an agency administrator create accounts only at its agency and below its rank', async () => {
    const adminRecord = await createUser(
      deps,
      {
        login: 'planning.admin',
        displayName: '局管理员',
        password: PASSWORD,
        role: 'agency_admin',
        agency: planning.code,
      },
      { system: 'cli' },
    );
    const admin: SignedInUser = await toSignedInUser(deps, adminRecord);
    const input = { displayName: '新人', password: PASSWORD, role: 'reviewer' as const };
    expect(
      (await createUser(deps, { ...input, login: 'new.reviewer', agency: planning.code }, admin)).role,
    ).toBe('reviewer');
    expect(
      await refusal(createUser(deps, { ...input, login: 'elsewhere', agency: transport.code }, admin)),
    ).toMatch(/^auth\.forbidden/);
    expect(
      await refusal(
        createUser(deps, { ...input, login: 'climber', agency: planning.code, role: 'county_admin' }, admin),
      ),
    ).toMatch(/^auth\.forbidden/);
  });

  it('keeps a session alive while used and ends it after the idle time or at the absolute limit', async () => {
    const clock = movableDeps(deps, '2026-11-25T01:00:00.000Z');
    const user = (await usersRepository(ctx.db.db).findByLogin('li.clerk'))!;
    const session = await createSession(clock.deps, user.id);
    expect(session.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const live = await lookupSession(clock.deps, session.token);
    expect(live?.user.login).toBe('li.clerk');
    expect(live?.id).not.toBe(session.token);

    // Used every 100 minutes (idle limit 120): alive until the 12-hour cap.
    for (let minutes = 100; minutes < SESSION_POLICY.absoluteHours * 60; minutes += 100) {
      clock.advance(100);
      expect(await lookupSession(clock.deps, session.token), `${minutes} min`).not.toBeNull();
    }
    clock.advance(100);
    expect(await lookupSession(clock.deps, session.token)).toBeNull();

    const idle = await createSession(clock.deps, user.id);
    clock.advance(SESSION_POLICY.idleMinutes + 1);
    expect(await lookupSession(clock.deps, idle.token)).toBeNull();

    const revoked = await createSession(clock.deps, user.id);
    expect(await revokeSession(clock.deps, revoked.token)).toBe(true);
    expect(await lookupSession(clock.deps, revoked.token)).toBeNull();
    expect(await lookupSession(clock.deps, 'not-a-token')).toBeNull();
  });
});
