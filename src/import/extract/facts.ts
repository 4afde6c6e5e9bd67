/**
 * What extraction asks of every line again and again, worked out once per document: the
 * line's text, each cell's normalised label and whether it holds a value. The region finder,
 * the metadata reader, the chapter reader and the table readers all share it, so no label is
 * normalised and no line joined twice. A SourceDocument is never changed once read, so the
 * facts stay true for as long as the document lives.
 */
import { normalizeLabel, parseValue } from '../normalize.ts';
import type { SourceDocument } from '../source.ts';

export interface DocumentFacts {
  /** `lineText` of every line: its cells joined by a space. */
  texts: string[];
  /** `normalizeLabel` of every cell, by line. */
  labels: string[][];
  /** True for a cell holding a value (a number or a blank mark), by line. */
  values: boolean[][];
}

const known = new WeakMap<SourceDocument, DocumentFacts>();

export function factsOf(doc: SourceDocument): DocumentFacts {
  let facts = known.get(doc);
  if (!facts) {
    facts = { texts: [], labels: [], values: [] };
    for (const { cells } of doc.lines) {
      const labels: string[] = new Array(cells.length);
      const values: boolean[] = new Array(cells.length);
      let text = '';
      for (let i = 0; i < cells.length; i += 1) {
        const cell = cells[i]!;
        text = i === 0 ? cell.text : `${text} ${cell.text}`;
        labels[i] = normalizeLabel(cell.text);
        values[i] = parseValue(cell.text).kind !== 'text';
      }
      facts.texts.push(text);
      facts.labels.push(labels);
      facts.values.push(values);
    }
    known.set(doc, facts);
  }
  return facts;
}
