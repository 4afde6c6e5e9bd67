import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csrfIn, signIn, startTestApp, type TestApp } from '../helpers/web.ts';

/** A letter signed for on Monday 2025-09-29, just before the National Day holiday. */
const LETTER = {
  agency: '330226-01',
  channel: 'post_signed',
  submittedOn: '2025-09-26',
  signedOn: '2025-09-29',
  applicantType: 'natural_person',
  applicantName: '欧阳登记',
  idDocumentType: '居民身份证',
  idDocumentNumber: '330226198001010055',
  phone: '13900005555',
  address: '宁海县跃龙街道某路1号',
  description: '某村2024年土地征收补偿标准的批复',
  deliveryForm: '纸质',
  deliveryWay: '邮寄',
};

describe('a clerk registers applications received by letter, in person and other channels', () => {
  let started: TestApp;
  let app: FastifyInstance;
  let clerk: string;
  beforeAll(async () => {
    started = await startTestApp();
    app = started.app;
    clerk = await signIn(app, 'ninghai.clerk');
  }, 120_000);
  afterAll(() => started.close());

  const post = async (cookie: string, fields: Record<string, string>) => {
    const form = await app.inject({ url: '/admin/applications/new', headers: { cookie } });
    return app.inject({
      method: 'POST',
      url: '/admin/applications/new',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: csrfIn(form.body), ...fields }).toString(),
    });
  };

  let caseId = '';
  let tracking = '';

  it('counts a signed-for letter from the day it was signed for, and its due date across National Day', async () => {
    const res = await post(clerk, LETTER);
    expect(res.statusCode).toBe(303);
    const location = String(res.headers.location);
    expect(location).toMatch(/^\/admin\/applications\/\d+\?registered=1$/);
    caseId = /(\d+)/.exec(location)![1]!;
    const page = await app.inject({ url: location, headers: { cookie: clerk } });
    expect(page.statusCode).toBe(200);
    tracking = /id="tracking-number">([^<]+)</.exec(page.body)![1]!;
    expect(tracking).toMatch(/^20250929-[2-9A-Z]{6}$/);
    expect(page.body).toMatch(/id="check-code">\d{6}</);
    expect(page.body).toContain('申请已登记');
    // Art. 31(二): the day signed for, not the day posted, is the receipt date.
    expect(page.body).toMatch(/id="received-on">2025-09-29（以邮寄方式提交的，以行政机关签收之日/);
    // 20 working days: 2025-10-27 without holidays; National Day (10-01…10-08) and the make-up
    // Saturday 10-11 move it to 2025-11-03.
    expect(page.body).toMatch(/id="due">2025-11-03</);
    expect(page.body).toContain('答复期限：2025-11-03');
  });

  it('lists every problem at once and keeps everything typed', async () => {
    const res = await post(clerk, {
      ...LETTER,
      signedOn: '',
      idDocumentNumber: '',
      phone: '',
      address: '',
      deliveryForm: '',
      description: '某村 <征收> 批复',
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('role="alert"');
    for (const message of [
      '邮寄申请需填写行政机关签收之日',
      '自然人申请须提供身份证明（证件号码）',
      '请至少填写一种联系方式',
      '请选择获取信息的形式',
    ])
      expect(res.body).toContain(message);
    expect(res.body).toContain('请修改以下4处内容后再提交');
    expect(res.body).toContain('value="欧阳登记"');
    expect(res.body).toContain('某村 &lt;征收> 批复');
    expect(res.body).toMatch(/<option value="post_signed" selected/);
    expect(res.body).toContain('value="2025-09-26"');
  });

  it('refuses a date in the future and a receipt date before the day submitted', async () => {
    const res = await post(clerk, { ...LETTER, submittedOn: '2099-01-02', signedOn: '2025-09-01' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('日期不能晚于今天');
    expect(res.body).toContain('收到申请之日不能早于提交之日');
  });

  it('registers only for the agencies the clerk covers', async () => {
    const form = await app.inject({ url: '/admin/applications/new', headers: { cookie: clerk } });
    expect(form.body).toContain('宁海县人民政府办公室');
    expect(form.body).not.toContain('宁海县发展和改革局');
    const res = await post(clerk, { ...LETTER, agency: '330226-12', applicantName: '越权登记' });
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('您不能为“宁海县发展和改革局”登记申请');
    const list = await app.inject({ url: '/admin/applications?q=越权', headers: { cookie: clerk } });
    expect(list.body).toContain('共0件');
    // A reviewer registers nothing.
    const reviewer = await signIn(app, 'ninghai.reviewer');
    expect(
      (await app.inject({ url: '/admin/applications/new', headers: { cookie: reviewer } })).statusCode,
    ).toBe(403);
  });

  it('registers every channel with the receipt date art. 31 gives it', async () => {
    const cases: [Record<string, string>, string][] = [
      [{ channel: 'in_person', submittedOn: '2025-03-03' }, '2025-03-03'],
      [{ channel: 'oral', submittedOn: '2025-03-03' }, '2025-03-03'],
      [{ channel: 'post_unsigned', submittedOn: '2025-03-03', confirmedOn: '2025-03-05' }, '2025-03-05'],
      [{ channel: 'fax', submittedOn: '2025-03-03', confirmedOn: '2025-03-04' }, '2025-03-04'],
      [{ channel: 'email', submittedOn: '2025-03-03', confirmedOn: '2025-03-06' }, '2025-03-06'],
      [{ channel: 'online', submittedOn: '2025-03-03', confirmedOn: '2025-03-03' }, '2025-03-03'],
    ];
    for (const [fields, receivedOn] of cases) {
      const res = await post(clerk, {
        ...LETTER,
        signedOn: '',
        ...fields,
        applicantType: 'commercial',
        applicantName: '宁海某贸易有限公司',
        idDocumentNumber: '',
        organisationCode: '91330226MA2XXXXX1K',
      });
      expect(res.statusCode, fields.channel).toBe(303);
      const page = await app.inject({ url: String(res.headers.location), headers: { cookie: clerk } });
      expect(page.body, fields.channel).toContain(`id="received-on">${receivedOn}`);
    }
  });

  it('filters the list by search, channel, year and deadline, masks names and pages', async () => {
    const get = (query: string, cookie = clerk) =>
      app.inject({ url: `/admin/applications${query}`, headers: { cookie } });
    let res = await get(`?q=${tracking}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('共1件');
    expect(res.body).toContain(`href="/admin/applications/${caseId}"`);
    res = await get(`?q=${encodeURIComponent('欧阳')}`);
    expect(res.body).toContain('共1件');
    expect(res.body).toContain('<td>欧***</td>');
    expect(res.body).not.toContain('欧阳登记');
    const q = `q=${encodeURIComponent('欧阳')}`;
    expect((await get(`?${q}&channel=post_signed&year=2025`)).body).toContain('共1件');
    expect((await get(`?${q}&channel=fax`)).body).toContain('共0件');
    expect((await get(`?${q}&year=2024`)).body).toContain('共0件');
    // Due 2025-11-03, long past: overdue, not paused or closed.
    expect((await get(`?${q}&due=overdue`)).body).toContain('共1件');
    expect((await get(`?${q}&due=paused`)).body).toContain('共0件');
    expect((await get(`?${q}&due=closed`)).body).toContain('共0件');
    expect((await get(`?${q}&state=registered`)).body).toContain('共1件');
    expect((await get(`?${q}&state=replied`)).body).toContain('共0件');

    // The demo cases make more than one page; the second page differs and keeps the filters.
    const first = await get('?channel=online');
    expect(first.body).toContain('第1页');
    expect(first.body).toContain('href="/admin/applications?channel=online&amp;page=2"');
    const second = await get('?channel=online&page=2');
    expect(second.body).toContain('第2页');
    const ids = (body: string) => [...body.matchAll(/href="\/admin\/applications\/(\d+)"/g)].map((m) => m[1]);
    expect(ids(second.body).filter((id) => ids(first.body).includes(id))).toEqual([]);

    // Another agency's clerk does not find the case.
    const other = await signIn(app, 'fgj.clerk');
    expect((await get(`?q=${tracking}`, other)).body).toContain('共0件');
  });
});
