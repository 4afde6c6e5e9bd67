/** The checks every change to someone else's account passes: scope, rank, and not oneself. */
import type { UserRecord } from '../../db/repositories/users.ts';
import { assignableRoles, ROLE_LABELS } from '../../domain/accounts/roles.ts';
import { DomainError } from '../../domain/errors.ts';
import { assertCan } from './access.ts';
import { type Actor, isSystemActor } from './model.ts';

/**
 * Throws unless the actor may change `user`: `users.manage` at the user's agency, a role that
 * could have given the user's role (an agency administrator never touches a county
 * administrator), and another person's account. The system (CLI) may change any.
 */
export function assertManages(actor: Actor, user: UserRecord, verb: string): void {
  if (isSystemActor(actor)) return;
  if (actor.id === user.id) {
    throw new DomainError('user.own_account', `不能对自己的账号执行“${verb}”，请联系其他管理员办理`);
  }
  assertCan(actor, 'users.manage', user.agencyId);
  if (!assignableRoles(actor.role).includes(user.role)) {
    throw new DomainError('auth.forbidden', `您不能对“${ROLE_LABELS[user.role]}”账号执行“${verb}”`);
  }
}
