import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { agenciesRepository } from '../../src/db/repositories/agencies.ts';
import type { Agency } from '../../src/domain/agencies/model.ts';
import { DomainError } from '../../src/domain/errors.ts';
import { createSearchIndex, type SearchIndex } from '../../src/search/index.ts';
import {
  getItem,
  linkInterpretation,
  listItems,
  publishItem,
  reindexAll,
  repealItem,
  type SaveItemInput,
  saveItem,
  setAgencyOrgCode,
} from '../../src/services/catalogue/index.ts';
import type { Deps } from '../../src/services/deps.ts';
import { buildAgency, buildDeps } from '../helpers/builders.ts';
import { describeEachEngine } from '../helpers/databases.ts';

function itemInput(agency: Agency, over: Partial<SaveItemInput> = {}): SaveItemInput {
  return {
    agency: agency.code,
    title: '关于印发《老旧小区改造实施方案》的通知',
    kind: 'normative_document',
    genre: '通知',
    subject: '城乡建设、环境保护\\城市规划',
    madeOn: '2024-03-01',
    docNumber: '宁政办发〔2024〕3号',
    summary: '明确2024年老旧小区改造的范围、标准和资金安排。',
    body: '各乡镇人民政府、街道办事处：现将实施方案印发给你们。改造内容包括管网更新、加装电梯和停车设施。',
    art20Item: 1,
    ...over,
  };
}

