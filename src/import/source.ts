/**
 * What every reader produces: the document as lines of cells, each cell remembering where
 * it came from. Extraction (extract/*.ts) works on this shape only, whatever the file type.
 */

export type SourceKind = 'text' | 'layout' | 'html' | 'docx' | 'pdf';

export interface SourceCell {
  text: string;
  /** Human-readable location: "第12行", "表格2第3行第4列", "第2页第14行". */
  where: string;
  /** Cells copied from one merged (rowspan/colspan) cell share an origin. */
  origin: string;
  /** Start and end column (characters or points) in positional layouts. */
  x?: number;
  x2?: number;
}

export interface SourceLine {
  cells: SourceCell[];
  /** True for a row of a real table (HTML <tr>, DOCX <w:tr>). */
  isTableRow: boolean;
  /** 1-based number of the line in the source, or the running row number. */
  index: number;
  /** 1-based page, for paged sources (PDF, pdftotext -layout): columns may shift at a page break. */
  page?: number;
}

export interface SourceDocument {
  kind: SourceKind;
  lines: SourceLine[];
  /** True when cells carry x positions that align columns (pdftotext -layout, PDF text layer). */
  positional: boolean;
  /** True when blank table cells are present as empty cells (HTML, DOCX, tab-separated text). */
  explicitBlanks: boolean;
}

/** The text of a line, cells joined by a space. */
export function lineText(line: SourceLine): string {
  return line.cells.map((c) => c.text).join(' ');
}
