/** Human output of `gongkai report check`: the three tables and the findings, in Chinese. */
import { bySeverity, type Severity } from '../../domain/report/finding.ts';
import {
  FORMATS,
  TABLE3_COLUMN_LABELS,
  TABLE3_COLUMNS,
  TABLE4_COLUMN_LABELS,
  TABLE4_COLUMNS,
  TABLE4_GROUP_LABELS,
  TABLE4_GROUPS,
} from '../../domain/report/formats/index.ts';
import { table3RowShortLabel } from '../../domain/report/labels.ts';
import type { CellValue } from '../../domain/report/model.ts';
import type { ImportResult } from '../../import/index.ts';
import { textTable } from './text-table.ts';

const SEVERITY_LABEL: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };
const show = (v: CellValue | undefined) => (v === null || v === undefined ? '' : String(v));

export function formatCheckResult(file: string, { report, findings }: ImportResult): string {
  const format = FORMATS[report.format];
  const out: string[] = [];
  out.push(`\n${file}`);
  out.push(
    `  机关：${report.agency ?? '（未识别）'}  年度：${report.year ?? '（未识别）'}  格式：${format.issuedBy}`,
  );

  out.push('\n  表二 主动公开政府信息情况');
  for (const group of format.table2) {
    const rows = [['', ...group.columns.map((c) => c.label)]];
    for (const row of group.rows)
      rows.push([row.label, ...group.columns.map((c) => show(report.table2[row.key]?.[c.key]))]);
    out.push(textTable(rows, '    '));
  }

  out.push('\n  表三 收到和处理政府信息公开申请情况');
  const t3 = [['', ...TABLE3_COLUMNS.map((c) => TABLE3_COLUMN_LABELS[c])]];
  for (const row of format.table3.rows) {
    t3.push([
      table3RowShortLabel(report.format, row.key),
      ...TABLE3_COLUMNS.map((c) => show(report.table3[row.key]?.[c])),
    ]);
  }
  out.push(textTable(t3, '    '));

  out.push('\n  表四 政府信息公开行政复议、行政诉讼情况');
  const t4 = [['', ...TABLE4_COLUMNS.map((c) => TABLE4_COLUMN_LABELS[c])]];
  for (const g of TABLE4_GROUPS)
    t4.push([TABLE4_GROUP_LABELS[g], ...TABLE4_COLUMNS.map((c) => show(report.table4[g][c]))]);
  out.push(textTable(t4, '    '));

  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity] += 1;
  out.push(`\n  检查结果：错误${counts.error}条，警告${counts.warning}条，提示${counts.info}条`);
  for (const f of [...findings].sort(bySeverity)) {
    out.push(`    [${SEVERITY_LABEL[f.severity]}] ${f.rule}  ${f.message}`);
  }
  return `${out.join('\n')}\n`;
}
