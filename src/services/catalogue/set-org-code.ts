/**
 * Sets the organisation code an agency's index numbers start with (索引号前段码). Offices type
 * it with or without its hyphen, or give the unified social credit code, which embeds it.
 * Numbers already given keep their front part: an index number never changes.
 */

import { agenciesRepository } from '../../db/repositories/agencies.ts';
import { catalogueChanged } from '../../db/repositories/catalogue-generation.ts';
import { normalizeOrgCode } from '../../domain/catalogue/index-number.ts';
import { DomainError } from '../../domain/errors.ts';
import { findAgency } from '../agencies/find-agency.ts';
import type { Deps } from '../deps.ts';

/** Stores the agency's 9-character organisation code; returns it as stored. */
export async function setAgencyOrgCode(
  deps: Deps,
  input: { agency: string; orgCode: string },
): Promise<string> {
  const agencies = agenciesRepository(deps.db.db);
  const agency = await findAgency(deps, input.agency);
  const orgCode = normalizeOrgCode(input.orgCode);
  if (!orgCode) {
    throw new DomainError(
      'validation.invalid',
      '组织机构代码应为9位数字或大写字母（可带“-”），或18位统一社会信用代码',
      'orgCode',
    );
  }
  try {
    await agencies.setOrgCode(agency.id, orgCode);
  } catch (error) {
    if (/unique|duplicate/i.test(String(error))) {
      throw new DomainError('agency.duplicate', `组织机构代码${orgCode}已由其他机关使用`, 'orgCode');
    }
    throw error;
  }
  catalogueChanged();
  return orgCode;
}
