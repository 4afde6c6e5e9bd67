/**
 * Draws one grid table in a pdfkit document: borders, merged cells, text wrapped in its cell.
 * A table longer than the page breaks between rows, never inside a merged group of up to
 * KEEP_TOGETHER rows (（三）不予公开 and its 8 sub-rows stay on one page), and repeats its header
 * rows on every page. A taller merged cell (三、本年度办理结果, 20-22 rows) is split: each page
 * draws its part of the border, and the text goes in the largest part.
 */
import type PDFDocument from 'pdfkit';
import type { PlacedCell, TableGrid } from './grid.ts';
import { placeCells } from './grid.ts';

type Doc = InstanceType<typeof PDFDocument>;

export interface PdfTableStyle {
  font: string;
  fontSize: number;
  padding: number;
  lineWidth: number;
}

/** Extra space between wrapped lines for fonts whose line height is tight (ZCOOL XiaoWei: 1 em). */
function lineGapOf(doc: Doc, style: PdfTableStyle): number {
  doc.font(style.font).fontSize(style.fontSize);
  return Math.max(0, 1.3 * style.fontSize - doc.currentLineHeight(true));
}

const KEEP_TOGETHER = 8;

interface Page {
  top: number;
  rows: number[];
}

export interface PdfCaption {
  text: string;
  font: string;
  fontSize: number;
}

interface TableLayout {
  columnX: number[];
  cells: PlacedCell[];
  heights: number[];
  headerRows: number[];
  bodyBlocks: number[][];
  /** What must fit on the current page for the table to start there. */
  startHeight: number;
}

function layOut(doc: Doc, grid: TableGrid, style: PdfTableStyle, caption: PdfCaption | null): TableLayout {
  const left = doc.page.margins.left;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const columnX = [left];
  for (const share of grid.columnWidths) columnX.push((columnX.at(-1) ?? left) + share * width);
  const cells = placeCells(grid);
  doc.font(style.font).fontSize(style.fontSize);
  const heights = rowHeights(doc, grid, cells, columnX, style);
  const headerRows = grid.rows.map((r, i) => (r.isHeader ? i : -1)).filter((i) => i >= 0);
  const bodyBlocks = blocks(grid, cells);
  let captionHeight = 0;
  if (caption) {
    doc.font(caption.font).fontSize(caption.fontSize);
    captionHeight = doc.heightOfString(caption.text, { width }) + caption.fontSize / 2;
  }
  // A table that fits on one page is not split; a longer one starts wherever its header and
  // first block fit.
  const wholeHeight = captionHeight + blockHeight(Object.keys(heights).map(Number), heights);
  const pageRoom = doc.page.height - doc.page.margins.top - doc.page.margins.bottom;
  const startHeight =
    wholeHeight <= pageRoom
      ? wholeHeight
      : captionHeight + blockHeight([...headerRows, ...(bodyBlocks[0] ?? [])], heights);
  return { columnX, cells, heights, headerRows, bodyBlocks, startHeight };
}

/** The room a table needs on the current page before it can start (so a heading is not left alone). */
export function tableStartHeight(
  doc: Doc,
  grid: TableGrid,
  style: PdfTableStyle,
  caption: PdfCaption | null,
): number {
  return layOut(doc, grid, style, caption).startHeight;
}

/** Draws the caption and `grid` from the current position, adding pages as needed; leaves doc.y below. */
export function drawTable(doc: Doc, grid: TableGrid, style: PdfTableStyle, caption: PdfCaption | null): void {
  const left = doc.page.margins.left;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const { columnX, cells, heights, headerRows, bodyBlocks, startHeight } = layOut(doc, grid, style, caption);
  // Caption, header and the first block go on one page.
  if (doc.y + startHeight > doc.page.height - doc.page.margins.bottom) doc.addPage();
  if (caption) {
    doc.font(caption.font).fontSize(caption.fontSize);
    doc.text(caption.text, left, doc.y, { width, align: 'center' });
    doc.y += caption.fontSize / 2;
  }
  doc.font(style.font).fontSize(style.fontSize);

  const pages = paginate(doc, bodyBlocks, heights, headerRows);
  const segments = chooseTextSegments(cells, pages, heights, headerRows);
  pages.forEach((page, pageIndex) => {
    if (pageIndex > 0) doc.addPage();
    const rowY = new Map<number, number>();
    let y = page.top;
    for (const r of [...headerRows, ...page.rows]) {
      rowY.set(r, y);
      y += heights[r] ?? 0;
    }
    doc.lineWidth(style.lineWidth);
    for (const cell of cells) {
      const visible = [...rowY.keys()].filter((r) => r >= cell.rowIndex && r < cell.rowIndex + cell.rowSpan);
      const first = visible[0];
      const last = visible.at(-1);
      if (first === undefined || last === undefined) continue;
      const top = rowY.get(first) ?? 0;
      const bottom = (rowY.get(last) ?? 0) + (heights[last] ?? 0);
      const x = columnX[cell.columnIndex] ?? left;
      const x2 = columnX[cell.columnIndex + cell.colSpan] ?? left + width;
      doc.rect(x, top, x2 - x, bottom - top).stroke();
      const isHeaderCell = headerRows.includes(cell.rowIndex);
      if (cell.text !== '' && (isHeaderCell || segments.get(cell) === pageIndex)) {
        drawCellText(doc, cell, x, top, x2 - x, bottom - top, style);
      }
    }
    doc.y = y;
  });
  doc.x = left;
}

