/**
 * An administrator sets a new initial password for someone who forgot theirs: the password
 * rules of schemas.ts apply, every session of the account ends (whoever held the old password
 * is signed out), and the change is audited. The administrator tells the person the password.
 */
import { z } from 'zod';
import { sessionsRepository } from '../../db/repositories/sessions.ts';
import { usersRepository } from '../../db/repositories/users.ts';
import { DomainError } from '../../domain/errors.ts';
import { parseInput } from '../applications/schemas.ts';
import type { Deps } from '../deps.ts';
import { writeAudit } from './audit.ts';
import { assertManages } from './manage-user.ts';
import { type Actor, actorId, actorName } from './model.ts';
import { hashPassword } from './passwords.ts';
import { PasswordSchema } from './schemas.ts';

export const ResetPasswordSchema = z.object({
  userId: z.coerce.number().int().positive({ message: '账号编号无效' }),
  password: PasswordSchema,
});
export type ResetPasswordInput = z.input<typeof ResetPasswordSchema>;

/** Sets the account's password, ends its sessions and writes `user.password_changed` (reset). */
export async function resetPassword(deps: Deps, input: ResetPasswordInput, actor: Actor): Promise<void> {
  const v = parseInput(ResetPasswordSchema, input);
  const user = await usersRepository(deps.db.db).findById(v.userId);
  if (!user) throw new DomainError('user.not_found', '未找到该账号');
  assertManages(actor, user, '重置密码');
  if (v.password.toLowerCase().includes(user.login)) {
    throw new DomainError('validation.invalid', '密码不能包含用户名', 'password');
  }
  const passwordHash = await hashPassword(v.password);
  const now = deps.clock.now().toISOString();
  await deps.db.db.transaction().execute(async (trx) => {
    await usersRepository(trx).setPasswordHash(user.id, passwordHash, now);
    const revoked = await sessionsRepository(trx).deleteForUser(user.id);
    await writeAudit(
      deps,
      {
        actorId: actorId(actor),
        actor: actorName(actor),
        action: 'user.password_changed',
        subject: `user:${user.id}`,
        agencyId: user.agencyId,
        detail: { login: user.login, reset: true, sessionsRevoked: revoked },
      },
      trx,
    );
  });
}
