import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskName } from '../../src/services/dashboard/work-overview.ts';
import { signIn, startTestApp, type TestApp } from '../helpers/web.ts';

describe('the back office’s first page (工作台)', () => {
  let app: FastifyInstance;
  let started: TestApp;
  beforeAll(async () => {
    started = await startTestApp();
    app = started.app;
  }, 120_000);
  afterAll(() => started.close());

  it('shows a clerk the open cases of their agency by urgency, with applicants’ names masked', async () => {
    const cookie = await signIn(app, 'ninghai.clerk');
    const res = await app.inject({ url: '/admin', headers: { cookie } });
    expect(res.statusCode).toBe(200);
    for (const heading of ['已逾期', '5个工作日内到期', '答复待审核', '计时中止'])
      expect(res.body).toContain(heading);
    expect(res.body).toMatch(/id="year-figures">新收申请\d+件，办结\d+件，尚在办理\d+件/);
    // Demo applicants are 某某; a list never shows more than the first character.
    expect(res.body).not.toMatch(/<td>[^<]某某<\/td>/);
  });

  it('masks names to their first character', () => {
    expect(maskName('王某某')).toBe('王**');
    expect(maskName('宁海县某科技有限公司')).toBe('宁***');
    expect(maskName('李')).toBe('*');
  });
});
