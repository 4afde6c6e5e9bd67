/**
 * Keeping the search index in step with the catalogue. Every write of an item calls
 * `indexItem` inside its own transaction, so the portal never finds an item that was not
 * saved, nor misses one that was. Only public items are indexed (isPublic): a draft saved in
 * the back office must not turn up in the portal's search.
 */

import type { Kysely } from 'kysely';
import { type CatalogueItem, catalogueRepository } from '../../db/repositories/catalogue.ts';
import { catalogueChanged } from '../../db/repositories/catalogue-generation.ts';
import type { Database } from '../../db/schema.ts';
import { isPublic } from '../../domain/catalogue/model.ts';
import { createSearchIndex, type SearchDocument, type SearchIndex } from '../../search/index.ts';
import type { Deps } from '../deps.ts';

/** The index of `deps` (the one the caller gave, else the engine's own). */
export function searchIndexOf(deps: Deps): SearchIndex {
  return deps.searchIndex ?? createSearchIndex(deps.db);
}

/** What the index keeps of an item: the document number, keywords and summary are searched with the body. */
export function searchDocumentOf(item: CatalogueItem, attachmentsText: string): SearchDocument {
  const body = [item.docNumber, item.keywords.join(' '), item.summary, item.body]
    .filter((part): part is string => part !== null && part !== '')
    .join('\n');
  const dated = item.publishedOn ?? item.madeOn;
  return {
    id: item.id,
    agencyId: item.agencyId,
    title: item.title,
    body,
    attachmentsText,
    category: item.catalogueCategory,
    subject: item.subject,
    genre: item.genre,
    year: Number(dated.slice(0, 4)),
    publishedOn: item.publishedOn,
  };
}

/** Writes (or removes) the item's search document with `executor`, normally the caller's transaction. */
export async function indexItem(
  index: SearchIndex,
  executor: Kysely<Database>,
  item: CatalogueItem,
): Promise<'indexed' | 'removed'> {
  // The search pages change with the index: every caller bumps the catalogue generation after its commit.
  if (!isPublic(item)) {
    await index.remove(item.id, executor);
    return 'removed';
  }
  const attachmentsText = await catalogueRepository(executor).attachmentsText(item.id);
  await index.upsert(searchDocumentOf(item, attachmentsText), executor);
  return 'indexed';
}

export interface ReindexSummary {
  indexed: number;
  removed: number;
}

const BATCH = 200;

/** Rebuilds the search document of every item, a batch per transaction (`gongkai search reindex`, the demo). */
export async function reindexAll(deps: Deps): Promise<ReindexSummary> {
  const index = searchIndexOf(deps);
  const summary: ReindexSummary = { indexed: 0, removed: 0 };
  let afterId = 0;
  for (;;) {
    const items = await catalogueRepository(deps.db.db).batchAfter(afterId, BATCH);
    if (items.length === 0) {
      await index.optimize();
      return summary;
    }
    await deps.db.db.transaction().execute(async (trx) => {
      for (const item of items) summary[await indexItem(index, trx, item)] += 1;
    });
    catalogueChanged();
    afterId = items[items.length - 1]!.id;
  }
}
