/**
 * Shared state of one extraction: the document, the findings and provenance collected so far,
 * and helpers to address cells as (line, cell) positions.
 */
import { type Finding, finding } from '../../domain/report/finding.ts';
import type { TableKey } from '../../domain/report/formats/index.ts';
import { normalizeLabel, parseValue } from '../normalize.ts';
import type { SourceCell, SourceDocument } from '../source.ts';

/** Where a number was read: the source cell, the text as printed, and the label it was matched to. */
export interface Provenance {
  where: string;
  text: string;
  label: string;
}

export interface Pos {
  line: number;
  cell: number;
}

export class Extraction {
  readonly findings: Finding[] = [];
  readonly provenance: Record<string, Provenance> = {};
  /** Normalised label of every cell, computed once. */
  private readonly labels: string[][];

  constructor(readonly doc: SourceDocument) {
    this.labels = doc.lines.map((l) => l.cells.map((c) => normalizeLabel(c.text)));
  }

  cellAt(pos: Pos): SourceCell | undefined {
    return this.doc.lines[pos.line]?.cells[pos.cell];
  }

  labelAt(pos: Pos): string {
    return this.labels[pos.line]?.[pos.cell] ?? '';
  }

  /** Next position in reading order, or null at the end. */
  next(pos: Pos): Pos | null {
    const line = this.doc.lines[pos.line];
    if (line && pos.cell + 1 < line.cells.length) return { line: pos.line, cell: pos.cell + 1 };
    for (let l = pos.line + 1; l < this.doc.lines.length; l += 1) {
      if ((this.doc.lines[l]?.cells.length ?? 0) > 0) return { line: l, cell: 0 };
    }
    return null;
  }

  /** Every position from line `from` (inclusive) to line `to` (exclusive). */
  *positions(from: number, to: number): Generator<Pos> {
    for (let l = from; l < Math.min(to, this.doc.lines.length); l += 1) {
      const cells = this.doc.lines[l]?.cells ?? [];
      for (let c = 0; c < cells.length; c += 1) yield { line: l, cell: c };
    }
  }

  isValue(pos: Pos): boolean {
    const c = this.cellAt(pos);
    return c !== undefined && parseValue(c.text).kind !== 'text';
  }

  add(f: Parameters<typeof finding>[0]): void {
    this.findings.push(finding(f));
  }

  note(
    table: Exclude<TableKey, 'narrative'>,
    row: string,
    column: string,
    cell: SourceCell,
    label: string,
  ): void {
    this.provenance[`${table}.${row}.${column}`] = { where: cell.where, text: cell.text, label };
  }
}
