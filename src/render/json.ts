/**
 * The report as the JSON object of `gongkai report check --json` (one object per file).
 * Key order is fixed and rows/columns follow the format's printed order, so output diffs cleanly.
 */
import type { Finding } from '../domain/report/finding.ts';
import {
  FORMATS,
  type FormatKey,
  TABLE3_COLUMNS,
  TABLE4_COLUMNS,
  TABLE4_GROUPS,
  type Table3Column,
  type Table4Column,
  type Table4Group,
} from '../domain/report/formats/index.ts';
import type { AnnualReport, CellValue } from '../domain/report/model.ts';

export interface ReportJson {
  file: string | null;
  format: FormatKey;
  year: number | null;
  agency: string | null;
  table2: Record<string, Record<string, CellValue>>;
  table3: Record<string, Record<Table3Column, CellValue>>;
  table4: Record<Table4Group, Record<Table4Column, CellValue>>;
  findings: Finding[];
}

/** Builds the per-file JSON object (not yet stringified). */
export function renderReportJson(
  report: AnnualReport,
  findings: readonly Finding[],
  file?: string | null,
): ReportJson {
  const format = FORMATS[report.format];
  const table2: ReportJson['table2'] = {};
  for (const group of format.table2) {
    for (const row of group.rows) {
      table2[row.key] = Object.fromEntries(
        group.columns.map((c) => [c.key, report.table2[row.key]?.[c.key] ?? null]),
      );
    }
  }
  const table3: ReportJson['table3'] = {};
  for (const row of format.table3.rows) {
    table3[row.key] = Object.fromEntries(
      TABLE3_COLUMNS.map((c) => [c, report.table3[row.key]?.[c] ?? null]),
    ) as Record<Table3Column, CellValue>;
  }
  const table4 = Object.fromEntries(
    TABLE4_GROUPS.map((g) => [
      g,
      Object.fromEntries(TABLE4_COLUMNS.map((c) => [c, report.table4[g]?.[c] ?? null])),
    ]),
  ) as ReportJson['table4'];
  return {
    file: file ?? null,
    format: report.format,
    year: report.year,
    agency: report.agency,
    table2,
    table3,
    table4,
    findings: findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      table: f.table,
      row: f.row,
      column: f.column,
      expected: f.expected,
      actual: f.actual,
      message: f.message,
    })),
  };
}

/** The JSON object as text, two-space indented, ending with a newline. */
export function stringifyReportJson(
  report: AnnualReport,
  findings: readonly Finding[],
  file?: string | null,
): string {
  return `${JSON.stringify(renderReportJson(report, findings, file), null, 2)}\n`;
}
