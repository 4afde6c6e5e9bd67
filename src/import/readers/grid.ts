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
      const origin = `表格${tableNo}:${r + 1}:${col + 1}`;
      const where = `表格${tableNo}第${r + 1}行第${col + 1}列`;
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
