import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listImportedReports } from '../../src/services/imports/queries.ts';
import { REPORT_FIXTURES } from '../helpers/fixtures.ts';
import { multipartBody } from '../helpers/multipart.ts';
import { csrfIn, signIn, startTestApp, type TestApp } from '../helpers/web.ts';

const file = (dir: string, name: string, as: string) => ({
  name: as,
  data: readFileSync(join(REPORT_FIXTURES, dir, name)),
});
const HTML = file('2022-pingtan-junshan-area-admin-bureau', 'source.html', '君山片区2022.html');
const DOCX = file('2023-shuyang-county-development-reform-bureau', 'source.docx', '沭阳发改局2023.docx');
const PDF = file('2019-pingtan-tourism-culture-sports-bureau', 'source.pdf', '平潭文体局2019.pdf');
const TXT = file('2019-pingtan-market-supervision-bureau', 'source.txt', '平潭市场监管局2019.txt');
/** The same bytes as the demo's demo/reports/ninghai-2020.txt. */
const NINGHAI = file('2020-ninghai-county-gov-office', 'source.txt', '宁海2020.txt');

describe('年报导入检查 in the back office', () => {
  let t: TestApp;
  let clerk: string;
  let fgj: string;
  let docxId: number;

  beforeAll(async () => {
    t = await startTestApp();
    clerk = await signIn(t.app, 'ninghai.clerk');
    fgj = await signIn(t.app, 'fgj.clerk');
  }, 120_000);
  afterAll(() => t.close());

  const get = (url: string, cookie = clerk) => t.app.inject({ url, headers: { cookie } });

  /** The upload form posted as a browser would (multipart). */
  const upload = (body: ReturnType<typeof multipartBody>) =>
    t.app.inject({
      method: 'POST',
      url: '/admin/imports',
      headers: { cookie: clerk, 'content-type': body.contentType },
      payload: body.payload,
    });

  it('shows the upload form and the demo reports imported at demo load', async () => {
    const res = await get('/admin/imports');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('enctype="multipart/form-data"');
    expect(res.body).toMatch(/<input[^>]*type="file"[^>]*multiple/);
    expect(res.body).toContain('aria-current="page"');
    for (const name of [
      'ninghai-2020.txt',
      'shanghai-2019.html',
      'shuyang-fgj-2023.html',
      'pingtan-2021.txt',
    ]) {
      expect(res.body).toContain(name);
    }
    expect((await get('/admin/imports', '')).statusCode).toBe(303);
  });

  it('imports html, docx, pdf and text files of one form, and names the duplicate', async () => {
    const before = (await listImportedReports(t.deps)).length;
    const page = await get('/admin/imports');
    const body = multipartBody({ _csrf: csrfIn(page.body) }, [HTML, DOCX, PDF, TXT, NINGHAI]);
    const res = await upload(body);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('本次导入结果（5个文件）');
    expect(res.body).toContain('已导入4个，重复1个，无法读取0个');
    const results = res.body.slice(res.body.indexOf('id="results"'));
    for (const f of [HTML, DOCX, PDF, TXT]) expect(results).toContain(f.name);
    expect(results).toContain('重复文件（已导入过，未再保存）');
    const stored = await listImportedReports(t.deps);
    expect(stored.length).toBe(before + 4);
    const docx = stored.find((r) => r.fileName === DOCX.name)!;
    expect(docx).toMatchObject({ agencyName: '沭阳县发展和改革局', year: 2023, sourceKind: 'docx' });
    expect(stored.find((r) => r.fileName === PDF.name)?.mediaType).toBe('application/pdf');
    docxId = docx.id;
  });

  it('asks for a file when none was chosen, in Chinese', async () => {
    const page = await get('/admin/imports');
    const body = multipartBody({ _csrf: csrfIn(page.body) }, []);
    const res = await upload(body);
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('role="alert"');
    expect(res.body).toContain('请选择至少一个年度报告文件');
  });

  it('refuses an upload without the CSRF token and stores nothing', async () => {
    const before = (await listImportedReports(t.deps)).length;
    const body = multipartBody({ _csrf: 'forged' }, [file('2021-pingtan-zone-gov', 'source.txt', 'x.txt')]);
    const res = await upload(body);
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('页面已过期');
    expect((await listImportedReports(t.deps)).length).toBe(before);
  });

  it('shows the three tables with the provenance of every number as text, and the findings', async () => {
    const res = await get(`/admin/imports/${docxId}`);
    expect(res.statusCode).toBe(200);
    for (const caption of ['表二 第二十条第（一）项', '表三 收到和处理', '表四 政府信息公开行政复议']) {
      expect(res.body).toContain(caption);
    }
    // table2.normative_documents.in_force was read from the DOCX's second table: 18.
    expect(res.body).toMatch(/data-cell="table2\.normative_documents\.in_force"[^>]*>18</);
    expect(res.body).toContain('<details class="sources">');
    expect(res.body).toMatch(
      /data-provenance="table2\.normative_documents\.in_force"><strong>现行有效件数<\/strong>：读自表格2第4行第4列，原文“18”/,
    );
    expect(res.body).toContain('检查结果');
    expect(res.body).toContain('<form method="post" action="/admin/imports/');
  });

  it('corrects a cell through the form, re-checks, and keeps the value as read beside its source', async () => {
    const page = await get(`/admin/imports/${docxId}?cell=table3.granted.natural_person`);
    expect(page.body).toMatch(/<option value="table3\.granted\.natural_person" selected/);
    const current = /data-cell="table3\.granted\.natural_person"[^>]*>(\d+)</.exec(page.body)?.[1];
    expect(current).toBeDefined();
    const res = await t.app.inject({
      method: 'POST',
      url: `/admin/imports/${docxId}/corrections`,
      headers: { cookie: clerk },
      payload: {
        _csrf: csrfIn(page.body),
        'cell-1': 'table3.granted.natural_person',
        'value-1': String(Number(current) + 5),
        'cell-2': '',
        'value-2': '',
        'cell-3': '',
        'value-3': '',
        note: '依据原件第2页核对',
      },
    });
    expect(res.statusCode).toBe(303);
    const after = await get(String(res.headers.location).replace(/#.*$/, ''));
    expect(after.body).toContain('已保存1处更正，并重新检查：错误');
    expect(after.body).toMatch(
      new RegExp(
        `data-cell="table3\\.granted\\.natural_person"[^>]*>${Number(current) + 5}<span class="was">已更正，原读取为${current}<`,
      ),
    );
    // The re-run findings beside the row they concern (予以公开 no longer adds up).
    const row = after.body.slice(after.body.indexOf('data-row="granted"'));
    expect(row.slice(0, row.indexOf('</tr>'))).toContain('sev sev-error');
    expect(after.body).toContain('id="corrections"');
    expect(after.body).toContain('依据原件第2页核对');
    // The public page says so too.
    const pub = await get(`/reports/published/${docxId}`, '');
    expect(pub.body).toContain(`原读取为${current}，更正为${Number(current) + 5}（依据原件第2页核对）`);
  });

  it('lists every problem of a bad correction in Chinese and keeps what was typed', async () => {
    const page = await get(`/admin/imports/${docxId}`);
    const res = await t.app.inject({
      method: 'POST',
      url: `/admin/imports/${docxId}/corrections`,
      headers: { cookie: clerk },
      payload: {
        _csrf: csrfIn(page.body),
        'cell-1': 'table3.partial.total',
        'value-1': '三',
        'cell-2': '',
        'value-2': '7',
        'cell-3': '',
        'value-3': '',
        note: '',
      },
    });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('role="alert"');
    expect(res.body).toContain('请修改以下3处内容后再提交');
    expect(res.body).toContain('应填写非负整数');
    expect(res.body).toContain('请选择要更正的单元格');
    expect(res.body).toContain('请填写更正说明');
    expect(res.body).toContain('value="三"');
    expect(res.body).toMatch(/<option value="table3\.partial\.total" selected/);
  });

  it('refuses a correction without the CSRF token, and one by another agency', async () => {
    const before = (await listImportedReports(t.deps)).find((r) => r.id === docxId)!.correctionCount;
    const forged = await t.app.inject({
      method: 'POST',
      url: `/admin/imports/${docxId}/corrections`,
      headers: { cookie: clerk },
      payload: { 'cell-1': 'table3.partial.total', 'value-1': '1', note: '试' },
    });
    expect(forged.statusCode).toBe(403);
    const otherPage = await get(`/admin/imports/${docxId}`, fgj);
    expect(otherPage.statusCode).toBe(200);
    expect(otherPage.body).not.toContain('/corrections"');
    expect(otherPage.body).toContain('更正只能由上传该报告的机关的工作人员或管理员进行');
    const other = await t.app.inject({
      method: 'POST',
      url: `/admin/imports/${docxId}/corrections`,
      headers: { cookie: fgj },
      payload: {
        _csrf: csrfIn(otherPage.body),
        'cell-1': 'table3.partial.total',
        'value-1': '1',
        note: '试',
      },
    });
    expect(other.statusCode).toBe(403);
    expect((await listImportedReports(t.deps)).find((r) => r.id === docxId)!.correctionCount).toBe(before);
  });

  it('downloads the file as uploaded', async () => {
    const res = await get(`/admin/imports/${docxId}/source`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('attachment');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(Buffer.compare(res.rawPayload, DOCX.data)).toBe(0);
  });

  it('answers an unknown report with a Chinese 404', async () => {
    const res = await get('/admin/imports/99999');
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('未找到编号为99999的导入年报');
  });
});

describe('GONGKAI_DEMO_DIR', () => {
  it('names the folder whose reports the demo imports', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-demo-reports-'));
    copyFileSync(
      join(REPORT_FIXTURES, '2022-pingtan-junshan-area-admin-bureau/source.html'),
      join(dir, 'junshan-2022.html'),
    );
    const t = await startTestApp({ GONGKAI_DEMO_DIR: dir });
    try {
      const stored = await listImportedReports(t.deps);
      expect(stored.map((r) => [r.fileName, r.uploadedBy])).toEqual([['junshan-2022.html', 'demo']]);
      const list = await t.app.inject('/reports/published');
      expect(list.body).toContain(`href="/reports/published/${stored[0]!.id}"`);
    } finally {
      await t.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
