/**
 * The PostgreSQL engine: a tsvector of the jieba-segmented text built with the 'simple'
 * configuration (no stemming or stop words, which are for European languages), title weighted
 * A, body B, attachments C; a GIN index; ranked with ts_rank_cd, normalised by document length
 * (flag 1) so long attachments do not outrank a title. Migration 0010 adds to the same
 * tsvector the filter tokens (keys.ts) and `_t<word>` for each title word, so filters and
 * "every word in the title" are GIN lookups too, and an index on the sort key, so newest-first
 * is an index walk that stops at the page when matches are dense. Migration 0012 moves
 * matching off the wide rows: counting and "the newest matches" read `search_terms` (sort key
 * + `strip()`ped tsvector, inline, its own GIN index; a trigger keeps it in step with
 * `search_documents` in the same transaction), and only the ranked window's and the page's
 * rows are read from `search_documents`.
 *
 * Two ways to find matches, chosen per query from the lexemes' shares (`density`), with costs
 * measured at a million items (bench/RESULTS.md "Portal"): reading a lexeme from GIN costs time
 * in proportion to the items that have it (about 0.12 µs each, before any row is visited: 94 ms
 * for a word in 786,000 items), so rare words go through GIN; walking the newest rows down the
 * sort-key index costs about 0.75 µs a row once `optimize` has clustered the table by sort key,
 * so dense matches are walked. Every path is exact: a walk or a slice of the newest documents
 * only answers when it holds the whole page, else the next, wider one is read.
 */
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { SearchDocument, SearchIndex } from './index.ts';
import { facetToken, facetTokensOf, sortKeyOf, titleToken, titleTokensOf } from './keys.ts';
import { type MatchMode, matchExpression, type QueryTerm, type SearchPlan } from './plan.ts';
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
 * Slices of the newest documents, as multiples of the count cap (2,000, 20,000 and 200,000
 * items by default), and how long where each starts is remembered, per database. A start only
 * sizes a slice; any start gives the exact answer (see `newestOf`), so an old one costs only time.
 */
const SLICES_PER_CAP = [2, 20, 200];
const SLICE_START_MS = 60_000;
const sliceStarts = new WeakMap<Kysely<Database>, Map<number, { key: string | null; until: number }>>();
/**
 * At or above this estimated share of matching documents, the newest rows are walked (down
 * the sort-key index, each row's lexemes checked); below it, the GIN index is read. Reading a
 * lexeme from the GIN index costs time in proportion to the documents that have it (about
 * 0.12 µs each: 94 ms for a word in 786,000 of 1,000,000 items), walking costs about 0.75 µs a
 * row on a table clustered by sort key (`optimize`), so to find n matches at density d the walk
 * costs 0.75·n/d µs and the index 0.12·d·N µs: they cross near 8% for n = 1,000, N = 1,000,000.
 */
