import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { agenciesRepository } from '../../src/db/repositories/agencies.ts';
import type { Agency } from '../../src/domain/agencies/model.ts';
import type { IsoDate } from '../../src/domain/calendar/index.ts';
import {
  addAttachment,
  linkInterpretation,
  publishItem,
  type SaveItemInput,
  saveItem,
} from '../../src/services/catalogue/index.ts';
import {
  listOfficeItems,
  officeAttachments,
  policyCandidates,
  publicationDelay,
} from '../../src/services/catalogue/office.ts';
import type { Deps } from '../../src/services/deps.ts';
import { buildAgency, buildDeps } from '../helpers/builders.ts';
import { describeEachEngine } from '../helpers/databases.ts';

const SHANGHAI_DOCX = readFileSync(
  join(import.meta.dirname, '../fixtures/reports/2019-shanghai-municipal-gov/source.docx'),
);
const PNG = Uint8Array.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00,
  0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4, 0x89,
]);

describeEachEngine('the catalogue as the back office reads it', (ctx) => {
  let deps: Deps;
  let office: Agency;
  let other: Agency;
  let uploads: string;
  const save = async (agency: Agency, over: Partial<SaveItemInput>) =>
    (
      await saveItem(deps, {
        agency: agency.code,
        title: '测试信息',
        kind: 'other',
        madeOn: '2025-03-03',
        ...over,
      })
    ).item;

  beforeAll(async () => {
    uploads = mkdtempSync(join(tmpdir(), 'gongkai-office-'));
    deps = { ...buildDeps(ctx.db, '2025-06-30'), uploadsDir: uploads };
    office = await buildAgency(ctx.db, { name: '宁海县人民政府办公室' });
    other = await buildAgency(ctx.db, { name: '宁海县教育局' });
    await agenciesRepository(ctx.db.db).setOrgCode(office.id, '002720027');
    await agenciesRepository(ctx.db.db).setOrgCode(other.id, '00272010X');
  });
  afterAll(() => rmSync(uploads, { recursive: true, force: true }));

  it('lists drafts and published items of the given agencies, by status and by text in title, 索引号 or 文号', async () => {
    const draft = await save(office, {
      title: '关于100%完成户厕改造_任务的通知',
      docNumber: '宁政办发〔2025〕7号',
    });
    const published = await save(office, { title: '宁海县防汛防台应急预案' });
    await publishItem(deps, { itemId: published.id, publishedOn: '2025-03-10' });
    const foreign = await save(other, { title: '宁海县防汛防台演练方案' });

    const all = await listOfficeItems(deps, { agencyIds: [office.id], page: 1, pageSize: 20 });
    expect(all.items.map((i) => i.id).sort()).toEqual([draft.id, published.id].sort());
    expect(all.items[0]!.agencyName).toBe('宁海县人民政府办公室');
    const ids = async (q: Partial<Parameters<typeof listOfficeItems>[1]>) =>
      (await listOfficeItems(deps, { agencyIds: [office.id], page: 1, pageSize: 20, ...q })).items.map(
        (i) => i.id,
      );
    expect(await ids({ status: 'draft' })).toEqual([draft.id]);
    expect(await ids({ text: '防汛' })).toEqual([published.id]);
    expect(await ids({ text: '〔2025〕7号' })).toEqual([draft.id]);
    expect(await ids({ text: draft.indexNumber })).toEqual([draft.id]);
    // %, _ are taken literally.
    expect(await ids({ text: '100%' })).toEqual([draft.id]);
    expect(await ids({ text: '%防汛' })).toEqual([]);
    expect(await ids({ text: '_任务' })).toEqual([draft.id]);
    expect(await ids({ agencyId: other.id })).toEqual([]);
    expect((await listOfficeItems(deps, { agencyIds: [], page: 1, pageSize: 20 })).total).toBe(0);
    expect(await ids({ text: '演练' })).not.toContain(foreign.id);
  });

  it('tells for each attachment how much text search has of it', async () => {
    const item = await save(office, { title: '附件文字测试' });
    await addAttachment(deps, item.id, { fileName: '年报.docx', bytes: SHANGHAI_DOCX });
    await addAttachment(deps, item.id, { fileName: '照片.png', bytes: PNG });
    const [docx, png] = await officeAttachments(deps, item.id);
    expect(docx!.textChars).toBeGreaterThan(1000);
    expect(png!.textChars).toBe(0);
  });

  it('offers as policies public items anywhere and the user’s own drafts, never interpretations or itself', async () => {
    const policy = await save(other, { title: '宁海县学前教育资助办法' });
    await publishItem(deps, { itemId: policy.id, publishedOn: '2025-03-05' });
    const foreignDraft = await save(other, { title: '宁海县学前教育资助办法（修订草稿）' });
    const ownDraft = await save(office, { title: '宁海县学前教育资助办法实施细则' });
    const reading = await save(office, { title: '学前教育资助办法解读' });
    const earlier = await save(office, { title: '学前教育资助办法图解' });
    await publishItem(deps, { itemId: earlier.id, publishedOn: '2025-03-06' });
    await linkInterpretation(deps, { itemId: earlier.id, policyItemId: policy.id });

    const found = await policyCandidates(deps, {
      interpretationId: reading.id,
      text: '学前教育资助',
      agencyIds: [office.id],
    });
    expect(found.map((i) => i.id).sort()).toEqual([policy.id, ownDraft.id].sort());
    expect(found.map((i) => i.id)).not.toContain(foreignDraft.id);
    expect(await policyCandidates(deps, { interpretationId: reading.id, text: ' ', agencyIds: [] })).toEqual(
      [],
    );
  });

  it('counts the working days from formation (or change) to publication against the 20 of art. 26', () => {
    const onTime = publicationDelay(deps, {
      madeOn: '2025-03-03' as IsoDate,
      changedOn: null,
      publishedOn: '2025-03-10' as IsoDate,
    })!;
    expect([onTime.workingDays, onTime.check.isLate, onTime.allowedWorkingDays]).toEqual([5, false, 20]);
    // 2025-04-04 (清明) and 2025-05-01..05 (劳动节) are holidays; 2025-04-27 is a make-up working day.
    const late = publicationDelay(deps, {
      madeOn: '2025-03-03' as IsoDate,
      changedOn: '2025-04-01' as IsoDate,
      publishedOn: '2025-05-06' as IsoDate,
    })!;
    expect(late.check.startOn).toBe('2025-04-01');
    expect(late.check.isLate).toBe(true);
    expect(late.workingDays).toBe(22);
    expect(
      publicationDelay(deps, { madeOn: '2025-03-03' as IsoDate, changedOn: null, publishedOn: null }),
    ).toBe(null);
  });
});
