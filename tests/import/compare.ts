/**
 * Compares an imported report with a fixture's expected.json on the fields a reader must get
 * right: format, year, agency and every cell of tables 2, 3 and 4.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { AnnualReport } from '../../src/domain/report/model.ts';
import { REPORT_FIXTURES } from '../helpers/fixtures.ts';

export interface Expected {
  format: string;
  year: number;
  agency: string;
  table2: Record<string, Record<string, number | null>>;
  table3: Record<string, Record<string, number | null>>;
  table4: Record<string, Record<string, number | null>>;
}

export function readExpected(dir: string): Expected {
  return JSON.parse(readFileSync(path.join(REPORT_FIXTURES, dir, 'expected.json'), 'utf8')) as Expected;
}

/** Every differing field as "table3.granted.total: 12 ≠ 13", so a failure shows all of them at once. */
export function differences(report: AnnualReport, expected: Expected): string[] {
  const out: string[] = [];
  if (report.format !== expected.format) out.push(`format: ${report.format} ≠ ${expected.format}`);
  if (report.year !== expected.year) out.push(`year: ${report.year} ≠ ${expected.year}`);
  if (report.agency !== expected.agency) out.push(`agency: ${report.agency} ≠ ${expected.agency}`);
  for (const table of ['table2', 'table3', 'table4'] as const) {
    const actual = report[table] as Record<string, Record<string, number | null>>;
    const wanted = expected[table];
    for (const row of new Set([...Object.keys(actual), ...Object.keys(wanted)])) {
      for (const column of new Set([...Object.keys(actual[row] ?? {}), ...Object.keys(wanted[row] ?? {})])) {
        const a = actual[row]?.[column];
        const e = wanted[row]?.[column];
        if (a !== e) out.push(`${table}.${row}.${column}: ${a} ≠ ${e}`);
      }
    }
  }
  return out;
}

/**
 * Differences the import did not own up to: a cell may differ from expected.json only when
 * an import warning names its table and row (e.g. digits run together that allow several
 * cuts). A wrong number without a warning is a silent error, the one thing a reader must not do.
 */
export function unflaggedDifferences(
  report: AnnualReport,
  findings: readonly { rule: string; severity: string; table: string | null; row: string | null }[],
  expected: Expected,
): string[] {
  const flagged = (table: string, row: string) =>
    findings.some(
      (f) =>
        f.rule.startsWith('import.') &&
        f.severity !== 'info' &&
        f.table === table &&
        (f.row === row || f.row === null),
    );
  return differences(report, expected).filter((d) => {
    const m = /^(table[234])\.([a-z_0-9]+)\./.exec(d);
    return !m || !flagged(m[1]!, m[2]!);
  });
}
