import { beforeAll, describe, expect, it } from 'vitest';
import { agenciesRepository } from '../../src/db/repositories/agencies.ts';
import { auditEventsRepository } from '../../src/db/repositories/audit-events.ts';
import type { Agency } from '../../src/domain/agencies/model.ts';
import { DomainError } from '../../src/domain/errors.ts';
import { createUser } from '../../src/services/accounts/create-user.ts';
import type { SignedInUser } from '../../src/services/accounts/model.ts';
import { getItem, saveItem } from '../../src/services/catalogue/index.ts';
import { browseItems, relatedItems } from '../../src/services/catalogue/query-items.ts';
import type { Deps } from '../../src/services/deps.ts';
import {
  getPortalPage,
  getPublishedPortalPage,
  listPortalPages,
  missingGuideElements,
  parseBlocks,
  savePortalPage,
} from '../../src/services/portal-pages/index.ts';
import { townshipDirectory } from '../../src/services/portal-pages/standard-directory.ts';
import { statutoryOverview } from '../../src/services/portal-pages/statutory.ts';
import { buildAgency, buildDeps } from '../helpers/builders.ts';
import { describeEachEngine } from '../helpers/databases.ts';

const GUIDE = `## 一、获取方式
政府信息按主题分类编排，可在门户网站获取。
## 二、工作机构
- 名称：测试局政务公开科
- 办公地址：示例路1号
- 办公时间：工作日9:00—17:00
- 联系电话：0574-00000000（演示）
- 传真号码：0574-00000001（演示）
- 网址：https://www.example.org`;

