/**
 * Expanding a table with merged cells (HTML rowspan/colspan, DOCX gridSpan/vMerge) into a
 * grid of SourceCells. Every slot a merged cell covers gets a copy with the same `origin`,
 * so extraction can skip the copies (values.ts, followingValues) yet still see a merged row
 * label on each row it spans.
 */
import type { SourceCell, SourceLine } from '../source.ts';

export interface TableCellInput {
  text: string;
  colSpan: number;
  rowSpan: number;
  /** Grid column where the cell starts, when the format says so (DOCX gridBefore); else the first free one. */
  column?: number;
}

/** Spans above this are markup errors ("colspan=999"); clamp them so one cell cannot blow up the grid. */
const MAX_SPAN = 60;

function span(n: number): number {
  return Number.isFinite(n) && n >= 1 ? Math.min(Math.floor(n), MAX_SPAN) : 1;
}

/**
 * The origin and location text of a grid slot ("表格2:3:4", "表格2第3行第4列"). Every table
 * of every report has the same slots, and building the two strings cost more than the rest
 * of the grid together, so they are made once per slot and shared.
 */
const slotNameCache = new Map<number, { origin: string; where: string }>();
function slotNames(tableNo: number, row: number, col: number): { origin: string; where: string } {
  // A small-integer key; slots of unusually large tables are named without the cache rather
  // than colliding.
  const cacheable = tableNo < 100 && row < 1000 && col < 100;
  const key = (tableNo * 1000 + row) * 100 + col;
  let names = cacheable ? slotNameCache.get(key) : undefined;
  if (!names) {
    names = { origin: `表格${tableNo}:${row}:${col}`, where: `表格${tableNo}第${row}行第${col}列` };
    if (cacheable) {
      if (slotNameCache.size >= 50_000) slotNameCache.clear();
      slotNameCache.set(key, names);
    }
  }
  return names;
}

/**
 * One SourceLine per table row (isTableRow true). `tableNo` is 1-based; `firstIndex` is the
 * running line number of the first row.
 */
export function expandTable(
  rows: readonly TableCellInput[][],
  tableNo: number,
  firstIndex: number,
): SourceLine[] {
  const grid: (SourceCell | undefined)[][] = [];
  rows.forEach((row, r) => {
    grid[r] ??= [];
    let col = 0;
    for (const input of row) {
      const slots = grid[r]!;
      if (input.column !== undefined) col = Math.max(col, input.column);
      while (slots[col] !== undefined) col += 1;
      const cols = span(input.colSpan);
      // A rowspan may not reach past the table (rowspan="0" means "to the end").
      const rowSpan = input.rowSpan === 0 ? rows.length - r : Math.min(span(input.rowSpan), rows.length - r);
      const { origin, where } = slotNames(tableNo, r + 1, col + 1);
      for (let dr = 0; dr < rowSpan; dr += 1) {
        grid[r + dr] ??= [];
        for (let dc = 0; dc < cols; dc += 1) {
          const target = grid[r + dr]!;
          if (target[col + dc] === undefined) target[col + dc] = { text: input.text, where, origin };
        }
      }
      col += cols;
    }
  });
  const lines: SourceLine[] = [];
  for (let r = 0; r < rows.length; r += 1) {
    const cells = (grid[r] ?? []).filter((c): c is SourceCell => c !== undefined);
    if (cells.length === 0) continue;
    lines.push({ cells, isTableRow: true, index: firstIndex + lines.length });
  }
  return lines;
}
