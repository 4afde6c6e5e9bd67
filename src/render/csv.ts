/**
 * The report's three tables in long format, one line per cell (RFC 4180, CRLF), UTF-8 with a
 * byte-order mark so that Excel opens the Chinese labels correctly. Blank cells have an empty value.
 */
import {
  FORMATS,
  TABLE3_COLUMNS,
  TABLE4_COLUMN_LABELS,
  TABLE4_COLUMNS,
  TABLE4_GROUPS,
} from '../domain/report/formats/index.ts';
import { table3ColumnLabel, table3RowLabel, table4Label } from '../domain/report/labels.ts';
import type { AnnualReport, CellValue } from '../domain/report/model.ts';
import { columnHeading } from './grid.ts';

export const CSV_HEADER = ['table', 'row', 'column', 'row_label', 'column_label', 'value'] as const;

export interface CsvCell {
  table: 'table2' | 'table3' | 'table4';
  row: string;
  column: string;
  rowLabel: string;
  columnLabel: string;
  value: CellValue;
}

/** Every cell of the three tables in printed order. */
export function reportCells(report: AnnualReport): CsvCell[] {
  const format = FORMATS[report.format];
  const cells: CsvCell[] = [];
  for (const group of format.table2) {
    for (const row of group.rows) {
      for (const column of group.columns) {
        cells.push({
          table: 'table2',
          row: row.key,
          column: column.key,
          rowLabel: row.label,
          columnLabel: columnHeading(column.label, column.kind),
          value: report.table2[row.key]?.[column.key] ?? null,
        });
      }
    }
  }
  for (const row of format.table3.rows) {
    for (const column of TABLE3_COLUMNS) {
      cells.push({
        table: 'table3',
        row: row.key,
        column,
        rowLabel: table3RowLabel(report.format, row.key),
        columnLabel: table3ColumnLabel(column),
        value: report.table3[row.key]?.[column] ?? null,
      });
    }
  }
  for (const group of TABLE4_GROUPS) {
    for (const column of TABLE4_COLUMNS) {
      cells.push({
        table: 'table4',
        row: group,
        column,
        rowLabel: table4Label(group),
        columnLabel: TABLE4_COLUMN_LABELS[column],
        value: report.table4[group]?.[column] ?? null,
      });
    }
  }
  return cells;
}

/** Quotes a field when it holds a comma, a quote or a line break (RFC 4180 §2.6-2.7). */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Renders the long-format CSV, BOM first. */
export function renderReportCsv(report: AnnualReport): string {
  const lines = [CSV_HEADER.join(',')];
  for (const c of reportCells(report)) {
    lines.push(
      [c.table, c.row, c.column, c.rowLabel, c.columnLabel, c.value === null ? '' : String(c.value)]
        .map(csvField)
        .join(','),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
