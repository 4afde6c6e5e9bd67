/**
 * Sign-in: checks a login name and password. Every refusal says the same thing (“用户名或密码
 * 错误”) and takes about as long: an unknown name is verified against a dummy hash. After
 * LOCKOUT.maxFailures failures for one login name within LOCKOUT.windowMinutes (counted from
 * the audit trail, so it holds across server instances and for names that do not exist), the
 * name is refused until the window has passed. The web edge adds a per-address rate limit.
 */
import { auditEventsRepository } from '../../db/repositories/audit-events.ts';
import { type UserRecord, usersRepository } from '../../db/repositories/users.ts';
import type { AuditSubject } from '../../domain/accounts/audit.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Deps } from '../deps.ts';
import { writeAudit } from './audit.ts';
import { dummyHash, hashPassword, needsRehash, verifyPassword } from './passwords.ts';

export const LOCKOUT = { maxFailures: 5, windowMinutes: 15 } as const;

export const INVALID_CREDENTIALS = '用户名或密码错误';

export interface AuthenticateInput {
  login: unknown;
  password: unknown;
  /** The client's address, kept in the audit detail. */
  ip?: string;
}

/** Returns the user when the name and password match an enabled account; throws otherwise. */
export async function authenticate(deps: Deps, input: AuthenticateInput): Promise<UserRecord> {
  const login = typeof input.login === 'string' ? input.login.trim().toLowerCase().slice(0, 100) : '';
  const password = typeof input.password === 'string' ? input.password : '';
  if (!login || !password) throw new DomainError('auth.invalid', INVALID_CREDENTIALS);
  const subject: AuditSubject = `login:${login}`;
  const audit = auditEventsRepository(deps.db.db);
  const now = deps.clock.now();

  const windowStart = new Date(now.getTime() - LOCKOUT.windowMinutes * 60_000).toISOString();
  const lastSuccess = await audit.lastAt(subject, 'auth.login');
  const since = lastSuccess && lastSuccess > windowStart ? lastSuccess : windowStart;
  if ((await audit.countSince(subject, 'auth.login_failed', since)) >= LOCKOUT.maxFailures) {
    throw new DomainError('auth.locked', `登录失败次数过多，请${LOCKOUT.windowMinutes}分钟后再试`);
  }

  const users = usersRepository(deps.db.db);
  const user = await users.findCredentials(login);
  const isMatch = await verifyPassword(user?.passwordHash ?? (await dummyHash()), password);
  if (!user || !isMatch || user.isDisabled) {
    await writeAudit(deps, {
      actorId: null,
      actor: 'anonymous',
      action: 'auth.login_failed',
      subject,
      agencyId: user?.agencyId ?? null,
      detail: { reason: !user ? 'unknown' : !isMatch ? 'password' : 'disabled', ip: input.ip ?? null },
    });
    throw new DomainError('auth.invalid', INVALID_CREDENTIALS);
  }

  if (needsRehash(user.passwordHash)) {
    await users.setPasswordHash(user.id, await hashPassword(password), now.toISOString());
  }
  await writeAudit(deps, {
    actorId: user.id,
    actor: user.login,
    action: 'auth.login',
    subject,
    agencyId: user.agencyId,
    detail: { ip: input.ip ?? null },
  });
  const { passwordHash: _hash, ...record } = user;
  return record;
}
