/**
 * The embedded engine: SQLite FTS5 over jieba-segmented text (migration 0004-search), ranked
 * by bm25 with the title weighted above the body and the body above attachments. Filters and
 * the original text come from `search_documents`, joined on rowid.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { SearchIndex } from './index.ts';
import { type MatchMode, matchExpression, type SearchPlan } from './plan.ts';
import { runSearch, type StoredHit } from './run-search.ts';
import { segment } from './segment.ts';
import { saveStoredDocument } from './stored-documents.ts';

/** bm25 column weights: title, body, attachments. Lower is better. */
const BM25 = sql<number>`bm25(search_fts, 10.0, 2.0, 1.0)`;

const FTS5_SYNTAX = { quote: (token: string) => `"${token.replaceAll('"', '""')}"`, and: 'AND', or: 'OR' };

/** The search index on SQLite. */
export function sqliteFts5Index(db: Kysely<Database>): SearchIndex {
  function matching(plan: SearchPlan, mode: MatchMode) {
    let query = db
      .selectFrom('search_fts')
      .innerJoin('search_documents as d', 'd.id', 'search_fts.rowid')
      .where(sql<boolean>`search_fts match ${matchExpression(plan.terms, mode, FTS5_SYNTAX)}`);
    if (plan.agencyIds) query = query.where('d.agency_id', 'in', plan.agencyIds);
    if (plan.category !== undefined) query = query.where('d.category', '=', plan.category);
    if (plan.year !== undefined) query = query.where('d.year', '=', plan.year);
    if (plan.genre !== undefined) query = query.where('d.genre', '=', plan.genre);
    return query;
  }

  return {
    async upsert(doc, executor = db) {
      await saveStoredDocument(executor, doc);
      await executor.deleteFrom('search_fts').where('rowid', '=', doc.id).execute();
      await executor
        .insertInto('search_fts')
        .values({
          rowid: doc.id,
          title: segment(doc.title),
          body: segment(doc.body),
          attachments: segment(doc.attachmentsText),
        })
        .execute();
    },

    async remove(id, executor = db) {
      await executor.deleteFrom('search_fts').where('rowid', '=', id).execute();
      await executor.deleteFrom('search_documents').where('id', '=', id).execute();
    },

    search: (query) =>
      runSearch(query, async (plan, mode) => {
        const counted = await matching(plan, mode)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow();
        const total = Number(counted.n);
        if (plan.offset >= total) return { total, rows: [] };
        let page = matching(plan, mode).select([
          'd.id',
          'd.title',
          'd.body',
          'd.attachments_text',
          'd.published_on',
          sql<number>`-${BM25}`.as('score'),
        ]);
        if (plan.sort === 'relevance') page = page.orderBy(BM25);
        const rows: StoredHit[] = await page
          .orderBy('d.published_on', (ob) => ob.desc().nullsLast())
          .orderBy('d.id', 'desc')
          .limit(plan.limit)
          .offset(plan.offset)
          .execute();
        return { total, rows };
      }),
  };
}
