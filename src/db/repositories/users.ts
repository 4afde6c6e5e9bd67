/** Every query about back-office accounts. */
import type { Kysely } from 'kysely';
import type { Role } from '../../domain/accounts/roles.ts';
import type { Database } from '../schema.ts';

export interface UserRecord {
  id: number;
  login: string;
  displayName: string;
  role: Role;
  agencyId: number;
  isDisabled: boolean;
  createdAt: string;
}

/** A user with the stored password hash (only sign-in reads it). */
export interface UserWithHash extends UserRecord {
  passwordHash: string;
}

export interface NewUser {
  login: string;
  displayName: string;
  passwordHash: string;
  role: Role;
  agencyId: number;
}

type Row = {
  id: number;
  login: string;
  display_name: string;
  role: string;
  agency_id: number;
  disabled: number;
  created_at: string;
};
const COLUMNS = ['id', 'login', 'display_name', 'role', 'agency_id', 'disabled', 'created_at'] as const;
const toUser = (r: Row): UserRecord => ({
  id: r.id,
  login: r.login,
  displayName: r.display_name,
  role: r.role as Role,
  agencyId: r.agency_id,
  isDisabled: Number(r.disabled) === 1,
  createdAt: r.created_at,
});

export function usersRepository(db: Kysely<Database>) {
  return {
    async insert(u: NewUser, now: string): Promise<UserRecord> {
      const row = await db
        .insertInto('users')
        .values({
          login: u.login,
          display_name: u.displayName,
          password_hash: u.passwordHash,
          role: u.role,
          agency_id: u.agencyId,
          created_at: now,
          updated_at: now,
        })
        .returning(COLUMNS)
        .executeTakeFirstOrThrow();
      return toUser(row);
    },

    async findById(id: number): Promise<UserRecord | null> {
      const row = await db.selectFrom('users').select(COLUMNS).where('id', '=', id).executeTakeFirst();
      return row ? toUser(row) : null;
    },

    async findByLogin(login: string): Promise<UserRecord | null> {
      const row = await db.selectFrom('users').select(COLUMNS).where('login', '=', login).executeTakeFirst();
      return row ? toUser(row) : null;
    },

    /** With the password hash, for sign-in. */
    async findCredentials(login: string): Promise<UserWithHash | null> {
      const row = await db
        .selectFrom('users')
        .select([...COLUMNS, 'password_hash'])
        .where('login', '=', login)
        .executeTakeFirst();
      return row ? { ...toUser(row), passwordHash: row.password_hash } : null;
    },

    async setPasswordHash(id: number, passwordHash: string, now: string): Promise<void> {
      await db
        .updateTable('users')
        .set({ password_hash: passwordHash, updated_at: now })
        .where('id', '=', id)
        .execute();
    },

    async setDisabled(id: number, isDisabled: boolean, now: string): Promise<void> {
      await db
        .updateTable('users')
        .set({ disabled: isDisabled ? 1 : 0, updated_at: now })
        .where('id', '=', id)
        .execute();
    },

    /** Accounts anchored at any of the agencies, by login name. */
    async listForAgencies(agencyIds: readonly number[]): Promise<UserRecord[]> {
      if (agencyIds.length === 0) return [];
      const rows = await db
        .selectFrom('users')
        .select(COLUMNS)
        .where('agency_id', 'in', agencyIds)
        .orderBy('login')
        .execute();
      return rows.map(toUser);
    },
  };
}
