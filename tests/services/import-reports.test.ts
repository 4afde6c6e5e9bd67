import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { agenciesRepository } from '../../src/db/repositories/agencies.ts';
import { auditEventsRepository } from '../../src/db/repositories/audit-events.ts';
import { importedReportsRepository } from '../../src/db/repositories/imported-reports.ts';
import type { SignedInUser } from '../../src/services/accounts/model.ts';
import { fixedClock } from '../../src/services/deps.ts';
import { cellsOf, parseCellInput } from '../../src/services/imports/cells.ts';
import { canCorrect, correctReport, InvalidCorrection } from '../../src/services/imports/correct-report.ts';
import { importReports } from '../../src/services/imports/import-reports.ts';
import { getImportedReport, listImportedReports } from '../../src/services/imports/queries.ts';
import { describeEachEngine } from '../helpers/databases.ts';
import { REPORT_FIXTURES } from '../helpers/fixtures.ts';

const fixture = (dir: string, file: string) => ({
  name: `${dir}.${file.split('.').pop()}`,
  data: new Uint8Array(readFileSync(join(REPORT_FIXTURES, dir, file))),
});

const NINGHAI = fixture('2020-ninghai-county-gov-office', 'source.txt');
const SHUYANG_HTML = fixture('2023-shuyang-county-development-reform-bureau', 'source.html');
const SHUYANG_DOCX = fixture('2023-shuyang-county-development-reform-bureau', 'source.docx');
const TOURISM_PDF = fixture('2019-pingtan-tourism-culture-sports-bureau', 'source.pdf');
/** A real DOCX cut off in the middle, as a broken download leaves it. */
const CORRUPT = { name: '损坏的年报.docx', data: SHUYANG_DOCX.data.slice(0, 4000) };

