/**
 * The public page cache: the HTML of public GET pages (an item's page, the catalogue lists,
 * search results, the home page) kept in this process and answered again without touching
 * the database, as portals with many readers and few writers do. Disclosure pages are read far
 * more often than they change (Regulation art. 23: proactively disclosed information is to be
 * published through the portal promptly, and art. 26: within 20 working days of its forming or
 * change), so a page may be answered again as long as nothing in the catalogue has changed.
 *
 * - Key: the address (path and query) and the 适老化 mode (the only cookie that changes a page).
 * - Only for visitors without a session: a request with a `gk_session` cookie is never answered
 *   from the cache nor kept in it. A page is kept only when the request carried no cookie but
 *   the mode one (nothing of the visitor can be in it), answered 200 with HTML, and set no cookie.
 * - Invalidation: every write to the catalogue bumps its generation
 *   (db/repositories/catalogue-generation.ts); a page rendered under an older generation is
 *   dropped. Server processes sharing one database do not see each other's writes: a page
 *   lives at most `ttlMs` (10 s), which bounds that staleness.
 * - Bounded: least recently used pages go first past `maxEntries` pages or `maxBytes` bytes.
 * - HTTP: `Cache-Control: public, max-age=10`, `Vary: Cookie`, a strong ETag, and 304 to a
 *   matching If-None-Match. `X-Page-Cache: hit|miss` says what happened.
 *
 * GONGKAI_PAGE_CACHE=0 (src/config.ts) turns it off (bench/portal.ts measures both).
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { catalogueGeneration } from '../db/repositories/catalogue-generation.ts';
import { SESSION_COOKIE } from './auth.ts';
import { isAccessible } from './routes/request.ts';

/** The public pages kept, by route: the home page, the catalogue, an item's page, the search. */
export const CACHED_ROUTES: readonly string[] = ['/', '/items', '/items/:id', '/search'];

export interface PageCacheOptions {
  /** Route patterns whose GET pages are kept (CACHED_ROUTES by default). */
  routes?: readonly string[];
  maxEntries?: number;
  maxBytes?: number;
  /** How long a page is kept at most, in milliseconds (another process's writes are seen after it). */
  ttlMs?: number;
  /** Milliseconds, for the time to live (tests). */
  now?: () => number;
}

export const PAGE_CACHE_DEFAULTS = { maxEntries: 5000, maxBytes: 64 * 1024 * 1024, ttlMs: 10_000 } as const;

interface Entry {
  body: Buffer;
  etag: string;
  contentType: string;
  generation: number;
  storedAt: number;
}

/** Pages by key, least recently used first (a Map keeps insertion order; a hit moves to the end). */
export class PageCache {
  readonly #entries = new Map<string, Entry>();
  #bytes = 0;
  #generation = catalogueGeneration();
  readonly #maxEntries: number;
  readonly #maxBytes: number;
  readonly #ttlMs: number;
  readonly #now: () => number;

  constructor(options: PageCacheOptions = {}) {
    this.#maxEntries = options.maxEntries ?? PAGE_CACHE_DEFAULTS.maxEntries;
    this.#maxBytes = options.maxBytes ?? PAGE_CACHE_DEFAULTS.maxBytes;
    this.#ttlMs = options.ttlMs ?? PAGE_CACHE_DEFAULTS.ttlMs;
    this.#now = options.now ?? Date.now;
  }

  get size(): number {
    return this.#entries.size;
  }

  get bytes(): number {
    return this.#bytes;
  }

  /** The page kept under `key`, if it was rendered under the current generation and is fresh. */
  get(key: string): Entry | undefined {
    this.#dropIfChanged();
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (this.#now() - entry.storedAt >= this.#ttlMs) {
      this.#delete(key, entry);
      return undefined;
    }
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    return entry;
  }

