import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/web.ts';

describe('the server on a fresh embedded database', () => {
  let app: FastifyInstance;
  let started: TestApp;
  beforeAll(async () => {
    started = await startTestApp();
    app = started.app;
  }, 120_000);
  afterAll(() => started.close());

  it('loads the demo data and lists the reports it published', async () => {
    const res = await app.inject('/reports');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('宁海县人民政府办公室');
    expect(res.body).toContain('href="/reports/330226-01/2020"');
    expect(res.body).toContain('href="/reports/published"');
  });

  it('renders Ninghai 2020 built from the records and published as HTML with the published figures', async () => {
    const res = await app.inject('/reports/330226-01/2020');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('本年新收政府信息公开申请数量');
    expect(res.body).toMatch(/data-cell="table3\.new_received\.natural_person"[^>]*>31</);
    expect(res.body).toMatch(/data-cell="table2\.procurement\.items"[^>]*>167</);
  });

  it('serves every download format with its content type', async () => {
    for (const [ext, type] of [
      ['pdf', 'application/pdf'],
      ['docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      ['csv', 'text/csv'],
      ['json', 'application/json'],
    ] as const) {
      const res = await app.inject(`/reports/330226-01/2020.${ext}`);
      expect(res.statusCode, ext).toBe(200);
      expect(res.headers['content-type'], ext).toContain(type);
    }
  });

  it('answers an unknown agency with a Chinese 404 page', async () => {
    const res = await app.inject('/reports/no-such-agency/2020');
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('未找到机关');
  });

  it('lists the published reports imported at demo load (其他机关年报检查) and serves each from the database', async () => {
    const list = await app.inject('/reports/published');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('<h1>其他机关年报检查</h1>');
    const link = /<a href="\/reports\/published\/(\d+)">宁海县人民政府办公室<\/a>/.exec(list.body);
    expect(link).not.toBeNull();
    const id = link![1];
    const res = await app.inject(`/reports/published/${id}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/data-cell="table3\.new_received\.natural_person"[^>]*>31</);
    expect(res.body).toContain('通过检查');
    const pdf = await app.inject(`/reports/published/${id}.pdf`);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    // The address by file name of the folder-based library leads to the report.
    const old = await app.inject('/reports/published/ninghai-2020.json');
    expect(old.statusCode).toBe(301);
    expect(old.headers.location).toBe(`/reports/published/${id}.json`);
    expect((await app.inject('/reports/published/no-such-report')).statusCode).toBe(404);
    const api = (await app.inject('/api/reports')).json<{ published: { id: number; agency: string }[] }>();
    expect(api.published.map((r) => r.agency)).toContain('宁海县人民政府办公室');
  });
});

describe('the large-text, high-contrast mode (适老化)', () => {
  it('is switched on by /mode and remembered in a cookie', async () => {
    const started2 = await startTestApp();
    const app2 = started2.app;
    try {
      const res = await app2.inject('/mode?accessible=1&back=/reports');
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/reports');
      const cookie = String(res.headers['set-cookie']).split(';')[0]!;
      const page = await app2.inject({ url: '/reports', headers: { cookie } });
      expect(page.body).toContain('class="a11y-mode"');
      for (const back of ['https://evil.example/', '//evil.example/', '/\\evil.example/']) {
        const offsite = await app2.inject(`/mode?accessible=1&back=${encodeURIComponent(back)}`);
        expect(offsite.headers.location, back).toBe('/');
      }
    } finally {
      await started2.close();
    }
  }, 120_000);
});
