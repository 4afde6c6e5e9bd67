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

/**
 * Positional layouts: put each number in the column whose header centre is nearest.
 * Returns null when two numbers fall into one column (the layout is not what we think).
 */
export function assignByPosition(cells: readonly SourceCell[], centres: readonly number[]): Slots | null {
  const slots: Slots = centres.map(() => null);
  for (const c of cells) {
    const x = centre(c);
    let best = 0;
    for (let i = 1; i < centres.length; i += 1) {
      if (Math.abs(centres[i]! - x) < Math.abs(centres[best]! - x)) best = i;
    }
    if (slots[best]) return null;
    slots[best] = c;
  }
  return slots;
}

export function headerCentre(c: SourceCell): number {
  return centre(c);
}
