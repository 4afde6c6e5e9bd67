import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareReport } from '../../src/services/reports/prepare-report.ts';
import { saveReportDraft } from '../../src/services/reports/save-draft.ts';
import { csrfIn, signIn, startTestApp, type TestApp } from '../helpers/web.ts';

const WORKSPACE = '/admin/reports/330226-01/2021';
const REASON = '该数字依据纸质台账填报，已由办公室主任核实。';

describe('the annual report workspace and the portal’s published reports', () => {
  let started: TestApp;
  let app: FastifyInstance;
  let clerk: string;
  let admin: string;
  let typed: number;
  const get = (url: string, cookie?: string) => app.inject({ url, headers: cookie ? { cookie } : {} });
  const post = async (url: string, cookie: string, payload: Record<string, string>, from = WORKSPACE) => {
    const page = await get(from, cookie);
    return app.inject({
      method: 'POST',
      url,
      headers: { cookie },
      payload: { _csrf: csrfIn(page.body), ...payload },
    });
  };

  beforeAll(async () => {
    started = await startTestApp();
    app = started.app;
    clerk = await signIn(app, 'ninghai.clerk');
    admin = await signIn(app, 'ninghai.admin');
    // A figure typed into the draft by hand that breaks 表三's row total: an error finding.
    const built = await prepareReport(started.deps, { agency: '330226-01', year: 2021 });
    typed = (built.report.table3.new_received?.natural_person ?? 0) + 7;
    await saveReportDraft(started.deps, {
      agency: '330226-01',
      year: 2021,
      cells: { 'table3.new_received.natural_person': typed },
    });
  }, 120_000);
  afterAll(() => started.close());

  it('lists the user’s agencies × years with their status', async () => {
    const res = await get('/admin/reports', clerk);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`href="${WORKSPACE}"`);
    expect(res.body).toMatch(
      /宁海县人民政府办公室2021年度报告：<\/span><span class="status status-changed_since_published">发布后有修改/,
    );
    expect(res.body).toMatch(
      /宁海县人民政府办公室2020年度报告：<\/span><span class="status status-published">已发布/,
    );
    expect(res.body).not.toContain('宁海县发展和改革局');
    const county = await get('/admin/reports', await signIn(app, 'ninghai.county'));
    expect(county.body).toContain('href="/admin/reports/330226/2021/rollup"');
    expect(county.body).toContain('宁海县发展和改革局');
  });

  it('opens a county administrator’s rollup, which an agency administrator cannot reach, and downloads the current version', async () => {
    const county = await signIn(app, 'ninghai.county');
    const rollup = await get('/admin/reports/330226/2021/rollup', county);
    expect(rollup.statusCode).toBe(200);
    expect(rollup.body).toContain('宁海县人民政府2021年度报告（汇总）');
    expect(rollup.body).toContain('href="/admin/reports/330226/2021/rollup.docx"');
    expect((await get('/admin/reports/330226/2021/rollup', admin)).statusCode).toBe(404);
    const docx = await get(`${WORKSPACE}.docx`, clerk);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    const csv = await get('/admin/reports/330226/2021/rollup.csv', county);
    expect(csv.headers['content-type']).toContain('text/csv');
  });

  it('shows each finding inline at its cell and links the findings list to it', async () => {
    const res = await get(WORKSPACE, clerk);
    expect(res.statusCode).toBe(200);
    const n = /href="#(finding-\d+)">问题\d+（表三 一、本年新收政府信息公开申请数量 自然人）/.exec(
      res.body,
    )?.[1];
    expect(n).toBeDefined();
    // The flagged cell: its value, marked, linking to the inline finding below the table.
    expect(res.body).toMatch(
      new RegExp(
        `<td id="cell-table3-new_received-natural_person" class="gk-num gk-flagged"[^>]*>${typed}<a class="gk-mark" href="#${n}">`,
      ),
    );
    expect(res.body).toMatch(new RegExp(`<li id="${n}"><span class="sev sev-warning">警告</span>`));
    // The row total no longer adds up: an error at the 总计 cell, listed under 表三.
    const error =
      /<td id="cell-table3-new_received-total" class="gk-num gk-flagged"[^>]*>\d+<a class="gk-mark" href="#(finding-\d+)">/.exec(
        res.body,
      )?.[1];
    expect(res.body).toMatch(new RegExp(`<li id="${error}"><span class="sev sev-error">错误</span>`));
    expect(res.body).toMatch(/<ul class="inline-findings" aria-label="表三的检查结果">/);
    expect(res.body).toContain('href="#cell-table3-new_received-natural_person">定位到单元格');
    expect(res.body).toContain('草稿中表三该格填写为');
    // A clerk may not publish: an explanation, no publish form.
    expect(res.body).toContain('id="publish-explanation"');
    expect(res.body).not.toContain(`action="${WORKSPACE}/publish"`);
  });

  it('saves a chapter’s text through the draft and keeps it, and the typed figure, across rebuilding', async () => {
    const text = '一是政务公开栏目设置有待优化。二是依申请公开答复质量有待提升。';
    const res = await post(`${WORKSPACE}/chapters`, clerk, { chapter_problems: text });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`${WORKSPACE}?saved=1`);
    const page = await get(String(res.headers.location), clerk);
    expect(page.body).toContain('正文已保存');
    expect(page.body).toContain(`name="chapter_problems" rows="4">${text}</textarea>`);
    const rebuilt = await prepareReport(started.deps, { agency: '330226-01', year: 2021 });
    expect(rebuilt.report.chapters.problems?.text).toBe(text);
    expect(rebuilt.report.table3.new_received?.natural_person).toBe(typed);

    const reviewer = await signIn(app, 'ninghai.reviewer');
    const refused = await post(`${WORKSPACE}/chapters`, reviewer, { chapter_problems: '审核人改写' });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('审核人不能修改年度报告正文');
    const noToken = await app.inject({
      method: 'POST',
      url: `${WORKSPACE}/chapters`,
      headers: { cookie: clerk },
      payload: { chapter_problems: 'x' },
    });
    expect(noToken.statusCode).toBe(403);
    const outside = await get(WORKSPACE, await signIn(app, 'fgj.clerk'));
    expect(outside.statusCode).toBe(404);
  });

  it('refuses to publish while errors remain, unless an administrator gives a reason, which the portal shows', async () => {
    const byClerk = await post(`${WORKSPACE}/publish`, clerk, { reason: REASON });
    expect(byClerk.statusCode).toBe(422);
    expect(byClerk.body).toContain('管理员');

    const adminPage = await get(WORKSPACE, admin);
    expect(adminPage.body).toContain('<label for="reason">发布理由</label>');
    const noReason = await post(`${WORKSPACE}/publish`, admin, { reason: '' });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.body).toContain('role="alert"');
    expect(noReason.body).toMatch(/仍有\d+处错误，不能发布/);
    expect(noReason.body).toContain('id="reason-error"');
    expect((await get('/reports/330226-01/2021')).body).not.toContain(REASON);

    const ok = await post(`${WORKSPACE}/publish`, admin, { reason: REASON });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe(`${WORKSPACE}?published=2`);
    const after = await get(String(ok.headers.location), admin);
    expect(after.body).toContain('已发布到门户网站（第2版）');
    expect(after.body).toContain(REASON);

    const page = await get('/reports/330226-01/2021');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`<p id="publish-reason">${REASON}</p>`);
    expect(page.body).toContain('更新日期');
    expect(page.body).toContain('一是政务公开栏目设置有待优化。');
    expect(page.body).toContain('<caption>收到和处理政府信息公开申请情况</caption>');
    expect(page.body).toMatch(/<th scope="col"[^>]*>自然人<\/th>/);
    expect(page.body).toMatch(new RegExp(`data-cell="table3.new_received.natural_person"[^>]*>${typed}<`));
    for (const [ext, type] of [
      ['pdf', 'application/pdf'],
      ['docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      ['csv', 'text/csv'],
      ['json', 'application/json'],
    ] as const) {
      expect(page.body, ext).toContain(`href="/reports/330226-01/2021.${ext}"`);
      const file = await get(`/reports/330226-01/2021.${ext}`);
      expect(file.statusCode, ext).toBe(200);
      expect(file.headers['content-type'], ext).toContain(type);
      expect(String(file.headers['content-disposition']), ext).toContain(
        encodeURIComponent(`宁海县人民政府办公室2021年政府信息公开工作年度报告.${ext}`),
      );
    }
    const json = JSON.parse((await get('/reports/330226-01/2021.json')).body) as {
      findings: { rule: string }[];
    };
    expect(json.findings.some((f) => f.rule === 't3.row_total')).toBe(true);

    // Later changes to the draft do not change what the portal shows.
    await post(`${WORKSPACE}/chapters`, clerk, { chapter_problems: '发布后再次修改的文字。' });
    const still = await get('/reports/330226-01/2021');
    expect(still.body).toContain('一是政务公开栏目设置有待优化。');
    expect(still.body).not.toContain('发布后再次修改的文字。');
  });

  it('lists the published reports on the portal and leads the old addresses to them', async () => {
    const list = await get('/reports');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('href="/reports/330226-01/2021"');
    expect(list.body).toContain('href="/reports/330226/2021/rollup"');
    expect(list.body).toContain('<a href="/reports/published">其他机关年报检查</a>');
    const old = await get('/reports/records/330226-01/2020.pdf');
    expect(old.statusCode).toBe(301);
    expect(old.headers.location).toBe('/reports/330226-01/2020.pdf');
    const unpublished = await get('/reports/330226-01/2026');
    expect(unpublished.statusCode).toBe(404);
    expect(unpublished.body).toContain('尚未发布');
  });
});
