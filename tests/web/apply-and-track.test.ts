import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/web.ts';

/** The form as a browser posts it: with the page's CSRF token and the cookie that goes with it. */
async function form(app: FastifyInstance, fields: Record<string, string>) {
  const page = await app.inject('/apply');
  const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
  const cookie = String(page.headers['set-cookie'] ?? '').split(';')[0] ?? '';
  return {
    method: 'POST' as const,
    url: '/apply',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
    payload: new URLSearchParams({ ...fields, _csrf: token }).toString(),
  };
}

const valid = {
  agency: '330226-01',
  applicantType: 'natural_person',
  applicantName: '王某某',
  idDocumentType: '居民身份证',
  idDocumentNumber: '330226199001011234',
  phone: '13800001234',
  description: '2020年宁海县城区道路改造项目的立项批复',
  deliveryForm: '电子数据',
  deliveryWay: '电子邮件',
};

describe('applying online and following the case', () => {
  let app: FastifyInstance;
  let started: TestApp;
  beforeAll(async () => {
    started = await startTestApp();
    app = started.app;
  }, 120_000);
  afterAll(() => started.close());

  it('refuses a post without the form’s CSRF token and stores nothing', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/apply',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(valid).toString(),
    });
    expect(res.statusCode).toBe(403);
    expect(res.body).toMatch(/[\u4e00-\u9fff]/);
  });

  it('shows the form with every applicant type and the agencies', async () => {
    const res = await app.inject('/apply');
    expect(res.statusCode).toBe(200);
    for (const label of [
      '自然人',
      '商业企业',
      '科研机构',
      '社会公益组织',
      '法律服务机构',
      '其他组织',
      '宁海县人民政府办公室',
    ]) {
      expect(res.body).toContain(label);
    }
  });

  it('lists every problem in Chinese and keeps what was typed', async () => {
    const res = await app.inject(
      await form(app, { ...valid, description: '', phone: '', idDocumentNumber: '', email: 'not-an-email' }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('请修改以下');
    expect(res.body).toContain('请填写所需政府信息的名称、文号或者特征性描述');
    expect(res.body).toContain('自然人申请须提供身份证明');
    expect(res.body).toContain('电子邮箱格式不正确');
    expect(res.body).toContain('value="王某某"');
    expect(res.body).toContain('value="not-an-email"');
  });

  it('gives a receipt whose codes show the stage and due date, and never the applicant', async () => {
    const res = await app.inject(await form(app, valid));
    expect(res.statusCode).toBe(200);
    const number = /id="tracking-number">([^<]+)</.exec(res.body)?.[1];
    const code = /id="check-code">(\d{6})</.exec(res.body)?.[1];
    expect(number).toMatch(/^\d{8}-[2-9A-Z]{6}$/);
    expect(code).toBeDefined();

    const status = await app.inject(`/track?number=${number}&code=${code}`);
    expect(status.statusCode).toBe(200);
    expect(status.body).toMatch(/id="stage">办理中</);
    expect(status.body).toMatch(/id="due">\d{4}-\d{2}-\d{2}/);
    expect(status.body).not.toContain('王某某');
    expect(status.body).not.toContain('13800001234');
    expect(status.body).not.toContain('330226199001011234');

    const wrong = await app.inject(`/track?number=${number}&code=000000`);
    expect(wrong.statusCode).toBe(404);
    expect(wrong.body).toContain('查询码或校验码不正确');
    const unknown = await app.inject('/track?number=20200101-AAAAAA&code=123456');
    expect(unknown.body).toContain('查询码或校验码不正确');
  });
});
