/**
 * The cells of an imported report as the back office addresses them (`table3.granted.total`,
 * model.ts `cellId`), with Chinese names, the kind of value each holds, and corrections applied
 * on top of the report as read. Value kinds follow annual-report-formats.md §5.
 */
import type { Correction } from '../../db/repositories/imported-reports.ts';
import {
  FORMATS,
  type FormatKey,
  TABLE3_COLUMNS,
  TABLE4_COLUMN_LABELS,
  TABLE4_COLUMNS,
  TABLE4_GROUPS,
  type ValueKind,
} from '../../domain/report/formats/index.ts';
import { table3ColumnLabel, table3RowShortLabel, table4Label } from '../../domain/report/labels.ts';
import { type AnnualReport, type CellValue, cellId } from '../../domain/report/model.ts';

export type TableName = 'table2' | 'table3' | 'table4';

export interface CellSpec {
  id: string;
  table: TableName;
  row: string;
  column: string;
  kind: ValueKind;
  /** e.g. 表三 （一）予以公开 自然人 */
  label: string;
}

export const TABLE_TITLES: Record<TableName, string> = {
  table2: '表二 主动公开政府信息情况',
  table3: '表三 收到和处理政府信息公开申请情况',
  table4: '表四 政府信息公开行政复议、行政诉讼情况',
};

/** Every cell of a report of `format`, in printed order. */
export function cellsOf(format: FormatKey): CellSpec[] {
  const cells: CellSpec[] = [];
  for (const group of FORMATS[format].table2) {
    for (const row of group.rows) {
      for (const column of group.columns) {
        cells.push({
          id: cellId('table2', row.key, column.key),
          table: 'table2',
          row: row.key,
          column: column.key,
          kind: column.kind,
          label: `表二 ${group.label} ${row.label} ${column.label}`,
        });
      }
    }
  }
  for (const row of FORMATS[format].table3.rows) {
    for (const column of TABLE3_COLUMNS) {
      cells.push({
        id: cellId('table3', row.key, column),
        table: 'table3',
        row: row.key,
        column,
        kind: 'count',
        label: `表三 ${table3RowShortLabel(format, row.key)} ${table3ColumnLabel(column)}`,
      });
    }
  }
  for (const group of TABLE4_GROUPS) {
    for (const column of TABLE4_COLUMNS) {
      cells.push({
        id: cellId('table4', group, column),
        table: 'table4',
        row: group,
        column,
        kind: 'count',
        label: `表四 ${table4Label(group)} ${TABLE4_COLUMN_LABELS[column]}`,
      });
    }
  }
  return cells;
}

/** The value of a cell of a report, or undefined when the report has no such cell. */
export function cellValue(report: AnnualReport, cell: Pick<CellSpec, 'table' | 'row' | 'column'>): CellValue {
  const table = report[cell.table] as Record<string, Record<string, CellValue> | undefined>;
  return table[cell.row]?.[cell.column] ?? null;
}

/** The report with every correction applied (a copy; the report as read is not changed). */
export function applyCorrections(
  report: AnnualReport,
  corrections: Record<string, Correction>,
): AnnualReport {
  const out = structuredClone(report);
  for (const [id, c] of Object.entries(corrections)) {
    const [table, row, column] = id.split('.') as [TableName, string, string];
    const rows = out[table] as Record<string, Record<string, CellValue>>;
    rows[row] = { ...(rows[row] ?? {}), [column]: c.to };
  }
  return out;
}

/**
 * A value typed into the correction form: blank → null (a blank printed cell), else a number
 * of the cell's kind. Full-width digits and signs are accepted. Returns a Chinese message when
 * the text is not such a value.
 */
export function parseCellInput(text: string, kind: ValueKind): { value: CellValue } | { error: string } {
  const t = text
    .trim()
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[．。]/g, '.')
    .replace(/[－—−]/g, '-')
    .replace(/[＋]/g, '+')
    .replace(/[,，\s]/g, '');
  if (t === '') return { value: null };
  switch (kind) {
    case 'count':
      return /^\+?\d{1,9}$/.test(t)
        ? { value: Number(t) }
        : { error: '应填写非负整数（如 0、12）；留空表示原表该格空白' };
    case 'change':
      return /^[+-]?\d{1,9}$/.test(t)
        ? { value: Number(t) }
        : { error: '应填写整数，减少时填负数（如 -3）；留空表示原表该格空白' };
    case 'amount':
      return /^\+?\d{1,9}(\.\d{1,4})?$/.test(t)
        ? { value: Number(t) }
        : { error: '应填写金额（万元），不为负数，最多四位小数；留空表示原表该格空白' };
    default:
      return kind satisfies never;
  }
}

/** How a value is shown: a blank printed cell is 空白, never 0. */
export function showValue(v: CellValue | undefined): string {
  return v === null || v === undefined ? '空白' : String(v);
}