async function rejection(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describeEachEngine('the catalogue', (ctx) => {
  let deps: Deps;
  let office: Agency;
  let education: Agency;
  const search = (q: string) =>
    createSearchIndex(ctx.db).search({ q, sort: 'relevance', page: 1, pageSize: 20 });
  const searchIds = async (q: string) => (await search(q)).hits.map((h) => h.id);
  const countRows = async () => ({
    items: Number(
      (
        await ctx.db.db
          .selectFrom('catalogue_items')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ),
    documents: Number(
      (
        await ctx.db.db
          .selectFrom('search_documents')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ),
  });

  beforeAll(async () => {
    deps = buildDeps(ctx.db, '2025-06-30');
    office = await buildAgency(ctx.db, { name: '宁海县人民政府办公室' });
    education = await buildAgency(ctx.db, { name: '宁海县教育局' });
    await agenciesRepository(ctx.db.db).setOrgCode(office.id, '002720027');
    await agenciesRepository(ctx.db.db).setOrgCode(education.id, '00272010X');
  });

  it('finds an item saved as published by a two-word Chinese query, and a draft only once published', async () => {
    const { item } = await saveItem(deps, itemInput(office, { publishedOn: '2024-03-05' }));
    expect(item.status).toBe('published');
    expect(await searchIds('老旧小区 电梯')).toEqual([item.id]);
    expect(await searchIds('宁政办发')).toContain(item.id);

    const draft = await saveItem(
      deps,
      itemInput(office, {
        title: '关于做好防汛防台工作的紧急通知',
        body: '各地要落实防汛责任，转移危险区域群众。',
      }),
    );
    expect(draft.item.status).toBe('draft');
    expect(await searchIds('防汛 群众')).toEqual([]);
    await publishItem(deps, { itemId: draft.item.id, publishedOn: '2024-03-10' });
    expect(await searchIds('防汛 群众')).toEqual([draft.item.id]);
  });

  it('numbers items per agency and year in sequence, and never gives a deleted item’s number again', async () => {
    const made = async (agency: Agency, madeOn: string) =>
      (await saveItem(deps, itemInput(agency, { madeOn, title: `编号测试${madeOn}` }))).item;
    const first = await made(education, '2023-05-01');
    const second = await made(education, '2023-06-01');
    const third = await made(education, '2023-07-01');
    const otherYear = await made(education, '2022-07-01');
    expect([first, second, third].map((i) => i.indexNumber)).toEqual([
      '00272010X/2023-00001',
      '00272010X/2023-00002',
      '00272010X/2023-00003',
    ]);
    expect(otherYear.indexNumber).toBe('00272010X/2022-00001');
    // Another agency counts its own 2023 items.
    expect((await made(office, '2023-01-05')).indexNumber).toBe('002720027/2023-00001');

    await createSearchIndex(ctx.db).remove(third.id);
    await ctx.db.db.deleteFrom('catalogue_items').where('id', '=', third.id).execute();
    expect((await made(education, '2023-08-01')).indexNumber).toBe('00272010X/2023-00004');
  });

  it('keeps an index number for good: an edit, even to another agency, does not change it', async () => {
    const { item } = await saveItem(deps, itemInput(office, { madeOn: '2021-02-01' }));
    const moved = await saveItem(
      deps,
      itemInput(education, { id: item.id, madeOn: '2021-02-01', title: '改后的标题' }),
    );
    expect(moved.item.indexNumber).toBe(item.indexNumber);
    expect(moved.item.agencyId).toBe(education.id);
    const error = await rejection(
      saveItem(deps, itemInput(office, { id: item.id, indexNumber: '002720027/2021-09999' })),
    );
    expect(error.code).toBe('catalogue.index_number_fixed');
  });

  it('keeps an imported index number as printed, noting that it is not the guideline form', async () => {
    const saved = await saveItem(
      deps,
      itemInput(office, {
        indexNumber: '01424668-5/2021-00063',
        publishedOn: '2024-03-04',
        title: '导入的信息',
      }),
    );
    expect(saved.item.indexNumber).toBe('01424668-5/2021-00063');
    expect(saved.indexNumberFindings.map((f) => f.rule)).toEqual(['index_number.variant']);
    const taken = await rejection(
      saveItem(deps, itemInput(office, { indexNumber: '01424668-5/2021-00063' })),
    );
    expect(taken.code).toBe('catalogue.index_number_taken');
  });

  it('warns when an item made before National Day is published on the 21st working day', async () => {
    const onTime = await saveItem(
      deps,
      itemInput(office, { madeOn: '2024-09-20', title: '国庆节前成文的通知' }),
    );
    const published = await publishItem(deps, { itemId: onTime.item.id, publishedOn: '2024-10-23' });
    expect(published.warning).toBeNull();

    const late = await saveItem(
      deps,
      itemInput(office, { madeOn: '2024-09-20', title: '国庆节前成文的另一通知' }),
    );
    const result = await publishItem(deps, { itemId: late.item.id, publishedOn: '2024-10-24' });
    expect(result.item.publishedOn).toBe('2024-10-24');
    expect(result.publication.dueOn).toBe('2024-10-23');
    expect(result.warning).toContain('第二十六条');
    expect(result.warning).toContain('2024-10-23（星期三）');
  });

  it('stores neither the item nor a search row when a save fails', async () => {
    const before = await countRows();
    const bad = await rejection(saveItem(deps, itemInput(office, { art20Item: 16, title: '失败的保存' })));
    expect(bad.code).toBe('validation.invalid');
    expect(bad.field).toBe('art20Item');
    expect(bad.message).toContain('第二十条');

    const real = createSearchIndex(ctx.db);
    const failing: SearchIndex = {
      ...real,
      upsert: async () => {
        throw new Error('index unavailable');
      },
    };
    await expect(
      saveItem(
        { ...deps, searchIndex: failing },
        itemInput(office, { publishedOn: '2024-03-05', title: '失败的保存' }),
      ),
    ).rejects.toThrow('index unavailable');
    expect(await countRows()).toEqual(before);
    expect(await searchIds('失败')).toEqual([]);
  });

  it('refuses bad input with Chinese messages naming the field', async () => {
    expect((await rejection(saveItem(deps, itemInput(office, { title: ' ' })))).message).toBe('请填写标题');
    expect((await rejection(saveItem(deps, itemInput(office, { kind: 'memo' as never })))).field).toBe(
      'kind',
    );
    const early = await rejection(saveItem(deps, itemInput(office, { publishedOn: '2024-02-01' })));
    expect(early.message).toBe('发布日期不能早于成文日期');
    const noCode = await buildAgency(ctx.db);
    expect((await rejection(saveItem(deps, itemInput(noCode)))).code).toBe('catalogue.no_org_code');
    expect(await setAgencyOrgCode(deps, { agency: noCode.code, orgCode: '91330226MA2H1234X5' })).toBe(
      'MA2H1234X',
    );
    expect((await saveItem(deps, itemInput(noCode))).item.indexNumber).toBe('MA2H1234X/2024-00001');
    const invalid = await rejection(setAgencyOrgCode(deps, { agency: noCode.code, orgCode: '宁海-1234' }));
    expect(invalid.code).toBe('validation.invalid');
    const duplicate = await rejection(setAgencyOrgCode(deps, { agency: noCode.code, orgCode: '002720027' }));
    expect(duplicate.code).toBe('agency.duplicate');
    expect((await rejection(publishItem(deps, { itemId: 999_999 }))).code).toBe('catalogue.not_found');
  });

  it('repeals a published item, which stays findable and shows as 废止', async () => {
    const { item } = await saveItem(
      deps,
      itemInput(office, { title: '关于停止执行旧版收费标准的通知', publishedOn: '2024-03-04' }),
    );
    const repealed = await repealItem(deps, { itemId: item.id, repealedOn: '2025-01-01' });
    expect(repealed).toMatchObject({ status: 'repealed', validity: 'repealed', repealedOn: '2025-01-01' });
    expect(await searchIds('收费标准')).toContain(item.id);
    expect((await rejection(repealItem(deps, { itemId: item.id }))).code).toBe('catalogue.illegal_state');
    expect((await rejection(publishItem(deps, { itemId: item.id }))).code).toBe('catalogue.illegal_state');
  });

  it('links an interpretation to its policy, readable from both', async () => {
    const policy = (
      await saveItem(deps, itemInput(office, { title: '最低生活保障实施办法', publishedOn: '2024-03-04' }))
    ).item;
    const reading = (
      await saveItem(
        deps,
        itemInput(office, {
          title: '《最低生活保障实施办法》政策解读',
          kind: 'other',
          genre: 'other',
          publishedOn: '2024-03-04',
        }),
      )
    ).item;
    const link = await linkInterpretation(deps, { itemId: reading.id, policyItemId: policy.id });
    expect(link.interpretation.interpretationOf).toBe(policy.id);
    expect((await getItem(deps, policy.id)).interpretations.map((i) => i.id)).toEqual([reading.id]);
    expect((await getItem(deps, reading.id)).interpretationOf?.id).toBe(policy.id);
    const self = await rejection(linkInterpretation(deps, { itemId: policy.id, policyItemId: policy.id }));
    expect(self.field).toBe('policyItemId');
  });

  it('lists public items for the portal by agency, year, genre and kind, drafts only for the back office', async () => {
    const draft = (
      await saveItem(deps, itemInput(education, { title: '未发布的草稿', madeOn: '2020-01-02' }))
    ).item;
    const page = await listItems(deps, { agency: education.code, year: 2023, pageSize: 2 });
    expect(page.items.every((i) => i.agencyId === education.id && i.status !== 'draft')).toBe(true);
    expect((await listItems(deps, { agency: education.code })).items.map((i) => i.id)).not.toContain(
      draft.id,
    );
    const staff = await listItems(deps, { agency: education.code, isPublicOnly: false, status: 'draft' });
    expect(staff.items.map((i) => i.id)).toContain(draft.id);
    const notices = await listItems(deps, { genre: '通知', kind: 'normative_document', pageSize: 100 });
    expect(notices.total).toBeGreaterThan(0);
    expect(notices.items.every((i) => i.genre === '通知' && i.kind === 'normative_document')).toBe(true);
    await expect(getItem(deps, draft.id)).rejects.toMatchObject({ code: 'catalogue.not_found' });
    expect((await getItem(deps, draft.id, { isPublicOnly: false })).item.id).toBe(draft.id);
  });

  it('rebuilds the index of items loaded without it', async () => {
    const loaded = await ctx.db.db
      .insertInto('catalogue_items')
      .values({
        agency_id: office.id,
        index_number: '002720027/2019-00042',
        title: '批量导入的森林防火通告',
        kind: 'other',
        made_on: '2019-03-01',
        published_on: '2019-03-02',
        status: 'published',
        body: '进入森林防火期，严禁野外用火。',
        created_at: '2026-01-01T00:00:00.000Z',
        updated_at: '2026-01-01T00:00:00.000Z',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(await searchIds('森林防火')).toEqual([]);
    const summary = await reindexAll(deps);
    expect(summary.indexed).toBeGreaterThan(0);
    expect(summary.removed).toBeGreaterThan(0);
    expect(await searchIds('森林防火')).toEqual([loaded.id]);
    if (ctx.db.engine === 'sqlite') {
      const fts = await sql<{ n: number }>`select count(*) as n from search_fts`.execute(ctx.db.db);
      expect(Number(fts.rows[0]?.n)).toBe(summary.indexed);
    }
  });
});
