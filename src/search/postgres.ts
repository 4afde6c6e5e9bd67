/**
 * The PostgreSQL engine: a tsvector of the jieba-segmented text built with the 'simple'
 * configuration (no stemming or stop words, which are for European languages), title weighted
 * A, body B, attachments C; a GIN index; ranked with ts_rank_cd, normalised by document length
 * (flag 1) so long attachments do not outrank a title. Migration 0010 adds to the same
 * tsvector the filter tokens (keys.ts) and `_t<word>` for each title word, so filters and
 * "every word in the title" are GIN lookups too, and an index on the sort key, so newest-first
 * is an index walk that stops at the page.
 */
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { SearchDocument, SearchIndex } from './index.ts';
import { facetToken, facetTokensOf, titleToken, titleTokensOf } from './keys.ts';
import { type MatchMode, matchExpression, type SearchPlan } from './plan.ts';
import { type Candidate, type EngineQueries, runSearch, type SearchLimits } from './run-search.ts';
import { segment } from './segment.ts';
import { saveStoredDocument, storedDocuments } from './stored-documents.ts';

/** A lexeme in tsquery input syntax (taken as it is: no parser, no dictionary). */
const lexeme = (token: string) => `'${token.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;
const TSQUERY_SYNTAX = { quote: lexeme, and: '&', or: '|' };

/** The lexemes added beside the words: filter tokens and the title's words marked `_t`. */
function extraLexemes(doc: SearchDocument, title: string): string[] {
  return [...facetTokensOf(doc), ...titleTokensOf(title)];
}

/** The `terms` tsvector of a document (the bench bulk-loads with it). */
export function postgresTerms(doc: SearchDocument): RawBuilder<string> {
  const title = segment(doc.title);
  return sql<string>`setweight(to_tsvector('simple', ${title}), 'A')
    || setweight(to_tsvector('simple', ${segment(doc.body)}), 'B')
    || setweight(to_tsvector('simple', ${segment(doc.attachmentsText)}), 'C')
    || array_to_tsvector(${extraLexemes(doc, title)}::text[])`;
}

/** The filters as a tsquery, or null when there are none. */
function filterQuery(plan: SearchPlan): string | null {
  const parts: string[] = [];
  if (plan.agencyIds)
    parts.push(`(${plan.agencyIds.map((id) => lexeme(facetToken.agency(id))).join(' | ')})`);
  if (plan.year !== undefined) parts.push(lexeme(facetToken.year(plan.year)));
  if (plan.genre !== undefined) parts.push(lexeme(facetToken.genre(plan.genre)));
  if (plan.category !== undefined) parts.push(lexeme(facetToken.category(plan.category)));
  return parts.length === 0 ? null : parts.join(' & ');
}

/** The search index on PostgreSQL. */
export function postgresSearchIndex(db: Kysely<Database>, limits?: SearchLimits): SearchIndex {
  /** What a match must satisfy, and the words alone (what relevance is computed on). */
  function matching(plan: SearchPlan, mode: MatchMode, titleOnly: boolean) {
    const words = sql`to_tsquery('simple', ${matchExpression(plan.terms, mode, TSQUERY_SYNTAX)})`;
    const filters = filterQuery(plan);
    const titleWords = matchExpression(plan.terms, mode, {
      ...TSQUERY_SYNTAX,
      quote: (token) => lexeme(titleToken(token)),
    });
    let condition = titleOnly ? sql`${titleWords}::tsquery` : words;
    if (filters !== null) condition = sql`(${condition} && ${filters}::tsquery)`;
    return { condition, words };
  }

  const engine: EngineQueries = {
    async count(plan, mode, cap) {
      const { condition } = matching(plan, mode, false);
      const { rows } = await sql<{ n: string }>`select count(*) as n from (
          select 1 from search_documents where terms @@ ${condition} limit ${cap + 1}
        ) as matches`.execute(db);
      return Number(rows[0]?.n ?? 0);
    },

    async newest(plan, mode, { titleOnly, offset, limit, scored }) {
      const { condition, words } = matching(plan, mode, titleOnly);
      const score = !scored
        ? sql`0`
        : titleOnly
          ? sql`ts_rank_cd('{0, 0, 0, 1}', terms, ${words}, 1)`
          : sql`ts_rank_cd(terms, ${words}, 1)`;
      const { rows } = await sql<{ key: string; score: number }>`select sort_key as key, ${score} as score
        from search_documents where terms @@ ${condition}
        order by sort_key desc limit ${limit} offset ${offset}`.execute(db);
      return rows.map((r): Candidate => ({ key: Number(r.key), score: Number(r.score) }));
    },

    documents: (ids) => storedDocuments(db, ids),
  };

  return {
    async upsert(doc, executor = db) {
      await saveStoredDocument(executor, doc, postgresTerms(doc));
    },

    async remove(id, executor = db) {
      await executor.deleteFrom('search_documents').where('id', '=', id).execute();
    },

    search: (query) => runSearch(query, engine, limits),
  };
}
