import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agenciesRepository } from '../../src/db/repositories/agencies.ts';
import { auditEventsRepository } from '../../src/db/repositories/audit-events.ts';
import { catalogueRepository } from '../../src/db/repositories/catalogue.ts';
import { addDays, type IsoDate } from '../../src/domain/calendar/index.ts';
import { renderLetterDocx, renderLetterPdf } from '../../src/render/letter.ts';
import { type FilePart, multipartBody } from '../helpers/multipart.ts';
import { csrfIn, signIn, startTestApp, type TestApp } from '../helpers/web.ts';

/** A real Word document and a real PDF (the letter renderers: docx and pdfkit with a CJK font). */
async function documents() {
  const letter = (title: string, paragraph: string) => ({
    title,
    salutation: null,
    paragraphs: [paragraph],
    signature: { agency: '宁海县人民政府办公室', date: '2026年11月25日' },
  });
  return {
    docx: await renderLetterDocx(
      letter('茶园补助资金申报表', '申报主体为本县登记的茶叶专业合作社和家庭农场。'),
    ),
    pdf: await renderLetterPdf(letter('白枇杷基地验收办法', '验收小组由农业农村局和财政局派员组成。')),
  };
}

const EXE = Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]);

describe('the catalogue back office', () => {
  let started: TestApp;
  let app: FastifyInstance;
  let today: IsoDate;
  let clerk: string;
  let docs: Awaited<ReturnType<typeof documents>>;

  beforeAll(async () => {
    started = await startTestApp();
    app = started.app;
    today = started.deps.clock.today();
    clerk = await signIn(app, 'ninghai.clerk');
    docs = await documents();
  }, 120_000);
  afterAll(() => started.close());

  const get = (url: string, cookie = clerk) => app.inject({ url, headers: { cookie } });

  /** Posts a form (multipart) with the CSRF token of the page at `from`. */
  const post = async (
    url: string,
    fields: Record<string, string>,
    options: { cookie?: string; from?: string; files?: FilePart[] } = {},
  ) => {
    const cookie = options.cookie ?? clerk;
    const page = await get(options.from ?? '/admin/items/new', cookie);
    const body = multipartBody({ _csrf: csrfIn(page.body), ...fields }, options.files ?? []);
    return app.inject({
      method: 'POST',
      url,
      headers: { cookie, 'content-type': body.contentType },
      payload: body.payload,
    });
  };

  const itemCount = async () =>
    Number(
      (
        await started.deps.db.db
          .selectFrom('catalogue_items')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  const created = (res: { statusCode: number; headers: Record<string, unknown> }) => {
    expect(res.statusCode).toBe(303);
    const match = /^\/admin\/items\/(\d+)\?done=created$/.exec(String(res.headers.location));
    expect(match).not.toBeNull();
    return Number(match![1]);
  };

  const baseFields = (over: Record<string, string> = {}) => ({
    agency: '330226-01',
    title: '宁海县茶产业高质量发展扶持办法',
    kind: 'normative_document',
    genre: '通知',
    madeOn: today,
    disclosureMode: 'proactive',
    ...over,
  });

  it('lists the user’s items with filters and links to a new one', async () => {
    const page = await get('/admin/items');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('href="/admin/items/new"');
    expect(page.body).toMatch(/<a href="\/admin\/items" aria-current="page">主动公开目录/);
    expect(page.body).toMatch(/id="item-count">共\d+条/);
    // The demo's items of the office are there, another agency's are not.
    const office = await catalogueRepository(started.deps.db.db).list(
      {
        isPublicOnly: false,
        agencyIds: [(await agenciesRepository(started.deps.db.db).findByCodeOrName('330226-01'))!.id],
      },
      { limit: 1, offset: 0 },
    );
    expect(page.body).toContain(`共${office.total}条`);
    const drafts = await get(
      '/admin/items?status=draft&q=%E4%B8%8D%E5%AD%98%E5%9C%A8%E7%9A%84%E6%A0%87%E9%A2%98',
    );
    expect(drafts.body).toContain('共0条');
    expect(drafts.body).toContain('<option value="draft" selected>');
    expect((await app.inject('/admin/items')).statusCode).toBe(303);
  });

  it('shows every problem of the form at once, keeps what was typed and stores nothing', async () => {
    const before = await itemCount();
    const res = await post(
      '/admin/items',
      {
        agency: '330226-01',
        title: '关于印发《宁海县乡村振兴示范带建设方案》的通知',
        kind: '',
        madeOn: '2026-13-40',
        changedOn: '2020-01-01',
        art20Item: '16',
        keywords: '乡村振兴，示范带',
        body: '各乡镇人民政府：现将方案印发给你们，请认真组织实施。',
        disclosureMode: 'proactive',
      },
      { files: [{ field: 'files', name: '方案.pdf', data: EXE }] },
    );
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('role="alert"');
    expect(res.body).toContain('请选择文件类别');
    expect(res.body).toContain('日期无效，应为YYYY-MM-DD格式的真实日期');
    expect(res.body).toContain('《条例》第二十条事项应为1至15');
    expect(res.body).toContain('附件“方案.pdf”不是PDF、Word（.docx）文档或图片');
    expect(res.body).toMatch(/请修改以下4处内容后再提交/);
    expect(res.body).toContain('value="关于印发《宁海县乡村振兴示范带建设方案》的通知"');
    expect(res.body).toContain('>各乡镇人民政府：现将方案印发给你们，请认真组织实施。</textarea>');
    expect(res.body).toContain('value="乡村振兴，示范带"');
    expect(res.body).toContain('value="2026-13-40"');
    expect(await itemCount()).toBe(before);

    // Dates in the wrong order are found at the same time as the rest.
    const order = await post('/admin/items', baseFields({ title: '', changedOn: '2019-01-01' }));
    expect(order.statusCode).toBe(422);
    expect(order.body).toContain('请填写标题');
    expect(order.body).toContain('变更日期不能早于成文日期');
    expect(await itemCount()).toBe(before);
  });

  it('creates with a DOCX, edits, adds a PDF, publishes, and the portal and its search find the attachments’ text', async () => {
    const id = created(
      await post(
        '/admin/items',
        baseFields({ keywords: '茶产业 扶持', body: '为促进茶产业发展，制定本办法。' }),
        {
          files: [{ field: 'files', name: '附件1 申报表.docx', data: docs.docx }],
        },
      ),
    );
    let page = await get(`/admin/items/${id}?done=created`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('信息已保存为草稿，索引号已生成');
    const indexNumber = /id="index-number">([^<]+)</.exec(page.body)?.[1] ?? '';
    expect(indexNumber).toMatch(new RegExp(`^002720027/${today.slice(0, 4)}-\\d{5}$`));
    expect(page.body).toContain('附件1 申报表.docx');
    expect(page.body).toMatch(/Word文档<\/td><td>\d+ KB<\/td><td>已提取文字（\d+字）/);
    // A draft is not on the portal.
    expect((await app.inject(`/items/${id}`)).statusCode).toBe(404);
    expect((await app.inject(`/search?q=${encodeURIComponent('茶叶专业合作社')}`)).body).not.toContain(
      `/items/${id}"`,
    );

    // Edit: the title changes, the index number does not.
    const edited = await post(
      `/admin/items/${id}`,
      {
        ...baseFields({ title: '宁海县茶产业高质量发展扶持办法（试行）', subject: '农业、林业、水利\\农业' }),
        keywords: '茶产业 扶持',
        body: '为促进茶产业发展，制定本办法。',
      },
      { from: `/admin/items/${id}` },
    );
    expect(edited.statusCode).toBe(303);
    page = await get(`/admin/items/${id}`);
    expect(page.body).toContain('<h1>宁海县茶产业高质量发展扶持办法（试行）</h1>');
    expect(page.body).toContain(`id="index-number">${indexNumber}<`);

    // A second attachment on the item page: a PDF.
    const uploaded = await post(
      `/admin/items/${id}/attachments`,
      {},
      { from: `/admin/items/${id}`, files: [{ field: 'files', name: '验收办法.pdf', data: docs.pdf }] },
    );
    expect(uploaded.statusCode).toBe(303);
    page = await get(`/admin/items/${id}`);
    expect(page.body).toMatch(/验收办法\.pdf<\/a><\/td><td>PDF<\/td><td>\d+ KB<\/td><td>已提取文字/);
    const download = await get(
      `/admin/items/${id}/attachments/${/attachments\/(\d+)">验收办法/.exec(page.body)?.[1]}`,
    );
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.rawPayload.equals(docs.pdf)).toBe(true);
    // Not yet published: the public gets nothing of it, attachments included.
    const attachmentId = /attachments\/(\d+)">验收办法/.exec(page.body)?.[1];
    expect((await app.inject(`/items/${id}/attachments/${attachmentId}`)).statusCode).toBe(404);
    // A file that is none of the accepted types is refused, and nothing is added.
    const refused = await post(
      `/admin/items/${id}/attachments`,
      {},
      { from: `/admin/items/${id}`, files: [{ field: 'files', name: '病毒.docx', data: EXE }] },
    );
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('附件“病毒.docx”不是PDF、Word（.docx）文档或图片');
    expect((await catalogueRepository(started.deps.db.db).attachmentsOf(id)).length).toBe(2);

    // Publish today: on time, and public.
    const published = await post(
      `/admin/items/${id}/publish`,
      { publishedOn: today },
      { from: `/admin/items/${id}` },
    );
    expect(published.statusCode).toBe(303);
    page = await get(String(published.headers.location));
    expect(page.body).toContain('信息已发布');
    expect(page.body).toMatch(/id="status">已发布</);
    expect(page.body).toContain('在条例第二十六条规定的20个工作日内');
    expect(page.body).not.toContain('发布超期提醒');
    const trail = await auditEventsRepository(started.deps.db.db).listForSubject(`catalogue_item:${id}`);
    expect(trail.map((e) => [e.action, e.actor]).reverse()).toEqual([
      ['catalogue.created', 'ninghai.clerk'],
      ['catalogue.saved', 'ninghai.clerk'],
      ['catalogue.attachment_added', 'ninghai.clerk'],
      ['catalogue.published', 'ninghai.clerk'],
    ]);

    const list = await app.inject('/items');
    expect(list.body).toContain(`<a href="/items/${id}">宁海县茶产业高质量发展扶持办法（试行）</a>`);
    const itemPage = await app.inject(`/items/${id}`);
    expect(itemPage.statusCode).toBe(200);
    expect(itemPage.body).toContain('附件1 申报表.docx');
    expect(itemPage.body).toContain('验收办法.pdf');
    // The public downloads the attachment as uploaded; a PDF opens in the browser.
    const publicLink = new RegExp(`href="(/items/${id}/attachments/\\d+)">验收办法\\.pdf`).exec(
      itemPage.body,
    )?.[1];
    const publicFile = await app.inject(String(publicLink));
    expect(publicFile.headers['content-type']).toBe('application/pdf');
    expect(publicFile.headers['content-disposition']).toMatch(/^inline;/);
    expect(publicFile.rawPayload.equals(docs.pdf)).toBe(true);
    for (const q of ['茶叶专业合作社 家庭农场', '验收小组 财政局']) {
      const found = await app.inject(`/search?q=${encodeURIComponent(q)}`);
      expect(found.body, q).toContain(`href="/items/${id}"`);
    }
  });

  it('warns prominently, with the working days, when an item is published later than R-26 allows', async () => {
    const madeOn = addDays(today, -120);
    const id = created(
      await post('/admin/items', baseFields({ title: '宁海县农村公路养护管理办法', madeOn })),
    );
    const before = await get(`/admin/items/${id}`);
    expect(before.body).toMatch(/今天（\d{4}-\d{2}-\d{2}）发布将超过20个工作日/);
    const res = await post(`/admin/items/${id}/publish`, {}, { from: `/admin/items/${id}` });
    expect(res.statusCode).toBe(303);
    const page = await get(String(res.headers.location));
    expect(page.body).toContain('发布超期提醒');
    const count = /共(\d+)个工作日(?:（暂定）)?，超过条例第二十六条规定的20个工作日/.exec(page.body);
    expect(count).not.toBeNull();
    expect(Number(count![1])).toBeGreaterThan(20);
    expect(page.body).toContain('《政府信息公开条例》第二十六条要求自该政府信息形成之日');
    // Publishing again without a change is refused and says why.
    const again = await post(`/admin/items/${id}/publish`, {}, { from: `/admin/items/${id}` });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('内容变更后请先填写变更日期再重新发布');
  });

  it('repeals a published item with its date and reason; a draft cannot be repealed', async () => {
    const id = created(await post('/admin/items', baseFields({ title: '宁海县临时救助实施细则' })));
    const early = await post(
      `/admin/items/${id}/repeal`,
      { repealedOn: today, validity: 'repealed' },
      {
        from: `/admin/items/${id}`,
      },
    );
    expect(early.statusCode).toBe(409);
    expect(early.body).toContain('该信息尚未发布，不需要废止');
    expect((await catalogueRepository(started.deps.db.db).findById(id))!.status).toBe('draft');

    await post(`/admin/items/${id}/publish`, { publishedOn: today }, { from: `/admin/items/${id}` });
    const res = await post(
      `/admin/items/${id}/repeal`,
      { repealedOn: today, validity: 'expired' },
      {
        from: `/admin/items/${id}`,
      },
    );
    expect(res.statusCode).toBe(303);
    const page = await get(String(res.headers.location));
    expect(page.body).toMatch(/id="status">已废止或失效</);
    expect(page.body).toContain('<dd>失效</dd>');
    const item = (await catalogueRepository(started.deps.db.db).findById(id))!;
    expect([item.status, item.validity, item.repealedOn]).toEqual(['repealed', 'expired', today]);
    expect((await app.inject(`/items/${id}`)).body).toContain('失效');
  });

  it('refuses another agency’s clerk everything on the office’s items, and changes nothing', async () => {
    const id = created(await post('/admin/items', baseFields({ title: '宁海县城区停车收费管理规定' })));
    const fgj = await signIn(app, 'fgj.clerk');
    const view = await get(`/admin/items/${id}`, fgj);
    expect(view.statusCode).toBe(403);
    expect(view.body).toContain('您没有权限维护该机关的主动公开目录');
    const own = await get('/admin/items', fgj);
    expect(own.body).not.toContain('宁海县城区停车收费管理规定');

    const from = '/admin/items/new';
    for (const [url, fields] of [
      [`/admin/items/${id}/publish`, {}],
      [`/admin/items/${id}`, baseFields({ title: '被篡改的标题' })],
      [`/admin/items/${id}/attachments`, {}],
    ] as const) {
      const res = await post(url, fields, { cookie: fgj, from });
      expect(res.statusCode, url).toBe(403);
      expect(res.body).toContain('您没有权限维护该机关的主动公开目录');
    }
    const item = (await catalogueRepository(started.deps.db.db).findById(id))!;
    expect([item.status, item.title]).toEqual(['draft', '宁海县城区停车收费管理规定']);

    // Nor may the department's clerk publish in the office's name.
    const before = await itemCount();
    const foreign = await post('/admin/items', baseFields({ title: '冒名发布的信息' }), {
      cookie: fgj,
      from,
    });
    expect(foreign.statusCode).toBe(422);
    expect(foreign.body).toContain('您不能为该机关发布信息');
    expect(await itemCount()).toBe(before);

    // A form without its token is refused too.
    const body = multipartBody(baseFields({ title: '没有令牌的表单' }));
    const forged = await app.inject({
      method: 'POST',
      url: '/admin/items',
      headers: { cookie: clerk, 'content-type': body.contentType },
      payload: body.payload,
    });
    expect(forged.statusCode).toBe(403);
    expect(await itemCount()).toBe(before);

    // A reviewer does not keep the catalogue at all.
    const reviewer = await signIn(app, 'ninghai.reviewer');
    expect((await get('/admin/items', reviewer)).statusCode).toBe(403);
  });

  it('links an interpretation to its policy, found by index number, and both public pages show it', async () => {
    const policyId = created(
      await post('/admin/items', baseFields({ title: '宁海县住房公积金提取管理办法' })),
    );
    const readingId = created(
      await post(
        '/admin/items',
        baseFields({ title: '《宁海县住房公积金提取管理办法》政策解读', kind: 'other', genre: 'other' }),
      ),
    );
    for (const id of [policyId, readingId]) {
      await post(`/admin/items/${id}/publish`, { publishedOn: today }, { from: `/admin/items/${id}` });
    }
    const policy = (await catalogueRepository(started.deps.db.db).findById(policyId))!;
    const found = await get(
      `/admin/items/${readingId}?policyQuery=${encodeURIComponent(policy.indexNumber)}`,
    );
    expect(found.body).toContain(`id="policy-${policyId}"`);
    const byTitle = await get(`/admin/items/${readingId}?policyQuery=${encodeURIComponent('公积金提取')}`);
    expect(byTitle.body).toContain(`id="policy-${policyId}"`);
    expect(byTitle.body).not.toContain(`id="policy-${readingId}"`);

    const linked = await post(
      `/admin/items/${readingId}/interpretation`,
      { policyItemId: String(policyId) },
      { from: `/admin/items/${readingId}` },
    );
    expect(linked.statusCode).toBe(303);
    expect((await get(String(linked.headers.location))).body).toMatch(
      /id="interprets">本信息是<a href="\/admin\/items\/\d+">宁海县住房公积金提取管理办法/,
    );

    const policyPage = await app.inject(`/items/${policyId}`);
    expect(policyPage.body).toContain(
      `<a href="/items/${readingId}">《宁海县住房公积金提取管理办法》政策解读</a>`,
    );
    const readingPage = await app.inject(`/items/${readingId}`);
    expect(readingPage.body).toContain(`<a href="/items/${policyId}">宁海县住房公积金提取管理办法</a>`);

    // The policy cannot in turn be made an interpretation of its interpretation.
    const loop = await post(
      `/admin/items/${policyId}/interpretation`,
      { policyItemId: String(readingId) },
      { from: `/admin/items/${policyId}` },
    );
    expect(loop.statusCode).toBe(422);
    expect(loop.body).toContain('所选信息本身是一篇政策解读');
  });

  it('asks for the organisation code while it is missing; only an agency administrator sets it', async () => {
    const agencies = agenciesRepository(started.deps.db.db);
    const office = (await agencies.findByCodeOrName('330226-01'))!;
    const saved = await agencies.orgCodeOf(office.id);
    await agencies.setOrgCode(office.id, null);
    try {
      const page = await get('/admin/items/new');
      expect(page.body).toContain('尚未设置组织机构代码');
      expect(page.body).toContain('请联系本机关的机关管理员设置');
      const res = await post('/admin/items', baseFields({ title: '无法编号的信息' }));
      expect(res.statusCode).toBe(422);
      expect(res.body).toContain('尚未设置组织机构代码，无法生成索引号');
      const byClerk = await post('/admin/items/org-code', { agency: '330226-01', orgCode: '00272002-7' });
      expect(byClerk.statusCode).toBe(403);
      expect(await agencies.orgCodeOf(office.id)).toBeNull();

      const admin = await signIn(app, 'ninghai.admin');
      const bad = await post(
        '/admin/items/org-code',
        { agency: '330226-01', orgCode: '12' },
        { cookie: admin, from: '/admin/items' },
      );
      expect(bad.statusCode).toBe(422);
      expect(bad.body).toContain('组织机构代码应为9位数字或大写字母');
      const ok = await post(
        '/admin/items/org-code',
        { agency: '330226-01', orgCode: '00272002-7' },
        { cookie: admin, from: '/admin/items' },
      );
      expect(ok.statusCode).toBe(303);
      expect(await agencies.orgCodeOf(office.id)).toBe('002720027');
      expect((await get('/admin/items/new')).body).not.toContain('尚未设置组织机构代码');
    } finally {
      await agencies.setOrgCode(office.id, saved);
    }
  });
});
