/**
 * The three tables of the annual report laid out as the printed form lays them out
 * (annual-report-formats.md §2-§4), as a grid of cells with rowspan/colspan. Every renderer
 * (HTML, DOCX, XLSX, PDF) draws this one grid, so the merged cells are decided once, here,
 * from the format data (FORMATS[report.format]).
 */
import {
  FORMATS,
  type FormatKey,
  TABLE3_COLUMN_LABELS,
  TABLE3_COLUMNS,
  TABLE4_COLUMN_LABELS,
  TABLE4_COLUMNS,
  TABLE4_GROUP_LABELS,
  TABLE4_GROUPS,
  type ValueKind,
} from '../domain/report/formats/index.ts';
import type { AnnualReport, CellValue } from '../domain/report/model.ts';
import { FORM_TEXT, type GridTableKey, TABLE_CHAPTERS, valueColumnSpans } from './form-text.ts';

export type { GridTableKey } from './form-text.ts';

/**
 * What a cell is on the form: `corner` the table-3 note, `group` a header spanning other headers
 * (申请人情况, 第二十条第（一）项), `column` a leaf column header, `row-group` a merged row label
 * (三、本年度办理结果, （三）不予公开), `row` a data row's label, `value` a data cell.
 */
export type GridCellRole = 'corner' | 'group' | 'column' | 'row-group' | 'row' | 'value';

export interface GridValueRef {
  table: GridTableKey;
  row: string;
  column: string;
  value: CellValue;
  kind: ValueKind;
}

export interface GridCell {
  text: string;
  role: GridCellRole;
  rowSpan: number;
  colSpan: number;
  /** Set on value cells: where the value lives in the model. */
  ref?: GridValueRef;
}

export interface GridRow {
  /** Header rows repeat on every page of a table that breaks over pages. */
  isHeader: boolean;
  /** Table 2: the article-item group (art20_1 …) the row belongs to. */
  group?: string;
  /** Cells that start on this row, left to right (HTML order). */
  cells: GridCell[];
}

export interface TableGrid {
  key: GridTableKey;
  /** Short name used for sheet names: 表二, 表三, 表四. */
  shortName: string;
  caption: string;
  columnCount: number;
  /** Relative widths of the grid columns, summing to 1. */
  columnWidths: number[];
  rows: GridRow[];
}

/** A cell with its top-left position in the grid. */
export interface PlacedCell extends GridCell {
  rowIndex: number;
  columnIndex: number;
}

/** Formats a value as printed: integers plainly, blanks as the empty string (never 0). */
export function formatValue(value: CellValue): string {
  return value === null ? '' : String(value);
}

function valueCell(ref: GridValueRef, colSpan = 1): GridCell {
  return { text: formatValue(ref.value), role: 'value', rowSpan: 1, colSpan, ref };
}

function header(text: string, role: GridCellRole, rowSpan = 1, colSpan = 1): GridCell {
  return { text, role, rowSpan, colSpan };
}

/** The printed column header: amounts are stored in 万元, so a label without a unit gets one. */
export function columnHeading(label: string, kind: ValueKind): string {
  return kind === 'amount' && !label.includes('万元') ? `${label}（万元）` : label;
}

