/**
 * Plain-text reader. Three layouts reach us as text:
 * - DOCX text, one table cell per line behind a tab (empty cells: a lone tab);
 * - text copied from web pages: cells separated by tabs, by spaces, or run together;
 * - `pdftotext -layout`: space-aligned columns, with form feeds between pages.
 * The layout is detected from the text itself.
 */
import { normalizeText, parseValue } from '../normalize.ts';
import type { SourceCell, SourceDocument, SourceLine } from '../source.ts';
import { type Segment, segmentAtLabels } from './segment.ts';

const CJK = '\\u2E80-\\u9FFF\\uF900-\\uFAFF\\uFF00-\\uFFEF';

/**
 * One cell of a pdftotext -layout line. A single space between two CJK characters (or after
 * a closing bracket, or before a digit or an enumerator "(一)") is where pdftotext squeezed two
 * table cells together ("公开数量 对外公开总数量", "(三) 1.属于国家"); a single space elsewhere
 * belongs to the text. Built once (it was built per line).
 */
const POSITIONAL_CELL_RE = new RegExp(
  `\\S+(?:(?<![${CJK})）]) \\S+| (?![${CJK}\\d]|[(（][一二三四五六七八九十]+[)）])\\S+)*`,
  'g',
);

/** Display width of a string as pdftotext -layout pads it (one column per character). */
function splitPositional(raw: string, lineNo: number, page: number): SourceCell[] {
  const cells: SourceCell[] = [];
  const at = where(lineNo, page);
  for (const m of raw.matchAll(POSITIONAL_CELL_RE)) {
    splitTrailingNumbers(m[0], at, m.index, cells);
  }
  return cells;
}

const LINE_NAMES: string[] = [];

function where(lineNo: number, page: number): string {
  if (page > 0) return `第${page}页，第${lineNo}行`;
  // "第12行" recurs in every document: made once per line number (building CJK strings from
  // numbers is a visible share of reading a document).
  let at = LINE_NAMES[lineNo];
  if (at === undefined) {
    at = `第${lineNo}行`;
    if (lineNo < 10_000) LINE_NAMES[lineNo] = at;
  }
  return at;
}

/**
 * Splits "（一）予以公开 10 0 10" into a label cell and one cell per number, keeping
 * x positions when known. Single spaces inside a label ("（三）不予 公开") stay. Appends to
 * `cells` (a new array by default).
 */
function splitTrailingNumbers(text: string, at: string, x?: number, cells: SourceCell[] = []): SourceCell[] {
  let label = '';
  let labelStart: number | undefined;
  for (const t of text.matchAll(TOKEN_RE)) {
    const start = x === undefined ? undefined : x + t.index;
    // A value-like token inside a label ("1.属于…" has no space, so it is never split off).
    if (parseValue(t[0]).kind === 'number') {
      if (label) cells.push(cell(label, at, labelStart));
      label = '';
      cells.push(cell(t[0], at, start));
    } else {
      if (!label) labelStart = start;
      label = label ? `${label} ${t[0]}` : t[0];
    }
  }
  if (label) cells.push(cell(label, at, labelStart));
  return cells;
}

const TOKEN_RE = /\S+/g;

/**
 * Every cell of a text is its own origin (text has no merged cells). Origins need only be
 * unique within one document, so they are counted from 1 in each (readText resets the count)
 * and their names are made once and reused.
 */
let originCounter = 0;
const ORIGIN_NAMES: string[] = [];
function cell(text: string, at: string, x?: number): SourceCell {
  originCounter += 1;
  let origin = ORIGIN_NAMES[originCounter];
  if (origin === undefined) {
    origin = `t${originCounter}`;
    if (originCounter < 100_000) ORIGIN_NAMES[originCounter] = origin;
  }
  const c: SourceCell = { text, where: at, origin };
  if (x !== undefined) {
    c.x = x;
    c.x2 = x + text.length;
  }
  return c;
}

/** Counts lines that look like pdftotext -layout table rows (runs of 3+ spaces between tokens). */
function looksPositional(lines: readonly string[]): boolean {
  let aligned = 0;
  for (const line of lines) if (/\S {3,}\S/.test(line)) aligned += 1;
  return aligned >= 8;
}

