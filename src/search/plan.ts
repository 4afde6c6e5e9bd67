/**
 * From a portal query to what both engines run: the query words (each with its parts, see
 * wordParts), the filters, and the page. Shared so that both engines match the same words.
 */
import { MAX_PAGE_SIZE, type SearchQuery, type SearchSort } from './index.ts';
import { queryTokens, wordParts } from './segment.ts';

/** A query word: it matches when the word itself is indexed, or all its parts are. */
export interface QueryTerm {
  word: string;
  parts: string[];
}

/** Every hit has every term ('all'), or at least one ('any', the fallback). */
export type MatchMode = 'all' | 'any';

export interface SearchPlan {
  terms: QueryTerm[];
  /** Words to mark in titles and snippets: the terms and their parts. */
  highlightWords: string[];
  agencyIds: readonly number[] | undefined;
  category: string | undefined;
  year: number | undefined;
  genre: string | undefined;
  sort: SearchSort;
  limit: number;
  offset: number;
}

/** A long pasted paragraph is not a query; its first words are plenty to rank by. */
const MAX_TERMS = 12;

/** The plan for a query, or null when nothing can match (no words, or no agencies). */
export function planSearch(query: SearchQuery): SearchPlan | null {
  const words = queryTokens(query.q).slice(0, MAX_TERMS);
  if (words.length === 0) return null;
  if (query.agencyIds && query.agencyIds.length === 0) return null;
  const terms = words.map((word) => ({ word, parts: wordParts(word) }));
  const pageSize = clamp(Math.trunc(query.pageSize) || 1, 1, MAX_PAGE_SIZE);
  const page = Math.max(1, Math.trunc(query.page) || 1);
  return {
    terms,
    highlightWords: [...new Set(terms.flatMap((t) => [t.word, ...t.parts]))],
    agencyIds: query.agencyIds,
    category: query.category,
    year: query.year,
    genre: query.genre,
    sort: query.sort,
    limit: pageSize,
    offset: (page - 1) * pageSize,
  };
}

function clamp(n: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, n));
}

/**
 * A boolean expression over the terms in an engine's syntax. Tokens are letters and digits
 * only (segment.ts), so quoting them is enough to keep query syntax out.
 */
export function matchExpression(
  terms: readonly QueryTerm[],
  mode: MatchMode,
  syntax: { quote(token: string): string; and: string; or: string },
): string {
  const group = (t: QueryTerm) =>
    t.parts.length === 0
      ? syntax.quote(t.word)
      : `(${syntax.quote(t.word)} ${syntax.or} (${t.parts.map(syntax.quote).join(` ${syntax.and} `)}))`;
  return terms.map(group).join(mode === 'all' ? ` ${syntax.and} ` : ` ${syntax.or} `);
}
