/**
 * Table-3 arithmetic (annual-report-formats.md §6): t3.row_total, t3.results_total,
 * t3.balance and value.blank_total. `null` counts as 0 in sums; a blank 总计 cell beside
 * filled cells is reported as info, never silently filled in.
 */

import { type Finding, finding } from '../finding.ts';
import { FORMATS, TABLE3_COLUMNS, type Table3Column } from '../formats/index.ts';
import { table3ColumnLabel, table3RowShortLabel } from '../labels.ts';
import { type AnnualReport, type CellValue, sumOrNull } from '../model.ts';

const PARTS = TABLE3_COLUMNS.filter((c) => c !== 'total');

export function validateTable3(report: AnnualReport): Finding[] {
  const findings: Finding[] = [];
  const spec = FORMATS[report.format];
  const cell = (row: string, column: Table3Column): CellValue => report.table3[row]?.[column] ?? null;
  // A blank 总计 cell stands for the sum of its row (reported once as value.blank_total), so
  // column-wise rules on the 总计 column do not raise errors for it (§5, the 上海 2019 report).
  const effective = (row: string, column: Table3Column): CellValue =>
    column === 'total'
      ? (cell(row, 'total') ?? sumOrNull(PARTS.map((c) => cell(row, c))))
      : cell(row, column);

  // t3.row_total: 总计 column = sum of the six applicant-type columns, on every row.
  for (const row of spec.table3.rows) {
    const total = cell(row.key, 'total');
    const sum = sumOrNull(PARTS.map((c) => cell(row.key, c)));
    const name = table3RowShortLabel(report.format, row.key);
    if (total === null) {
      if (sum !== null) {
        findings.push(
          finding({
            rule: 'value.blank_total',
            severity: 'info',
            table: 'table3',
            row: row.key,
            column: 'total',
            expected: sum,
            actual: null,
            message: `表三“${name}”总计列为空，而各申请人类型列合计为${sum}`,
          }),
        );
      }
      continue;
    }
    // A row giving only its 总计 cannot be checked column by column.
    if (sum === null) continue;
    if (sum !== total) {
      findings.push(
        finding({
          rule: 't3.row_total',
          severity: 'error',
          table: 'table3',
          row: row.key,
          column: 'total',
          expected: sum,
          actual: total,
          message: `表三“${name}”总计列应为${sum}（自然人与法人或其他组织各列之和），实际为${total}`,
        }),
      );
    }
  }

  const resultRows = spec.table3.rows.filter((r) => r.isResult).map((r) => r.key);
  for (const column of TABLE3_COLUMNS) {
    const colName = table3ColumnLabel(column);
    // t3.results_total: （七）总计 = sum of every result row.
    const resultsSum = sumOrNull(resultRows.map((r) => effective(r, column)));
    const total = cell('total', column);
    if (total === null && resultsSum !== null) {
      findings.push(
        finding({
          rule: 'value.blank_total',
          severity: 'info',
          table: 'table3',
          row: 'total',
          column,
          expected: resultsSum,
          actual: null,
          message: `表三“（七）总计”${colName}列为空，而各项办理结果合计为${resultsSum}`,
        }),
      );
    } else if (total !== null && (resultsSum ?? 0) !== total) {
      findings.push(
        finding({
          rule: 't3.results_total',
          severity: 'error',
          table: 'table3',
          row: 'total',
          column,
          expected: resultsSum ?? 0,
          actual: total,
          message: `表三“（七）总计”${colName}列应为${resultsSum ?? 0}（各项办理结果之和），实际为${total}`,
        }),
      );
    }

    // t3.balance: 一 + 二 = 三（七）总计 + 四 — printed in the table's corner cell.
    const handled = total ?? resultsSum;
    const terms = [
      cell('new_received', column),
      cell('carried_over', column),
      handled,
      cell('carried_forward', column),
    ];
    if (terms.every((t) => t === null)) continue;
    const [received, carried, done, forward] = terms.map((t) => t ?? 0) as [number, number, number, number];
    if (received + carried !== done + forward) {
      findings.push(
        finding({
          rule: 't3.balance',
          severity: 'error',
          table: 'table3',
          row: 'carried_forward',
          column,
          expected: received + carried - done,
          actual: forward,
          message: `表三${colName}列不平衡：本年新收${received}加上年结转${carried}应等于办理结果总计${done}加结转下年度${forward}（结转下年度应为${received + carried - done}）`,
        }),
      );
    }
  }
  return findings;
}
