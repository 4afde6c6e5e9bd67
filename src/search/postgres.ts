/**
 * The PostgreSQL engine: a tsvector of the jieba-segmented text built with the 'simple'
 * configuration (no stemming or stop words, which are for European languages), title weighted
 * A, body B, attachments C; a GIN index; ranked with ts_rank_cd, normalised by document length
 * (flag 1) so long attachments do not outrank a title.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { SearchDocument, SearchIndex } from './index.ts';
import { type MatchMode, matchExpression, type SearchPlan } from './plan.ts';
import { runSearch, type StoredHit } from './run-search.ts';
import { segment } from './segment.ts';
import { saveStoredDocument } from './stored-documents.ts';

const TSQUERY_SYNTAX = { quote: (token: string) => `'${token.replaceAll("'", "''")}'`, and: '&', or: '|' };

function terms(doc: SearchDocument) {
  return sql<string>`setweight(to_tsvector('simple', ${segment(doc.title)}), 'A')
    || setweight(to_tsvector('simple', ${segment(doc.body)}), 'B')
    || setweight(to_tsvector('simple', ${segment(doc.attachmentsText)}), 'C')`;
}

/** The search index on PostgreSQL. */
export function postgresSearchIndex(db: Kysely<Database>): SearchIndex {
  function matching(plan: SearchPlan, mode: MatchMode) {
    const tsquery = sql`to_tsquery('simple', ${matchExpression(plan.terms, mode, TSQUERY_SYNTAX)})`;
    let query = db.selectFrom('search_documents as d').where(sql<boolean>`d.terms @@ ${tsquery}`);
    if (plan.agencyIds) query = query.where('d.agency_id', 'in', plan.agencyIds);
    if (plan.category !== undefined) query = query.where('d.category', '=', plan.category);
    if (plan.year !== undefined) query = query.where('d.year', '=', plan.year);
    if (plan.genre !== undefined) query = query.where('d.genre', '=', plan.genre);
    return { query, rank: sql<number>`ts_rank_cd(d.terms, ${tsquery}, 1)` };
  }

  return {
    async upsert(doc, executor = db) {
      await saveStoredDocument(executor, doc, terms(doc));
    },

    async remove(id, executor = db) {
      await executor.deleteFrom('search_documents').where('id', '=', id).execute();
    },

    search: (query) =>
      runSearch(query, async (plan, mode) => {
        const counted = await matching(plan, mode)
          .query.select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow();
        const total = Number(counted.n);
        if (plan.offset >= total) return { total, rows: [] };
        const { query: matched, rank } = matching(plan, mode);
        let page = matched.select([
          'd.id',
          'd.title',
          'd.body',
          'd.attachments_text',
          'd.published_on',
          rank.as('score'),
        ]);
        if (plan.sort === 'relevance') page = page.orderBy(rank, 'desc');
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