export function readText(input: string): SourceDocument {
  originCounter = 0;
  const text = normalizeText(input);
  const rawLines = text.split('\n');
  const tabLines = rawLines.filter((l) => l.includes('\t')).length;
  const lines: SourceLine[] = [];

  if (tabLines >= 10) {
    rawLines.forEach((raw, i) => {
      if (!raw.trim() && !raw.includes('\t')) return;
      const parts = raw.split('\t');
      if (raw.startsWith('\t')) parts.shift();
      const at = where(i + 1, 0);
      const cells = parts.flatMap((p) => {
        const t = p.trim();
        // "\t" alone is an empty table cell; keep it as a blank cell.
        if (!t) return [cell('', at)];
        return parts.length === 1 && !raw.startsWith('\t') ? splitTrailingNumbers(t, at) : [cell(t, at)];
      });
      lines.push({ cells, isTableRow: parts.length > 1 || raw.startsWith('\t'), index: i + 1 });
    });
    return { kind: 'text', lines, positional: false, explicitBlanks: true };
  }

  if (text.includes('\f') || looksPositional(rawLines)) {
    let page = 1;
    let lineOnPage = 0;
    rawLines.forEach((raw, i) => {
      const parts = raw.split('\f');
      for (let k = 0; k < parts.length; k += 1) {
        if (k > 0) {
          page += 1;
          lineOnPage = 0;
        }
        const part = parts[k]!;
        lineOnPage += 1;
        if (!part.trim()) continue;
        lines.push({ cells: splitPositional(part, lineOnPage, page), isTableRow: false, index: i + 1, page });
      }
    });
    return { kind: 'layout', lines, positional: true, explicitBlanks: false };
  }

  rawLines.forEach((raw, i) => {
    // A Markdown heading ("## 二、主动公开…", "### 行政复议") is the line's text without its marks.
    const t = raw.trim().replace(/^#{1,6}\s+/, '');
    if (!t) return;
    const at = where(i + 1, 0);
    // Markdown pipe tables (PDF-to-Markdown extractions): "| 规章 | 0 | 0 | 0 |"; the
    // "|---|---|" rule under a header row is not content.
    if (/^\|.*\|$/.test(t)) {
      if (/^[|:\-\s]+$/.test(t)) return;
      const cells = t
        .slice(1, -1)
        .split('|')
        .map((p) => cell(p.trim(), at));
      lines.push({ cells, isTableRow: true, index: i + 1 });
      return;
    }
    // Text run together ("…（七）总计630020469四、结转下年度…"): cut it at the labels.
    const segmented = segmentAtLabels(t);
    if (segmented) {
      lines.push(...segmentLines(segmented, at, i + 1));
      return;
    }
    const cells = t.split(/ {2,}|\u3000+/).flatMap((part) => splitTrailingNumbers(part, at));
    lines.push({ cells, isTableRow: cells.length > 1, index: i + 1 });
  });
  return { kind: 'text', lines, positional: false, explicitBlanks: false };
}

/** Values after a label: numbers (a sign always starts a new one), units, blank marks. */
const VALUES_ONLY = /^[\s\d.,+\-−/—元万件项个条]*$/;
const LEADING_VALUES = /^[\d.,+\-−/—\s]*\d[\d.,]*(?:万元|元)?\s+/;

/** One line per label of a run-together text: the label, then its value tokens (or its prose). */
function segmentLines(
  segmented: { lead: string; segments: Segment[] },
  at: string,
  index: number,
): SourceLine[] {
  const lines: SourceLine[] = [];
  const prose = (text: string) => {
    if (text.trim()) lines.push({ cells: [cell(text.trim(), at)], isTableRow: false, index });
  };
  prose(segmented.lead);
  for (const seg of segmented.segments) {
    let rest = seg.rest.trim();
    // Values, then prose the label set did not cut ("0000000 四、政府信息公开行政法复议…").
    let trailing = '';
    const lead = LEADING_VALUES.exec(rest);
    if (!seg.isHeading && lead && !VALUES_ONLY.test(rest)) {
      trailing = rest.slice(lead[0].length);
      rest = lead[0].trim();
    }
    if (seg.isHeading || (rest && !VALUES_ONLY.test(rest))) {
      lines.push({ cells: [cell(seg.label, at)], isTableRow: false, index });
      prose(rest);
      continue;
    }
    const tokens = rest
      .split(/\s+/)
      // A sign starts a new number ("20+1737"), and so does a digit after a unit ("1个246900元").
      .flatMap((t) => t.split(/(?<=\d)(?=[+\-−])|(?<=[元件项个条])(?=[+\-−]?\d)/))
      .filter(Boolean);
    lines.push({ cells: [cell(seg.label, at), ...tokens.map((t) => cell(t, at))], isTableRow: true, index });
    prose(trailing);
  }
  return lines;
}