/** Table 2: per article item, a full-width group row, a 信息内容 header row, then data rows. */
export function table2Grid(report: AnnualReport): TableGrid {
  const format = FORMATS[report.format];
  const sum = (spans: number[]) => spans.reduce((a, b) => a + b, 0);
  const spanTotal = Math.max(...format.table2.map((g) => sum(valueColumnSpans(g.columns.length))));
  const rows: GridRow[] = [];
  for (const group of format.table2) {
    const spans = valueColumnSpans(group.columns.length);
    // A group narrower than the widest one widens its last column to the table's edge.
    spans[spans.length - 1] = (spans.at(-1) ?? 0) + spanTotal - sum(spans);
    rows.push({ isHeader: false, group: group.key, cells: [header(group.label, 'group', 1, 1 + spanTotal)] });
    rows.push({
      isHeader: false,
      group: group.key,
      cells: [
        header(FORM_TEXT.table2RowHeader, 'column'),
        ...group.columns.map((c, i) => header(columnHeading(c.label, c.kind), 'column', 1, spans[i] ?? 1)),
      ],
    });
    for (const row of group.rows) {
      rows.push({
        isHeader: false,
        group: group.key,
        cells: [
          header(row.label, 'row'),
          ...group.columns.map((c, i) =>
            valueCell(
              {
                table: 'table2',
                row: row.key,
                column: c.key,
                value: report.table2[row.key]?.[c.key] ?? null,
                kind: c.kind,
              },
              spans[i] ?? 1,
            ),
          ),
        ],
      });
    }
  }
  const labelWidth = 0.28;
  const columnWidths = [labelWidth, ...Array(spanTotal).fill((1 - labelWidth) / spanTotal)];
  return {
    key: 'table2',
    shortName: FORM_TEXT.shortNames.table2,
    caption: tableCaption(report.format, 'table2'),
    columnCount: 1 + spanTotal,
    columnWidths,
    rows,
  };
}

/** A table-3 row label printed at the top level (一、二、四、), spanning all three label columns. */
function isTopLevelRow(label: string): boolean {
  return /^[一二三四五六七八九十]+、/.test(label);
}

/**
 * Table 3: corner note over three header rows; the label column is three cells wide, with
 * 三、本年度办理结果 merged over the result rows and （三）不予公开 etc. merged over their sub-rows.
 */
export function table3Grid(report: AnnualReport): TableGrid {
  const specs = FORMATS[report.format].table3.rows;
  const labelColumns = 3;
  const rows: GridRow[] = [
    {
      isHeader: true,
      cells: [
        header(FORM_TEXT.table3Corner, 'corner', 3, labelColumns),
        header(FORM_TEXT.table3Applicants, 'group', 1, TABLE3_COLUMNS.length),
      ],
    },
    { isHeader: true, cells: [] },
    { isHeader: true, cells: [] },
  ];
  const organisationColumns = TABLE3_COLUMNS.filter((c) => c !== 'natural_person' && c !== 'total');
  for (const column of TABLE3_COLUMNS) {
    if (column === 'natural_person' || column === 'total') {
      rows[1]?.cells.push(header(TABLE3_COLUMN_LABELS[column], 'column', 2));
    } else if (column === organisationColumns[0]) {
      rows[1]?.cells.push(header(FORM_TEXT.table3Organisations, 'group', 1, organisationColumns.length));
    }
  }
  for (const column of organisationColumns)
    rows[2]?.cells.push(header(TABLE3_COLUMN_LABELS[column], 'column'));

  // The block under 三、本年度办理结果: every row between the top-level rows 二 and 四.
  const blockStart = specs.findIndex((s) => !isTopLevelRow(s.label));
  let blockEnd = blockStart;
  while (blockEnd + 1 < specs.length && !isTopLevelRow(specs[blockEnd + 1]?.label ?? '一、')) blockEnd++;

  specs.forEach((spec, index) => {
    const cells: GridCell[] = [];
    if (index === blockStart) {
      cells.push(header(FORM_TEXT.table3ResultsHeading, 'row-group', blockEnd - blockStart + 1));
    }
    if (isTopLevelRow(spec.label) || blockStart < 0) {
      cells.push(header(spec.label, 'row', 1, labelColumns));
    } else if (spec.parent) {
      const previous = specs[index - 1];
      if (previous?.parent !== spec.parent) {
        let span = 1;
        while (specs[index + span]?.parent === spec.parent) span++;
        cells.push(header(spec.parent, 'row-group', span));
      }
      cells.push(header(spec.label, 'row'));
    } else {
      cells.push(header(spec.label, 'row', 1, labelColumns - 1));
    }
    for (const column of TABLE3_COLUMNS) {
      cells.push(
        valueCell({
          table: 'table3',
          row: spec.key,
          column,
          value: report.table3[spec.key]?.[column] ?? null,
          kind: 'count',
        }),
      );
    }
    rows.push({ isHeader: false, cells });
  });
  const valueShare = 0.54 / TABLE3_COLUMNS.length;
  return {
    key: 'table3',
    shortName: FORM_TEXT.shortNames.table3,
    caption: tableCaption(report.format, 'table3'),
    columnCount: labelColumns + TABLE3_COLUMNS.length,
    columnWidths: [0.05, 0.09, 0.32, ...TABLE3_COLUMNS.map(() => valueShare)],
    rows,
  };
}

