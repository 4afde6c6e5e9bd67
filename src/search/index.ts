/**
 * Full-text search over catalogue items (titles, bodies, attachments' text) for the public
 * portal. One interface, two engines: SQLite FTS5 (embedded) and PostgreSQL full-text, both
 * over jieba-segmented text (segment.ts). Snippets are built here in TypeScript from the
 * stored original text, so both engines give the same snippet for the same match.
 */
import type { Kysely } from 'kysely';
import type { Db } from '../db/connection.ts';
import type { Database } from '../db/schema.ts';
import { postgresSearchIndex } from './postgres.ts';
import type { SearchLimits } from './run-search.ts';
import { sqliteFts5Index } from './sqlite-fts5.ts';

/** What the index keeps of one catalogue item; `id` is the catalogue item's id. */
export interface SearchDocument {
  id: number;
  agencyId: number;
  title: string;
  body: string;
  attachmentsText: string;
  category: string | null;
  subject: string | null;
  /** 体裁 / document type (通知, 公告, 意见 …). */
  genre: string | null;
  year: number | null;
  /** 'YYYY-MM-DD' */
  publishedOn: string | null;
}

export type SearchSort = 'relevance' | 'date';

export interface SearchQuery {
  q: string;
  /** Only these agencies (e.g. an agency's subtree); an empty list matches nothing. */
  agencyIds?: readonly number[];
  category?: string;
  year?: number;
  genre?: string;
  sort: SearchSort;
  /** 1-based. */
  page: number;
  /** Clamped to 1..MAX_PAGE_SIZE. */
  pageSize: number;
}

export interface SearchHit {
  id: number;
  /** Plain text; the page escapes it. */
  title: string;
  /** The title, HTML-escaped, with <mark> around the matched words. */
  titleHtml: string;
  /** A passage of the body or attachments, HTML-escaped, with <mark> around the matched words. */
  snippet: string;
  /** Higher is better; engine-specific scale, only comparable within one result. */
  score: number;
  publishedOn: string | null;
}

export interface SearchResult {
  total: number;
  hits: SearchHit[];
  /**
   * True when every hit has every query word. When no item has them all, the search falls
   * back to items with any of them (best first) and this is false, so the page can say so.
   */
  matchedAll: boolean;
  /**
   * True when more than `total` items match: counting stops at COUNT_CAP (run-search.ts), so
   * the page must say "more than" (超过1000条), not an exact number. Absent means false.
   */
  capped?: boolean;
}

/**
 * Writes take an optional executor so that saving an item and indexing it happen in the
 * caller's transaction: `await index.upsert(doc, trx)`.
 */
export interface SearchIndex {
  upsert(doc: SearchDocument, executor?: Kysely<Database>): Promise<void>;
  remove(id: number, executor?: Kysely<Database>): Promise<void>;
  search(query: SearchQuery): Promise<SearchResult>;
  /**
   * Maintenance after a bulk load or a reindex (`gongkai search optimize`): SQLite merges the
   * FTS5 index into one b-tree; PostgreSQL rewrites the narrow match table in sort-key order
   * (CLUSTER: newest-first walks then read neighbouring rows, about 5 times faster) and gathers
   * its statistics (which lexemes are common chooses between walking and the GIN index). It
   * locks the table while it runs (about a minute for a million items): run it off-hours.
   */
  optimize(): Promise<void>;
}

export const MAX_PAGE_SIZE = 100;

export { COUNT_CAP, RANK_WINDOW, type SearchLimits } from './run-search.ts';

/** The search index for this database's engine; `limits` (COUNT_CAP, RANK_WINDOW by default) for tests. */
export function createSearchIndex(db: Db, limits?: SearchLimits): SearchIndex {
  switch (db.engine) {
    case 'sqlite':
      return sqliteFts5Index(db.db, limits);
    case 'postgres':
      return postgresSearchIndex(db.db, limits);
    default:
      return db.engine satisfies never;
  }
}
