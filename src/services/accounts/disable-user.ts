/** Disabling an account: it can no longer sign in, and its sessions end at once. */
import { sessionsRepository } from '../../db/repositories/sessions.ts';
import { usersRepository } from '../../db/repositories/users.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Deps } from '../deps.ts';
import { writeAudit } from './audit.ts';
import { assertManages } from './manage-user.ts';
import { type Actor, actorId, actorName } from './model.ts';

/**
 * Disables the account and revokes its sessions; needs `users.manage` at the user's agency
 * and a rank at least the user's. Nobody disables their own account (there would be no one
 * left to undo it at an agency with one administrator).
 */
export async function disableUser(deps: Deps, userId: number, actor: Actor): Promise<void> {
  const user = await usersRepository(deps.db.db).findById(userId);
  if (!user) throw new DomainError('user.not_found', '未找到该账号');
  assertManages(actor, user, '停用');
  const now = deps.clock.now().toISOString();
  await deps.db.db.transaction().execute(async (trx) => {
    await usersRepository(trx).setDisabled(user.id, true, now);
    const revoked = await sessionsRepository(trx).deleteForUser(user.id);
    await writeAudit(
      deps,
      {
        actorId: actorId(actor),
        actor: actorName(actor),
        action: 'user.disabled',
        subject: `user:${user.id}`,
        agencyId: user.agencyId,
        detail: { login: user.login, sessionsRevoked: revoked },
      },
      trx,
    );
  });
}
