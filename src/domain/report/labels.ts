/** Chinese names of rows and columns for messages and rendering, looked up from the format data. */
import {
  FORMATS,
  type FormatKey,
  TABLE3_COLUMN_LABELS,
  TABLE4_COLUMN_LABELS,
  TABLE4_GROUP_LABELS,
  type Table3Column,
  type Table4Column,
  type Table4Group,
} from './formats/index.ts';

export function table3RowLabel(format: FormatKey, row: string): string {
  const spec = FORMATS[format].table3.rows.find((r) => r.key === row);
  if (!spec) return row;
  return spec.parent ? `${spec.parent}${spec.label}` : spec.label;
}

/** Short row name for messages: 部分公开 without its long bracketed note. */
export function table3RowShortLabel(format: FormatKey, row: string): string {
  return table3RowLabel(format, row).replace(/（区分处理的.*）$/, '');
}

export function table3ColumnLabel(column: string): string {
  return TABLE3_COLUMN_LABELS[column as Table3Column] ?? column;
}

export function table2RowLabel(format: FormatKey, row: string): string {
  for (const group of FORMATS[format].table2) {
    const spec = group.rows.find((r) => r.key === row);
    if (spec) return spec.label;
  }
  return row;
}

export function table2ColumnLabel(format: FormatKey, row: string, column: string): string {
  for (const group of FORMATS[format].table2) {
    if (!group.rows.some((r) => r.key === row)) continue;
    const spec = group.columns.find((c) => c.key === column);
    if (spec) return spec.label;
  }
  return column;
}

export function table4Label(group: string, column?: string): string {
  const g = TABLE4_GROUP_LABELS[group as Table4Group] ?? group;
  if (!column) return g;
  return `${g}${TABLE4_COLUMN_LABELS[column as Table4Column] ?? column}`;
}
