import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/web.ts';

interface ItemsPage {
  total: number;
  items: { id: number; title: string; url: string; publishedOn: string }[];
  facets: Record<string, { value: string; count: number }[]>;
}
interface SearchPage {
  total: number;
  capped: boolean;
  hits: { id: number; title: string; url: string; snippetHtml: string }[];
}
interface ApiError {
  error: { code: string; message: string; field?: string };
}

describe('the JSON interface', () => {
  let started: TestApp;
  let app: FastifyInstance;
  beforeAll(async () => {
    started = await startTestApp();
    app = started.app;
  }, 120_000);
  afterAll(() => started.close());

  it('lists the public catalogue with the same filters and counts as /items', async () => {
    const res = await app.inject('/api/items?agency=330226-01&kind=normative_document&year=2020');
    expect(res.statusCode).toBe(200);
    const page = res.json<ItemsPage>();
    // The same 12 the page shows (tests/web/items-and-search.test.ts).
    expect(page.total).toBe(12);
    expect(page.items.every((i) => i.publishedOn.startsWith('2020') && i.url === `/items/${i.id}`)).toBe(
      true,
    );
    const html = await app.inject('/items?agency=330226-01&kind=normative_document&year=2020');
    expect(html.body).toContain(`共${page.total}条`);
  });

  it('gives an item with its metadata, attachments and interpretation links', async () => {
    const first = (await app.inject('/api/items?pageSize=1')).json<ItemsPage>().items[0]!;
    const item = (await app.inject(`/api/items/${first.id}`)).json<Record<string, unknown>>();
    expect(item).toMatchObject({ id: first.id, title: first.title, url: `/items/${first.id}` });
    for (const key of ['indexNumber', 'agency', 'madeOn', 'publishedOn', 'validity', 'attachments'])
      expect(item).toHaveProperty(key);
  });

  it('searches with Chinese words and filters, marking the words', async () => {
    const all = (await app.inject(`/api/search?q=${encodeURIComponent('重点工作 通知')}`)).json<SearchPage>();
    expect(all.total).toBeGreaterThan(0);
    expect(all.capped).toBe(false);
    const [first] = all.hits as (SearchPage['hits'][number] & { titleHtml: string })[];
    expect(`${first?.titleHtml} ${first?.snippetHtml}`).toContain('<mark>');
    const q = encodeURIComponent('重点工作 通知');
    const in2020 = (await app.inject(`/api/search?q=${q}&year=2020&agency=330226-01`)).json<SearchPage>();
    expect(in2020.total).toBeGreaterThan(0);
    expect(in2020.hits.every((h) => (h as { publishedOn?: string }).publishedOn?.startsWith('2020'))).toBe(
      true,
    );
    const in1999 = (await app.inject(`/api/search?q=${q}&year=1999`)).json<SearchPage>();
    expect(in1999.total).toBe(0);
  });

  it('answers bad input and unknown items with a stable code and a Chinese message', async () => {
    const nowhere = await app.inject('/api/nowhere');
    expect(nowhere.statusCode).toBe(404);
    expect(nowhere.json<ApiError>().error.code).toBe('route.not_found');
    const page = await app.inject('/nowhere');
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('<h1>未找到该页面</h1>');
    const empty = await app.inject('/api/search?q=');
    expect(empty.statusCode).toBe(400);
    expect(empty.json<ApiError>().error).toMatchObject({
      code: 'validation.invalid',
      message: '请填写搜索词',
    });
    const badYear = await app.inject('/api/items?year=abc');
    expect(badYear.statusCode).toBe(400);
    expect(badYear.json<ApiError>().error).toMatchObject({ code: 'validation.invalid', field: 'year' });
    const missing = await app.inject('/api/items/999999');
    expect(missing.statusCode).toBe(404);
    expect(missing.json<ApiError>().error.code).toBe('catalogue.not_found');
  });

  it('lists the published annual reports with their public addresses', async () => {
    const body = (await app.inject('/api/reports')).json<{
      reports: { agency: string; year: number; url: string; errors: number }[];
    }>();
    const ninghai2020 = body.reports.find((r) => r.agency === '宁海县人民政府办公室' && r.year === 2020);
    expect(ninghai2020).toMatchObject({ url: '/reports/330226-01/2020', errors: 0 });
    expect((await app.inject(ninghai2020!.url)).statusCode).toBe(200);
  });
});
