/**
 * Records that a published item is no longer in force: 废止 (repealed by a later act) or 失效
 * (lapsed, e.g. at the end of its term), on the day it happened. The item stays in the
 * catalogue and its search, marked with its validity (glossary §2 有效性), and table 2 of the
 * annual report counts it as no longer in force from that day.
 */

import { type CatalogueItem, catalogueRepository } from '../../db/repositories/catalogue.ts';
import { catalogueChanged } from '../../db/repositories/catalogue-generation.ts';
import type { IsoDate } from '../../domain/calendar/index.ts';
import { itemDateProblems } from '../../domain/catalogue/validate.ts';
import { DomainError } from '../../domain/errors.ts';
import { parseInput } from '../applications/schemas.ts';
import type { Deps } from '../deps.ts';
import { indexItem, searchIndexOf } from './index-item.ts';
import { RepealItemSchema } from './schemas.ts';

/** Marks a published item repealed or expired on `repealedOn`, today by default. */
export async function repealItem(deps: Deps, input: unknown): Promise<CatalogueItem> {
  const v = parseInput(RepealItemSchema, input);
  const repealedOn = (v.repealedOn ?? deps.clock.today()) as IsoDate;
  const item = await catalogueRepository(deps.db.db).findById(v.itemId);
  if (!item) throw new DomainError('catalogue.not_found', `未找到编号为${v.itemId}的目录信息`, 'itemId');
  if (item.status === 'draft') {
    throw new DomainError('catalogue.illegal_state', '该信息尚未发布，不需要废止；草稿可直接修改', 'itemId');
  }
  if (item.status === 'repealed') {
    throw new DomainError('catalogue.illegal_state', `该信息已于${item.repealedOn}废止或失效`, 'itemId');
  }
  const problem = itemDateProblems({ ...item, repealedOn }, deps.clock.today())[0];
  if (problem) throw new DomainError('validation.invalid', problem.message, problem.field);

  const now = deps.clock.now().toISOString();
  const index = searchIndexOf(deps);
  const repealed = await deps.db.db.transaction().execute(async (trx) => {
    const saved = await catalogueRepository(trx).setState(
      item.id,
      { status: 'repealed', validity: v.validity, repealedOn },
      now,
    );
    await indexItem(index, trx, saved);
    return saved;
  });
  // After the commit: pages rendered from here on see the change (db/repositories/catalogue-generation.ts).
  catalogueChanged();
  return repealed;
}