async function rejection(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(error)}`);
  return error;
}

/** The id of a real account (the audit trail refers to it), made afresh for each engine. */
let testerId = 0;
const person = (agency: Agency, over: Partial<SignedInUser> = {}): SignedInUser => ({
  id: testerId,
  login: 'tester',
  displayName: '测试',
  role: 'clerk',
  agencyId: agency.id,
  agencyIds: [agency.id],
  ...over,
});

describeEachEngine('the portal’s column pages', (ctx) => {
  let deps: Deps;
  let office: Agency;
  let other: Agency;
  beforeAll(async () => {
    deps = buildDeps(ctx.db, '2026-11-25');
    office = await buildAgency(ctx.db, { type: 'general_office' });
    other = await buildAgency(ctx.db);
    const tester = await createUser(
      deps,
      {
        login: 'tester',
        displayName: '测试',
        password: 'correct-horse-9',
        role: 'clerk',
        agency: office.code,
      },
      { system: 'cli' },
    );
    testerId = tester.id;
  });

  it('saves a guide, replaces it on the next save and reads it back with who changed it', async () => {
    const first = await savePortalPage(
      deps,
      { agency: office.code, kind: 'guide', title: '测试局政府信息公开指南', body: GUIDE },
      { system: 'demo' },
    );
    expect(first.missingElements).toEqual([]);
    expect(first.page.updatedBy).toBe('demo');
    const second = await savePortalPage(
      deps,
      {
        agency: office.name,
        kind: 'guide',
        title: ' 新指南 ',
        body: '只写了办公时间：工作日9:00—17:00。其余待补充。',
      },
      person(office),
    );
    expect(second.page.id).toBe(first.page.id);
    expect(second.page.title).toBe('新指南');
    expect(second.page.updatedBy).toBe('tester');
    const trail = await auditEventsRepository(deps.db.db).listForSubject(`portal_page:${office.code}/guide`);
    expect(trail.map((e) => [e.action, e.actor]).reverse()).toEqual([
      ['portal_page.saved', 'demo'],
      ['portal_page.saved', 'tester'],
    ]);
    expect(second.missingElements).toContain('传真号码');
    expect(second.missingElements).not.toContain('办公时间');
    const { page } = await getPortalPage(deps, office.code, 'guide');
    expect(page?.body).toBe('只写了办公时间：工作日9:00—17:00。其余待补充。');
    const listed = await listPortalPages(deps, 'guide');
    expect(listed.filter((p) => p.agencyId === office.id)).toEqual([
      expect.objectContaining({ agencyCode: office.code, agencyName: office.name, title: '新指南' }),
    ]);
  });

  it('keeps a guide and rules apart and answers a page not written with a Chinese 404', async () => {
    await savePortalPage(
      deps,
      {
        agency: office.code,
        kind: 'rules',
        title: '制度',
        body: '## 主动公开制度\n信息形成之日起20个工作日内公开。',
      },
      { system: 'demo' },
    );
    expect((await getPortalPage(deps, office.code, 'rules')).page?.title).toBe('制度');
    expect((await getPortalPage(deps, office.code, 'guide')).page?.title).toBe('新指南');
    const missing = await rejection(getPublishedPortalPage(deps, other.code, 'rules'));
    expect(missing.code).toBe('portal_page.not_found');
    expect(missing.message).toBe(`${other.name}尚未发布政府信息公开制度`);
  });

  it('refuses agencies outside the person’s scope and roles without catalogue.manage', async () => {
    const input = { agency: other.code, kind: 'guide' as const, title: '指南', body: GUIDE };
    const outside = await rejection(savePortalPage(deps, input, person(office)));
    expect(outside.code).toBe('auth.forbidden');
    expect(outside.message).toContain('不在您管理的范围内');
    const reviewer = await rejection(
      savePortalPage(deps, { ...input, agency: office.code }, person(office, { role: 'reviewer' })),
    );
    expect(reviewer.code).toBe('auth.forbidden');
    expect((await getPortalPage(deps, other.code, 'guide')).page).toBeNull();
  });

  it('validates with Chinese messages and refuses HTML', async () => {
    const noTitle = await rejection(
      savePortalPage(
        deps,
        { agency: office.code, kind: 'guide', title: '', body: GUIDE },
        { system: 'demo' },
      ),
    );
    expect([noTitle.code, noTitle.field, noTitle.message]).toEqual([
      'validation.invalid',
      'title',
      '请填写标题',
    ]);
    const html = await rejection(
      savePortalPage(
        deps,
        { agency: office.code, kind: 'guide', title: '指南', body: `${GUIDE}\n<script>alert(1)</script>` },
        { system: 'demo' },
      ),
    );
    expect(html.field).toBe('body');
    expect(html.message).toContain('不能包含HTML标签');
    const kind = await rejection(
      savePortalPage(
        deps,
        { agency: office.code, kind: 'news' as 'guide', title: '指南', body: GUIDE },
        { system: 'demo' },
      ),
    );
    expect(kind.message).toBe('页面类型应为信息公开指南或信息公开制度');
  });
});

describe('the page markup', () => {
  it('reads headings, lists and paragraphs and nothing else', () => {
    expect(parseBlocks('## 一、总则\n第一段。\n\n- 甲\n- 乙\n第二段 <b>不是标签</b>')).toEqual([
      { type: 'heading', text: '一、总则' },
      { type: 'paragraph', text: '第一段。' },
      { type: 'list', items: ['甲', '乙'] },
      { type: 'paragraph', text: '第二段 <b>不是标签</b>' },
    ]);
    expect(missingGuideElements('')).toHaveLength(9);
  });
});

describeEachEngine('browsing the catalogue on the portal', (ctx) => {
  let deps: Deps;
  let county: Agency;
  let township: Agency;
  let ids: Record<string, number>;
  beforeAll(async () => {
    deps = buildDeps(ctx.db, '2026-11-25');
    county = await buildAgency(ctx.db, { type: 'general_office' });
    township = await buildAgency(ctx.db, { type: 'township', parentId: county.id });
    const repo = agenciesRepository(ctx.db.db);
    await repo.setOrgCode(county.id, '00000001X');
    await repo.setOrgCode(township.id, '00000002X');
    ids = {};
    const add = async (key: string, agency: Agency, over: Record<string, unknown>) => {
      const { item } = await saveItem(deps, {
        agency: agency.code,
        kind: 'other',
        madeOn: '2025-03-01',
        publishedOn: '2025-03-01',
        ...over,
      });
      ids[key] = item.id;
    };
    await add('normative', county, {
      title: '关于规范某事项的通知',
      kind: 'normative_document',
      genre: '通知',
      subject: '综合政务\\政务公开',
    });
    await add('statistics', county, {
      title: '2024年统计公报',
      genre: '公报',
      subject: '国民经济管理、国有资产监管\\统计',
      art20Item: 4,
      madeOn: '2024-03-01',
      publishedOn: '2024-03-01',
    });
    await add('relief', township, {
      title: '2025年低保对象公示',
      genre: '公告',
      subject: '民政、乡村振兴、救灾\\社会救助',
      catalogueCategory: '社会救助',
      art20Item: 11,
    });
    await add('subsidy', township, {
      title: '2025年耕地地力保护补贴公示',
      genre: '公告',
      subject: '农业、林业、水利\\农业',
      catalogueCategory: '涉农补贴',
    });
    await add('draft', township, {
      title: '未发布的草稿',
      genre: '公告',
      catalogueCategory: '社会救助',
      publishedOn: null,
    });
  });

  it('narrows by subject, genre, agency and year, and counts each facet under the other filters', async () => {
    const all = await browseItems(deps, {});
    expect(all.total).toBe(4);
    expect(all.facets.genre).toEqual([
      { value: '公告', count: 2 },
      { value: '公报', count: 1 },
      { value: '通知', count: 1 },
    ]);
    expect(all.facets.year).toEqual([
      { value: '2025', count: 3 },
      { value: '2024', count: 1 },
    ]);
    const notices = await browseItems(deps, { genre: '公告' });
    expect(notices.items.map((i) => i.id).sort()).toEqual([ids.relief, ids.subsidy].sort());
    // The genre's own counts stay those of every genre, so the visitor can switch.
    expect(notices.facets.genre).toHaveLength(3);
    expect(notices.facets.agency).toEqual([{ value: String(township.id), count: 2 }]);
    const bySubject = await browseItems(deps, { subject: '民政、乡村振兴、救灾\\社会救助' });
    expect(bySubject.items.map((i) => i.title)).toEqual(['2025年低保对象公示']);
    // An agency is taken with every agency below it.
    const byCounty = await browseItems(deps, { agency: county.code, year: 2025 });
    expect(byCounty.total).toBe(3);
    const byTownship = await browseItems(deps, { agency: township.code, year: 2025 });
    expect(byTownship.items.map((i) => i.id).sort()).toEqual([ids.relief, ids.subsidy].sort());
    expect((await browseItems(deps, { agency: county.code, year: 2024 })).items.map((i) => i.id)).toEqual([
      ids.statistics,
    ]);
    expect((await browseItems(deps, { category: '社会救助' })).total).toBe(1);
  });

  it('files 规章 and 规范性文件 under art. 20(一) and the others under their own item', async () => {
    expect((await browseItems(deps, { art20: 1 })).items.map((i) => i.id)).toEqual([ids.normative]);
    const overview = await statutoryOverview(deps);
    expect(overview).toHaveLength(15);
    expect(overview.map((k) => k.count)).toEqual([1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0]);
    expect(overview[3]?.label).toBe('国民经济和社会发展统计信息');
    expect(overview[3]?.latest.map((i) => i.title)).toEqual(['2024年统计公报']);
  });

  it('gives a township its standard directory and refuses another kind of agency', async () => {
    const directory = await townshipDirectory(deps, township.code);
    expect(directory.domains).toHaveLength(26);
    const relief = directory.domains.find((d) => d.domain.name === '社会救助');
    expect(relief?.items.map((i) => i.title)).toEqual(['2025年低保对象公示']);
    const error = await rejection(townshipDirectory(deps, county.code));
    expect(error.code).toBe('portal_page.not_found');
  });

  it('finds related items by subject first, then by agency', async () => {
    const { item } = await getItem(deps, ids.relief!);
    const related = await relatedItems(deps, item, 5);
    expect(related.map((i) => i.id)).toEqual([ids.subsidy]);
  });
});
