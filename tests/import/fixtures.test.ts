/**
 * Every real report under tests/fixtures/reports, in every form we hold it (text as published,
 * pdftotext -layout output, HTML, DOCX, PDF), against its expected.json, verified cell by cell.
 * Each case is named after the quirk of that document it pins down (details in its note.md).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../src/import/index.ts';
import { REPORT_FIXTURES } from '../helpers/fixtures.ts';
import { differences, readExpected, unflaggedDifferences } from './compare.ts';

/** The quirk each source file pins down. A new fixture must add its line here. */
const QUIRKS: Record<string, string> = {
  '2019-pingtan-market-supervision-bureau/source.txt':
    'web text run together, signed changes stuck to their neighbours (20+1737), page chrome around the report',
  '2019-pingtan-state-assets-bureau/source.txt':
    'web text run together, irregular spaces in an all-zero table 3',
  '2019-pingtan-tourism-culture-sports-bureau/source.txt':
    'web text run together, amount printed in 元 fused with the item count',
  '2019-pingtan-tourism-culture-sports-bureau/source.html':
    'HTML whose 三、本年度办理结果 cell is split into two rowspan cells and whose 行政处罚 sits inside group (五)',
  '2019-pingtan-tourism-culture-sports-bureau/source.pdf':
    'PDF printed from HTML: row labels wrapped over up to five lines',
  '2019-pingtan-tourism-culture-sports-bureau/source.layout.txt':
    'pdftotext -layout with wrapped labels and numbers on a middle line',
  '2019-pingtan-zone-gov/source.txt':
    'web text run together with stray spaces, 三、本年度办理结果 printed twice',
  '2019-shanghai-municipal-gov/source.html':
    'portal HTML with rowspan/colspan, <br> inside header labels, &nbsp; blanks and 采购总金额 printed in 元',
  '2019-shanghai-municipal-gov/source.docx':
    'DOCX converted from the portal page: vMerge and gridSpan header cells',
  '2019-shanghai-municipal-gov/source.pdf': 'PDF whose table-4 headers come out one character per line',
  '2019-shanghai-municipal-gov/source.layout.txt':
    'pdftotext -layout whose column headers drift away from their numbers (blank cells invisible)',
  '2020-ninghai-county-gov-office/source.txt':
    'DOCX text one cell per line behind a tab, merged labels split over lines (（三）不予 / 公开)',
  '2020-pingtan-zone-gov/source.txt': 'web text run together; table 3 as published breaks t3.results_total',
  '2021-pingtan-zone-gov/source.txt': 'web text run together: every table-3 row fused into one digit run',
  '2022-pingtan-zone-gov/source.txt':
    'web text partly spaced, partly fused; chapter 四 heading misprinted 行政法复议',
  '2022-pingtan-junshan-area-admin-bureau/source.txt':
    'run-together 片区管理局 text whose one non-zero table-3 row (30000252.) breaks t3.results_total',
  '2022-pingtan-junshan-area-admin-bureau/source.html':
    'HTML with split-paragraph merged labels and a lone non-zero result row under an all-zero （七）总计',
  '2023-pingtan-zone-gov/source.txt':
    'web text run together; the narrative’s in-force count disagrees with the table',
  '2023-shuyang-county-development-reform-bureau/source.html':
    'portal HTML with labels split across <span>s and only the 自然人 and 总计 columns filled',
  '2023-shuyang-county-development-reform-bureau/source.docx': 'DOCX converted from the portal page',
  '2023-shuyang-county-development-reform-bureau/source.pdf':
    'PDF printed from HTML with row labels wrapped over several lines',
  '2023-shuyang-county-development-reform-bureau/source.layout.txt':
    'pdftotext -layout printing a label’s text before its enumerator',
  '2024-pingtan-zone-gov/source.txt': 'run-together text with three-digit cells inside fused runs',
  '2024-pingtan-zone-gov/source.html': 'HTML rebuilt from the saved page, 2021 format',
  '2024-pingtan-zone-gov/source.pdf': 'PDF with column headers one character per line',
  '2024-pingtan-zone-gov/source.layout.txt': 'pdftotext -layout shifting columns at page breaks',
  '2025-pingtan-zone-gov/source.txt':
    'web text run together with a carried-forward split over two applicant columns',
  '2025-shuyang-county-gov/source.txt':
    'PDF-to-Markdown extraction: pipe tables, table 3 cut into small tables, misprinted agency name 沐阳',
};

const cases = readdirSync(REPORT_FIXTURES)
  .filter((dir) => existsSync(path.join(REPORT_FIXTURES, dir, 'expected.json')))
  .flatMap((dir) =>
    readdirSync(path.join(REPORT_FIXTURES, dir))
      .filter((name) => name.startsWith('source.'))
      .map((name) => ({
        file: `${dir}/${name}`,
        dir,
        quirk: QUIRKS[`${dir}/${name}`] ?? 'NO QUIRK RECORDED',
      })),
  );

describe('real published reports', () => {
  it('have a quirk recorded for every source file', () => {
    expect(cases.filter((c) => c.quirk === 'NO QUIRK RECORDED').map((c) => c.file)).toEqual([]);
  });

  it.each(cases)('$quirk ($file)', async ({ file, dir }) => {
    const expected = readExpected(dir);
    const { report, findings } = await importFile(path.join(REPORT_FIXTURES, file));
    expect({ format: report.format, year: report.year, agency: report.agency }).toEqual({
      format: expected.format,
      year: expected.year,
      agency: expected.agency,
    });
    // Every cell right, or wrong only where the import says it could not read it.
    expect(unflaggedDifferences(report, findings, expected)).toEqual([]);
    // Arithmetic errors as published are found.
    const rules = new Set(findings.map((f) => f.rule));
    const published = (
      JSON.parse(readFileSync(path.join(REPORT_FIXTURES, dir, 'expected.json'), 'utf8')) as {
        expected_rules?: string[];
      }
    ).expected_rules;
    for (const rule of published ?? []) expect(rules, rule).toContain(rule);
  });

  it('read the HTML, DOCX and PDF forms without a single flagged or wrong cell', async () => {
    const exact = cases.filter((c) => /\.(html|docx|pdf)$/.test(c.file));
    expect(exact.length).toBeGreaterThanOrEqual(10);
    for (const c of exact) {
      const { report } = await importFile(path.join(REPORT_FIXTURES, c.file));
      expect(differences(report, readExpected(c.dir)), c.file).toEqual([]);
    }
  });
});
