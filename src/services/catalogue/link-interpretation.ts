/**
 * Links a policy interpretation (政策解读, 图解) to the policy it explains. The link is stored
 * once, on the interpretation (`interpretation_of`), and read both ways: the interpretation
 * shows its policy and the policy lists its interpretations (getItem).
 */

import { type CatalogueItem, catalogueRepository } from '../../db/repositories/catalogue.ts';
import { catalogueChanged } from '../../db/repositories/catalogue-generation.ts';
import { interpretationProblem } from '../../domain/catalogue/validate.ts';
import { DomainError } from '../../domain/errors.ts';
import { parseInput } from '../applications/schemas.ts';
import type { Deps } from '../deps.ts';
import { LinkInterpretationSchema } from './schemas.ts';

export interface InterpretationLink {
  interpretation: CatalogueItem;
  /** null when the link was removed. */
  policy: CatalogueItem | null;
  /** Every interpretation of the policy, this one included. */
  interpretations: CatalogueItem[];
}

/** Makes `itemId` the interpretation of `policyItemId` (null: no longer an interpretation). */
export async function linkInterpretation(deps: Deps, input: unknown): Promise<InterpretationLink> {
  const v = parseInput(LinkInterpretationSchema, input);
  const items = catalogueRepository(deps.db.db);
  const interpretation = await items.findById(v.itemId);
  if (!interpretation) {
    throw new DomainError('catalogue.not_found', `未找到编号为${v.itemId}的目录信息`, 'itemId');
  }
  const policy = v.policyItemId === null ? null : await items.findById(v.policyItemId);
  if (v.policyItemId !== null && !policy) {
    throw new DomainError('catalogue.not_found', `未找到编号为${v.policyItemId}的被解读信息`, 'policyItemId');
  }
  if (policy) {
    const problem = interpretationProblem(interpretation, policy);
    if (problem) throw new DomainError('validation.invalid', problem.message, problem.field);
    if ((await items.interpretationsOf(interpretation.id)).length > 0) {
      throw new DomainError(
        'validation.invalid',
        '该信息已有政策解读关联到它，是被解读的政策文件，不能再作为解读',
        'itemId',
      );
    }
  }
  const linked = await items.setState(
    interpretation.id,
    { interpretationOf: policy?.id ?? null },
    deps.clock.now().toISOString(),
  );
  // After the commit: pages rendered from here on see the change (db/repositories/catalogue-generation.ts).
  catalogueChanged();
  return {
    interpretation: linked,
    policy,
    interpretations: policy ? await items.interpretationsOf(policy.id) : [],
  };
}
