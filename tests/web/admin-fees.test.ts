import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationsRepository } from '../../src/db/repositories/applications.ts';
import { perItemLines, perVolumeFee } from '../../src/domain/applications/fees.ts';
import { csrfIn, signIn, startTestApp, type TestApp } from '../helpers/web.ts';

/** A letter signed for on 2025-09-29 (reply due 2025-11-03) asking for paper copies. */
const LETTER = {
  agency: '330226-01',
  channel: 'post_signed',
  submittedOn: '2025-09-26',
  signedOn: '2025-09-29',
  applicantType: 'natural_person',
  idDocumentType: '居民身份证',
  phone: '13900006666',
  description: '某工程全部招标文件及图纸',
  deliveryForm: '纸质',
  deliveryWay: '邮寄',
};

describe('information-processing fees on the case page (国办函〔2020〕109号)', () => {
  let started: TestApp;
  let app: FastifyInstance;
  let clerk: string;
  beforeAll(async () => {
    started = await startTestApp();
    app = started.app;
    clerk = await signIn(app, 'ninghai.clerk');
  }, 120_000);
  afterAll(() => started.close());

  const register = async (name: string, idNumber: string): Promise<number> => {
    const form = await app.inject({ url: '/admin/applications/new', headers: { cookie: clerk } });
    const res = await app.inject({
      method: 'POST',
      url: '/admin/applications/new',
      headers: { cookie: clerk, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        _csrf: csrfIn(form.body),
        ...LETTER,
        applicantName: name,
        idDocumentNumber: idNumber,
      }).toString(),
    });
    expect(res.statusCode).toBe(303);
    return Number(/(\d+)\?/.exec(String(res.headers.location))![1]);
  };
  const page = (id: number, query = '', cookie = clerk) =>
    app.inject({ url: `/admin/applications/${id}${query}`, headers: { cookie } });
  const step = async (id: number, action: string, fields: Record<string, string>, cookie = clerk) => {
    const shown = await page(id, '', cookie);
    return app.inject({
      method: 'POST',
      url: `/admin/applications/${id}/act`,
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: csrfIn(shown.body), action, ...fields }).toString(),
    });
  };

  it('offers every fee step as a labelled form and a trial calculation by the fee rules', async () => {
    const id = await register('费某甲', '330226198502020011');
    let res = await page(id);
    expect(res.body).toMatch(/id="fee-status">未收费</);
    expect(res.body).toContain('aria-label="发出收费通知"');
    for (const label of [
      '收费方式',
      '件数',
      '页数',
      '收费金额（元）',
      '申请人收到收费通知之日',
      '收费通知发出之日',
    ])
      expect(res.body).toContain(`>${label}</label>`);
    // The first application of the month is in the free band of art. 4.
    expect(res.body).toContain('未超过10件，不收取信息处理费');
    expect(res.body).toContain('免收情形');

    res = await page(id, '?feeScale=per_volume&pages=250');
    expect(res.body).toContain(`id="fee-standard-amount">${perVolumeFee(250)}元<`);
    expect(res.body).toContain('201页以上');
    // The notice form starts from the trial calculation.
    expect(res.body).toMatch(/<option value="per_volume" selected/);
    expect(res.body).toMatch(/id="issue_fee_notice-pages"[^>]*value="250"/);
    res = await page(id, '?feeScale=per_item&items=12');
    const twelve = perItemLines(1, 12).reduce((s, l) => s + l.amount, 0);
    expect(twelve).toBe(200);
    expect(res.body).toContain(`id="fee-standard-amount">${twelve}元<`);
    expect(res.body).toContain('第11—30件');
  });

  it('takes a case through fee notice, payment and reply, showing the amount the rules give', async () => {
    const id = await register('费某乙', '330226198502020022');
    // A refused notice keeps what was typed: per volume needs the page count.
    let res = await step(id, 'issue_fee_notice', { effectiveOn: '2025-10-09', feeScale: 'per_volume' });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('按量计收须填写提供政府信息的页数');
    expect(res.body).toMatch(/<option value="per_volume" selected/);

    res = await step(id, 'issue_fee_notice', {
      effectiveOn: '2025-10-09',
      feeScale: 'per_volume',
      pages: '250',
      applicantReceivedOn: '2025-10-10',
    });
    expect(res.statusCode).toBe(303);
    res = await page(id);
    expect(res.body).toMatch(/id="stage">待缴费</);
    const amount = perVolumeFee(250);
    expect(amount).toBe(4700);
    expect(res.body).toContain(`id="fee-amount">${amount}元（标准金额）`);
    expect(res.body).toMatch(
      new RegExp(`id="fee-status">已发出收费通知，待缴费：${amount}元，缴费期限至2025-11-06<`),
    );
    expect(res.body).toContain('按量计收，共250页');
    expect(res.body).toContain(`id="fee-standard-amount">${amount}元<`);
    // While waiting for payment the reply count is stopped.
    expect(res.body).toMatch(/id="due">计时中止</);
    for (const label of ['已缴费', '减免收费', '逾期未缴费（不再处理）'])
      expect(res.body).toContain(`aria-label="${label}"`);

    expect(
      (await step(id, 'fee_paid', { effectiveOn: '2025-10-20', reason: '财政票据0001' })).statusCode,
    ).toBe(303);
    res = await page(id);
    expect(res.body).toMatch(new RegExp(`id="fee-status">已缴费：${amount}元（2025-10-20）<`));
    expect(res.body).toMatch(/id="stage">办理中</);
    expect(res.body).not.toMatch(/id="due">计时中止</);

    expect(
      (await step(id, 'draft_reply', { effectiveOn: '2025-10-21', outcome: 'granted' })).statusCode,
    ).toBe(303);
    const reviewer = await signIn(app, 'ninghai.reviewer');
    expect((await step(id, 'approve_reply', { effectiveOn: '2025-10-22' }, reviewer)).statusCode).toBe(303);
    expect((await step(id, 'send_reply', { effectiveOn: '2025-10-23' })).statusCode).toBe(303);
    res = await page(id);
    expect(res.body).toMatch(/id="stage">已答复</);
    expect(res.body).toContain(`已缴费：${amount}元`);
  });

  it('closes a case for non-payment only after the 20 working days to pay', async () => {
    const id = await register('费某丙', '330226198502020033');
    expect(
      (
        await step(id, 'issue_fee_notice', {
          effectiveOn: '2025-10-09',
          feeScale: 'per_volume',
          pages: '40',
          feeAmount: '50',
          reason: '经批准减收',
          applicantReceivedOn: '2025-10-10',
        })
      ).statusCode,
    ).toBe(303);
    let res = await page(id);
    expect(res.body).toContain(`id="fee-amount">50元（标准金额${perVolumeFee(40)}元，已减收）`);
    // 2025-10-10 + 20 working days (make-up Saturday 10-11 counted) = 2025-11-06: still open that day.
    res = await step(id, 'fee_lapsed', { effectiveOn: '2025-11-06' });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('缴费期限至2025-11-06届满');
    expect(res.body).toContain('value="2025-11-06"');
    expect((await step(id, 'fee_lapsed', { effectiveOn: '2025-11-07' })).statusCode).toBe(303);
    res = await page(id);
    expect(res.body).toMatch(/id="stage">视为放弃</);
    expect(res.body).toMatch(
      /id="fee-status">逾期未缴费，视为放弃申请（2025-11-07，缴费期限2025-11-06届满）</,
    );
    const stored = await applicationsRepository(started.deps.db.db).findById(id);
    expect(stored?.outcome).toBe('other_2');
    expect(stored?.closedOn).toBe('2025-11-07');
  });
});
