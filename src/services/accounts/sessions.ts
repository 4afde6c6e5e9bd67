/**
 * Sign-in sessions kept in the database. The cookie carries a random 32-byte token; the table
 * keeps only its SHA-256, so reading the table does not let anyone sign in. A session ends
 * after SESSION_POLICY.idleMinutes without a request (sliding) and at the latest
 * absoluteHours after sign-in. Each has its own CSRF secret (src/web/csrf.ts).
 */
import { createHash, randomBytes } from 'node:crypto';
import { sessionsRepository } from '../../db/repositories/sessions.ts';
import { usersRepository } from '../../db/repositories/users.ts';
import type { Deps } from '../deps.ts';
import { toSignedInUser } from './access.ts';
import { writeAudit } from './audit.ts';
import type { SignedInUser } from './model.ts';

export interface SessionPolicy {
  idleMinutes: number;
  absoluteHours: number;
  /** Only write last_seen_at when at least this much has passed, not on every request. */
  touchAfterSeconds: number;
}

export const SESSION_POLICY: SessionPolicy = { idleMinutes: 120, absoluteHours: 12, touchAfterSeconds: 60 };

export interface OpenedSession {
  /** The token for the cookie; not stored anywhere on the server. */
  token: string;
  csrfSecret: string;
  expiresAt: string;
}

export interface LiveSession {
  /** The stored id (hash of the token). */
  id: string;
  user: SignedInUser;
  csrfSecret: string;
  expiresAt: string;
}

/** The stored id of a token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

const plusMinutes = (d: Date, minutes: number) => new Date(d.getTime() + minutes * 60_000);

/** Opens a session for a user who has just signed in. */
export async function createSession(
  deps: Deps,
  userId: number,
  policy: SessionPolicy = SESSION_POLICY,
): Promise<OpenedSession> {
  const token = randomBytes(32).toString('base64url');
  const csrfSecret = randomBytes(32).toString('base64url');
  const now = deps.clock.now();
  const expiresAt = plusMinutes(now, policy.idleMinutes).toISOString();
  await sessionsRepository(deps.db.db).insert({
    id: hashToken(token),
    userId,
    csrfSecret,
    createdAt: now.toISOString(),
    lastSeenAt: now.toISOString(),
    expiresAt,
  });
  return { token, csrfSecret, expiresAt };
}

/**
 * The live session of a token with its user, extending it (sliding expiry, capped at the
 * absolute limit); null when unknown, expired, or the user was disabled.
 */
export async function lookupSession(
  deps: Deps,
  token: string,
  policy: SessionPolicy = SESSION_POLICY,
): Promise<LiveSession | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const sessions = sessionsRepository(deps.db.db);
  const now = deps.clock.now();
  const session = await sessions.findLive(hashToken(token), now.toISOString());
  if (!session) return null;
  const user = await usersRepository(deps.db.db).findById(session.userId);
  if (!user || user.isDisabled) return null;

  let expiresAt = session.expiresAt;
  if (now.getTime() - Date.parse(session.lastSeenAt) >= policy.touchAfterSeconds * 1000) {
    const idle = plusMinutes(now, policy.idleMinutes).getTime();
    const cap = plusMinutes(new Date(session.createdAt), policy.absoluteHours * 60).getTime();
    expiresAt = new Date(Math.min(idle, cap)).toISOString();
    await sessions.touch(session.id, now.toISOString(), expiresAt);
  }
  return {
    id: session.id,
    user: await toSignedInUser(deps, user),
    csrfSecret: session.csrfSecret,
    expiresAt,
  };
}

/** Ends the session of a token (sign-out); true when there was one. */
export async function revokeSession(deps: Deps, token: string): Promise<boolean> {
  return sessionsRepository(deps.db.db).delete(hashToken(token));
}

/** Ends every session of a user (disabled, password changed). */
export async function revokeUserSessions(deps: Deps, userId: number): Promise<number> {
  return sessionsRepository(deps.db.db).deleteForUser(userId);
}

/** Deletes expired sessions (housekeeping; lookups ignore them anyway). */
export async function purgeExpiredSessions(deps: Deps): Promise<number> {
  return sessionsRepository(deps.db.db).deleteExpired(deps.clock.now().toISOString());
}

/** Signs out: ends the session of the token and records it for the user. */
export async function signOut(deps: Deps, token: string, user: SignedInUser | null): Promise<void> {
  const wasLive = await revokeSession(deps, token);
  if (wasLive && user) {
    await writeAudit(deps, {
      actorId: user.id,
      actor: user.login,
      action: 'auth.logout',
      subject: `user:${user.id}`,
      agencyId: user.agencyId,
    });
  }
}
