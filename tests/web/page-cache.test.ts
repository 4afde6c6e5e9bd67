/**
 * The public page cache (src/web/page-cache.ts): public pages are answered again until the
 * catalogue changes, never to or from a signed-in request, with an ETag and 304, bounded.
 */
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { catalogueChanged, catalogueGeneration } from '../../src/db/repositories/catalogue-generation.ts';
import type { IsoDate } from '../../src/domain/calendar/index.ts';
import { repealItem } from '../../src/services/catalogue/index.ts';
import { PageCache, registerPageCache } from '../../src/web/page-cache.ts';
import { multipartBody } from '../helpers/multipart.ts';
import { csrfIn, signIn, startTestApp, type TestApp } from '../helpers/web.ts';

describe('the public page cache', () => {
  let started: TestApp;
  let clerk: string;
  let today: IsoDate;

  beforeAll(async () => {
    started = await startTestApp();
    clerk = await signIn(started.app, 'ninghai.clerk');
    today = started.deps.clock.today();
  }, 120_000);
  afterAll(async () => {
    await started.close();
  });

  const get = (url: string, headers: Record<string, string> = {}) => started.app.inject({ url, headers });

  /** Posts a back-office form with the CSRF token of the page at `from`. */
  const post = async (url: string, fields: Record<string, string>, from: string) => {
    const page = await get(from, { cookie: clerk });
    const body = multipartBody({ _csrf: csrfIn(page.body), ...fields });
    return started.app.inject({
      method: 'POST',
      url,
      headers: { cookie: clerk, 'content-type': body.contentType },
      payload: body.payload,
    });
  };

  const itemFields = (title: string) => ({
    agency: '330226-01',
    title,
    kind: 'normative_document',
    genre: '通知',
    madeOn: today,
    disclosureMode: 'proactive',
  });

  it('answers an item page again, and anew right after the item is published, edited or repealed', async () => {
    const created = await post('/admin/items', itemFields('宁海县枇杷产业扶持暂行办法'), '/admin/items/new');
    expect(created.statusCode).toBe(303);
    const id = Number(/\/admin\/items\/(\d+)/.exec(String(created.headers.location))?.[1]);
    const url = `/items/${id}`;
    const search = `/search?q=${encodeURIComponent('枇杷产业')}`;

    // A draft: not found, and a "not found" is never kept.
    expect((await get(url)).statusCode).toBe(404);
    expect((await get(url)).headers['x-page-cache']).toBeUndefined();
    const before = await get(search);
    expect(before.headers['x-page-cache']).toBe('miss');
    expect(before.body).not.toContain(url);
    expect((await get(search)).headers['x-page-cache']).toBe('hit');

    // Published through the back office: the item page and the search page show it at once.
    const published = await post(`/admin/items/${id}/publish`, { publishedOn: today }, `/admin/items/${id}`);
    expect(published.statusCode).toBe(303);
    const first = await get(url);
    expect([first.statusCode, first.headers['x-page-cache']]).toEqual([200, 'miss']);
    expect(first.body).toContain('宁海县枇杷产业扶持暂行办法');
    const again = await get(url);
    expect([again.statusCode, again.headers['x-page-cache']]).toEqual([200, 'hit']);
    expect(again.body).toBe(first.body);
    expect(again.headers['cache-control']).toBe('public, max-age=10');
    expect(again.headers.vary).toBe('Cookie');
    const found = await get(search);
    expect(found.headers['x-page-cache']).toBe('miss');
    expect(found.body).toContain(url);

    // Edited through the back office.
    const saved = await post(
      url.replace('/items', '/admin/items'),
      itemFields('宁海县枇杷产业扶持办法（修订）'),
      `/admin/items/${id}`,
    );
    expect(saved.statusCode).toBe(303);
    const edited = await get(url);
    expect(edited.headers['x-page-cache']).toBe('miss');
    expect(edited.body).toContain('宁海县枇杷产业扶持办法（修订）');
    expect((await get(url)).body).toContain('宁海县枇杷产业扶持办法（修订）');

    // Repealed through the service.
    await repealItem(started.deps, { itemId: id, repealedOn: today, validity: 'expired' });
    const repealed = await get(url);
    expect(repealed.headers['x-page-cache']).toBe('miss');
    expect(repealed.body).toContain(`（${today}废止）`);
  });

  it('keeps the 适老化 page apart from the standard one', async () => {
    const standard = await get('/items');
    const large = await get('/items', { cookie: 'a11y=1' });
    expect(large.headers['x-page-cache']).toBe('miss');
    expect(large.body).toContain('class="a11y-mode"');
    expect(standard.body).not.toContain('class="a11y-mode"');
    expect((await get('/items', { cookie: 'a11y=1' })).body).toBe(large.body);
    expect((await get('/items')).body).toBe(standard.body);
  });

  it('never answers a signed-in request from the cache nor keeps its page', async () => {
    const url = '/items?year=2020';
    const signedIn = await get(url, { cookie: clerk });
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.headers['x-page-cache']).toBeUndefined();
    expect(signedIn.headers['cache-control']).toBeUndefined();
    // Not kept: the first visitor without a session renders it.
    expect((await get(url)).headers['x-page-cache']).toBe('miss');
    expect((await get(url)).headers['x-page-cache']).toBe('hit');
    // And now that it is kept, the signed-in person still gets a page of his own.
    expect((await get(url, { cookie: clerk })).headers['x-page-cache']).toBeUndefined();
    // A visitor with another cookie of his own is answered from the cache but never fills it.
    const other = '/items?year=2019';
    expect((await get(other, { cookie: 'gk_csrf=abc' })).headers['x-page-cache']).toBeUndefined();
    expect((await get(other)).headers['x-page-cache']).toBe('miss');
    expect((await get(other, { cookie: 'gk_csrf=abc' })).headers['x-page-cache']).toBe('hit');
  });

  it('answers 304 to a matching If-None-Match', async () => {
    const page = await get('/');
    const etag = String(page.headers.etag);
    expect(etag).toMatch(/^"[\w-]+"$/);
    const notModified = await get('/', { 'if-none-match': etag });
    expect(notModified.statusCode).toBe(304);
    expect(notModified.body).toBe('');
    expect((await get('/', { 'if-none-match': `W/${etag}, "x"` })).statusCode).toBe(304);
    expect((await get('/', { 'if-none-match': '"something-else"' })).statusCode).toBe(200);
  });

  it('is off with GONGKAI_PAGE_CACHE=0', async () => {
    expect(loadConfig({ GONGKAI_PAGE_CACHE: '0' }).pageCache).toBe(false);
    expect(loadConfig({}).pageCache).toBe(true);
    const off = await startTestApp({ GONGKAI_PAGE_CACHE: '0' });
    try {
      await off.app.inject('/items');
      const res = await off.app.inject('/items');
      expect(res.statusCode).toBe(200);
      expect(res.headers['x-page-cache']).toBeUndefined();
      expect(res.headers.etag).toBeUndefined();
    } finally {
      await off.close();
    }
  }, 120_000);
});

