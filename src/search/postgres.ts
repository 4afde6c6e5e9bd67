/**
 * The PostgreSQL engine: a tsvector of the jieba-segmented text built with the 'simple'
 * configuration (no stemming or stop words, which are for European languages), title weighted
 * A, body B, attachments C; a GIN index; ranked with ts_rank_cd, normalised by document length
 * (flag 1) so long attachments do not outrank a title. Migration 0010 adds to the same
 * tsvector the filter tokens (keys.ts) and `_t<word>` for each title word, so filters and
 * "every word in the title" are GIN lookups too, and an index on the sort key, so newest-first
 * is an index walk that stops at the page when matches are dense. Every row the walk or a
 * bitmap heap scan visits costs a heap page and often the tsvector out of TOAST, so the plan
 * is chosen per query (`newestOf`), relevance is computed for the page's rows only, and
 * `count` keeps the planner to the GIN index where it cannot judge how many rows match.
 * Migration 0012 moves matching off the wide rows: counting and "the newest matches" read
 * `search_terms` (sort key + `strip()`ped tsvector, inline, several rows a page, its own GIN
 * index; a trigger keeps it in step with `search_documents` in the same transaction), and
 * only the page's (or ranked window's) rows are read from `search_documents`.
 */
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { SearchDocument, SearchIndex } from './index.ts';
import { facetToken, facetTokensOf, sortKeyOf, titleToken, titleTokensOf } from './keys.ts';
import { type MatchMode, matchExpression, type SearchPlan } from './plan.ts';
import {
  type Candidate,
  DEFAULT_LIMITS,
  type EngineQueries,
  type NewestOptions,
  runSearch,
  type SearchLimits,
} from './run-search.ts';
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

/**
 * Slices of the newest documents, as multiples of the count cap (20,000 and 200,000 items by
 * default), and how long where each starts is remembered, per database. A start only sizes a
 * slice; any start gives the exact answer (see `newestOf`), so an old one costs only time.
 */