function textWidth(cell: PlacedCell, columnX: number[], padding: number): number {
  return (columnX[cell.columnIndex + cell.colSpan] ?? 0) - (columnX[cell.columnIndex] ?? 0) - 2 * padding;
}

/** Row heights that fit every cell's wrapped text; merged cells share out what they lack. */
function rowHeights(
  doc: Doc,
  grid: TableGrid,
  cells: PlacedCell[],
  columnX: number[],
  style: PdfTableStyle,
): number[] {
  const lineGap = lineGapOf(doc, style);
  const lineHeight = doc.currentLineHeight(true) + lineGap;
  const heights = grid.rows.map(() => lineHeight + 2 * style.padding);
  const needed = (cell: PlacedCell) =>
    cell.text === ''
      ? 0
      : doc.heightOfString(cell.text, { width: textWidth(cell, columnX, style.padding), lineGap }) +
        2 * style.padding;
  for (const cell of cells.filter((c) => c.rowSpan === 1)) {
    heights[cell.rowIndex] = Math.max(heights[cell.rowIndex] ?? 0, needed(cell));
  }
  for (const cell of cells.filter((c) => c.rowSpan > 1).sort((a, b) => a.rowSpan - b.rowSpan)) {
    const span = heights.slice(cell.rowIndex, cell.rowIndex + cell.rowSpan);
    const lacking = needed(cell) - span.reduce((a, b) => a + b, 0);
    if (lacking <= 0) continue;
    for (let r = cell.rowIndex; r < cell.rowIndex + cell.rowSpan; r++) {
      heights[r] = (heights[r] ?? 0) + lacking / cell.rowSpan;
    }
  }
  return heights;
}

/** Body rows grouped into blocks that must not be split: rows tied by a merged cell of ≤ KEEP_TOGETHER rows. */
function blocks(grid: TableGrid, cells: PlacedCell[]): number[][] {
  const result: number[][] = [];
  let current: number[] = [];
  let end = -1;
  grid.rows.forEach((row, r) => {
    if (row.isHeader) return;
    current.push(r);
    for (const cell of cells) {
      if (cell.rowIndex === r && cell.rowSpan <= KEEP_TOGETHER) end = Math.max(end, r + cell.rowSpan - 1);
    }
    if (r >= end) {
      result.push(current);
      current = [];
    }
  });
  if (current.length > 0) result.push(current);
  return result;
}

function paginate(doc: Doc, bodyBlocks: number[][], heights: number[], headerRows: number[]): Page[] {
  const bottom = doc.page.height - doc.page.margins.bottom;
  const headerHeight = blockHeight(headerRows, heights);
  const pages: Page[] = [{ top: doc.y, rows: [] }];
  let y = doc.y + headerHeight;
  for (const block of bodyBlocks) {
    // A block taller than a whole page is broken row by row.
    const isTooTall = blockHeight(block, heights) > bottom - doc.page.margins.top - headerHeight;
    for (const piece of isTooTall ? block.map((r) => [r]) : [block]) {
      const height = blockHeight(piece, heights);
      let page = pages.at(-1);
      if (!page) break;
      if (y + height > bottom && page.rows.length > 0) {
        page = { top: doc.page.margins.top, rows: [] };
        pages.push(page);
        y = doc.page.margins.top + headerHeight;
      }
      page.rows.push(...piece);
      y += height;
    }
  }
  return pages;
}

function blockHeight(rows: number[], heights: number[]): number {
  return rows.reduce((sum, r) => sum + (heights[r] ?? 0), 0);
}

/** For each merged body cell split over pages, the page whose part of it is tallest. */
function chooseTextSegments(
  cells: PlacedCell[],
  pages: Page[],
  heights: number[],
  headerRows: number[],
): Map<PlacedCell, number> {
  const chosen = new Map<PlacedCell, number>();
  for (const cell of cells) {
    if (headerRows.includes(cell.rowIndex)) continue;
    let best = -1;
    let bestHeight = -1;
    pages.forEach((page, i) => {
      const height = page.rows
        .filter((r) => r >= cell.rowIndex && r < cell.rowIndex + cell.rowSpan)
        .reduce((sum, r) => sum + (heights[r] ?? 0), 0);
      if (height > bestHeight) {
        best = i;
        bestHeight = height;
      }
    });
    chosen.set(cell, best);
  }
  return chosen;
}

function drawCellText(
  doc: Doc,
  cell: PlacedCell,
  x: number,
  y: number,
  width: number,
  height: number,
  style: PdfTableStyle,
): void {
  const inner = width - 2 * style.padding;
  const lineGap = lineGapOf(doc, style);
  const textHeight = doc.heightOfString(cell.text, { width: inner, lineGap });
  const align = cell.role === 'row' ? 'left' : 'center';
  doc.text(cell.text, x + style.padding, y + Math.max(style.padding, (height - textHeight) / 2), {
    width: inner,
    height: Math.max(textHeight, height - style.padding),
    align,
    lineGap,
    lineBreak: true,
  });
}
