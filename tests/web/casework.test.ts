import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationsRepository } from '../../src/db/repositories/applications.ts';
import { csrfIn, firstCookie, signIn, startTestApp, type TestApp } from '../helpers/web.ts';

describe('a clerk and a reviewer take an online application to its reply', () => {
  let started: TestApp;
  let app: FastifyInstance;
  beforeAll(async () => {
    started = await startTestApp();
    app = started.app;
  }, 120_000);
  afterAll(() => started.close());

  it('goes through correction, extension, drafting, review and reply, and gives the letter', async () => {
    // The citizen applies online.
    const form = await app.inject('/apply');
    const applied = await app.inject({
      method: 'POST',
      url: '/apply',
      headers: {
        cookie: firstCookie(form.headers['set-cookie']),
        'content-type': 'application/x-www-form-urlencoded',
      },
      payload: new URLSearchParams({
        _csrf: csrfIn(form.body),
        agency: '330226-01',
        applicantType: 'natural_person',
        applicantName: '赵某某',
        idDocumentNumber: '330226197001010033',
        phone: '13700003333',
        description: '某小区加装电梯的审批文件',
        deliveryForm: '纸质',
        deliveryWay: '邮寄',
      }).toString(),
    });
    const tracking = /id="tracking-number">([^<]+)</.exec(applied.body)?.[1] ?? '';
    const id = (await applicationsRepository(started.deps.db.db).findByTrackingNumber(tracking))!.id;

    const clerk = await signIn(app, 'ninghai.clerk');
    const step = async (cookie: string, action: string, fields: Record<string, string> = {}) => {
      const page = await app.inject({ url: `/admin/applications/${id}`, headers: { cookie } });
      return app.inject({
        method: 'POST',
        url: `/admin/applications/${id}/act`,
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ _csrf: csrfIn(page.body), action, ...fields }).toString(),
      });
    };

    let page = await app.inject({ url: `/admin/applications/${id}`, headers: { cookie: clerk } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('赵某某');
    expect(page.body).toMatch(/id="stage">办理中</);

    expect((await step(clerk, 'request_correction', { reason: '请写明小区名称' })).statusCode).toBe(303);
    expect((await step(clerk, 'receive_correction')).statusCode).toBe(303);
    // A second correction request is refused in Chinese, and nothing changes.
    const again = await step(clerk, 'request_correction');
    expect(again.statusCode).toBe(422);
    expect(again.body).toContain('补正只能告知一次');
    expect(
      (await step(clerk, 'approve_extension', { workingDays: '10', reason: '需调取档案' })).statusCode,
    ).toBe(303);
    expect((await step(clerk, 'draft_reply', { outcome: 'granted' })).statusCode).toBe(303);
    // The clerk may not approve the reply; the reviewer does.
    const notMine = await step(clerk, 'approve_reply');
    expect(notMine.statusCode).toBe(422);
    const reviewer = await signIn(app, 'ninghai.reviewer');
    expect((await step(reviewer, 'approve_reply')).statusCode).toBe(303);
    expect((await step(clerk, 'send_reply')).statusCode).toBe(303);

    page = await app.inject({ url: `/admin/applications/${id}`, headers: { cookie: clerk } });
    expect(page.body).toMatch(/id="stage">已答复</);
    for (const label of ['告知补正', '收到补正', '延期答复', '拟写答复', '审核同意', '送达答复'])
      expect(page.body).toContain(label);
    const letter = await app.inject({
      url: `/admin/applications/${id}/letter.docx`,
      headers: { cookie: clerk },
    });
    expect(letter.statusCode).toBe(200);
    expect(letter.rawPayload.subarray(0, 2).toString()).toBe('PK');

    // Another agency's clerk does not see the case.
    const other = await signIn(app, 'fgj.clerk');
    expect(
      (await app.inject({ url: `/admin/applications/${id}`, headers: { cookie: other } })).statusCode,
    ).toBe(404);
  });
});
