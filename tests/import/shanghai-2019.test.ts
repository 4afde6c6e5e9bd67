/**
 * The 上海市人民政府办公厅 2019 report (format2019) in all four forms we keep of it: the portal
 * HTML, a DOCX and a PDF made from it, and pdftotext -layout text of that PDF. Each must give the
 * numbers of expected.json (tests/fixtures/reports/2019-shanghai-municipal-gov/note.md).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../src/import/index.ts';
import { readDocx } from '../../src/import/readers/docx.ts';
import { readHtml } from '../../src/import/readers/html.ts';
import { readPdf } from '../../src/import/readers/pdf.ts';
import { REPORT_FIXTURES } from '../helpers/fixtures.ts';
import { differences, readExpected } from './compare.ts';

const DIR = '2019-shanghai-municipal-gov';
const file = (name: string) => path.join(REPORT_FIXTURES, DIR, name);
const expected = readExpected(DIR);

describe('上海市人民政府办公厅 2019 report', () => {
  it.each([
    ['source.html', 'html'],
    ['source.docx', 'docx'],
    ['source.pdf', 'pdf'],
  ])('imports %s with every table cell, the format, year and agency of expected.json', async (name, kind) => {
    const result = await importFile(file(name));
    expect(result.source).toBe(kind);
    expect(differences(result.report, expected)).toEqual([]);
  });

  // pdftotext -layout counts a CJK character as one column though it is printed two wide, so
  // the header words of tables 3 and 4 drift left of their numbers: only table 2, whose header
  // is stacked above its own numbers, and the first value column can be placed.
  it('reads table 2 and the natural-person column from the pdftotext -layout text, whose CJK headers drift', async () => {
    const result = await importFile(file('source.layout.txt'));
    expect(result.source).toBe('layout');
    const diffs = differences(result.report, expected);
    expect(diffs.filter((d) => !d.startsWith('table3.') && !d.startsWith('table4.'))).toEqual([]);
    expect(diffs.filter((d) => d.includes('.natural_person:'))).toEqual([]);
  });

  it('converts the procurement amount printed as “251000元” under a header without a unit to 25.1 万元', async () => {
    const result = await importFile(file('source.html'));
    expect(result.report.table2.procurement?.amount).toBe(25.1);
    expect(result.findings.some((f) => f.rule === 't2.amount_unit')).toBe(true);
  });

  it('reports the blank 总计 cells of the result rows as blank totals, not arithmetic errors', async () => {
    const result = await importFile(file('source.html'));
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});

describe('HTML reader on the Shanghai page', () => {
  const doc = readHtml(readFileSync(file('source.html'), 'utf8'));

  it('gives every copy of a rowspan/colspan cell the origin of the merged cell', () => {
    const rows = doc.lines.filter((l) => l.cells.some((c) => c.text === '三、本年度办理结果'));
    expect(rows).toHaveLength(20);
    expect(new Set(rows.map((l) => l.cells[0]!.origin)).size).toBe(1);
  });

  it('joins a header label broken with <br> without a line break', () => {
    expect(doc.lines.some((l) => l.cells.some((c) => c.text === '本年新制作数量'))).toBe(true);
  });

  it('reads &nbsp; cells as blank cells', () => {
    const row = doc.lines.find((l) => l.cells.some((c) => c.text === '2.其他法律行政法规禁止公开'))!;
    expect(row.cells.slice(-7).map((c) => c.text)).toEqual(['', '', '', '', '', '', '']);
  });

  it('keeps paragraphs outside tables as single-cell lines that are not table rows', () => {
    const heading = doc.lines.find((l) => l.cells[0]?.text === '四、政府信息公开行政复议、行政诉讼情况')!;
    expect(heading.isTableRow).toBe(false);
    expect(heading.cells).toHaveLength(1);
  });

  it('locates table cells as 表格N第R行第C列', () => {
    const row = doc.lines.find((l) => l.cells[0]?.text === '规章')!;
    expect(row.cells[1]!.where).toBe('表格1第3行第2列');
  });
});

describe('DOCX reader on the LibreOffice copy', () => {
  const doc = readDocx(new Uint8Array(readFileSync(file('source.docx'))));

  it('gives a w:vMerge continuation cell the origin of the cell above', () => {
    const rows = doc.lines.filter((l) =>
      l.cells.some((c) => c.text === '（三）不予公开' || c.text === '(三)不予公开'),
    );
    expect(rows.length).toBe(8);
    const origins = rows.map((l) => l.cells.find((c) => c.text.includes('不予公开'))!.origin);
    expect(new Set(origins).size).toBe(1);
  });
});

describe('PDF reader on the Chromium-printed copy', async () => {
  const doc = await readPdf(new Uint8Array(readFileSync(file('source.pdf'))));

  it('splits adjacent table cells set only 2.6 pt apart', () => {
    const header = doc.lines.find((l) => l.cells.some((c) => c.text === '商业企业'))!;
    expect(header.cells.map((c) => c.text)).toEqual([
      '商业企业',
      '科研机构',
      '社会公益组织',
      '法律服务机构',
      '其他',
    ]);
  });

  it('gives every cell its x extent in points', () => {
    const row = doc.lines.find((l) => l.cells[0]?.text === '一、本年新收政府信息公开申请数量')!;
    for (const c of row.cells) expect(c.x2!).toBeGreaterThan(c.x!);
  });

  it('folds the Kangxi radicals of Noto fonts (⼀ ⾏) into ordinary characters', () => {
    expect(doc.lines.some((l) => l.cells.some((c) => c.text === '行政许可'))).toBe(true);
    expect(doc.lines.some((l) => l.cells.some((c) => /[\u2F00-\u2FDF]/.test(c.text)))).toBe(false);
  });
});
