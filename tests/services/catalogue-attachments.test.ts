import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { agenciesRepository } from '../../src/db/repositories/agencies.ts';
import type { CatalogueItem } from '../../src/db/repositories/catalogue.ts';
import type { Agency } from '../../src/domain/agencies/model.ts';
import { DomainError } from '../../src/domain/errors.ts';
import { createSearchIndex } from '../../src/search/index.ts';
import { addAttachment, getItem, saveItem } from '../../src/services/catalogue/index.ts';
import type { Deps } from '../../src/services/deps.ts';
import { buildAgency, buildDeps } from '../helpers/builders.ts';
import { describeEachEngine } from '../helpers/databases.ts';

const REPORTS = join(import.meta.dirname, '../fixtures/reports');
const SHANGHAI_DOCX = readFileSync(join(REPORTS, '2019-shanghai-municipal-gov/source.docx'));
const PINGTAN_PDF = readFileSync(join(REPORTS, '2019-pingtan-tourism-culture-sports-bureau/source.pdf'));
/** The PNG signature and an IHDR chunk of a 1×1 image: enough for a sniffer. */
const PNG = Uint8Array.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00,
  0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4, 0x89,
]);
/** A Windows executable starts with "MZ". */
const EXE = Uint8Array.from([
  0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xff, 0xff,
]);

async function rejection(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describeEachEngine('catalogue attachments', (ctx) => {
  let deps: Deps;
  let agency: Agency;
  let uploads: string;
  const ids = async (q: string) =>
    (await createSearchIndex(ctx.db).search({ q, sort: 'relevance', page: 1, pageSize: 20 })).hits.map(
      (h) => h.id,
    );

  async function publishedItem(title: string): Promise<CatalogueItem> {
    const saved = await saveItem(deps, {
      agency: agency.code,
      title,
      kind: 'other',
      madeOn: '2024-05-06',
      publishedOn: '2024-05-08',
      body: '详见附件。',
    });
    return saved.item;
  }

  beforeAll(async () => {
    uploads = mkdtempSync(join(tmpdir(), 'gongkai-uploads-'));
    deps = { ...buildDeps(ctx.db, '2025-06-30'), uploadsDir: uploads, maxAttachmentBytes: 2 * 1024 * 1024 };
    agency = await buildAgency(ctx.db, { name: '平潭综合实验区管委会办公室' });
    await agenciesRepository(ctx.db.db).setOrgCode(agency.id, '000014349');
  });

  afterAll(() => {
    rmSync(uploads, { recursive: true, force: true });
  });

  it('makes a DOCX attachment’s text searchable and stores the file under the item’s folder', async () => {
    const item = await publishedItem('附件测试：年度报告（Word）');
    expect(await ids('上海市 门户网站')).toEqual([]);
    const { attachment, extractedText } = await addAttachment(deps, item.id, {
      fileName: '上海市2019年报.docx',
      bytes: SHANGHAI_DOCX,
    });
    expect(attachment.mediaType).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(extractedText).toContain('上海市人民政府办公厅');
    expect(await ids('上海市 门户网站')).toEqual([item.id]);
    expect(attachment.storedPath.startsWith(`${agency.id}/${item.id}/`)).toBe(true);
    expect(readFileSync(join(uploads, attachment.storedPath)).equals(SHANGHAI_DOCX)).toBe(true);
    const detail = await getItem(deps, item.id);
    expect(detail.attachments.map((a) => a.fileName)).toEqual(['上海市2019年报.docx']);
  });

  it('makes a PDF attachment’s text searchable, whatever extension it was given', async () => {
    const item = await publishedItem('附件测试：年度报告（PDF）');
    const { attachment } = await addAttachment(deps, item.id, { fileName: '报告.doc', bytes: PINGTAN_PDF });
    expect(attachment.mediaType).toBe('application/pdf');
    expect(attachment.storedPath.endsWith('.pdf')).toBe(true);
    expect(await ids('平潭 旅游')).toEqual([item.id]);
  }, 30_000);

  it('accepts a PNG as an image with no text, and refuses an .exe', async () => {
    const item = await publishedItem('附件测试：图片');
    const png = await addAttachment(deps, item.id, { fileName: '图解.png', bytes: PNG });
    expect(png.attachment.mediaType).toBe('image/png');
    expect(png.extractedText).toBe('');
    const exe = await rejection(addAttachment(deps, item.id, { fileName: 'setup.docx.exe', bytes: EXE }));
    expect(exe.code).toBe('catalogue.attachment_type');
    expect(exe.message).toContain('setup.docx.exe');
    // Renaming does not help: the bytes decide.
    expect((await rejection(addAttachment(deps, item.id, { fileName: 'setup.pdf', bytes: EXE }))).code).toBe(
      'catalogue.attachment_type',
    );
    expect((await getItem(deps, item.id)).attachments).toHaveLength(1);
    expect(readdirSync(join(uploads, String(agency.id), String(item.id)))).toHaveLength(1);
  });

  it('refuses a file over the size limit and an attachment to a missing item, storing nothing', async () => {
    const item = await publishedItem('附件测试：超大文件');
    const big = new Uint8Array(2 * 1024 * 1024 + 1);
    big.set(PINGTAN_PDF.subarray(0, 8));
    const error = await rejection(addAttachment(deps, item.id, { fileName: '超大.pdf', bytes: big }));
    expect(error.code).toBe('catalogue.attachment_size');
    expect(error.message).toContain('超过上限2.0MB');
    expect(existsSync(join(uploads, String(agency.id), String(item.id)))).toBe(false);
    expect((await rejection(addAttachment(deps, 999_999, { fileName: 'a.png', bytes: PNG }))).code).toBe(
      'catalogue.not_found',
    );
  });
});
