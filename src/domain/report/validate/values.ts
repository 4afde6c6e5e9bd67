/**
 * Value rules (annual-report-formats.md §5, §6): value.integer for counts,
 * t2.published_le_total (format2019) and format.year.
 */

import { type Finding, finding } from '../finding.ts';
import { FORMATS, formatForYear, TABLE3_COLUMNS, TABLE4_COLUMNS, TABLE4_GROUPS } from '../formats/index.ts';
import {
  table2ColumnLabel,
  table2RowLabel,
  table3ColumnLabel,
  table3RowShortLabel,
  table4Label,
} from '../labels.ts';
import type { AnnualReport, CellValue } from '../model.ts';

function isCount(v: number): boolean {
  return Number.isInteger(v) && v >= 0;
}

export function validateValues(report: AnnualReport): Finding[] {
  const findings: Finding[] = [];
  const bad = (
    table: 'table2' | 'table3' | 'table4',
    row: string,
    column: string,
    value: CellValue,
    where: string,
    rule = 'value.integer',
  ) => {
    findings.push(
      finding({
        rule,
        severity: 'error',
        table,
        row,
        column,
        actual: value,
        message:
          rule === 'value.integer'
            ? `${where}应为非负整数，实际为${value}`
            : `${where}不能为负数，实际为${value}`,
      }),
    );
  };

  for (const group of FORMATS[report.format].table2) {
    for (const row of group.rows) {
      for (const column of group.columns) {
        const v = report.table2[row.key]?.[column.key] ?? null;
        if (v === null) continue;
        const where = `表二“${table2RowLabel(report.format, row.key)}”${table2ColumnLabel(report.format, row.key, column.key)}`;
        if (column.kind === 'count' && !isCount(v)) bad('table2', row.key, column.key, v, where);
        if (column.kind === 'change' && !Number.isInteger(v)) bad('table2', row.key, column.key, v, where);
        if (column.kind === 'amount' && v < 0)
          bad('table2', row.key, column.key, v, where, 'value.non_negative');
      }
    }
  }
  for (const [row, cells] of Object.entries(report.table3)) {
    for (const column of TABLE3_COLUMNS) {
      const v = cells[column];
      if (v !== null && !isCount(v)) {
        bad(
          'table3',
          row,
          column,
          v,
          `表三“${table3RowShortLabel(report.format, row)}”${table3ColumnLabel(column)}列`,
        );
      }
    }
  }
  for (const group of TABLE4_GROUPS) {
    for (const column of TABLE4_COLUMNS) {
      const v = report.table4[group][column];
      if (v !== null && !isCount(v)) bad('table4', group, column, v, `表四“${table4Label(group, column)}”`);
    }
  }

  // t2.published_le_total: what was newly published cannot exceed everything ever published.
  if (report.format === '2019') {
    for (const row of ['rules', 'normative_documents']) {
      const published = report.table2[row]?.published ?? null;
      const total = report.table2[row]?.public_total ?? null;
      if (published !== null && total !== null && published > total) {
        findings.push(
          finding({
            rule: 't2.published_le_total',
            severity: 'warning',
            table: 'table2',
            row,
            column: 'published',
            expected: `≤${total}`,
            actual: published,
            message: `表二“${table2RowLabel('2019', row)}”本年新公开数量${published}大于对外公开总数量${total}`,
          }),
        );
      }
    }
  }

  if (report.year !== null) {
    const expected = formatForYear(report.year);
    if (expected !== report.format) {
      findings.push(
        finding({
          rule: 'format.year',
          severity: 'warning',
          expected,
          actual: report.format,
          message: `${report.year}年度报告应使用${FORMATS[expected].name}（${FORMATS[expected].issuedBy}），实际使用${FORMATS[report.format].issuedBy}的格式`,
        }),
      );
    }
  }
  return findings;
}
