/**
 * What makes search fast at a million items (migration 2026-11-25-0010-search-scale), shared
 * by both engines and the bench:
 * - the sort key: newest first is one descending walk of an integer, on FTS5 its rowid, so
 *   "sort by date" and "the newest matches" never sort the whole match set;
 * - the filter tokens: agency, year, document type and category indexed as words beside the
 *   text, so a filter is part of the one index lookup instead of a check row by row; and the
 *   title's words again, marked, so "every word in the title" is an index lookup too.
 */
import type { SearchDocument } from './index.ts';

/** 2^32: the item id lives in the low 32 bits of the sort key. */
export const KEY_ID_SPAN = 4_294_967_296;

/** Days are counted from here, so every plausible date gives a positive key. */
const EPOCH_MS = Date.UTC(1900, 0, 1);
const DAY_MS = 86_400_000;

/**
 * Newest first = the largest key first: the publication day, then the id, as the portal
 * orders a date sort (`published_on desc nulls last, id desc`). Undated items have day 0,
 * after every dated one. At most 2^53 for dates up to the year 6000, so a JavaScript
 * number holds it exactly.
 */
export function sortKeyOf(publishedOn: string | null, id: number): number {
  return dayNumber(publishedOn) * KEY_ID_SPAN + id;
}

/** The item id a sort key was made from. */
export function idOfSortKey(key: number): number {
  return key % KEY_ID_SPAN;
}

function dayNumber(isoDate: string | null): number {
  if (!isoDate) return 0;
  const ms = Date.parse(`${isoDate.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(ms) ? 0 : Math.max(0, Math.round((ms - EPOCH_MS) / DAY_MS));
}

/**
 * An underscore starts every filter token. Query words and indexed words are letters and
 * digits only (segment.ts cuts at anything else), so no query can ever match a filter token.
 * The FTS5 table declares `_` a token character; PostgreSQL is given the lexemes as they are.
 */
const MARK = '_';

const hex = (value: string) => Buffer.from(value, 'utf8').toString('hex');

export const facetToken = {
  agency: (id: number) => `${MARK}a${id}`,
  year: (year: number) => `${MARK}y${year}`,
  genre: (genre: string) => `${MARK}g${hex(genre)}`,
  category: (category: string) => `${MARK}c${hex(category)}`,
};

/**
 * `_t<word>` for each word of the (segmented) title: "every word in the title" is then a
 * lookup of these tokens, as fast as any other, instead of a scan of every match.
 */
export function titleTokensOf(segmentedTitle: string): string[] {
  return segmentedTitle === '' ? [] : [...new Set(segmentedTitle.split(' ').map(titleToken))];
}

/** The title token of a query word. */
export function titleToken(word: string): string {
  return `${MARK}t${word}`;
}

/** The filter tokens of a document. */
export function facetTokensOf(
  doc: Pick<SearchDocument, 'agencyId' | 'year' | 'genre' | 'category'>,
): string[] {
  const tokens = [facetToken.agency(doc.agencyId)];
  if (doc.year !== null) tokens.push(facetToken.year(doc.year));
  if (doc.genre !== null) tokens.push(facetToken.genre(doc.genre));
  if (doc.category !== null) tokens.push(facetToken.category(doc.category));
  return tokens;
}
