/** Every query about sign-in sessions. Rows are keyed by the token's hash, never the token. */
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

export interface SessionRecord {
  /** SHA-256 (hex) of the cookie's token. */
  id: string;
  userId: number;
  csrfSecret: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
}

type Row = {
  id: string;
  user_id: number;
  csrf_secret: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
};
const toSession = (r: Row): SessionRecord => ({
  id: r.id,
  userId: r.user_id,
  csrfSecret: r.csrf_secret,
  createdAt: r.created_at,
  lastSeenAt: r.last_seen_at,
  expiresAt: r.expires_at,
});

export function sessionsRepository(db: Kysely<Database>) {
  return {
    async insert(s: SessionRecord): Promise<void> {
      await db
        .insertInto('sessions')
        .values({
          id: s.id,
          user_id: s.userId,
          csrf_secret: s.csrfSecret,
          created_at: s.createdAt,
          last_seen_at: s.lastSeenAt,
          expires_at: s.expiresAt,
        })
        .execute();
    },

    /** The session if it has not expired at `now` and its user is not disabled. */
    async findLive(id: string, now: string): Promise<SessionRecord | null> {
      const row = await db
        .selectFrom('sessions')
        .innerJoin('users', 'users.id', 'sessions.user_id')
        .select([
          'sessions.id',
          'sessions.user_id',
          'sessions.csrf_secret',
          'sessions.created_at',
          'sessions.last_seen_at',
          'sessions.expires_at',
        ])
        .where('sessions.id', '=', id)
        .where('sessions.expires_at', '>', now)
        .where('users.disabled', '=', 0)
        .executeTakeFirst();
      return row ? toSession(row) : null;
    },

    async touch(id: string, lastSeenAt: string, expiresAt: string): Promise<void> {
      await db
        .updateTable('sessions')
        .set({ last_seen_at: lastSeenAt, expires_at: expiresAt })
        .where('id', '=', id)
        .execute();
    },

    async delete(id: string): Promise<boolean> {
      const result = await db.deleteFrom('sessions').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },

    async deleteForUser(userId: number): Promise<number> {
      const result = await db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    async deleteExpired(now: string): Promise<number> {
      const result = await db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
