/**
 * Shared state of one extraction: the document, the findings and provenance collected so far,
 * and helpers to address cells as (line, cell) positions.
 */
import { type Finding, finding } from '../../domain/report/finding.ts';
import type { TableKey } from '../../domain/report/formats/index.ts';
import type { SourceCell, SourceDocument } from '../source.ts';
import { type DocumentFacts, factsOf } from './facts.ts';

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
  /** Normalised label and value test of every cell, computed once (facts.ts). */
  readonly facts: DocumentFacts;

  constructor(readonly doc: SourceDocument) {
    this.facts = factsOf(doc);
  }

  cellAt(pos: Pos): SourceCell | undefined {
    return this.doc.lines[pos.line]?.cells[pos.cell];
  }

  labelAt(pos: Pos): string {
    return this.facts.labels[pos.line]?.[pos.cell] ?? '';
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

  /**
   * Every position from line `from` (inclusive) to line `to` (exclusive). An array, not a
   * generator: resuming a generator per cell cost more than the work done at each cell.
   */
  positions(from: number, to: number): Pos[] {
    const out: Pos[] = [];
    for (let l = from; l < Math.min(to, this.doc.lines.length); l += 1) {
      const cells = this.doc.lines[l]?.cells ?? [];
      for (let c = 0; c < cells.length; c += 1) out.push({ line: l, cell: c });
    }
    return out;
  }

  isValue(pos: Pos): boolean {
    return this.facts.values[pos.line]?.[pos.cell] ?? false;
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
    this.provenance[provenanceKey(table, row, column)] = { where: cell.where, text: cell.text, label };
  }
}

/**
 * "table3.granted.total": built once per cell of the forms and then reused, so that recording
 * a number's provenance neither concatenates nor hashes a new string.
 */
const provenanceKeys = new Map<string, Map<string, Map<string, string>>>();
function provenanceKey(table: string, row: string, column: string): string {
  let rows = provenanceKeys.get(table);
  if (!rows) {
    rows = new Map();
    provenanceKeys.set(table, rows);
  }
  let columns = rows.get(row);
  if (!columns) {
    columns = new Map();
    rows.set(row, columns);
  }
  let key = columns.get(column);
  if (key === undefined) {
    key = `${table}.${row}.${column}`;
    columns.set(column, key);
  }
  return key;
}