const WALK_DENSITY = 0.08;
/** A dense walk that falls short may be followed by one at most this many times longer. */
const LONGER_WALK = 5;
/** Matches not dense by the statistics are first looked for by a walk this dense (bounded). */
const MAYBE_DENSE = 0.01;
const lexemeShares = new WeakMap<Kysely<Database>, { until: number; of: Promise<Map<string, number>> }>();

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
   * The share of documents with each common lexeme, from the statistics ANALYZE keeps for the
   * `terms` column (its most common elements; any other lexeme is rare), read again every few
   * minutes. It only chooses a plan: the answer is exact whatever it says.
   */
  const shares = lexemeShares.get(db) ?? { until: 0, of: Promise.resolve(new Map<string, number>()) };
  lexemeShares.set(db, shares);
  function lexemeShareMap(): Promise<Map<string, number>> {
    if (shares.until < Date.now()) {
      shares.until = Date.now() + SLICE_START_MS * 5;
      shares.of = sql<{ lexeme: string; share: number }>`select x.lexeme, x.share
        from pg_stats as s,
          unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) as x(lexeme, share)
        where s.schemaname = current_schema() and s.tablename = 'search_terms' and s.attname = 'terms'`
        .execute(db)
        .then(({ rows }) => new Map(rows.map((r) => [r.lexeme, Number(r.share)])));
      // A failed read is tried again on the next search, not kept for minutes.
      shares.of.catch(() => {
        shares.until = 0;
      });
    }
    return shares.of;
  }

  /**
   * The estimated share of documents that match: from the lexemes' shares (`share`), a term as
   * common as its word or as its rarest part, all terms as the rarest ('all': an upper bound,
   * as words that are each common may seldom meet) or as the commonest ('any': a lower bound),
   * and each filter as a bound of its own. 0 when a lexeme it needs is not among the common ones.
   */
  async function density(plan: SearchPlan, mode: MatchMode, titleOnly: boolean): Promise<number> {
    const of = await lexemeShareMap();
    const share = (lexeme: string) => of.get(lexeme) ?? 0;
    const token = titleOnly ? titleToken : (word: string) => word;
    const terms = plan.terms.map((term: QueryTerm) => {
      const whole = share(token(term.word));
      if (term.parts.length === 0) return whole;
      return Math.max(whole, Math.min(...term.parts.map((part) => share(token(part)))));
    });
    let d = mode === 'all' ? Math.min(...terms) : Math.max(...terms);
    if (plan.agencyIds) {
      d = Math.min(
        d,
        plan.agencyIds.reduce((sum, id) => sum + share(facetToken.agency(id)), 0),
      );
    }
    if (plan.year !== undefined) d = Math.min(d, share(facetToken.year(plan.year)));
    if (plan.genre !== undefined) d = Math.min(d, share(facetToken.genre(plan.genre)));
    if (plan.category !== undefined) d = Math.min(d, share(facetToken.category(plan.category)));
    return d;
  }

  /**
   * The newest matches among the newest documents from `from` on (all when null), walked down
   * the sort-key index with each row's lexemes checked: it stops as soon as it has the page, so
   * it is cheap when matches are dense. Any match it does not reach is older than every row of
   * the range, so a full page from it is the exact answer.
   */
  async function walk(condition: RawBuilder<unknown>, from: string | null, limit: number, offset: number) {
    return db.transaction().execute(async (trx) => {
      await sql`set local enable_bitmapscan = off`.execute(trx);
      await sql`set local enable_seqscan = off`.execute(trx);
      const range = from === null ? sql`true` : sql`sort_key >= ${from}`;
      const { rows } = await sql<{ key: string }>`select sort_key as key from search_terms
        where terms @@ ${condition} and ${range}
        order by sort_key desc limit ${limit} offset ${offset}`.execute(trx);
      return rows.map((r) => r.key);
    });
  }

  /**
   * A walk over as many of the newest documents as should hold `wanted` matches at the
   * density walking pays from, or null when the matches are not that dense (the estimate or
   * the walk says so): the caller then reads the GIN index.
   */
  async function walkIfDense(
    plan: SearchPlan,
    mode: MatchMode,
    titleOnly: boolean,
    wanted: number,
    offset: number,
    known?: number,
  ): Promise<string[] | null> {
    if ((known ?? (await density(plan, mode, titleOnly))) < WALK_DENSITY) return null;
    const { condition } = matching(plan, mode, titleOnly);
    const rows = Math.ceil((offset + wanted) / WALK_DENSITY);
    const from = await sliceStart(rows);
    const keys = await walk(condition, from, wanted, offset);
    // A short walk over every document (from null) has met every match.
    if (keys.length === wanted || from === null) return keys;
    // Fewer than the estimate: the words are each common but meet less often (or a filter is
    // narrower). What the walk met measures the density; one longer walk, if it stays within
    // a few times the first, still costs less than reading the common lexemes from GIN.
    const met = offset + keys.length;
    if (met === 0) return null;
    const longer = Math.ceil(((offset + wanted) * rows * 1.25) / met);
    if (longer > rows * LONGER_WALK) return null;
    const further = await sliceStart(longer);
    const again = await walk(condition, further, wanted, offset);
    return again.length === wanted || further === null ? again : null;
  }

  /** Relevance for these matches (their positions and weights are in `search_documents`). */
  async function scoredOf(
    plan: SearchPlan,
    mode: MatchMode,
    titleOnly: boolean,
    keys: readonly string[],
  ): Promise<Candidate[]> {
    if (keys.length === 0) return [];
    const { words } = matching(plan, mode, titleOnly);
    const score = titleOnly
      ? sql`ts_rank_cd('{0, 0, 0, 1}', d.terms, ${words}, 1)`
      : sql`ts_rank_cd(d.terms, ${words}, 1)`;
    const { rows } = await sql<{ key: string; score: number }>`select sort_key as key, ${score} as score
      from search_documents as d where sort_key = any(${keys}::bigint[])`.execute(db);
    const scores = new Map(rows.map((r) => [r.key, Number(r.score)]));
    return keys.map((key) => ({ key: Number(key), score: scores.get(key) ?? 0 }));
  }
  const unscored = (keys: readonly string[]): Candidate[] =>
    keys.map((key) => ({ key: Number(key), score: 0 }));

  /**
   * Matches newest first, by one of three plans:
   * - few matches (fewer than the count cap, known from counting): the GIN index and a top-N
   *   sort (`sort_key + 0` keeps the planner off the sort-key index);
   * - dense matches (`walkIfDense`): down the sort-key index over the newest documents that
   *   should hold them;
   * - other many matches (a rarer word, or words that seldom meet): the GIN index ANDed with
   *   a range of the newest sort keys, widened until it holds the page. The answer is exact
   *   either way: a range only stops being widened once it holds enough.
   */
  async function newestOf(
    plan: SearchPlan,
    mode: MatchMode,
    { titleOnly, offset, limit, scored }: NewestOptions,
    few: boolean,
    denseTried = false,
  ): Promise<Candidate[]> {
    const { condition } = matching(plan, mode, titleOnly);
    // The relevance is computed afterwards, for the page's rows only: computed in the query
    // that sorts, it would be computed for every row the sort sees, each read out of TOAST.
    const read = async (executor: Kysely<Database>, from: string | null) => {
      const range = from === null ? sql`true` : sql`sort_key >= ${from}`;
      const { rows } = await sql<{ key: string }>`select sort_key as key from search_terms
        where terms @@ ${condition} and ${range}
        order by sort_key + 0 desc limit ${limit} offset ${offset}`.execute(executor);
      return rows.map((r) => r.key);
    };
    const keys = await pageKeys();
    return scored ? scoredOf(plan, mode, titleOnly, keys) : unscored(keys);

    async function pageKeys(): Promise<string[]> {
      if (few) return read(db, null);
      const d = await density(plan, mode, titleOnly);
      const walked = denseTried ? null : await walkIfDense(plan, mode, titleOnly, limit, offset, d);
      if (walked) return walked;
      if (plan.year === undefined) {
        // A lexeme the statistics do not list is in fewer items than any they list (about 1%
        // here): a walk would be long, so slices from the start.
        if (d === 0) return throughSlices(slices[0]!);
        // Not dense by the statistics, but perhaps dense enough to find among the newest rows
        // (a word in a few percent of the items): a bounded walk first, then slices sized
        // from what it met.
        const rows = Math.min(slices[1]!, Math.ceil((offset + limit) / MAYBE_DENSE));
        const from = await sliceStart(rows);
        if (from === null) return walk(condition, null, limit, offset);
        const found = await walk(condition, from, limit, offset);
        if (found.length === limit) return found;
        return throughSlices(nextSlice(rows, offset + found.length));
      }
      for (const start of await sliceStartsFor(plan)) {
        const from = await start();
        if (from === null) break;
        const found = await throughBitmaps((trx) => read(trx, from));
        if (found.length === limit) return found;
      }
      return throughBitmaps((trx) => read(trx, null));
    }

    /**
     * The newest slice first; when it falls short, the next is sized from how many matches it
     * held (the matches taken as spread evenly, with a margin, in whole count caps so slice
     * starts are remembered), at least twice as wide and at most the widest slice, then the
     * whole index. Every row of a slice that matches is visited, so a slice much wider than
     * the page needs costs as much as it is wider.
     */
    async function throughSlices(first: number): Promise<string[]> {
      const widest = slices[slices.length - 1]!;
      for (let n = first; ; ) {
        const from = await sliceStart(n);
        if (from === null) break;
        const found = await throughBitmaps((trx) => read(trx, from));
        if (found.length === limit) return found;
        if (n >= widest) break;
        n = nextSlice(n, offset + found.length);
      }
      return throughBitmaps((trx) => read(trx, null));
    }

    /** The slice after one of n documents that held `met` matches (see throughSlices). */
    function nextSlice(n: number, met: number): number {
      const step = (limits ?? DEFAULT_LIMITS).countCap;
      const widest = slices[slices.length - 1]!;
      const wanted = met === 0 ? widest : Math.ceil((n * (offset + limit) * 1.5) / met / step) * step;
      return Math.min(widest, Math.max(2 * n, wanted));
    }
  }

  const engine: EngineQueries = {
    async window(plan, mode, { titleOnly, limit, countTo, scored, likelyMany }) {
      const score = (keys: readonly string[]) =>
        scored ? scoredOf(plan, mode, titleOnly, keys) : Promise.resolve(unscored(keys));
      // Dense matches: one walk down from the newest both counts (to countTo) and keeps the newest.
      const d = await density(plan, mode, titleOnly);
      const walked = await walkIfDense(plan, mode, titleOnly, Math.max(countTo ?? 0, limit), 0, d);
      if (walked) {
        return {
          matches: Math.min(countTo ?? limit, walked.length),
          newest: await score(walked.slice(0, limit)),
          after: unscored(walked.slice(limit)),
        };
      }
      const denseTried = d >= WALK_DENSITY;
      // Not counted, and likely many (the hint) or not rare (a common lexeme: reading all its
      // matches from the GIN index costs more than finding the newest): straight to the newest.
      if (countTo === undefined && (likelyMany || d > 0)) {
        const newest = await newestOf(plan, mode, { titleOnly, offset: 0, limit, scored }, false, denseTried);
        return { matches: newest.length, newest };
      }
      // The GIN index: every match when there are fewer than upTo (then sorted here), else
      // only that there are more, and the newest read by `newestOf`.
      const upTo = countTo ?? (limits ?? DEFAULT_LIMITS).countCap + 1;
      const { condition } = matching(plan, mode, titleOnly);
      const query = (executor: Kysely<Database>) =>
        sql<{ key: string }>`select sort_key as key from search_terms where terms @@ ${condition}
          limit ${upTo}`.execute(executor);
      const { rows } = misjudged(plan) ? await throughBitmaps(query) : await query(db);
      if (rows.length < upTo) {
        const keys = rows.map((r) => r.key).sort((a, b) => (BigInt(b) > BigInt(a) ? 1 : -1));
        const newest = await score(keys.slice(0, limit));
        return {
          matches: countTo === undefined ? newest.length : rows.length,
          newest,
          after: unscored(keys.slice(limit)),
        };
      }
      const newest = await newestOf(plan, mode, { titleOnly, offset: 0, limit, scored }, false, denseTried);
      return { matches: countTo === undefined ? newest.length : upTo, newest };
    },

    newest: (plan, mode, options) => newestOf(plan, mode, options, options.fewerThanCap === true),

    documents: (ids) => storedDocuments(db, ids),

    concurrent: true,
  };

  return {
    async upsert(doc, executor = db) {
      await saveStoredDocument(executor, doc, postgresTerms(doc));
    },

    async remove(id, executor = db) {
      await executor.deleteFrom('search_documents').where('id', '=', id).execute();
    },

    search: (query) => runSearch(query, engine, limits),

    async optimize() {
      await sql`cluster search_terms using search_terms_pkey`.execute(db);
      await sql`analyze search_terms`.execute(db);
      // What was remembered of the old statistics and slices goes with them.
      starts.clear();
      shares.until = 0;
    },
  };
}
