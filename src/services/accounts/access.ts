/** The agencies a role covers, and the one question every back-office edge asks: `can`. */
import { agenciesRepository } from '../../db/repositories/agencies.ts';
import type { UserRecord } from '../../db/repositories/users.ts';
import { isAllowed } from '../../domain/accounts/access.ts';
import { type Action, type Role, reachOf } from '../../domain/accounts/roles.ts';
import type { Agency } from '../../domain/agencies/model.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Deps } from '../deps.ts';
import type { SignedInUser } from './model.ts';

/** The agencies a role anchored at an agency covers: that agency, or its whole subtree. */
export async function agencyScope(deps: Pick<Deps, 'db'>, role: Role, agencyId: number): Promise<number[]> {
  switch (reachOf(role)) {
    case 'agency':
      return [agencyId];
    case 'subtree':
      return agenciesRepository(deps.db.db).subtreeIds(agencyId);
  }
}

/** A stored user as a signed-in person, with the agencies the role covers. */
export async function toSignedInUser(deps: Pick<Deps, 'db'>, user: UserRecord): Promise<SignedInUser> {
  return {
    id: user.id,
    login: user.login,
    displayName: user.displayName,
    role: user.role,
    agencyId: user.agencyId,
    agencyIds: await agencyScope(deps, user.role, user.agencyId),
  };
}

/** True when the user's role allows the action and the agency is in the user's scope. */
export function can(user: SignedInUser, action: Action, agencyId: number): boolean {
  return isAllowed(user, action, agencyId);
}

/** Throws DomainError('auth.forbidden') unless `can(user, action, agencyId)`. */
export function assertCan(user: SignedInUser, action: Action, agencyId: number): void {
  if (!can(user, action, agencyId)) {
    throw new DomainError('auth.forbidden', '您没有权限进行此操作');
  }
}

/**
 * The agencies, in id order, on which the user may take `action`; without an action, every
 * agency in the user's scope (what a list of the user's work filters by).
 */
export async function agenciesUserCan(
  deps: Pick<Deps, 'db'>,
  user: SignedInUser,
  action?: Action,
): Promise<Agency[]> {
  const all = await agenciesRepository(deps.db.db).list();
  return all.filter((a) => (action ? can(user, action, a.id) : user.agencyIds.includes(a.id)));
}
