/**
 * The embedded engine: SQLite FTS5 over jieba-segmented text (migrations 0004 and 0010),
 * ranked by bm25 with the title weighted above the body and the body above attachments.
 * The FTS rowid is the document's sort key (keys.ts), so FTS5's own descending rowid walk is
 * "newest first", and the filters are tokens of the `facets` column, so a filtered query is
 * one FTS5 lookup. The original text comes from `search_documents` for the shown page only.
 * Which walks a query takes (up or down, counted or not) is chosen by how rare its words are
 * (`window`); the answer never depends on that choice.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { SearchDocument, SearchIndex } from './index.ts';
import { facetToken, facetTokensOf, sortKeyOf, titleToken, titleTokensOf } from './keys.ts';
import { type MatchMode, matchExpression, type SearchPlan } from './plan.ts';
import {
  type Candidate,
  type EngineQueries,
  runSearch,
  type SearchLimits,
  type Window,
} from './run-search.ts';
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
 * A word is rare when it is in at most this many items. Rare words are what make a query cheap
 * (see `window`); bm25 reads the whole list of every query word once per statement (for its
 * IDF), which for a word in half of a million items costs more than the rest of the search,
 * so bm25 ranks only queries whose words are all rare, and the others are ranked newest first.
 */
const RARE_WORD_ITEMS = 10_000;

/**
 * Words known to be in more than RARE_WORD_ITEMS items, per database. A word rarely leaves
 * items, so the verdict is kept (up to a bound); rare words are cheap to count again.
 */
const commonWords = new WeakMap<Kysely<Database>, Set<string>>();
const MAX_REMEMBERED = 10_000;

