/**
 * Publishes an item (主动公开): sets its publication date and puts it in the portal's search
 * index, in one transaction. A publication later than R-26 allows (art. 26: 20 working days
 * from formation or change) is still made, with a Chinese warning naming the due date. An item
 * changed after its publication (变更) is published again the same way; its date becomes that
 * of the current version.
 */

import { type CatalogueItem, catalogueRepository } from '../../db/repositories/catalogue.ts';
import { catalogueChanged } from '../../db/repositories/catalogue-generation.ts';
import type { IsoDate } from '../../domain/calendar/index.ts';
import {
  checkPublicationDeadline,
  type PublicationCheck,
} from '../../domain/catalogue/publication-deadline.ts';
import { itemDateProblems } from '../../domain/catalogue/validate.ts';
import { DomainError } from '../../domain/errors.ts';
import { parseInput } from '../applications/schemas.ts';
import type { Deps } from '../deps.ts';
import { indexItem, searchIndexOf } from './index-item.ts';
import { PublishItemSchema } from './schemas.ts';

export interface PublishItemResult {
  item: CatalogueItem;
  publication: PublicationCheck;
  /** The R-26 warning when the publication is late, else null. */
  warning: string | null;
}

/** Publishes a draft (or a changed item) on `publishedOn`, today by default. */
export async function publishItem(deps: Deps, input: unknown): Promise<PublishItemResult> {
  const v = parseInput(PublishItemSchema, input);
  const publishedOn = (v.publishedOn ?? deps.clock.today()) as IsoDate;
  const item = await catalogueRepository(deps.db.db).findById(v.itemId);
  if (!item) throw new DomainError('catalogue.not_found', `未找到编号为${v.itemId}的目录信息`, 'itemId');
  if (item.status === 'repealed') {
    throw new DomainError('catalogue.illegal_state', '该信息已废止或失效，不能再发布', 'itemId');
  }
  const isRepublication = item.status === 'published';
  if (
    isRepublication &&
    (item.changedOn === null || item.publishedOn === null || item.changedOn <= item.publishedOn)
  ) {
    throw new DomainError(
      'catalogue.illegal_state',
      `该信息已于${item.publishedOn}发布；内容变更后请先填写变更日期再重新发布`,
      'itemId',
    );
  }
  const problem = itemDateProblems({ ...item, publishedOn }, deps.clock.today())[0];
  if (problem) throw new DomainError('validation.invalid', problem.message, problem.field);
  if (isRepublication && item.changedOn !== null && publishedOn < item.changedOn) {
    throw new DomainError('validation.invalid', '重新发布日期不能早于变更日期', 'publishedOn');
  }

  const publication = checkPublicationDeadline(
    { madeOn: item.madeOn, changedOn: item.changedOn, publishedOn },
    deps.calendar,
  );
  const now = deps.clock.now().toISOString();
  const index = searchIndexOf(deps);
  const published = await deps.db.db.transaction().execute(async (trx) => {
    const saved = await catalogueRepository(trx).setState(item.id, { status: 'published', publishedOn }, now);
    await indexItem(index, trx, saved);
    return saved;
  });
  // After the commit: pages rendered from here on see the change (db/repositories/catalogue-generation.ts).
  catalogueChanged();
  return { item: published, publication, warning: publication.warning };
}
