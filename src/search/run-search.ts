/** The part of a search both engines share: plan, match all words or fall back to any, build hits. */
import type { SearchQuery, SearchResult } from './index.ts';
import { type MatchMode, planSearch, type SearchPlan } from './plan.ts';
import { highlight, snippet, wordsPattern } from './snippet.ts';

/** One row of a page as an engine reads it from its stored copy of the document. */
export interface StoredHit {
  id: number;
  title: string;
  body: string;
  attachments_text: string;
  published_on: string | null;
  score: number;
}

/** An engine's matching: the number of matching items and one page of them. */
export type FindPage = (plan: SearchPlan, mode: MatchMode) => Promise<{ total: number; rows: StoredHit[] }>;

const EMPTY: SearchResult = { total: 0, hits: [], matchedAll: true };

/** Runs a portal query on an engine. */
export async function runSearch(query: SearchQuery, findPage: FindPage): Promise<SearchResult> {
  const plan = planSearch(query);
  if (!plan) return EMPTY;
  let mode: MatchMode = 'all';
  let found = await findPage(plan, mode);
  if (found.total === 0 && plan.terms.length > 1) {
    mode = 'any';
    found = await findPage(plan, mode);
  }
  if (found.total === 0) return EMPTY;
  const pattern = wordsPattern(plan.highlightWords);
  return {
    total: found.total,
    matchedAll: mode === 'all',
    hits: found.rows.map((row) => ({
      id: row.id,
      title: row.title,
      titleHtml: highlight(row.title, pattern),
      snippet: snippet([row.body, row.attachments_text], pattern),
      score: row.score,
      publishedOn: row.published_on,
    })),
  };
}