/** The search index on SQLite. */
export function sqliteFts5Index(db: Kysely<Database>, limits?: SearchLimits): SearchIndex {
  const common = commonWords.get(db) ?? new Set<string>();
  commonWords.set(db, common);
  const affordable = new WeakMap<SearchPlan, Promise<boolean>>();

  /** How many items have this token, or Infinity when more than RARE_WORD_ITEMS. */
  async function itemsWith(token: string): Promise<number> {
    if (common.has(token)) return Number.POSITIVE_INFINITY;
    const { rows } = await sql<{ n: number }>`select count(*) as n from (
        select rowid from search_fts where search_fts match ${quote(token)} limit ${RARE_WORD_ITEMS + 1}
      )`.execute(db);
    const n = Number(rows[0]?.n ?? 0);
    if (n <= RARE_WORD_ITEMS) return n;
    if (common.size >= MAX_REMEMBERED) common.clear();
    common.add(token);
    return Number.POSITIVE_INFINITY;
  }

  /** Whether bm25 is cheap for this query: none of its words (or their parts) is common. */
  function bm25Affordable(plan: SearchPlan): Promise<boolean> {
    let known = affordable.get(plan);
    if (!known) {
      known = (async () => {
        for (const term of plan.terms) {
          for (const word of [term.word, ...term.parts]) {
            if ((await itemsWith(word)) === Number.POSITIVE_INFINITY) return false;
          }
        }
        return true;
      })();
      affordable.set(plan, known);
    }
    return known;
  }

  /**
   * Whether the query surely has fewer than `n` matches, judged from its words alone: with
   * 'all', some term is that rare; with 'any', all of them together are. (A term matches its
   * word or all of its parts, so it is as rare as the word plus its rarest part.)
   */
  async function fewerThan(plan: SearchPlan, mode: MatchMode, titleOnly: boolean, n: number) {
    const token = titleOnly ? titleToken : (word: string) => word;
    let sum = 0;
    for (const term of plan.terms) {
      let items = await itemsWith(token(term.word));
      if (items < n && term.parts.length > 0) {
        let rarestPart = Number.POSITIVE_INFINITY;
        for (const part of term.parts) rarestPart = Math.min(rarestPart, await itemsWith(token(part)));
        items += rarestPart;
      }
      if (mode === 'all' && items < n) return true;
      sum += items;
    }
    return mode === 'any' && sum < n;
  }

  async function scoreOf(plan: SearchPlan, titleOnly: boolean, scored: boolean) {
    if (!scored || !(await bm25Affordable(plan))) return sql<number>`0`;
    return sql<number>`-${titleOnly ? BM25_TITLE : BM25}`;
  }

  /**
   * One walk over the matches in ascending rowid order (the order FTS5 walks fastest), up to
   * `upTo` of them: how many it met, and the newest `limit` of those, with their relevance
   * when asked. Without relevance the keys come back gathered into one string: ten thousand
   * rows cost more to hand over than one string and a split.
   */
  async function ascending(
    plan: SearchPlan,
    mode: MatchMode,
    titleOnly: boolean,
    { upTo, limit, scored }: { upTo: number; limit: number; scored: boolean },
  ): Promise<Window> {
    const match = fts5Query(plan, mode, titleOnly);
    if (scored && (await bm25Affordable(plan))) {
      const { rows } = await sql<Candidate>`select rowid as key, -${titleOnly ? BM25_TITLE : BM25} as score
        from search_fts where search_fts match ${match} limit ${upTo}`.execute(db);
      return { matches: rows.length, newest: rows.sort((a, b) => b.key - a.key).slice(0, limit) };
    }
    const { rows } = await sql<{ keys: string | null }>`select group_concat(key) as keys from (
        select rowid as key from search_fts where search_fts match ${match} limit ${upTo}
      )`.execute(db);
    const text = rows[0]?.keys;
    if (!text) return { matches: 0, newest: [] };
    const keys = Float64Array.from(text.split(','), Number).sort();
    const newest: Candidate[] = [];
    for (let i = keys.length - 1; i >= 0 && newest.length < limit; i--)
      newest.push({ key: keys[i]!, score: 0 });
    return { matches: keys.length, newest };
  }

  async function count(plan: SearchPlan, mode: MatchMode, titleOnly: boolean, countTo: number) {
    const { rows } = await sql<{ n: number }>`select count(*) as n from (
        select rowid from search_fts where search_fts match ${fts5Query(plan, mode, titleOnly)} limit ${countTo}
      )`.execute(db);
    return Number(rows[0]?.n ?? 0);
  }

  const hasFilters = (plan: SearchPlan) =>
    plan.agencyIds !== undefined ||
    plan.year !== undefined ||
    plan.genre !== undefined ||
    plan.category !== undefined;

  const engine: EngineQueries = {
    // FTS5 walks a match in ascending rowid order much faster than in descending order (which
    // reads each segment's pages backwards), and a walk costs what it reads. So the matches
    // are walked up once, to count them: when there are fewer than `countTo`, that walk met
    // them all and its newest are the answer. Otherwise the matches are dense and the newest
    // are a short walk down. A single word in more than RARE_WORD_ITEMS items (and no filter)
    // is known to be dense: it is only counted, which is cheaper than gathering its keys.
    // Either way the answer is exact; how rare the words are only chooses the walks (so a
    // remembered verdict that has gone stale costs time, never a wrong count).
    async window(plan, mode, { titleOnly, limit, countTo, scored, likelyMany }) {
      const upTo = countTo ?? RARE_WORD_ITEMS + 1;
      const newest = () => engine.newest(plan, mode, { titleOnly, offset: 0, limit, scored });
      // Not counted, likely many, and no rare word: walking up first would only be wasted.
      if (countTo === undefined && likelyMany && !(await fewerThan(plan, mode, titleOnly, upTo))) {
        const found = await newest();
        return { matches: found.length, newest: found };
      }
      if (
        plan.terms.length === 1 &&
        !hasFilters(plan) &&
        upTo <= RARE_WORD_ITEMS + 1 &&
        !(await fewerThan(plan, mode, titleOnly, upTo))
      ) {
        const matches = countTo === undefined ? undefined : await count(plan, mode, titleOnly, countTo);
        const found = await newest();
        return { matches: matches ?? found.length, newest: found };
      }
      const walked = await ascending(plan, mode, titleOnly, { upTo, limit, scored });
      if (walked.matches < upTo) return walked;
      const found = await newest();
      return { matches: countTo ?? found.length, newest: found };
    },

    async newest(plan, mode, { titleOnly, offset, limit, scored }) {
      const score = await scoreOf(plan, titleOnly, scored);
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

    async optimize() {
      await sql`insert into search_fts (search_fts) values ('optimize')`.execute(db);
      await sql`analyze`.execute(db);
      common.clear();
    },
  };
}
