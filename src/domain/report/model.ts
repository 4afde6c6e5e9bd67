/**
 * The one shape of an annual report (政府信息公开工作年度报告), Regulation art. 49-50.
 * Import, validation, rendering, comparison and rollup all pass this type around.
 * Blank printed cells are `null`, distinct from 0 (annual-report-formats.md §5).
 */
import {
  type ChapterKey,
  FORMATS,
  type FormatKey,
  TABLE3_COLUMNS,
  TABLE4_COLUMNS,
  TABLE4_GROUPS,
  type Table3Column,
  type Table4Column,
  type Table4Group,
} from './formats/index.ts';

export type CellValue = number | null;
/** Table 2: row key → column key → value (keys of the report's format). */
export type Table2 = Record<string, Record<string, CellValue>>;
export type Table3Cells = Record<Table3Column, CellValue>;
/** Table 3: row key → the seven applicant-type columns. */
export type Table3 = Record<string, Table3Cells>;
export type Table4Cells = Record<Table4Column, CellValue>;
export type Table4 = Record<Table4Group, Table4Cells>;

export interface Chapter {
  /** Heading as printed (or the format's heading when generated). */
  heading: string;
  text: string;
}

export interface AnnualReport {
  /** Full name of the reporting agency, e.g. 宁海县人民政府办公室; null when not found. */
  agency: string | null;
  year: number | null;
  format: FormatKey;
  title: string | null;
  table2: Table2;
  table3: Table3;
  table4: Table4;
  chapters: Partial<Record<ChapterKey, Chapter>>;
}

export function emptyTable3Cells(): Table3Cells {
  return Object.fromEntries(TABLE3_COLUMNS.map((c) => [c, null])) as Table3Cells;
}

export function emptyTable4(): Table4 {
  return Object.fromEntries(
    TABLE4_GROUPS.map((g) => [g, Object.fromEntries(TABLE4_COLUMNS.map((c) => [c, null]))]),
  ) as Table4;
}

/** A report of `format` with every cell blank (null). */
export function emptyReport(format: FormatKey, init: Partial<AnnualReport> = {}): AnnualReport {
  const spec = FORMATS[format];
  const table2: Table2 = {};
  for (const group of spec.table2) {
    for (const row of group.rows) {
      table2[row.key] = Object.fromEntries(group.columns.map((c) => [c.key, null]));
    }
  }
  const table3: Table3 = {};
  for (const row of spec.table3.rows) table3[row.key] = emptyTable3Cells();
  return {
    agency: null,
    year: null,
    title: null,
    chapters: {},
    ...init,
    format,
    table2,
    table3,
    table4: emptyTable4(),
  };
}

/** `other_total`: （六）其他处理 summed over its sub-rows, comparable across formats (§3). */
export function otherTotal(report: AnnualReport, column: Table3Column): CellValue {
  const values = FORMATS[report.format].otherRows.map((key) => report.table3[key]?.[column] ?? null);
  return sumOrNull(values);
}

/** Sum treating null as 0; null only when every term is null. */
export function sumOrNull(values: readonly CellValue[]): CellValue {
  let total = 0;
  let seen = false;
  for (const v of values) {
    if (v !== null) {
      total += v;
      seen = true;
    }
  }
  return seen ? total : null;
}

/** Stable address of a cell, used by provenance and findings: `table3.granted.natural_person`. */
export function cellId(table: 'table2' | 'table3' | 'table4', row: string, column: string): string {
  return `${table}.${row}.${column}`;
}
