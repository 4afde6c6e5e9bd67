/** Table-4 arithmetic (annual-report-formats.md §6): t4.group_total and value.blank_total. */

import { type Finding, finding } from '../finding.ts';
import { TABLE4_GROUPS } from '../formats/index.ts';
import { table4Label } from '../labels.ts';
import { type AnnualReport, sumOrNull } from '../model.ts';

export function validateTable4(report: AnnualReport): Finding[] {
  const findings: Finding[] = [];
  for (const group of TABLE4_GROUPS) {
    const cells = report.table4[group];
    const sum = sumOrNull([cells.upheld, cells.corrected, cells.other, cells.pending]);
    const name = table4Label(group);
    if (cells.total === null) {
      if (sum !== null) {
        findings.push(
          finding({
            rule: 'value.blank_total',
            severity: 'info',
            table: 'table4',
            row: group,
            column: 'total',
            expected: sum,
            actual: null,
            message: `表四“${name}”总计为空，而各项结果合计为${sum}`,
          }),
        );
      }
      continue;
    }
    if ((sum ?? 0) !== cells.total) {
      findings.push(
        finding({
          rule: 't4.group_total',
          severity: 'error',
          table: 'table4',
          row: group,
          column: 'total',
          expected: sum ?? 0,
          actual: cells.total,
          message: `表四“${name}”总计应为${sum ?? 0}（结果维持、结果纠正、其他结果、尚未审结之和），实际为${cells.total}`,
        }),
      );
    }
  }
  return findings;
}