/** Table 4: 行政复议 (5) | 行政诉讼 (10, as 未经复议直接起诉 5 + 复议后起诉 5); one data row of 15 cells. */
export function table4Grid(report: AnnualReport): TableGrid {
  const [first, ...litigation] = TABLE4_GROUPS;
  const leafHeaders = () => TABLE4_COLUMNS.map((c) => header(TABLE4_COLUMN_LABELS[c], 'column'));
  const rows: GridRow[] = [
    {
      isHeader: true,
      cells: [
        header(TABLE4_GROUP_LABELS[first], 'group', 1, TABLE4_COLUMNS.length),
        header(FORM_TEXT.table4Litigation, 'group', 1, TABLE4_COLUMNS.length * litigation.length),
      ],
    },
    {
      isHeader: true,
      cells: [
        ...TABLE4_COLUMNS.map((c) => header(TABLE4_COLUMN_LABELS[c], 'column', 2)),
        ...litigation.map((g) => header(TABLE4_GROUP_LABELS[g], 'group', 1, TABLE4_COLUMNS.length)),
      ],
    },
    { isHeader: true, cells: litigation.flatMap(leafHeaders) },
    {
      isHeader: false,
      cells: TABLE4_GROUPS.flatMap((g) =>
        TABLE4_COLUMNS.map((c) =>
          valueCell({
            table: 'table4',
            row: g,
            column: c,
            value: report.table4[g]?.[c] ?? null,
            kind: 'count',
          }),
        ),
      ),
    },
  ];
  const count = TABLE4_GROUPS.length * TABLE4_COLUMNS.length;
  return {
    key: 'table4',
    shortName: FORM_TEXT.shortNames.table4,
    caption: tableCaption(report.format, 'table4'),
    columnCount: count,
    columnWidths: Array(count).fill(1 / count),
    rows,
  };
}

/** The caption of a table: the heading of the chapter it is printed in, without its number. */
export function tableCaption(format: FormatKey, table: GridTableKey): string {
  const chapter = FORMATS[format].chapters.find((c) => c.key === TABLE_CHAPTERS[table]);
  return (chapter?.heading ?? table).replace(/^[一二三四五六七八九十]+、/, '');
}

/** The three grids, in printed order. */
export function reportGrids(report: AnnualReport): TableGrid[] {
  return [table2Grid(report), table3Grid(report), table4Grid(report)];
}

/** Positions every cell in the grid (the HTML table model: spans occupy the slots below/right). */
export function placeCells(grid: TableGrid): PlacedCell[] {
  const occupied: boolean[][] = grid.rows.map(() => Array(grid.columnCount).fill(false));
  const placed: PlacedCell[] = [];
  grid.rows.forEach((row, rowIndex) => {
    let columnIndex = 0;
    for (const cell of row.cells) {
      while (occupied[rowIndex]?.[columnIndex]) columnIndex++;
      placed.push({ ...cell, rowIndex, columnIndex });
      for (let r = rowIndex; r < rowIndex + cell.rowSpan; r++) {
        for (let c = columnIndex; c < columnIndex + cell.colSpan; c++) {
          const line = occupied[r];
          if (line) line[c] = true;
        }
      }
      columnIndex += cell.colSpan;
    }
  });
  return placed;
}
