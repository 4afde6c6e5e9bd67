/**
 * Fixes from the review of the back office and the JSON interface: an id in the address that is
 * no item (too long for a PostgreSQL integer, or not a number) is a Chinese 404, never a 500 or
 * a message with "NaN"; every /api validation message is Chinese. Run on SQLite always and on
 * PostgreSQL when TEST_DATABASE_URL is set (the 500 happened only there).
 */
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startTestApp, type TestApp } from '../helpers/web.ts';

interface Engine {
  name: string;
  start(): Promise<TestApp>;
}

const engines: Engine[] = [{ name: 'sqlite', start: () => startTestApp() }];
const pgUrl = process.env.TEST_DATABASE_URL;
if (pgUrl) {
  engines.push({
    name: 'postgres',
    async start() {
      const schema = `t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
      const run = async (query: string) => {
        const c = new pg.Client({ connectionString: pgUrl });
        await c.connect();
        await c.query(query);
        await c.end();
      };
      await run(`create schema ${schema}`);
      const url = new URL(pgUrl);
      url.searchParams.set('options', `-c search_path=${schema}`);
      const started = await startTestApp({ DATABASE_URL: url.toString() });
      return {
        ...started,
        async close() {
          await started.close();
          await run(`drop schema ${schema} cascade`);
        },
      };
    },
  });
}

/** Longer than any PostgreSQL integer (2^31 − 1). */
const HUGE = '999999999999';

for (const engine of engines) {
  describe(`ids in the address that are no record [${engine.name}]`, () => {
    let started: TestApp;
    let app: FastifyInstance;
    let clerk: string;
    let admin: string;
    beforeAll(async () => {
      started = await engine.start();
      app = started.app;
      clerk = await signIn(app, 'ninghai.clerk');
      admin = await signIn(app, 'ninghai.admin');
    }, 300_000);
    afterAll(() => started?.close());

    it('answers a too-long id in the back office with a Chinese 404', async () => {
      for (const [url, cookie, message] of [
        [`/admin/items/${HUGE}`, clerk, `未找到编号为${HUGE}的目录信息`],
        [`/admin/applications/${HUGE}`, clerk, `未找到编号为${HUGE}的申请`],
        [`/admin/applications/${HUGE}/letter.pdf`, clerk, `未找到编号为${HUGE}的申请`],
        [`/admin/users/${HUGE}`, admin, '未找到该账号'],
      ] as const) {
        const res = await app.inject({ url, headers: { cookie } });
        expect(res.statusCode, url).toBe(404);
        expect(res.body, url).toContain(message);
      }
    });

    it('answers /api/items/ID that is no number or too long with catalogue.not_found naming it', async () => {
      for (const id of ['abc', HUGE]) {
        const res = await app.inject(`/api/items/${id}`);
        expect(res.statusCode, id).toBe(404);
        expect(res.json(), id).toEqual({
          error: { code: 'catalogue.not_found', message: `未找到编号为${id}的目录信息`, field: 'itemId' },
        });
      }
    });

    it('answers a public item page and its attachment with a too-long id with a Chinese 404', async () => {
      for (const url of [`/items/${HUGE}`, `/items/${HUGE}/attachments/1`]) {
        const res = await app.inject(url);
        expect(res.statusCode, url).toBe(404);
        expect(res.body, url).toContain('未找到编号为');
      }
    });

    it('explains a bad page size of /api/search in Chinese', async () => {
      const res = await app.inject('/api/search?q=规划&pageSize=1000');
      expect(res.statusCode).toBe(400);
      expect(res.json()).toEqual({
        error: { code: 'validation.invalid', message: '每页条数应为1至50的整数', field: 'pageSize' },
      });
      const empty = await app.inject('/api/search?q=规划&agency=');
      expect(empty.statusCode).toBe(400);
      expect(empty.json<{ error: { message: string } }>().error.message).toBe('请填写机关代码或名称');
    });
  });
}