const SLICES_PER_CAP = [2, 20];
const SLICE_START_MS = 60_000;
const sliceStarts = new WeakMap<Kysely<Database>, Map<number, { key: string | null; until: number }>>();
/** A word in at least this share of the documents is walked down the sort-key index. */
const DENSE = 0.2;
const lexemeShares = new WeakMap<Kysely<Database>, { until: number; of: Map<string, number> }>();

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

  /**
   * Whether the planner's guess at how many rows match can be far off: it judges an AND of
   * lexemes (several words, filters) as if they were independent, and when
   * they seldom meet (`_t资金` with document type 通知) a plan that reads the table or walks
   * the sort-key index checks every row's tsvector out of TOAST: seconds, not milliseconds.
   * Then only plans through the GIN index are allowed.
   */
  const misjudged = (plan: SearchPlan) => plan.terms.length > 1 || filterQuery(plan) !== null;

  /** Runs a query with the planner kept to bitmap scans (GIN, and the sort-key index as a range). */
  function throughBitmaps<T>(run: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
    return db.transaction().execute(async (trx) => {
      await sql`set local enable_seqscan = off`.execute(trx);
      await sql`set local enable_indexscan = off`.execute(trx);
      // A bitmap larger than work_mem (4 MB by default) turns lossy: every row of its pages is
      // then visited and checked again (the newest 320,000 sort keys ANDed with a common word:
      // 28,000 pages visited instead of 5,000, 190 ms instead of 75 ms).
      await sql`set local work_mem = '32MB'`.execute(trx);
      return run(trx);
    });
  }

  async function count(plan: SearchPlan, mode: MatchMode, titleOnly: boolean, countTo: number) {
    const { condition } = matching(plan, mode, titleOnly);
    const query = (executor: Kysely<Database>) =>
      sql<{ n: string }>`select count(*) as n from (
          select from search_terms where terms @@ ${condition} limit ${countTo}
        ) as matches`.execute(executor);
    const { rows } = misjudged(plan) ? await throughBitmaps(query) : await query(db);
    return Number(rows[0]?.n ?? 0);
  }

  /** The sort key of the n-th newest document (null when there are fewer): where a slice starts. */
  const starts = sliceStarts.get(db) ?? new Map<number, { key: string | null; until: number }>();
  sliceStarts.set(db, starts);
  async function sliceStart(n: number): Promise<string | null> {
    const known = starts.get(n);
    if (known && known.until > Date.now()) return known.key;
    const { rows } = await sql<{ key: string }>`select sort_key as key from search_terms
      order by sort_key desc offset ${n - 1} limit 1`.execute(db);
    const key = rows[0]?.key ?? null;
    starts.set(n, { key, until: Date.now() + SLICE_START_MS });
    return key;
  }
  /** Recent slices tried in turn for many matches that are not dense (then the whole index). */
  const slices = SLICES_PER_CAP.map((k) => k * (limits ?? DEFAULT_LIMITS).countCap);

  /**
   * Where the slices start, newest first. With a year filter the matches are mostly published
   * in that year, which the newest documents overall may not reach: the slices then start in
   * its December, July and January (a document of that year published later is still in every
   * slice, as slices have no upper end).
   */
  async function sliceStartsFor(plan: SearchPlan): Promise<(() => Promise<string | null>)[]> {
    if (plan.year === undefined) return slices.map((n) => () => sliceStart(n));
    const year = plan.year;
    return ['12-01', '07-01', '01-01'].map((day) => async () => String(sortKeyOf(`${year}-${day}`, 0)));
  }

  /**
   * The share of documents with this lexeme, from the statistics ANALYZE keeps for the GIN
   * index (its most common elements; 0 for any other), read again every few minutes. It only
   * chooses a plan.
   */
  const shares = lexemeShares.get(db) ?? { until: 0, of: new Map<string, number>() };
  lexemeShares.set(db, shares);
  async function share(lexeme: string): Promise<number> {
    if (shares.until < Date.now()) {
      const { rows } = await sql<{ lexeme: string; share: number }>`select x.lexeme, x.share
        from pg_stats as s,
          unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) as x(lexeme, share)
        where s.schemaname = current_schema() and s.tablename = 'search_terms' and s.attname = 'terms'`.execute(
        db,
      );
      shares.of = new Map(rows.map((r) => [r.lexeme, Number(r.share)]));
      shares.until = Date.now() + SLICE_START_MS * 5;
    }
    return shares.of.get(lexeme) ?? 0;
  }

  /**
   * Matches newest first, by one of three plans:
   * - few matches (fewer than the count cap, known from counting): the GIN index and a top-N
   *   sort (`sort_key + 0` keeps the planner off the sort-key index);
   * - many matches of one word in at least a fifth of the documents: down the sort-key
   *   index, checking each row, which stops early because the matches are dense;
   * - other many matches (a rarer word, or several words or filters, whose density cannot
   *   be judged from the statistics): the GIN index
   *   ANDed with a range of the newest sort keys, widened until it holds the page. The
   *   answer is exact either way: a range only stops being widened once it holds enough.
   */
  async function newestOf(
    plan: SearchPlan,
    mode: MatchMode,
    { titleOnly, offset, limit, scored }: NewestOptions,
    few: boolean,
  ): Promise<Candidate[]> {
    const { condition, words } = matching(plan, mode, titleOnly);
    const score = titleOnly
      ? sql`ts_rank_cd('{0, 0, 0, 1}', d.terms, ${words}, 1)`
      : sql`ts_rank_cd(d.terms, ${words}, 1)`;
    // The relevance is computed afterwards, for the page's rows only: computed in the query
    // that sorts, it would be computed for every row the sort sees, each read out of TOAST.
    const read = async (executor: Kysely<Database>, from: string | null, byIndex: boolean) => {
      const range = from === null ? sql`true` : sql`sort_key >= ${from}`;
      const { rows } = await sql<{ key: string }>`select sort_key as key from search_terms
        where terms @@ ${condition} and ${range}
        order by ${byIndex ? sql`sort_key` : sql`sort_key + 0`} desc limit ${limit} offset ${offset}`.execute(
        executor,
      );
      return rows.map((r) => r.key);
    };
    const scoredOf = async (keys: string[]): Promise<Candidate[]> => {
      if (!scored || keys.length === 0) return keys.map((key) => ({ key: Number(key), score: 0 }));
      const { rows } = await sql<{ key: string; score: number }>`select sort_key as key, ${score} as score
        from search_documents as d where sort_key = any(${keys}::bigint[])`.execute(db);
      const scores = new Map(rows.map((r) => [r.key, Number(r.score)]));
      return keys.map((key) => ({ key: Number(key), score: scores.get(key) ?? 0 }));
    };
    return scoredOf(await pageKeys());

    async function pageKeys(): Promise<string[]> {
      if (few) return read(db, null, false);
      if (
        !misjudged(plan) &&
        (await share(titleOnly ? titleToken(plan.terms[0]!.word) : plan.terms[0]!.word)) >= DENSE
      ) {
        return read(db, null, true);
      }
      if (plan.year === undefined) return throughSlices();
      for (const start of await sliceStartsFor(plan)) {
        const from = await start();
        if (from === null) break;
        const found = await throughBitmaps((trx) => read(trx, from, false));
        if (found.length === limit) return found;
      }
      return throughBitmaps((trx) => read(trx, null, false));
    }

    /**
     * The newest slice first; when it falls short, the next is sized from how many matches it
     * held (the matches taken as spread evenly, with a margin, in whole count caps so slice
     * starts are remembered), at least twice as wide and at most the widest slice, then the
     * whole index. Every row of a slice that matches is visited, so a slice much wider than
     * the page needs costs as much as it is wider (a fixed 200,000 cost about 100 ms).
     */
    async function throughSlices(): Promise<string[]> {
      const step = (limits ?? DEFAULT_LIMITS).countCap;
      const widest = slices[slices.length - 1]!;
      let n = slices[0]!;
      for (;;) {
        const from = await sliceStart(n);
        if (from === null) break;
        const found = await throughBitmaps((trx) => read(trx, from, false));
        if (found.length === limit) return found;
        if (n >= widest) break;
        const met = offset + found.length;
        const wanted = met === 0 ? widest : Math.ceil((n * (offset + limit) * 1.5) / met / step) * step;
        n = Math.min(widest, Math.max(2 * n, wanted));
      }
      return throughBitmaps((trx) => read(trx, null, false));
    }
  }

  /** Title windows are not counted for the page, but counting them chooses the walk. */
  const TITLE_COUNT_TO = 10_001;

  const engine: EngineQueries = {
    async window(plan, mode, { titleOnly, limit, countTo, scored, likelyMany }) {
      const upTo = countTo ?? TITLE_COUNT_TO;
      // Not counted and likely many: counting would only choose the walk down, which the
      // hint already chose (the slices keep it bounded when several words meet seldom).
      if (countTo === undefined && likelyMany) {
        const newest = await newestOf(plan, mode, { titleOnly, offset: 0, limit, scored }, false);
        return { matches: newest.length, newest };
      }
      const matches = await count(plan, mode, titleOnly, upTo);
      if (matches === 0) return { matches, newest: [] };
      const newest = await newestOf(plan, mode, { titleOnly, offset: 0, limit, scored }, matches < upTo);
      return { matches: countTo === undefined ? newest.length : matches, newest };
    },

    newest: (plan, mode, options) => newestOf(plan, mode, options, options.fewerThanCap === true),

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
