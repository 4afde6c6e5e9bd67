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
 * - the first pass both counts and keeps the newest matches (`EngineQueries.window`): when
 *   there are fewer than the cap, the walk that counted them met them all, so the page or the
 *   ranked window costs no second walk;
 * - snippets are built for the shown page only.
 */
import type { SearchQuery, SearchResult } from './index.ts';
import { idOfSortKey } from './keys.ts';
import { type MatchMode, planSearch, type SearchPlan } from './plan.ts';
import { highlight, snippet, wordsPattern } from './snippet.ts';

/**
 * Counting stops here; more matches than this are shown as "more than COUNT_CAP" (超过1000条),
 * as web search engines give an approximate count; the pager still offers the next page while
 * there is one. Counting further costs time in proportion to the matches on both engines (on
 * PostgreSQL every counted match is a heap row visited), for a number nobody pages through: a
 * visitor narrows the query or filters instead, and the page suggests it.
 */
export const COUNT_CAP = 1_000;
/**
 * How many of the newest matches (and of the newest title matches) relevance ranks: 20 pages
 * of 10. Ranking reads each document's positions (PostgreSQL: its tsvector out of TOAST).
 */
export const RANK_WINDOW = 200;

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
  /** True when the matches were counted and are fewer than the count cap (an engine hint). */
  fewerThanCap?: boolean;
}

/** The newest matches and how many there are, counted no further than asked. */
export interface Window {
  /** The number of matches, but no more than `countTo`. */
  matches: number;
  /** The `limit` newest matches (all of them when fewer), newest first. */
  newest: Candidate[];
  /**
   * The matches right after `newest`, newest first, unscored: as many as the pass happened to
   * meet (a walk that counted, or every match when there were few). Absent when it met none.
   */
  after?: Candidate[];
}

export interface WindowOptions {
  titleOnly: boolean;
  limit: number;
  /**
   * Counting stops here: `matches` is then exactly this. Without it nothing is counted and
   * `matches` is only the number of `newest`.
   */
  countTo?: number;
  scored: boolean;
  /**
   * A hint: the matches are likely many (a title window when the text matches were more than
   * the count cap), so a walk down from the newest is likely short.
   */
  likelyMany?: boolean;
}

/** What an engine answers; everything else is shared. */
export interface EngineQueries {
  /**
   * The newest matches and their number (counted up to `countTo`), in as few passes as the
   * engine can: when there are fewer than `countTo` matches, the pass that counts them has
   * seen every one and can keep the newest.
   */
  window(plan: SearchPlan, mode: MatchMode, options: WindowOptions): Promise<Window>;
  /** Matches newest first (descending sort key), from an offset. */
  newest(plan: SearchPlan, mode: MatchMode, options: NewestOptions): Promise<Candidate[]>;
  /** The stored text of these documents, in any order. */
  documents(ids: readonly number[]): Promise<Omit<StoredHit, 'score'>[]>;
  /**
   * Whether queries run side by side on separate connections (PostgreSQL's pool): then a
   * relevance search asks for the title window while the first window is still counting,
   * without the `likelyMany` hint. SQLite runs one query at a time, so it waits for the hint.
   */
  concurrent?: boolean;
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
  const { countCap, rankWindow } = limits;
  const plan = planSearch(query);
  if (!plan) return EMPTY;
  // The first pass counts and keeps what the page needs most often: the newest matches up to
  // the page (date sort) or the ranked window (relevance).
  const firstWindow: WindowOptions =
    plan.sort === 'date'
      ? {
          titleOnly: false,
          limit: Math.min(plan.offset + plan.limit, countCap + 1),
          countTo: countCap + 1,
          scored: false,
        }
      : { titleOnly: false, limit: rankWindow, countTo: countCap + 1, scored: true };
  let mode: MatchMode = 'all';
  const titleWindow = (m: MatchMode, likelyMany?: boolean) =>
    engine.window(plan, m, {
      titleOnly: true,
      limit: rankWindow,
      scored: true,
      ...(likelyMany === undefined ? {} : { likelyMany }),
    });
  const early = engine.concurrent && plan.sort === 'relevance' ? titleWindow('all') : undefined;
  early?.catch(() => {}); // awaited below when needed; a failure then surfaces there
  let found = await engine.window(plan, mode, firstWindow);
  if (found.matches === 0 && plan.terms.length > 1) {
    mode = 'any';
    found = await engine.window(plan, mode, firstWindow);
  }
  const { matches } = found;
  if (matches === 0) return EMPTY;
  const capped = matches > countCap;
  const total = capped ? countCap : matches;
  const head = { total, matchedAll: mode === 'all', capped };
  if (!capped && plan.offset >= total) return { ...head, hits: [] };

  const page =
    plan.sort === 'date'
      ? await datePage(engine, plan, mode, found, capped)
      : await relevancePage(
          engine,
          plan,
          mode,
          found,
          capped ? Number.POSITIVE_INFINITY : matches,
          rankWindow,
          mode === 'all' && early ? early : titleWindow(mode, capped),
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

/** A page of a date sort: from the first pass's newest matches when it reaches that far or holds them all. */
async function datePage(
  engine: EngineQueries,
  plan: SearchPlan,
  mode: MatchMode,
  { newest, matches }: Window,
  capped: boolean,
): Promise<Candidate[]> {
  const { offset, limit } = plan;
  // The first pass reached this far, or met every match (the last page of a short list).
  if (offset + limit <= newest.length || (!capped && newest.length >= matches)) {
    return newest.slice(offset, offset + limit);
  }
  return engine.newest(plan, mode, { titleOnly: false, offset, limit, scored: false, fewerThanCap: !capped });
}

async function relevancePage(
  engine: EngineQueries,
  plan: SearchPlan,
  mode: MatchMode,
  found: Window,
  matches: number,
  window: number,
  titleWindow: Promise<Window>,
): Promise<Candidate[]> {
  const { offset, limit } = plan;
  const inTitle = [...(await titleWindow).newest].sort(byScore);
  const titleKeys = new Set(inTitle.map((c) => c.key));
  const recent = found.newest.filter((c) => !titleKeys.has(c.key));
  const ranked = [...inTitle, ...recent.sort(byScore)];
  if (offset + limit <= ranked.length || matches <= window) return ranked.slice(offset, offset + limit);
  // Past the ranked windows: the other matches, newest first, skipping the title matches
  // already shown (at most window of them lie beyond the recent window).
  const fromRanked = ranked.slice(offset, offset + limit);
  const restOffset = Math.max(0, offset - ranked.length);
  const restWanted = limit - fromRanked.length;
  const titleBeyond = inTitle.length - (Math.min(matches, window) - recent.length);
  const wanted = restOffset + restWanted + titleBeyond;
  // The first pass may have met them already (`after` follows its `window` newest).
  const met = found.newest.length === window ? (found.after ?? []) : [];
  const rest =
    met.length >= wanted || window + met.length >= matches
      ? met.slice(0, wanted)
      : await engine.newest(plan, mode, {
          titleOnly: false,
          offset: window,
          limit: wanted,
          scored: false,
          fewerThanCap: Number.isFinite(matches),
        });
  const unseen = rest.filter((c) => !titleKeys.has(c.key));
  return [...fromRanked, ...unseen.slice(restOffset, restOffset + restWanted)];
}