describeEachEngine('importing published reports', (ctx) => {
  const clock = fixedClock('2026-03-02');
  const deps = () => ({ db: ctx.db, clock });
  let clerk: SignedInUser;
  let otherAgencyClerk: SignedInUser;

  beforeAll(async () => {
    const agencies = agenciesRepository(ctx.db.db);
    const office = await agencies.insert(
      { code: '330226-01', name: '宁海县人民政府办公室', type: 'general_office', parentId: null },
      '2026-01-01T00:00:00Z',
    );
    const other = await agencies.insert(
      { code: '330226-02', name: '宁海县发展和改革局', type: 'department', parentId: null },
      '2026-01-01T00:00:00Z',
    );
    clerk = {
      id: 1,
      login: 'ninghai.clerk',
      displayName: '宁海经办人',
      role: 'clerk',
      agencyId: office.id,
      agencyIds: [office.id],
    };
    otherAgencyClerk = { ...clerk, id: 2, login: 'fgj.clerk', agencyId: other.id, agencyIds: [other.id] };
    // The users the reports refer to (uploader_id).
    for (const u of [clerk, otherAgencyClerk]) {
      await ctx.db.db
        .insertInto('users')
        .values({
          id: u.id,
          login: u.login,
          display_name: u.displayName,
          password_hash: 'x',
          role: u.role,
          agency_id: u.agencyId,
          created_at: '2026-01-01T00:00:00Z',
          updated_at: '2026-01-01T00:00:00Z',
        })
        .execute();
    }
  });

  it('imports many files at once, each on its own: a corrupt one gets its read.* error, the others are stored', async () => {
    const outcomes = await importReports(deps(), [NINGHAI, CORRUPT, SHUYANG_HTML, TOURISM_PDF], clerk);
    expect(outcomes.map((o) => [o.fileName, o.status])).toEqual([
      [NINGHAI.name, 'imported'],
      ['损坏的年报.docx', 'unreadable'],
      [SHUYANG_HTML.name, 'imported'],
      [TOURISM_PDF.name, 'imported'],
    ]);
    const bad = outcomes[1]!;
    expect(bad.status === 'unreadable' && bad.code).toBe('read.corrupt');
    expect(bad.status === 'unreadable' && bad.message).toContain('损坏的年报.docx');

    const list = await listImportedReports(deps());
    expect(list).toHaveLength(3);
    const byName = new Map(list.map((r) => [r.fileName, r]));
    expect(byName.get(NINGHAI.name)).toMatchObject({
      agencyName: '宁海县人民政府办公室',
      year: 2020,
      format: '2019',
      mediaType: 'text/plain',
      sourceKind: 'text',
      sizeBytes: NINGHAI.data.length,
      uploadedBy: 'ninghai.clerk',
      uploaderAgencyId: clerk.agencyId,
      findings: [],
    });
    expect(byName.get(SHUYANG_HTML.name)).toMatchObject({
      mediaType: 'text/html',
      year: 2023,
      format: '2021',
    });
    expect(byName.get(TOURISM_PDF.name)).toMatchObject({ mediaType: 'application/pdf', sourceKind: 'pdf' });

    // Every number keeps where it was read; the bytes are kept as uploaded.
    const ninghai = await getImportedReport(deps(), byName.get(NINGHAI.name)!.id);
    expect(ninghai.report.table3.new_received?.natural_person).toBe(31);
    expect(ninghai.provenance['table3.new_received.natural_person']).toMatchObject({ text: '31' });
    expect(ninghai.provenance['table3.new_received.natural_person']?.where).toMatch(/^第\d+行/);
    const pdf = await getImportedReport(deps(), byName.get(TOURISM_PDF.name)!.id);
    expect(Object.values(pdf.provenance).some((p) => /^第\d+页/.test(p.where))).toBe(true);
    const source = await importedReportsRepository(ctx.db.db).source(pdf.id);
    expect(Buffer.compare(source!.data, Buffer.from(TOURISM_PDF.data))).toBe(0);
  });

  it('recognises the same bytes uploaded again (and twice in one upload) and stores nothing new', async () => {
    const before = await listImportedReports(deps());
    const again = { ...NINGHAI, name: '另一个名字.txt' };
    const outcomes = await importReports(deps(), [again, SHUYANG_DOCX, SHUYANG_DOCX], otherAgencyClerk);
    expect(outcomes.map((o) => o.status)).toEqual(['duplicate', 'imported', 'duplicate']);
    const first = outcomes[0]!;
    expect(first.status === 'duplicate' && first.report.fileName).toBe(NINGHAI.name);
    const [, docx, docxAgain] = outcomes;
    expect(docx?.status !== 'unreadable' && docxAgain?.status !== 'unreadable').toBe(true);
    if (docx?.status !== 'unreadable' && docxAgain?.status !== 'unreadable') {
      expect(docxAgain?.report.id).toBe(docx?.report.id);
    }
    expect(await listImportedReports(deps())).toHaveLength(before.length + 1);
  });

  it('stores nothing of an upload when only unreadable files are given', async () => {
    const before = await listImportedReports(deps());
    const outcomes = await importReports(
      deps(),
      [
        { name: 'empty.txt', data: new Uint8Array() },
        { name: 'photo.png', data: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]) },
        { name: 'notes.txt', data: new TextEncoder().encode('会议纪要\n今天讨论了政务公开工作。\n') },
      ],
      clerk,
    );
    expect(outcomes.map((o) => (o.status === 'unreadable' ? o.code : o.status))).toEqual([
      'read.empty',
      'read.unsupported',
      'read.not_a_report',
    ]);
    expect(outcomes[2]?.status === 'unreadable' && outcomes[2].message).toContain('没有读到年度报告的统计表');
    expect(await listImportedReports(deps())).toHaveLength(before.length);
  });

  it('a correction re-validates the report and keeps the value as read and its provenance', async () => {
    const [summary] = (await listImportedReports(deps())).filter((r) => r.fileName === NINGHAI.name);
    const id = summary!.id;
    const before = await getImportedReport(deps(), id);
    const provenance = before.provenance['table3.granted.natural_person'];
    expect(before.current.table3.granted?.natural_person).toBe(10);

    const { findings } = await correctReport(
      deps(),
      { reportId: id, changes: [{ cell: 'table3.granted.natural_person', value: '12' }], note: '核对原件' },
      clerk,
    );
    // 12 granted breaks the row total and the results total: the findings are those of the new figures.
    expect(findings.map((f) => f.rule)).toEqual(expect.arrayContaining(['t3.row_total', 't3.results_total']));
    const after = await getImportedReport(deps(), id);
    expect(after.current.table3.granted?.natural_person).toBe(12);
    expect(after.report.table3.granted?.natural_person).toBe(10);
    expect(after.provenance['table3.granted.natural_person']).toEqual(provenance);
    expect(after.corrections['table3.granted.natural_person']).toEqual({
      from: 10,
      to: 12,
      note: '核对原件',
      by: 'ninghai.clerk',
      at: clock.now().toISOString(),
    });
    expect(after.findings).toEqual(findings);

    // Back to the value as read: the correction is withdrawn and the report passes again.
    const back = await correctReport(
      deps(),
      { reportId: id, changes: [{ cell: 'table3.granted.natural_person', value: '10' }], note: '恢复原值' },
      clerk,
    );
    expect(back.findings).toEqual([]);
    expect((await getImportedReport(deps(), id)).corrections).toEqual({});
    const trail = await auditEventsRepository(deps().db.db).listForSubject(`imported_report:${id}`);
    expect(trail.map((e) => [e.action, e.actor])).toEqual([
      ['imported_report.corrected', 'ninghai.clerk'],
      ['imported_report.corrected', 'ninghai.clerk'],
      ['imported_report.uploaded', expect.any(String)],
    ]);
  });

  it('refuses a bad correction with every problem in Chinese, and a user of another agency', async () => {
    const [summary] = (await listImportedReports(deps())).filter((r) => r.fileName === NINGHAI.name);
    const id = summary!.id;
    let caught: unknown;
    try {
      await correctReport(
        deps(),
        {
          reportId: id,
          changes: [
            { cell: 'table3.granted.total', value: '十二' },
            { cell: 'table9.nothing.here', value: '1' },
            { cell: 'table3.partial.total', value: '-1' },
          ],
          note: ' ',
        },
        clerk,
      );
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidCorrection);
    const errors = (caught as InvalidCorrection).errors;
    expect(errors['value-1']).toContain('非负整数');
    expect(errors['cell-2']).toContain('不属于本报告');
    expect(errors['value-3']).toContain('非负整数');
    expect(errors.note).toContain('请填写更正说明');
    expect(canCorrect(otherAgencyClerk, summary!)).toBe(false);
    await expect(
      correctReport(
        deps(),
        { reportId: id, changes: [{ cell: 'table3.granted.total', value: '1' }], note: '试' },
        otherAgencyClerk,
      ),
    ).rejects.toMatchObject({ code: 'auth.forbidden' });
    expect((await getImportedReport(deps(), id)).corrections).toEqual({});
    const trail = await auditEventsRepository(deps().db.db).listForSubject(`imported_report:${id}`);
    expect(trail.map((e) => [e.action, e.actor])).toEqual([
      ['imported_report.corrected', 'ninghai.clerk'],
      ['imported_report.corrected', 'ninghai.clerk'],
      ['imported_report.uploaded', expect.any(String)],
    ]);
  });
});

describe('cell values typed into the correction form', () => {
  it('reads blanks, full-width digits and signs by the kind of cell', () => {
    expect(parseCellInput('', 'count')).toEqual({ value: null });
    expect(parseCellInput('１２', 'count')).toEqual({ value: 12 });
    expect(parseCellInput('-3', 'change')).toEqual({ value: -3 });
    expect(parseCellInput('38.25', 'amount')).toEqual({ value: 38.25 });
    expect(parseCellInput('1.5', 'count')).toHaveProperty('error');
    expect(parseCellInput('-3', 'count')).toHaveProperty('error');
  });

  it('lists every cell of both formats once', () => {
    for (const format of ['2019', '2021'] as const) {
      const ids = cellsOf(format).map((c) => c.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toContain('table4.reconsideration.total');
    }
  });
});
