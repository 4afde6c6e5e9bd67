/** Reports for the render tests: the real Ninghai 2020 report, and small builders for other cases. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FormatKey } from '../../src/domain/report/formats/index.ts';
import { type AnnualReport, emptyReport } from '../../src/domain/report/model.ts';
import { type ImportResult, importText } from '../../src/import/index.ts';

const NINGHAI = resolve(import.meta.dirname, '../../../shared/fixtures/ninghai-2020-annual-report.txt');

let ninghai: ImportResult | undefined;

/** The 宁海县人民政府办公室 report on 2020 (format2019), imported from the shared fixture. */
export function ninghaiImport(): ImportResult {
  ninghai ??= importText(readFileSync(NINGHAI, 'utf8'));
  return ninghai;
}

export function ninghaiReport(): AnnualReport {
  return structuredClone(ninghaiImport().report);
}

/** A report of `format` with every cell blank, plus what the test sets. */
export function buildReport(format: FormatKey, init: Partial<AnnualReport> = {}): AnnualReport {
  return emptyReport(format, {
    agency: '测试县人民政府办公室',
    year: format === '2019' ? 2020 : 2023,
    ...init,
  });
}
