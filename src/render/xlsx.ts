/**
 * The three tables as an Excel workbook, one sheet each (表二, 表三, 表四), merged header cells as
 * on the printed form, labels verbatim, blank cells empty.
 *
 * Totals are formulas, so that a user who edits a figure sees the totals follow; but a formula
 * must never replace a published figure with a different one. A total cell gets
 * `{ formula, result: published value }` only where the published value equals what the formula
 * computes; otherwise the published value is kept as a plain number with a note giving the sum.
 * A blank published total stays blank: the formula would print a number the agency did not.
 */
import ExcelJS from 'exceljs';
import { FORMATS, TABLE3_COLUMNS, TABLE4_COLUMNS, TABLE4_GROUPS } from '../domain/report/formats/index.ts';
import { type AnnualReport, type CellValue, cellId } from '../domain/report/model.ts';
import { reportTitle } from './document.ts';
import { type PlacedCell, placeCells, reportGrids, type TableGrid } from './grid.ts';

/** Width of a sheet's grid in Excel character units, shared out by the grid's relative widths. */
const SHEET_WIDTHS: Record<TableGrid['key'], number> = { table2: 90, table3: 120, table4: 150 };
const FONT = { name: '仿宋', size: 11 };
const THIN = { style: 'thin' } as const;

/** Renders the workbook as an .xlsx buffer. */
export async function renderReportXlsx(report: AnnualReport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.title = reportTitle(report);
  workbook.creator = 'gongkai';
  // Fixed so that the same report renders to the same bytes.
  workbook.created = new Date(Date.UTC(2000, 0, 1));
  workbook.modified = workbook.created;
  for (const grid of reportGrids(report)) {
    const sheet = workbook.addWorksheet(grid.shortName, {
      pageSetup: {
        paperSize: 9,
        orientation: grid.key === 'table4' ? 'landscape' : 'portrait',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
      },
    });
    const addresses = writeGrid(sheet, grid);
    if (grid.key === 'table3') addTable3Formulas(sheet, report, addresses);
    if (grid.key === 'table4') addTable4Formulas(sheet, report, addresses);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Row 1 holds the caption; the grid starts on row 2. Returns cell id → A1 address. */
function writeGrid(sheet: ExcelJS.Worksheet, grid: TableGrid): Map<string, string> {
  const firstRow = 2;
  const addresses = new Map<string, string>();
  sheet.mergeCells(1, 1, 1, grid.columnCount);
  const caption = sheet.getCell(1, 1);
  caption.value = grid.caption;
  caption.font = { ...FONT, size: 14, bold: true };
  caption.alignment = { horizontal: 'center', vertical: 'middle' };
  grid.columnWidths.forEach((share, i) => {
    sheet.getColumn(i + 1).width = Math.max(6, Math.round(share * SHEET_WIDTHS[grid.key]));
  });
  for (const placed of placeCells(grid)) {
    const top = firstRow + placed.rowIndex;
    const left = 1 + placed.columnIndex;
    const bottom = top + placed.rowSpan - 1;
    const right = left + placed.colSpan - 1;
    if (bottom > top || right > left) sheet.mergeCells(top, left, bottom, right);
    const cell = sheet.getCell(top, left);
    if (placed.ref) {
      if (placed.ref.value !== null) cell.value = placed.ref.value;
      addresses.set(cellId(placed.ref.table, placed.ref.row, placed.ref.column), cell.address);
    } else {
      cell.value = placed.text;
    }
    styleCell(sheet, placed, top, left, bottom, right);
  }
  const headerRows = grid.rows.filter((r) => r.isHeader).length;
  const labelColumns = grid.key === 'table3' ? 3 : grid.key === 'table2' ? 1 : 0;
  sheet.views = [{ state: 'frozen', xSplit: labelColumns, ySplit: firstRow - 1 + headerRows }];
  return addresses;
}

function styleCell(
  sheet: ExcelJS.Worksheet,
  placed: PlacedCell,
  top: number,
  left: number,
  bottom: number,
  right: number,
): void {
  const isLabel = placed.role === 'row';
  for (let r = top; r <= bottom; r++) {
    for (let c = left; c <= right; c++) {
      const cell = sheet.getCell(r, c);
      cell.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
      cell.font = FONT;
      cell.alignment = { horizontal: isLabel ? 'left' : 'center', vertical: 'middle', wrapText: true };
    }
  }
}

/** SUM over cell addresses, collapsing runs in one row or one column into ranges. */
function sumFormula(addresses: readonly string[]): string {
  const parsed = addresses.map((a) => {
    const m = /^([A-Z]+)(\d+)$/.exec(a);
    return { address: a, column: m?.[1] ?? '', row: Number(m?.[2]) };
  });
  const first = parsed[0];
  const last = parsed.at(-1);
  if (!first || !last) return 'SUM()';
  const isSameColumn = parsed.every((p, i) => p.column === first.column && p.row === first.row + i);
  const isSameRow = parsed.every((p) => p.row === first.row);
  const isSameRowRun =
    isSameRow && parsed.every((p, i) => columnNumber(p.column) === columnNumber(first.column) + i);
  const isRun = isSameColumn || isSameRowRun;
  return isRun && parsed.length > 1 ? `SUM(${first.address}:${last.address})` : `SUM(${addresses.join(',')})`;
}

function columnNumber(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

/** Writes `SUM(...)` with the published value as its cached result, or keeps the value with a note. */
function writeTotal(
  sheet: ExcelJS.Worksheet,
  address: string | undefined,
  published: CellValue,
  terms: readonly { address: string | undefined; value: CellValue }[],
): void {
  if (!address || published === null) return;
  const cell = sheet.getCell(address);
  const computed = terms.reduce((sum, t) => sum + (t.value ?? 0), 0);
  const termAddresses = terms.map((t) => t.address).filter((a): a is string => a !== undefined);
  if (computed === published && termAddresses.length === terms.length) {
    cell.value = { formula: sumFormula(termAddresses), result: published };
  } else {
    cell.value = published;
    cell.note = `公布值为${published}，各项之和为${computed}，二者不符；此处保留公布值，未写公式。`;
  }
}

function addTable3Formulas(
  sheet: ExcelJS.Worksheet,
  report: AnnualReport,
  addresses: Map<string, string>,
): void {
  const rows = FORMATS[report.format].table3.rows;
  const resultRows = rows.filter((r) => r.isResult).map((r) => r.key);
  const applicants = TABLE3_COLUMNS.filter((c) => c !== 'total');
  const at = (row: string, column: string) => addresses.get(cellId('table3', row, column));
  const value = (row: string, column: string) => report.table3[row]?.[column as 'total'] ?? null;
  for (const row of rows) {
    if (row.key === 'total') continue;
    // 总计 column = the six applicant columns (t3.row_total).
    writeTotal(
      sheet,
      at(row.key, 'total'),
      value(row.key, 'total'),
      applicants.map((c) => ({ address: at(row.key, c), value: value(row.key, c) })),
    );
  }
  // （七）总计 row = the result rows (t3.results_total), every column including 总计.
  for (const column of TABLE3_COLUMNS) {
    writeTotal(
      sheet,
      at('total', column),
      value('total', column),
      resultRows.map((r) => ({ address: at(r, column), value: value(r, column) })),
    );
  }
}

function addTable4Formulas(
  sheet: ExcelJS.Worksheet,
  report: AnnualReport,
  addresses: Map<string, string>,
): void {
  const parts = TABLE4_COLUMNS.filter((c) => c !== 'total');
  for (const group of TABLE4_GROUPS) {
    const cells = report.table4[group];
    writeTotal(
      sheet,
      addresses.get(cellId('table4', group, 'total')),
      cells.total,
      parts.map((c) => ({ address: addresses.get(cellId('table4', group, c)), value: cells[c] })),
    );
  }
}
