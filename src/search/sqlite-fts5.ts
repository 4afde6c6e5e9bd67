/**
 * The embedded engine: SQLite FTS5 over jieba-segmented text (migrations 0004 and 0010),
 * ranked by bm25 with the title weighted above the body and the body above attachments.
 * The FTS rowid is the document's sort key (keys.ts), so FTS5's own descending rowid walk is
 * "newest first", and the filters are tokens of the `facets` column, so a filtered query is
 * one FTS5 lookup. The original text comes from `search_documents` for the shown page only.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { SearchDocument, SearchIndex } from './index.ts';
import { facetToken, facetTokensOf, sortKeyOf, titleToken, titleTokensOf } from './keys.ts';
import { type MatchMode, matchExpression, type SearchPlan } from './plan.ts';
import { type Candidate, type EngineQueries, runSearch, type SearchLimits } from './run-search.ts';
import { segment } from './segment.ts';
import { saveStoredDocument, storedDocuments, storedSortKey } from './stored-documents.ts';

/** bm25 column weights: title, body, attachments, facets. Lower is better. */
const BM25 = sql<number>`bm25(search_fts, 10.0, 2.0, 1.0, 0.0)`;
/** A title-only match is a match of the title tokens, which live in `facets`. */
const BM25_TITLE = sql<number>`bm25(search_fts, 0.0, 0.0, 0.0, 1.0)`;

const quote = (token: string) => `"${token.replaceAll('"', '""')}"`;
const FTS5_SYNTAX = { quote, and: 'AND', or: 'OR' };
const TITLE_SYNTAX = { ...FTS5_SYNTAX, quote: (word: string) => quote(titleToken(word)) };

/** The FTS5 row of a document (the bench bulk-loads these). */
export function sqliteFtsRow(doc: SearchDocument) {
  const title = segment(doc.title);
  return {
    rowid: sortKeyOf(doc.publishedOn, doc.id),
    title,
    body: segment(doc.body),
    attachments: segment(doc.attachmentsText),
    facets: [...facetTokensOf(doc), ...titleTokensOf(title)].join(' '),
  };
}

/** The FTS5 query: the words (in the title only, when asked), and the filter tokens. */
export function fts5Query(plan: SearchPlan, mode: MatchMode, titleOnly: boolean): string {
  const words = matchExpression(plan.terms, mode, titleOnly ? TITLE_SYNTAX : FTS5_SYNTAX);
  const parts = [`(${words})`];
  if (plan.agencyIds)
    parts.push(`(${plan.agencyIds.map((id) => quote(facetToken.agency(id))).join(' OR ')})`);
  if (plan.year !== undefined) parts.push(quote(facetToken.year(plan.year)));
  if (plan.genre !== undefined) parts.push(quote(facetToken.genre(plan.genre)));
  if (plan.category !== undefined) parts.push(quote(facetToken.category(plan.category)));
  return parts.join(' AND ');
}

/**
 * bm25 reads the whole list of every query word once per statement (for its IDF), which for
 * a word in half of a million items costs more than the rest of the search. Above this many
 * items, a word makes bm25 too dear and the windows are ranked newest first instead.
 */
const BM25_MAX_ITEMS_PER_WORD = 10_000;

/**
 * Words known to be in more than BM25_MAX_ITEMS_PER_WORD items, per database. A word rarely
 * leaves items, so the verdict is kept (up to a bound); rare words are cheap to check again.
 */
const commonWords = new WeakMap<Kysely<Database>, Set<string>>();
const MAX_REMEMBERED = 10_000;

/** The search index on SQLite. */
export function sqliteFts5Index(db: Kysely<Database>, limits?: SearchLimits): SearchIndex {
  const common = commonWords.get(db) ?? new Set<string>();
  commonWords.set(db, common);
  const affordable = new WeakMap<SearchPlan, Promise<boolean>>();

  async function isCommon(word: string): Promise<boolean> {
    if (common.has(word)) return true;
    const { rows } = await sql<{ n: number }>`select count(*) as n from (
        select rowid from search_fts where search_fts match ${quote(word)}
        limit ${BM25_MAX_ITEMS_PER_WORD + 1}
      )`.execute(db);
    if (Number(rows[0]?.n ?? 0) <= BM25_MAX_ITEMS_PER_WORD) return false;
    if (common.size >= MAX_REMEMBERED) common.clear();
    common.add(word);
    return true;
  }

  /** Whether bm25 is cheap for this query: none of its words (or their parts) is common. */
  function bm25Affordable(plan: SearchPlan): Promise<boolean> {
    let known = affordable.get(plan);
    if (!known) {
      known = (async () => {
        for (const term of plan.terms) {
          for (const word of [term.word, ...term.parts]) if (await isCommon(word)) return false;
        }
        return true;
      })();
      affordable.set(plan, known);
    }
    return known;
  }

  const engine: EngineQueries = {
    async count(plan, mode, cap) {
      const { rows } = await sql<{ n: number }>`select count(*) as n from (
          select rowid from search_fts where search_fts match ${fts5Query(plan, mode, false)} limit ${cap + 1}
        )`.execute(db);
      return Number(rows[0]?.n ?? 0);
    },

    async newest(plan, mode, { titleOnly, offset, limit, scored }) {
      const score =
        scored && (await bm25Affordable(plan))
          ? sql<number>`-${titleOnly ? BM25_TITLE : BM25}`
          : sql<number>`0`;
      const { rows } = await sql<Candidate>`select rowid as key, ${score} as score from search_fts
        where search_fts match ${fts5Query(plan, mode, titleOnly)}
        order by rowid desc limit ${limit} offset ${offset}`.execute(db);
      return rows;
    },

    documents: (ids) => storedDocuments(db, ids),
  };

  async function unindex(executor: Kysely<Database>, id: number): Promise<void> {
    const key = await storedSortKey(executor, id);
    if (key !== null) await executor.deleteFrom('search_fts').where('rowid', '=', key).execute();
  }

  return {
    async upsert(doc, executor = db) {
      await unindex(executor, doc.id);
      await saveStoredDocument(executor, doc);
      await executor.insertInto('search_fts').values(sqliteFtsRow(doc)).execute();
    },

    async remove(id, executor = db) {
      await unindex(executor, id);
      await executor.deleteFrom('search_documents').where('id', '=', id).execute();
    },

    search: (query) => runSearch(query, engine, limits),
  };
}
