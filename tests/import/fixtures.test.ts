/**
 * Every real report under tests/fixtures/reports that we hold as HTML, DOCX or PDF must give
 * the numbers of its expected.json. Quirks of each are in its note.md; among them: labels
 * split over <span>s and <p>s (沭阳 2023), PDF row labels wrapped over up to five lines with the
 * numbers on a middle line (平潭 2019 旅游与文化体育局), one row's numbers printed on two
 * baselines, a portal metadata row "名称 | …年度报告" in front of the title.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../src/import/index.ts';
import { REPORT_FIXTURES } from '../helpers/fixtures.ts';
import { differences, readExpected } from './compare.ts';

const cases = readdirSync(REPORT_FIXTURES)
  .filter((dir) => existsSync(path.join(REPORT_FIXTURES, dir, 'expected.json')))
  .flatMap((dir) =>
    ['source.html', 'source.docx', 'source.pdf']
      .filter((name) => existsSync(path.join(REPORT_FIXTURES, dir, name)))
      .map((name) => [dir, name] as const),
  );

describe('real reports as HTML, DOCX and PDF', () => {
  it.each(cases)(
    '%s/%s gives the format, year, agency and every table cell of expected.json',
    async (dir, name) => {
      const result = await importFile(path.join(REPORT_FIXTURES, dir, name));
      expect(differences(result.report, readExpected(dir))).toEqual([]);
    },
  );
});
