import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { renderReportXlsx } from '../../src/render/xlsx.ts';
import { buildReport, ninghaiReport } from './reports.ts';

async function load(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

/** The row whose label cells (first three columns) hold `label`. */
function rowOf(sheet: ExcelJS.Worksheet, label: string): number {
  for (let r = 1; r <= sheet.rowCount; r++) {
    for (let c = 1; c <= 3; c++) if (sheet.getCell(r, c).value === label) return r;
  }
  throw new Error(`no row ${label}`);
}

const NATURAL_PERSON = 4;
const TOTAL = 10;

describe('renderReportXlsx', () => {
  it('writes one sheet per table with the printed merges', async () => {
    const workbook = await load(await renderReportXlsx(ninghaiReport()));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['表二', '表三', '表四']);
    const table3 = workbook.getWorksheet('表三');
    if (!table3) throw new Error('no 表三');
    const merges = (table3.model as { merges: string[] }).merges;
    expect(merges).toEqual(
      expect.arrayContaining(['A2:C4', 'D2:J2', 'E3:I3', 'D3:D4', 'J3:J4', 'A7:A26', 'B9:B16']),
    );
    expect(table3.getCell('A2').value).toBe(
      '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
    );
    expect(table3.getCell('A7').value).toBe('三、本年度办理结果');
  });

  it('writes table-3 totals as formulas whose cached values are the published figures', async () => {
    const table3 = (await load(await renderReportXlsx(ninghaiReport()))).getWorksheet('表三');
    if (!table3) throw new Error('no 表三');
    const received = rowOf(table3, '一、本年新收政府信息公开申请数量');
    expect(table3.getCell(received, TOTAL).value).toEqual({
      formula: `SUM(D${received}:I${received})`,
      result: 31,
    });
    const total = rowOf(table3, '（七）总计');
    const granted = rowOf(table3, '（一）予以公开');
    expect(table3.getCell(total, NATURAL_PERSON).value).toEqual({
      formula: `SUM(D${granted}:D${total - 1})`,
      result: 29,
    });
    expect(table3.getCell(total, TOTAL).value).toEqual({
      formula: `SUM(J${granted}:J${total - 1})`,
      result: 29,
    });
  });

  it('leaves blank cells and blank totals empty', async () => {
    const table3 = (await load(await renderReportXlsx(ninghaiReport()))).getWorksheet('表三');
    if (!table3) throw new Error('no 表三');
    const partial = rowOf(table3, '（二）部分公开（区分处理的，只计这一情形，不计其他情形）');
    expect(table3.getCell(partial, NATURAL_PERSON).value).toBeNull();
    expect(table3.getCell(partial, TOTAL).value).toBeNull();
  });

  it('writes table-4 totals as SUM of the four results with the published 0 cached', async () => {
    const buffer = await renderReportXlsx(ninghaiReport());
    const table4 = (await load(buffer)).getWorksheet('表四');
    if (!table4) throw new Error('no 表四');
    expect(table4.getCell('E5').formula).toBe('SUM(A5:D5)');
    expect(table4.getCell('O5').formula).toBe('SUM(K5:N5)');
    expect(table4.getCell('A5').value).toBeNull();
    // exceljs drops a cached result of 0 when reading, so look at the sheet XML itself.
    const xml = strFromU8(unzipSync(new Uint8Array(buffer))['xl/worksheets/sheet3.xml'] ?? new Uint8Array());
    expect(xml).toContain('<c r="E5" s="2"><f>SUM(A5:D5)</f><v>0</v></c>');
  });

  it('keeps a published total that disagrees with its parts as a number with a note', async () => {
    const report = buildReport('2021');
    report.table3.new_received = {
      ...report.table3.new_received!,
      natural_person: 5,
      commercial: 2,
      total: 8,
    };
    report.table4.reconsideration = { upheld: 1, corrected: null, other: null, pending: 1, total: 2 };
    const workbook = await load(await renderReportXlsx(report));
    const table3 = workbook.getWorksheet('表三');
    if (!table3) throw new Error('no 表三');
    const cell = table3.getCell(rowOf(table3, '一、本年新收政府信息公开申请数量'), TOTAL);
    expect(cell.value).toBe(8);
    expect(String(cell.note)).toContain('各项之和为7');
    expect(workbook.getWorksheet('表四')?.getCell('E5').value).toEqual({ formula: 'SUM(A5:D5)', result: 2 });
  });

  it('writes table 2 values verbatim under their labels', async () => {
    const table2 = (await load(await renderReportXlsx(ninghaiReport()))).getWorksheet('表二');
    if (!table2) throw new Error('no 表二');
    const row = rowOf(table2, '规范性文件');
    expect([2, 3, 5].map((c) => table2.getCell(row, c).value)).toEqual([12, 12, 117]);
    const procurement = rowOf(table2, '政府集中采购');
    expect([2, 4].map((c) => table2.getCell(procurement, c).value)).toEqual([167, 38]);
    expect(table2.getCell(procurement - 1, 4).value).toBe('采购总金额（万元）');
  });
});