describe('PageCache', () => {
  /** A page whose request began now (under the current generation). */
  const page = (text: string) => ({
    body: Buffer.from(text),
    contentType: 'text/html',
    generation: catalogueGeneration(),
  });

  it('is bounded by count and by bytes, least recently used first', () => {
    const byCount = new PageCache({ maxEntries: 3 });
    const at = page;
    for (const key of ['a', 'b', 'c']) byCount.set(key, at(key));
    expect(byCount.get('a')).toBeDefined(); // a is now the most recently used
    byCount.set('d', at('d'));
    expect(byCount.size).toBe(3);
    expect(byCount.get('b')).toBeUndefined();
    expect(['a', 'c', 'd'].map((k) => byCount.get(k)?.body.toString())).toEqual(['a', 'c', 'd']);

    const byBytes = new PageCache({ maxBytes: 250 });
    for (const key of ['x', 'y', 'z']) byBytes.set(key, at(key.repeat(100)));
    expect(byBytes.size).toBe(2);
    expect(byBytes.bytes).toBe(200);
    expect(byBytes.get('x')).toBeUndefined();
    // A page larger than the whole cache is not kept.
    expect(byBytes.set('big', at('b'.repeat(300)))).toBeUndefined();
  });

  it('drops what was rendered before the catalogue changed, and anything older than its time to live', () => {
    let now = 0;
    const cache = new PageCache({ ttlMs: 10_000, now: () => now });
    const before = page('a');
    cache.set('a', before);
    expect(cache.get('a')).toBeDefined();
    catalogueChanged();
    expect(cache.get('a')).toBeUndefined();
    // A page whose request began before the change is not kept under the new generation.
    expect(cache.set('a', before)).toBeUndefined();
    expect(cache.set('a', page('a'))).toBeDefined();
    now = 9_999;
    expect(cache.get('a')).toBeDefined();
    now = 10_000;
    expect(cache.get('a')).toBeUndefined();
  });

  it('keeps no page that sets a cookie or is not a 200', async () => {
    const app = Fastify();
    registerPageCache(app, { routes: ['/cookie', '/missing', '/ok'] });
    app.get('/cookie', async (_req, reply) =>
      reply.header('set-cookie', 'x=1').type('text/html').send('<p>c</p>'),
    );
    app.get('/missing', async (_req, reply) => reply.code(404).type('text/html').send('<p>m</p>'));
    app.get('/ok', async (_req, reply) => reply.type('text/html; charset=utf-8').send('<p>ok</p>'));
    for (const url of ['/cookie', '/missing']) {
      await app.inject(url);
      expect((await app.inject(url)).headers['x-page-cache']).toBeUndefined();
    }
    await app.inject('/ok');
    const hit = await app.inject('/ok');
    expect([hit.headers['x-page-cache'], hit.body]).toEqual(['hit', '<p>ok</p>']);
    await app.close();
  });
});
