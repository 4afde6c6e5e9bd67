/**
 * The part of a search both engines share: plan, match all words or fall back to any, choose
 * the page, build hits. Bounded so that a query stays fast at a million items, whatever its
 * words (bench/portal.ts, bench/RESULTS.md "Portal"):
 * - counting stops after COUNT_CAP matches: the result then says `capped` and the page says
 *   "more than" (超过), never a made-up exact number;
 * - relevance puts the items with every word in the title first, then the others; within
 *   each, the engine's relevance (SQLite: bm25, when every word is rare enough for its cost
 *   to stay small; PostgreSQL: ts_rank_cd), then newest first. Only the newest RANK_WINDOW
 *   of each are ranked; when there are more, the remaining matches follow, newest first.
 *   Every match is on exactly one page;
 * - a date sort walks the sort key (keys.ts) newest first and stops at the page;
 * - snippets are built for the shown page only.
 */
import type { SearchQuery, SearchResult } from './index.ts';
import { idOfSortKey } from './keys.ts';
import { type MatchMode, planSearch, type SearchPlan } from './plan.ts';
import { highlight, snippet, wordsPattern } from './snippet.ts';

/** Counting stops here; more matches than this are shown as "more than COUNT_CAP". */
export const COUNT_CAP = 10_000;
/** How many of the newest matches (and of the newest title matches) relevance ranks. */
export const RANK_WINDOW = 1_000;

/** One row of a page as an engine reads it from its stored copy of the document. */
export interface StoredHit {
  id: number;
  title: string;
  body: string;
  attachments_text: string;
  published_on: string | null;
  score: number;
}

/** A match: its sort key and, when asked for, its relevance (higher is better). */
export interface Candidate {
  key: number;
  score: number;
}

export interface NewestOptions {
  /** Only items with every word in the title; `score` is then the title's relevance. */
  titleOnly: boolean;
  offset: number;
  limit: number;
  /** Whether to compute `score` (0 otherwise). */
  scored: boolean;
}

/** What an engine answers; everything else is shared. */
export interface EngineQueries {
  /** The number of matches, counting no further than `cap + 1`. */
  count(plan: SearchPlan, mode: MatchMode, cap: number): Promise<number>;
  /** Matches newest first (descending sort key). */
  newest(plan: SearchPlan, mode: MatchMode, options: NewestOptions): Promise<Candidate[]>;
  /** The stored text of these documents, in any order. */
  documents(ids: readonly number[]): Promise<Omit<StoredHit, 'score'>[]>;
}

/** The bounds of a search; tests make them small. */
export interface SearchLimits {
  countCap: number;
  rankWindow: number;
}
export const DEFAULT_LIMITS: SearchLimits = { countCap: COUNT_CAP, rankWindow: RANK_WINDOW };

const EMPTY: SearchResult = { total: 0, hits: [], matchedAll: true, capped: false };

const byScore = (a: Candidate, b: Candidate) => b.score - a.score || b.key - a.key;

/** Runs a portal query on an engine. */
export async function runSearch(
  query: SearchQuery,
  engine: EngineQueries,
  limits: SearchLimits = DEFAULT_LIMITS,
): Promise<SearchResult> {
  const { countCap } = limits;
  const plan = planSearch(query);
  if (!plan) return EMPTY;
  let mode: MatchMode = 'all';
  let matches = await engine.count(plan, mode, countCap);
  if (matches === 0 && plan.terms.length > 1) {
    mode = 'any';
    matches = await engine.count(plan, mode, countCap);
  }
  if (matches === 0) return EMPTY;
  const capped = matches > countCap;
  const total = capped ? countCap : matches;
  const head = { total, matchedAll: mode === 'all', capped };
  if (!capped && plan.offset >= total) return { ...head, hits: [] };

  const page = await pageOf(
    engine,
    plan,
    mode,
    capped ? Number.POSITIVE_INFINITY : matches,
    limits.rankWindow,
  );
  if (page.length === 0) return { ...head, hits: [] };
  const stored = new Map((await engine.documents(page.map((c) => idOfSortKey(c.key)))).map((d) => [d.id, d]));
  const pattern = wordsPattern(plan.highlightWords);
  const hits = page.flatMap((c) => {
    const row = stored.get(idOfSortKey(c.key));
    if (!row) return [];
    return [
      {
        id: row.id,
        title: row.title,
        titleHtml: highlight(row.title, pattern),
        snippet: snippet([row.body, row.attachments_text], pattern),
        score: c.score,
        publishedOn: row.published_on,
      },
    ];
  });
  return { ...head, hits };
}

async function pageOf(
  engine: EngineQueries,
  plan: SearchPlan,
  mode: MatchMode,
  matches: number,
  window: number,
): Promise<Candidate[]> {
  const { offset, limit } = plan;
  const newest = (options: Partial<NewestOptions> & Pick<NewestOptions, 'offset' | 'limit'>) =>
    engine.newest(plan, mode, { titleOnly: false, scored: true, ...options });

  if (plan.sort === 'date') return newest({ offset, limit, scored: false });
  const inTitle = (await newest({ titleOnly: true, offset: 0, limit: window })).sort(byScore);
  const titleKeys = new Set(inTitle.map((c) => c.key));
  const recent = (await newest({ offset: 0, limit: window })).filter((c) => !titleKeys.has(c.key));
  const ranked = [...inTitle, ...recent.sort(byScore)];
  if (offset + limit <= ranked.length || matches <= window) return ranked.slice(offset, offset + limit);
  // Past the ranked windows: the other matches, newest first, skipping the title matches
  // already shown (at most window of them lie beyond the recent window).
  const fromRanked = ranked.slice(offset, offset + limit);
  const restOffset = Math.max(0, offset - ranked.length);
  const restWanted = limit - fromRanked.length;
  const titleBeyond = inTitle.length - (Math.min(matches, window) - recent.length);
  const rest = await newest({
    offset: window,
    limit: restOffset + restWanted + titleBeyond,
    scored: false,
  });
  const unseen = rest.filter((c) => !titleKeys.has(c.key));
  return [...fromRanked, ...unseen.slice(restOffset, restOffset + restWanted)];
}
