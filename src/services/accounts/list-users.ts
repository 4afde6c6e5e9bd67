/** The accounts an administrator manages: those anchored at the agencies the role covers. */
import { usersRepository } from '../../db/repositories/users.ts';
import type { Role } from '../../domain/accounts/roles.ts';
import type { Deps } from '../deps.ts';

export interface UserLine {
  id: number;
  login: string;
  displayName: string;
  role: Role;
  agencyId: number;
  agencyName: string;
  isDisabled: boolean;
  createdAt: string;
  /** The last successful sign-in, from the audit trail (`auth.login`); null if never. */
  lastSignInAt: string | null;
}

/** Accounts of the agencies, by login name, with their agency and last sign-in. */
export async function listUsers(deps: Pick<Deps, 'db'>, agencyIds: readonly number[]): Promise<UserLine[]> {
  const users = await usersRepository(deps.db.db).listForAgencies(agencyIds);
  if (users.length === 0) return [];
  const db = deps.db.db;
  const agencies = await db
    .selectFrom('agencies')
    .select(['id', 'name'])
    .where('id', 'in', [...new Set(users.map((u) => u.agencyId))])
    .execute();
  const names = new Map(agencies.map((a) => [a.id, a.name]));
  // Sign-ins are recorded under `login:<name>` (authenticate.ts); one grouped query for the page.
  const logins = await db
    .selectFrom('audit_events')
    .select((eb) => ['subject', eb.fn.max('created_at').as('at')])
    .where('action', '=', 'auth.login')
    .where(
      'subject',
      'in',
      users.map((u) => `login:${u.login}`),
    )
    .groupBy('subject')
    .execute();
  const last = new Map(logins.map((r) => [r.subject, r.at]));
  return users.map((u) => ({
    ...u,
    agencyName: names.get(u.agencyId) ?? '',
    lastSignInAt: last.get(`login:${u.login}`) ?? null,
  }));
}
