/**
 * Rules that compare a report with the same agency's previous one (annual-report-formats.md §6):
 * continuity.carried_over, t2.items_continuity (format2019), t2.in_force_continuity (format2021).
 * All are warnings: amended documents and re-organised agencies legitimately break them.
 */

import { type Finding, finding } from '../finding.ts';
import { TABLE3_COLUMNS } from '../formats/index.ts';
import { table2RowLabel, table3ColumnLabel } from '../labels.ts';
import type { AnnualReport } from '../model.ts';

export function validateContinuity(report: AnnualReport, previous: AnnualReport): Finding[] {
  const findings: Finding[] = [];
  for (const column of TABLE3_COLUMNS) {
    const now = report.table3.carried_over?.[column] ?? null;
    const before = previous.table3.carried_forward?.[column] ?? null;
    if (now === null && before === null) continue;
    if ((now ?? 0) !== (before ?? 0)) {
      findings.push(
        finding({
          rule: 'continuity.carried_over',
          severity: 'warning',
          table: 'table3',
          row: 'carried_over',
          column,
          expected: before ?? 0,
          actual: now ?? 0,
          message: `表三“二、上年结转”${table3ColumnLabel(column)}列为${now ?? 0}，与${previous.year ?? '上一'}年度报告“四、结转下年度继续办理”的${before ?? 0}不一致`,
        }),
      );
    }
  }

  if (report.format === '2019' && previous.format === '2019') {
    for (const row of ['licensing', 'other_services', 'penalty', 'coercion', 'admin_fees']) {
      const prevItems = previous.table2[row]?.prev_items ?? null;
      const prevChange = previous.table2[row]?.change ?? null;
      const items = report.table2[row]?.prev_items ?? null;
      if (prevItems === null || prevChange === null || items === null) continue;
      if (items !== prevItems + prevChange) {
        findings.push(
          finding({
            rule: 't2.items_continuity',
            severity: 'warning',
            table: 'table2',
            row,
            column: 'prev_items',
            expected: prevItems + prevChange,
            actual: items,
            message: `表二“${table2RowLabel('2019', row)}”上一年项目数量应为${prevItems + prevChange}（上年报告${prevItems}加增减${prevChange}），实际为${items}`,
          }),
        );
      }
    }
  }

  if (report.format === '2021' && previous.format === '2021') {
    for (const row of ['rules', 'normative_documents']) {
      const before = previous.table2[row]?.in_force ?? null;
      const issued = report.table2[row]?.issued ?? null;
      const repealed = report.table2[row]?.repealed ?? null;
      const now = report.table2[row]?.in_force ?? null;
      if (before === null || now === null) continue;
      const expected = before + (issued ?? 0) - (repealed ?? 0);
      if (expected !== now) {
        findings.push(
          finding({
            rule: 't2.in_force_continuity',
            severity: 'warning',
            table: 'table2',
            row,
            column: 'in_force',
            expected,
            actual: now,
            message: `表二“${table2RowLabel('2021', row)}”现行有效件数应为${expected}（上年${before}加本年制发${issued ?? 0}减废止${repealed ?? 0}），实际为${now}`,
          }),
        );
      }
    }
  }
  return findings;
}
