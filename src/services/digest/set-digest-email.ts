/**
 * Setting the e-mail address a user's morning digest goes to (users.email). People set their
 * own; setting someone else's needs `users.manage` at that user's agency; the command line may
 * set any. An empty address clears it: no more digests by e-mail.
 */
import { z } from 'zod';
import { digestRepository } from '../../db/repositories/digest.ts';
import { DomainError } from '../../domain/errors.ts';
import { assertCan } from '../accounts/access.ts';
import { writeAudit } from '../accounts/audit.ts';
import { type Actor, actorId, actorName, isSystemActor } from '../accounts/model.ts';
import type { Deps } from '../deps.ts';

export const EMAIL_MESSAGE = '请填写有效的电子邮箱地址，例如 name@example.gov.cn；留空表示不接收提醒邮件';

/** An address (RFC 5321 caps it at 254 characters), or empty for none. */
export const DigestEmailSchema = z
  .string()
  .trim()
  .max(254, EMAIL_MESSAGE)
  .transform((v) => (v === '' ? null : v))
  .pipe(z.email(EMAIL_MESSAGE).nullable());

/** Parses a typed address: the address (trimmed) or null for none; a DomainError on the `email` field otherwise. */
export function parseDigestEmail(input: unknown): string | null {
  const parsed = DigestEmailSchema.safeParse(typeof input === 'string' ? input : '');
  if (!parsed.success) throw new DomainError('validation.invalid', EMAIL_MESSAGE, 'email');
  return parsed.data;
}

export async function setDigestEmail(
  deps: Deps,
  userId: number,
  input: unknown,
  actor: Actor,
): Promise<string | null> {
  const email = parseDigestEmail(input);
  const repo = digestRepository(deps.db.db);
  const user = await repo.findRecipient(userId);
  if (!user) throw new DomainError('user.not_found', '未找到该账号');
  if (!isSystemActor(actor) && actor.id !== user.id) assertCan(actor, 'users.manage', user.agencyId);
  if (email === user.email) return email;
  const now = deps.clock.now().toISOString();
  await deps.db.db.transaction().execute(async (trx) => {
    await digestRepository(trx).setEmail(user.id, email, now);
    await writeAudit(
      deps,
      {
        actorId: actorId(actor),
        actor: actorName(actor),
        action: 'user.email_changed',
        subject: `user:${user.id}`,
        agencyId: user.agencyId,
        detail: { login: user.login, hasEmail: email !== null },
      },
      trx,
    );
  });
  return email;
}
