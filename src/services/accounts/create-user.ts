/** Creating a back-office account: validated input, argon2id hash, an audit event. */
import { agenciesRepository } from '../../db/repositories/agencies.ts';
import { type UserRecord, usersRepository } from '../../db/repositories/users.ts';
import { assignableRoles, ROLE_LABELS } from '../../domain/accounts/roles.ts';
import { DomainError } from '../../domain/errors.ts';
import { parseInput } from '../applications/schemas.ts';
import type { Deps } from '../deps.ts';
import { assertCan } from './access.ts';
import { writeAudit } from './audit.ts';
import { type Actor, actorId, actorName, isSystemActor } from './model.ts';
import { hashPassword } from './passwords.ts';
import { type CreateUserInput, CreateUserSchema } from './schemas.ts';

/**
 * Creates an account. A person needs `users.manage` at the agency and may give only the roles
 * their own allows (an agency administrator never makes a county administrator); the CLI and
 * the demo loader act as the system.
 */
export async function createUser(deps: Deps, input: CreateUserInput, actor: Actor): Promise<UserRecord> {
  const v = parseInput(CreateUserSchema, input);
  const agency = await agenciesRepository(deps.db.db).findByCodeOrName(v.agency);
  if (!agency) throw new DomainError('agency.not_found', `未找到机关：${v.agency}`, 'agency');
  if (!isSystemActor(actor)) {
    if (!actor.agencyIds.includes(agency.id)) {
      throw new DomainError('auth.forbidden', `“${agency.name}”不在您管理的范围内`, 'agency');
    }
    assertCan(actor, 'users.manage', agency.id);
    if (!assignableRoles(actor.role).includes(v.role)) {
      throw new DomainError('auth.forbidden', `您不能创建“${ROLE_LABELS[v.role]}”账号`, 'role');
    }
  }
  const users = usersRepository(deps.db.db);
  if (await users.findByLogin(v.login)) {
    throw new DomainError('user.duplicate', `用户名“${v.login}”已被使用`, 'login');
  }
  const passwordHash = await hashPassword(v.password);
  const now = deps.clock.now().toISOString();
  return deps.db.db.transaction().execute(async (trx) => {
    const user = await usersRepository(trx).insert(
      { login: v.login, displayName: v.displayName, passwordHash, role: v.role, agencyId: agency.id },
      now,
    );
    await writeAudit(
      deps,
      {
        actorId: actorId(actor),
        actor: actorName(actor),
        action: 'user.created',
        subject: `user:${user.id}`,
        agencyId: agency.id,
        detail: { login: user.login, role: user.role, agency: agency.code },
      },
      trx,
    );
    return user;
  });
}
