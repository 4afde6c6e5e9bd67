/** An agency named by its code or full name, or `agency.not_found` with the name in the message. */
import { agenciesRepository } from '../../db/repositories/agencies.ts';
import type { Agency } from '../../domain/agencies/model.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Deps } from '../deps.ts';

export async function findAgency(deps: Pick<Deps, 'db'>, key: string): Promise<Agency> {
  const agency = await agenciesRepository(deps.db.db).findByCodeOrName(key);
  if (!agency) throw new DomainError('agency.not_found', `未找到机关“${key}”`, 'agency');
  return agency;
}
