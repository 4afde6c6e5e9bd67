import { beforeEach, expect, it } from 'vitest';
import { createSearchIndex } from '../../src/search/index.ts';
import { describeEachEngine } from '../helpers/databases.ts';
import { clearCatalogue, ensureAgencies, indexItem, query } from './items.ts';

describeEachEngine('catalogue search', (ctx) => {
  let agencies: { office: number; education: number };
  const search = (...args: Parameters<typeof query>) => createSearchIndex(ctx.db).search(query(...args));
  const ids = async (...args: Parameters<typeof query>) => (await search(...args)).hits.map((h) => h.id);

  /** Five items of one county: the ids of the ones the tests name. */
  async function seedCounty() {
    const workPlan = await indexItem(ctx.db, {
      agencyId: agencies.office,
      title: '关于印发《宁海县政务公开工作要点》的通知',
      body:
        '各乡镇人民政府、街道办事处，县政府各部门：现将《2024年宁海县政务公开工作要点》印发给你们，请认真贯彻执行。' +
        '要全面推进政府信息公开，围绕重大决策做好政策解读，及时回应社会关切。',
      genre: '通知',
      publishedOn: '2024-04-15',
    });
    const annualReport = await indexItem(ctx.db, {
      agencyId: agencies.office,
      title: '宁海县人民政府2023年政府信息公开工作年度报告',
      body:
        '本报告根据《中华人民共和国政府信息公开条例》编制。2023年，全县主动公开政府信息1234条，' +
        '受理依申请公开56件，均在法定期限内答复。',
      attachmentsText: '附件：2023年政府信息公开情况统计表',
      genre: '报告',
      publishedOn: '2024-01-20',
    });
    const allowanceReading = await indexItem(ctx.db, {
      agencyId: agencies.office,
      title: '《宁海县城乡居民最低生活保障实施办法》政策解读',
      body: '为进一步规范最低生活保障工作，保障困难群众基本生活，现就实施办法的主要内容解读如下。',
      genre: '解读',
      publishedOn: '2023-06-30',
    });
    const enrolment = await indexItem(ctx.db, {
      agencyId: agencies.education,
      title: '关于做好2024年秋季学期义务教育招生工作的通知',
      body: '各中小学：招生工作要坚持公开、公平、公正，招生计划、范围和结果向社会公开。',
      genre: '通知',
      publishedOn: '2024-07-01',
    });
    const websiteSafety = await indexItem(ctx.db, {
      agencyId: agencies.education,
      title: '关于加强学校门户网站安全管理的通知',
      body: '近期发现个别学校网站留言板被注入<script>alert("x")</script>等恶意代码，各学校要立即整改并公开处置情况。',
      genre: '通知',
      publishedOn: '2022-11-08',
    });
    return { workPlan, annualReport, allowanceReading, enrolment, websiteSafety };
  }

  beforeEach(async () => {
    agencies = await ensureAgencies(ctx.db);
    await clearCatalogue(ctx.db);
  });

  it('finds items by a two-character word (公开), which trigram or unsegmented indexes miss', async () => {
    const items = await seedCounty();
    const found = await ids('公开');
    expect(found.sort()).toEqual(
      [items.workPlan, items.annualReport, items.enrolment, items.websiteSafety].sort(),
    );
  });

  it('finds 政府信息公开 by its parts 政府 and 信息公开', async () => {
    const items = await seedCounty();
    expect(await ids('信息公开')).toContain(items.annualReport);
    expect(await ids('政府')).toContain(items.annualReport);
    expect(await ids('年度报告')).toEqual([items.annualReport]);
  });

  it('ranks an item with both words first and leaves out items with only one', async () => {
    const items = await seedCounty();
    const both = await ids('信息公开 政策解读');
    expect(both).toEqual([items.workPlan]);
    const result = await search('政府 信息');
    expect(result.matchedAll).toBe(true);
    expect(result.hits.map((h) => h.id).sort()).toEqual([items.workPlan, items.annualReport].sort());
  });

  it('ranks a match in the title above a match in the body', async () => {
    const items = await seedCounty();
    const found = await ids('政务公开');
    expect(found[0]).toBe(items.workPlan);
    const titleOnly = await indexItem(ctx.db, { title: '宁海县政务公开专栏', body: '专栏说明。' });
    const bodyOnly = await indexItem(ctx.db, {
      title: '关于调整县级机关工作时间的通知',
      body: '本通知已在政务公开专栏发布。',
    });
    const ranked = await ids('政务公开 专栏');
    expect(ranked.indexOf(titleOnly)).toBeLessThan(ranked.indexOf(bodyOnly));
  });

  it('falls back to items with any of the words when none has them all', async () => {
    const items = await seedCounty();
    const result = await search('最低生活保障 招生');
    expect(result.matchedAll).toBe(false);
    expect(result.hits.map((h) => h.id).sort()).toEqual([items.allowanceReading, items.enrolment].sort());
  });

  it('filters by agency, year, genre and category', async () => {
    const items = await seedCounty();
    expect((await ids('公开', { agencyIds: [agencies.education] })).sort()).toEqual(
      [items.enrolment, items.websiteSafety].sort(),
    );
    expect(await ids('公开', { agencyIds: [] })).toEqual([]);
    expect((await ids('公开', { year: 2024 })).sort()).toEqual(
      [items.workPlan, items.annualReport, items.enrolment].sort(),
    );
    expect((await ids('公开', { genre: '通知', agencyIds: [agencies.office] })).sort()).toEqual([
      items.workPlan,
    ]);
    const rule = await indexItem(ctx.db, {
      title: '宁海县政府信息公开申请办理规定',
      category: '规范性文件',
      genre: '规定',
    });
    expect(await ids('公开', { category: '规范性文件' })).toEqual([rule]);
  });

  it('pages through results with a stable total', async () => {
    const made: number[] = [];
    for (let n = 1; n <= 23; n++) {
      const day = String(n).padStart(2, '0');
      made.push(
        await indexItem(ctx.db, {
          title: `宁海县第${n}批政府信息主动公开目录更新的公告`,
          body: '根据工作安排，现将本批主动公开目录予以公告。',
          publishedOn: `2024-05-${day}`,
        }),
      );
    }
    const pages = await Promise.all(
      [1, 2, 3, 4].map((page) => search('目录 公告', { page, pageSize: 10, sort: 'date' })),
    );
    expect(pages.map((p) => p.total)).toEqual([23, 23, 23, 23]);
    expect(pages.map((p) => p.hits.length)).toEqual([10, 10, 3, 0]);
    const seen = pages.flatMap((p) => p.hits.map((h) => h.id));
    expect(new Set(seen).size).toBe(23);
    expect(seen.sort()).toEqual(made.sort());
  });

  it('sorts by date, newest first, undated last', async () => {
    const items = await seedCounty();
    const undated = await indexItem(ctx.db, { title: '政务公开工作制度汇编', publishedOn: null, year: null });
    const result = await search('公开', { sort: 'date' });
    expect(result.hits.map((h) => h.id)).toEqual([
      items.enrolment,
      items.workPlan,
      items.annualReport,
      items.websiteSafety,
      undated,
    ]);
    expect(result.hits.map((h) => h.publishedOn)).toEqual([
      '2024-07-01',
      '2024-04-15',
      '2024-01-20',
      '2022-11-08',
      null,
    ]);
  });

  it('marks the matched words in the snippet and the title, the same on every engine', async () => {
    const items = await seedCounty();
    const [hit] = (await search('年度报告 依申请公开')).hits;
    expect(hit?.id).toBe(items.annualReport);
    expect(hit?.titleHtml).toBe('宁海县人民政府2023年政府信息<mark>公开</mark>工作<mark>年度报告</mark>');
    expect(hit?.snippet).toBe(
      '本<mark>报告</mark>根据《中华人民共和国政府信息<mark>公开</mark>条例》编制。' +
        '2023年，全县主动<mark>公开</mark>政府信息1234条，受理<mark>依申请公开</mark>56件，均在法定期限内答复。',
    );
  });

  it('escapes markup in the body before marking words', async () => {
    const items = await seedCounty();
    const hit = (await search('留言板 恶意代码')).hits[0];
    expect(hit?.id).toBe(items.websiteSafety);
    expect(hit?.snippet).not.toContain('<script');
    expect(hit?.snippet).toBe(
      '近期发现个别学校网站<mark>留言板</mark>被注入&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;等' +
        '<mark>恶意代码</mark>，各学校要立即整改并公开处置情况。',
    );
    expect(hit?.title).toBe('关于加强学校门户网站安全管理的通知');
  });

  it('shows the attachment passage when only the attachments match', async () => {
    const items = await seedCounty();
    const hit = (await search('统计表')).hits[0];
    expect(hit?.id).toBe(items.annualReport);
    expect(hit?.snippet).toBe('附件：2023年政府信息公开情况<mark>统计表</mark>');
  });

  it('forgets a removed item, and a re-indexed item’s old words', async () => {
    const items = await seedCounty();
    const index = createSearchIndex(ctx.db);
    await index.remove(items.enrolment);
    expect(await ids('招生')).toEqual([]);
    await index.upsert({
      id: items.allowanceReading,
      agencyId: agencies.office,
      title: '《宁海县临时救助办法》政策解读',
      body: '临时救助对象、标准和程序解读如下。',
      attachmentsText: '',
      category: null,
      subject: null,
      genre: '解读',
      year: 2023,
      publishedOn: '2023-06-30',
    });
    expect(await ids('最低生活保障')).toEqual([]);
    expect(await ids('临时救助')).toEqual([items.allowanceReading]);
  });

  it('indexes in the caller’s transaction: a rolled-back save leaves nothing to find', async () => {
    const index = createSearchIndex(ctx.db);
    const title = '关于征集2025年民生实事项目意见建议的公告';
    await expect(
      ctx.db.db.transaction().execute(async (trx) => {
        const { id } = await trx
          .insertInto('catalogue_items')
          .values({
            agency_id: agencies.office,
            index_number: '330226-ROLLBACK',
            title,
            kind: 'other',
            made_on: '2024-12-01',
            created_at: '2024-12-01T00:00:00Z',
            updated_at: '2024-12-01T00:00:00Z',
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await index.upsert(
          {
            id,
            agencyId: agencies.office,
            title,
            body: '广泛征集民生实事项目意见建议。',
            attachmentsText: '',
            category: null,
            subject: null,
            genre: '公告',
            year: 2024,
            publishedOn: '2024-12-01',
          },
          trx,
        );
        throw new Error('validation failed after indexing');
      }),
    ).rejects.toThrow('validation failed');
    expect(await ids('民生实事')).toEqual([]);

    const saved = await indexItem(ctx.db, { title, body: '广泛征集民生实事项目意见建议。' });
    expect(await ids('民生实事')).toEqual([saved]);
  });

  it('returns nothing, without error, for an empty or punctuation-only query', async () => {
    await seedCounty();
    for (const q of ['', '   ', '，。！？', '《》“”', '***', '""', '()']) {
      expect(await search(q)).toEqual({ total: 0, hits: [], matchedAll: true, capped: false });
    }
  });

  it('treats query-syntax characters as text, never as syntax', async () => {
    const items = await seedCounty();
    const nasty = [
      '"',
      '公开"',
      '公开*',
      '公开 OR',
      'OR 公开 AND',
      'title:公开',
      '(公开',
      '公开)',
      'NEAR(公开 政府)',
      '公开 & | ! <-> :*',
      "'; drop table search_documents; --",
      '\\ 公开 ^ - + {}',
    ];
    for (const q of nasty) await expect(search(q)).resolves.toBeDefined();
    expect((await ids('公开*')).sort()).toEqual((await ids('公开')).sort());
    expect(await ids('title:年度报告')).toEqual([items.annualReport]);
  });
});