  /** Keeps a page rendered under `generation` (the one current when its request began). */
  set(key: string, page: { body: Buffer; contentType: string; generation: number }): Entry | undefined {
    this.#dropIfChanged();
    if (page.generation !== this.#generation || page.body.length > this.#maxBytes) return undefined;
    const old = this.#entries.get(key);
    if (old) this.#delete(key, old);
    const entry: Entry = {
      ...page,
      etag: `"${createHash('sha1').update(page.body).digest('base64url')}"`,
      storedAt: this.#now(),
    };
    this.#entries.set(key, entry);
    this.#bytes += entry.body.length;
    for (const [oldest, e] of this.#entries) {
      if (this.#entries.size <= this.#maxEntries && this.#bytes <= this.#maxBytes) break;
      this.#delete(oldest, e);
    }
    return entry;
  }

  clear(): void {
    this.#entries.clear();
    this.#bytes = 0;
  }

  #delete(key: string, entry: Entry): void {
    this.#entries.delete(key);
    this.#bytes -= entry.body.length;
  }

  #dropIfChanged(): void {
    const generation = catalogueGeneration();
    if (generation === this.#generation) return;
    this.#generation = generation;
    this.clear();
  }
}

const CACHE_CONTROL = (ttlMs: number) => `public, max-age=${Math.floor(ttlMs / 1000)}`;

/** Whether the Cookie header names `name`. */
function hasCookie(header: string, name: string): boolean {
  return header.split(';').some((part) => part.trim().startsWith(`${name}=`));
}

/** Whether the Cookie header holds nothing but the 适老化 mode (a11y=…). */
function onlyModeCookie(header: string): boolean {
  return header.split(';').every((part) => {
    const p = part.trim();
    return p === '' || p.startsWith('a11y=');
  });
}

/** Whether If-None-Match names the tag (or is `*`); weak tags compare by their value. */
function matchesTag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((t) => {
    const tag = t.trim();
    return tag === '*' || tag === etag || tag === `W/${etag}`;
  });
}

/**
 * Answers kept pages in an onRequest hook and keeps new ones in an onSend hook. Register after
 * the cookie plugin (src/web/auth.ts), so that its onSend hook has set any Set-Cookie header
 * before this one looks.
 */
export function registerPageCache(app: FastifyInstance, options: PageCacheOptions = {}): PageCache {
  const cache = new PageCache(options);
  const routes = new Set(options.routes ?? CACHED_ROUTES);
  const cacheControl = CACHE_CONTROL(options.ttlMs ?? PAGE_CACHE_DEFAULTS.ttlMs);
  /** Requests whose page is to be kept: the key and the generation when the request began. */
  const pending = new WeakMap<FastifyRequest, { key: string; generation: number }>();

  app.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'GET' || !routes.has(request.routeOptions.url ?? '')) return;
    const cookie = request.headers.cookie;
    // Signed in (or a session that has ended): never from the cache, never into it.
    if (cookie && hasCookie(cookie, SESSION_COOKIE)) return;
    const key = `${isAccessible(request) ? 'a11y' : 'std'} ${request.url}`;
    const hit = cache.get(key);
    if (hit) {
      reply
        .header('cache-control', cacheControl)
        .header('vary', 'Cookie')
        .header('etag', hit.etag)
        .header('x-page-cache', 'hit');
      if (matchesTag(request.headers['if-none-match'], hit.etag)) return reply.code(304).send();
      return reply.type(hit.contentType).send(hit.body);
    }
    if (!cookie || onlyModeCookie(cookie)) pending.set(request, { key, generation: catalogueGeneration() });
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const page = pending.get(request);
    if (!page) return payload;
    pending.delete(request);
    const contentType = String(reply.getHeader('content-type') ?? '');
    if (
      reply.statusCode !== 200 ||
      reply.hasHeader('set-cookie') ||
      typeof payload !== 'string' ||
      !contentType.startsWith('text/html')
    ) {
      return payload;
    }
    const body = Buffer.from(payload);
    const entry = cache.set(page.key, { body, contentType, generation: page.generation });
    if (!entry) return body;
    reply
      .header('cache-control', cacheControl)
      .header('vary', 'Cookie')
      .header('etag', entry.etag)
      .header('x-page-cache', 'miss');
    return body;
  });
  return cache;
}
