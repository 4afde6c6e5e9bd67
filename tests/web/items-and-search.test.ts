import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSearchIndex, RANK_WINDOW } from '../../src/search/index.ts';
import { startTestApp, type TestApp } from '../helpers/web.ts';

describe('the catalogue on the portal', () => {
  let app: FastifyInstance;
  let started: TestApp;
  beforeAll(async () => {
    started = await startTestApp();
    app = started.app;
  }, 120_000);
  afterAll(() => started.close());

  it('lists published items with filters and links each to its page with the metadata block', async () => {
    const list = await app.inject('/items?agency=330226-01&kind=normative_document&year=2020');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('共12条');
    const id = /href="\/items\/(\d+)"/.exec(list.body)?.[1];
    const page = await app.inject(`/items/${id}`);
    expect(page.statusCode).toBe(200);
    for (const label of ['索引号', '发布机构', '成文日期', '发布日期', '文号', '主题分类', '有效性']) {
      expect(page.body).toContain(label);
    }
    expect(page.body).toMatch(/002720027\/2020-\d{5}/);
  });

  it('finds items by a two-word Chinese query and marks the words in the snippet', async () => {
    const res = await app.inject(`/search?q=${encodeURIComponent('重点工作 通知')}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/找到\d+条结果/);
    expect(res.body).toContain('<mark>');
    expect(res.body).toContain('2020年<mark>重点工作</mark>');
  });

  it('narrows a search by agency, year, 体裁 and 目录分类, keeping the filters across pages', async () => {
    const q = encodeURIComponent('重点工作 通知');
    const count = (body: string) => Number(/找到(?:超过)?(\d+)条结果/.exec(body)?.[1] ?? Number.NaN);
    const all = await app.inject(`/search?q=${q}`);
    const ninghai2020 = await app.inject(`/search?q=${q}&agency=330226-01&year=2020`);
    expect(count(ninghai2020.body)).toBeGreaterThan(0);
    expect(count(ninghai2020.body)).toBeLessThanOrEqual(count(all.body));
    // The chosen filters stay chosen in the form.
    expect(ninghai2020.body).toContain('<option value="330226-01" selected>');
    expect(ninghai2020.body).toMatch(/name="year"[^>]* value="2020"/);
    for (const filter of [
      'year=1999',
      'genre=纪要&year=2020',
      `category=${encodeURIComponent('不存在的分类')}`,
    ]) {
      const none = await app.inject(`/search?q=${q}&${filter}`);
      expect(count(none.body), filter).toBe(0);
    }
    // Malformed filters are ignored, not errors.
    const odd = await app.inject(`/search?q=${q}&year=20x0&genre=<b>&agency=nowhere`);
    expect(odd.statusCode).toBe(200);
    expect(count(odd.body)).toBe(count(all.body));
  });

  it('escapes what the visitor typed and answers unknown items with a Chinese 404', async () => {
    const res = await app.inject(`/search?q=${encodeURIComponent('<script>alert(1)</script>')}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('<script>alert(1)</script>');
    const missing = await app.inject('/items/999999');
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain('未找到');
  });
});

describe('feeds for machines', () => {
  let started: TestApp;
  beforeAll(async () => {
    started = await startTestApp();
  }, 120_000);
  afterAll(() => started.close());

  it('offers an Atom feed of new items and a sitemap of the public pages', async () => {
    const feed = await started.app.inject('/feed.atom');
    expect(feed.headers['content-type']).toContain('application/atom+xml');
    expect(feed.body).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
    expect(feed.body).toMatch(/<entry><id>http:\/\/localhost(:\d+)?\/items\/\d+<\/id>/);
    // An index of sitemap files: the column pages and reports, then the catalogue by id ranges.
    const index = await started.app.inject('/sitemap.xml');
    expect(index.body).toContain('<sitemapindex');
    const files = [...index.body.matchAll(/<loc>http:\/\/localhost(?::\d+)?(\/[^<]+)<\/loc>/g)].map(
      (m) => m[1]!,
    );
    expect(files).toEqual(['/sitemap-pages.xml', '/sitemap-items-1.xml']);
    const locs: string[] = [];
    for (const file of files) {
      const body = (await started.app.inject(file)).body;
      locs.push(...[...body.matchAll(/<loc>http:\/\/localhost(?::\d+)?(\/[^<]+)<\/loc>/g)].map((m) => m[1]!));
    }
    for (const page of ['/apply', '/statutory', '/guide/330226-01', '/reports/330226-01/2020'])
      expect(locs).toContain(page);
    expect(locs.some((l) => l.startsWith('/standard-directory/'))).toBe(true);
    // Every public item once, and nothing else of the catalogue (drafts stay out).
    const items = locs.filter((l) => /^\/items\/\d+$/.test(l));
    const publicTotal = (await started.app.inject('/api/items')).json<{ total: number }>().total;
    expect(new Set(items).size).toBe(publicTotal);
    expect(items.length).toBe(publicTotal);
    expect((await started.app.inject('/sitemap-items-99.xml')).body).not.toContain('<url>');
  });
});

describe('search results past the counting cap', () => {
  it('says “超过” of a capped count and always offers the next page', async () => {
    // The demo catalogue with a tiny cap stands in for a million items with the real one.
    const { app, close } = await startTestApp({}, (opened) => {
      opened.deps.searchIndex = createSearchIndex(opened.deps.db, { countCap: 3, rankWindow: RANK_WINDOW });
    });
    try {
      const res = await app.inject(`/search?q=${encodeURIComponent('通知')}`);
      expect(res.body).toContain('找到超过3条结果');
      // The visitor is told how to narrow so many down.
      expect(res.body).toContain('结果较多，可以增加关键词，或按发布机构、年份、体裁、目录分类缩小范围');
      expect(res.body).toContain('第1页／超过1页');
      expect(res.body).toContain('下一页');
    } finally {
      await close();
    }
  });
});
