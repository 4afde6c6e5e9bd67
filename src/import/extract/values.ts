/**
 * Reading the value cells of one printed row, in the three kinds of layout:
 * explicit cells (HTML, DOCX, tab text: blanks are empty cells), positional text
 * (pdftotext -layout, PDF text: columns found from x positions) and plain text
 * (numbers in order, blanks invisible).
 */
import { parseValue } from '../normalize.ts';
import type { SourceCell, SourceLine } from '../source.ts';
import type { Extraction, Pos } from './context.ts';

/** `n` slots, each a value cell or null (nothing printed there). */
export type Slots = (SourceCell | null)[];

/**
 * Explicit layouts: the value cells that follow the label at `pos`, up to `n`, skipping the
 * copies of one merged cell. Stops at the next label. Returns the cells found (maybe fewer than n).
 */
export function followingValues(ex: Extraction, pos: Pos, n: number): SourceCell[] {
  const found: SourceCell[] = [];
  let lastOrigin = ex.cellAt(pos)?.origin;
  let at = ex.next(pos);
  while (at && found.length < n) {
    const c = ex.cellAt(at);
    if (!c) break;
    if (c.origin !== lastOrigin) {
      if (!ex.isValue(at)) break;
      found.push(c);
      lastOrigin = c.origin;
    }
    at = ex.next(at);
  }
  return found;
}

/** The number cells of a line (for positional and plain layouts). */
export function numberCells(line: SourceLine | undefined): SourceCell[] {
  return (line?.cells ?? []).filter((c) => parseValue(c.text).kind === 'number');
}

/** The label text of a line: its non-value cells joined. */
export function labelCells(line: SourceLine | undefined): SourceCell[] {
  return (line?.cells ?? []).filter((c) => parseValue(c.text).kind === 'text');
}

function centre(c: SourceCell): number {
  return ((c.x ?? 0) + (c.x2 ?? c.x ?? 0)) / 2;
}

/** Share of the gap between two header centres by which a number must be nearer to one of them. */
const AMBIGUOUS_MARGIN = 0.25;

/**
 * Positional layouts: put each number in the column whose header centre is nearest.
 * Returns null when two numbers fall into one column, or one falls between two columns (the
 * layout is not what we think).
 */
export function assignByPosition(cells: readonly SourceCell[], centres: readonly number[]): Slots | null {
  const slots: Slots = centres.map(() => null);
  // A number farther from its nearest header than most of the gap to the next header is not
  // under any header: the columns are not aligned, and guessing would put it in the wrong one.
  const sorted = [...centres].sort((a, b) => a - b);
  const gaps = sorted.slice(1).map((x, i) => x - sorted[i]!);
  const tolerance = gaps.length > 0 ? Math.max(0.75 * Math.min(...gaps), 2) : Number.POSITIVE_INFINITY;
  for (const c of cells) {
    const x = centre(c);
    const order = centres
      .map((_, i) => i)
      .sort((a, b) => Math.abs(centres[a]! - x) - Math.abs(centres[b]! - x));
    const best = order[0]!;
    if (slots[best] || Math.abs(centres[best]! - x) > tolerance) return null;
    // A number about as near to the next header as to its own sits between two columns: which
    // one it belongs to is not printed.
    const second = order[1];
    if (second !== undefined) {
      const margin = Math.abs(centres[second]! - x) - Math.abs(centres[best]! - x);
      if (margin < AMBIGUOUS_MARGIN * Math.abs(centres[second]! - centres[best]!)) return null;
    }
    slots[best] = c;
  }
  return slots;
}

export function headerCentre(c: SourceCell): number {
  return centre(c);
}

/** A header column of a positional layout, put together from the pieces of a wrapped label. */
export interface StackedColumn {
  /** The pieces joined top to bottom ("本年新" + "制作数量"). */
  text: string;
  x: number;
  x2: number;
  cells: SourceCell[];
}

/**
 * Positional layouts print a header label wrapped over several lines ("本年新" / "制作数量",
 * or one character per line in a narrow column: "结" / "果" / "维" / "持"). Pieces whose x
 * ranges overlap belong to one column. `cells` must be in reading order (top to bottom).
 */
export function stackColumns(cells: readonly SourceCell[]): StackedColumn[] {
  const columns: StackedColumn[] = [];
  const placed = cells.filter((c) => c.x !== undefined && c.x2 !== undefined);
  for (const c of [...placed].sort((a, b) => a.x! - b.x!)) {
    const column = columns.find((k) => c.x! < k.x2 && k.x < c.x2!);
    if (column) {
      column.cells.push(c);
      column.x = Math.min(column.x, c.x!);
      column.x2 = Math.max(column.x2, c.x2!);
    } else columns.push({ text: '', x: c.x!, x2: c.x2!, cells: [c] });
  }
  for (const k of columns) {
    k.cells = placed.filter((c) => k.cells.includes(c));
    k.text = k.cells.map((c) => c.text).join('');
  }
  return columns.sort((a, b) => a.x - b.x);
}
