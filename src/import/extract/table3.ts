/**
 * Table 3 (收到和处理政府信息公开申请情况) from any layout: rows are found by their labels
 * (match.ts), values by the layout's rules (values.ts). Rows are collected for both formats'
 * keys; the caller decides the format.
 */
import { TABLE3_COLUMNS } from '../../domain/report/formats/index.ts';
import { normalizeLabel, normalizeText, parseValue } from '../normalize.ts';
import type { SourceCell } from '../source.ts';
import type { Extraction } from './context.ts';
import { cellsFromSolution, table3RowConstraint, unfuseCells } from './fused.ts';
import { matchTable3Row } from './match.ts';
import type { Range } from './regions.ts';
import {
  assignByPosition,
  followingValues,
  headerCentre,
  labelCells,
  numberCells,
  type Slots,
  stackColumns,
} from './values.ts';

export interface RawRow {
  key: string;
  label: string;
  slots: Slots;
  /** Run-together digits with several possible cuts: the cells and every cut. */
  fused?: { cells: SourceCell[]; solutions: number[][] };
}

const N = TABLE3_COLUMNS.length;
const RESULT_ROW = /^(granted|partial|denied_|unable_|not_processed_|other)/;

/** Header words of the seven columns, as prefixes, in printed order. */
const HEADER_PREFIXES: readonly string[][] = [
  ['自然人'],
  ['商业企业', '商业'],
  ['科研机构', '科研'],
  ['社会公益', '社会'],
  ['法律服务', '法律'],
  ['其他'],
  ['总计', '合计'],
];

function acceptable(key: string, label: string, rows: ReadonlyMap<string, unknown>): boolean {
  if (rows.has(key)) return false;
  // The column header 总计 is not the row （七）总计: accept a bare 总计 only after result rows.
  if (key === 'total' && !label.includes('七')) return [...rows.keys()].some((k) => RESULT_ROW.test(k));
  return true;
}

/** A row found by its label, with the number cells printed for it, not yet put in columns. */
interface FoundRow {
  key: string;
  label: string;
  numbers: SourceCell[];
  /** Page of the row's numbers (0 when the source has no pages). */
  page: number;
}

export function extractTable3(ex: Extraction, range: Range): Map<string, RawRow> {
  if (ex.doc.explicitBlanks) return explicitRows(ex, range);
  if (!ex.doc.positional) return resolveFusedRows(ex, placeRows(ex, lineRows(ex, range), null));
  const found = wrappedRows(ex, range);
  // Rows the wrapped-label reading missed, read line by line, unless their numbers are taken.
  const used = new Set([...found.values()].flatMap((r) => r.numbers));
  for (const [key, row] of lineRows(ex, range)) {
    if (!found.has(key) && !row.numbers.some((c) => used.has(c))) found.set(key, row);
  }
  return resolveFusedRows(ex, placeRows(ex, found, headerCentres(ex, range)));
}

/** Row labels start with their enumerator: 一、 （二） 3. */
const LABEL_START = /^(?:[（(][一二三四五六七八九十]+[）)]|\d{1,2}[.．、]|[一二三四五六]、)/;

interface WrappedLabel {
  text: string;
  first: number;
  last: number;
  x: number;
  x2: number;
}

/**
 * Positional layouts with narrow label columns wrap a row label over several printed lines
 * and centre it on the row, so the numbers sit on a middle line ("（二）部分公开（区" /
 * "分处理的，只计这一" / numbers / "情形，不计其他情" / "形）"). Label pieces are chained by
 * column (overlapping x) from one enumerator to the next; a line of numbers belongs to the
 * innermost matched label whose lines span it.
 */
function wrappedRows(ex: Extraction, range: Range): Map<string, FoundRow> {
  const pieces = labelPieces(ex, range);
  const labels: WrappedLabel[] = [];
  const open: WrappedLabel[] = [];
  for (let l = range.from; l < range.to; l += 1) {
    for (const c of pieces.get(l) ?? []) {
      if (c.x === undefined || c.x2 === undefined) continue;
      const overlaps = (k: WrappedLabel) => c.x! < k.x2 && k.x < c.x2!;
      const column = open.findLast(overlaps);
      if (column && !LABEL_START.test(normalizeText(c.text).trim()) && l - column.last <= 2) {
        column.text += c.text;
        column.last = l;
        column.x = Math.min(column.x, c.x);
        column.x2 = Math.max(column.x2, c.x2);
        continue;
      }
      const label: WrappedLabel = { text: c.text, first: l, last: l, x: c.x, x2: c.x2 };
      labels.push(label);
      // A new label closes the labels of its column.
      for (let i = open.length - 1; i >= 0; i -= 1) if (overlaps(open[i]!)) open.splice(i, 1);
      open.push(label);
    }
  }
  const keyed = labels
    .map((label) => ({ label, key: matchTable3Row(normalizeLabel(label.text)) }))
    .filter((k): k is { label: WrappedLabel; key: string } => k.key !== null);
  const found = new Map<string, { label: WrappedLabel; numbers: SourceCell[]; line: number }>();
  const taken = new Set<WrappedLabel>();
  for (let l = range.from; l < range.to; l += 1) {
    const numbers = numberCells(ex.doc.lines[l]);
    if (numbers.length === 0) continue;
    const candidates = keyed
      .filter((k) => !taken.has(k.label) && k.label.first <= l && l <= k.label.last)
      .filter((k) => acceptable(k.key, normalizeLabel(k.label.text), found))
      .sort((a, b) => b.label.x - a.label.x);
    const chosen = candidates[0];
    if (chosen) {
      taken.add(chosen.label);
      found.set(chosen.key, { label: chosen.label, numbers, line: l });
      continue;
    }
    // One row's numbers printed on two baselines ("… 29" / "形） 0 0 0 0 0 29"): the second
    // line lies within the same label and completes the row.
    const owner = keyed.find((k) => taken.has(k.label) && k.label.first <= l && l <= k.label.last);
    const row = owner ? found.get(owner.key) : undefined;
    if (row && row.numbers.length + numbers.length <= N) row.numbers.push(...numbers);
  }
  const rows = new Map<string, FoundRow>();
  for (const [key, { label, numbers, line }] of found) {
    rows.set(key, { key, label: label.text, numbers, page: ex.doc.lines[line]?.page ?? 0 });
  }
  return rows;
}

const BARE_ENUMERATOR = /^(?:[（(][一二三四五六七八九十]+[）)]|\d{1,2}[.．、])$/;

/**
 * The label cells of each line. pdftotext can print the first line of a wrapped label one line
 * above its enumerator ("要求行政机关确认或重" / "5." / "新出具已获取信息"): a bare enumerator
 * whose text starts, just right of it, on the line above takes that text back.
 */
function labelPieces(ex: Extraction, range: Range): Map<number, SourceCell[]> {
  const pieces = new Map<number, SourceCell[]>();
  for (let l = range.from; l < range.to; l += 1) pieces.set(l, labelCells(ex.doc.lines[l]));
  for (let l = range.from + 1; l < range.to; l += 1) {
    const line = pieces.get(l)!;
    const above = pieces.get(l - 1)!;
    for (const e of [...line]) {
      if (e.x === undefined || e.x2 === undefined || !BARE_ENUMERATOR.test(normalizeText(e.text).trim()))
        continue;
      const i = above.findIndex(
        (p) =>
          p.x !== undefined &&
          p.x > e.x! &&
          p.x <= e.x2! + 1 &&
          !LABEL_START.test(normalizeText(p.text).trim()),
      );
      if (i < 0) continue;
      const p = above[i]!;
      above[i] = { ...p, text: `${e.text}${p.text}`, x: e.x };
      line.splice(line.indexOf(e), 1);
    }
  }
  return pieces;
}

function explicitRows(ex: Extraction, range: Range): Map<string, RawRow> {
  const rows = new Map<string, RawRow>();
  for (const pos of ex.positions(range.from, range.to)) {
    if (ex.isValue(pos)) continue;
    const label = ex.labelAt(pos);
    const key = matchTable3Row(label);
    if (!key || !acceptable(key, label, rows)) continue;
    const cells = followingValues(ex, pos, N);
    if (cells.length === 0) continue;
    if (cells.length < N) {
      ex.add({
        rule: 'import.short_row',
        severity: 'warning',
        table: 'table3',
        row: key,
        message: `表三“${ex.cellAt(pos)?.text}”一行只读到${cells.length}个单元格（应为${N}个），已按顺序填入（${ex.cellAt(pos)?.where}）`,
      });
    }
    const slots: Slots = Array.from({ length: N }, (_, i) => cells[i] ?? null);
    rows.set(key, { key, label: ex.cellAt(pos)?.text ?? '', slots });
  }
  return rows;
}

/**
 * Column centres from the header words, when the layout is positional and all seven are found.
 * The header spans three printed rows (自然人 and 总计 sit a row above the five 法人或其他组织
 * columns), so each column is looked for on its own, not in reading order.
 */
function headerCentres(ex: Extraction, range: Range): number[] | null {
  const centres: (number | undefined)[] = HEADER_PREFIXES.map(() => undefined);
  for (let l = range.from; l < range.to; l += 1) {
    const line = ex.doc.lines[l];
    if (numberCells(line).length > 0 && centres.some((c) => c !== undefined)) break;
    for (const c of line?.cells ?? []) {
      if (c.x === undefined) continue;
      const label = normalizeLabel(c.text);
      const column = HEADER_PREFIXES.findIndex(
        (prefixes, i) => centres[i] === undefined && prefixes.some((p) => label.startsWith(p)),
      );
      if (column >= 0) centres[column] = headerCentre(c);
    }
  }
  if (centres.some((c) => c === undefined)) return stackedHeaderCentres(ex, range);
  const found = centres as number[];
  // Printed left to right; anything else means a word was taken from the wrong place.
  return found.every((c, i) => i === 0 || c > found[i - 1]!) ? found : null;
}

/** Group headers and the corner note span several columns: they are not pieces of one column's label. */
const SPANNING_HEADER = /申请人情况|法人或其他组织|勾稽|第一项|之和/;

/**
 * Narrow columns print the header one or two characters per line ("商" / "业" / "企" / "业").
 * Stack the overlapping pieces above the first row of numbers into column labels.
 */
function stackedHeaderCentres(ex: Extraction, range: Range): number[] | null {
  const pieces: SourceCell[] = [];
  for (let l = range.from; l < range.to; l += 1) {
    const line = ex.doc.lines[l];
    if (numberCells(line).length > 0) break;
    for (const c of labelCells(line)) {
      const label = normalizeLabel(c.text);
      if (label.length > 0 && label.length <= 6 && !SPANNING_HEADER.test(label)) pieces.push(c);
    }
  }
  const columns = stackColumns(pieces);
  const centres: number[] = [];
  for (const prefixes of HEADER_PREFIXES) {
    const column = columns.find((k) => prefixes.some((p) => normalizeLabel(k.text).startsWith(p)));
    if (!column) return null;
    centres.push((column.x + column.x2) / 2);
  }
  return centres.every((c, i) => i === 0 || c > centres[i - 1]!) ? centres : null;
}

/** [with the label above, with the label below], in the order lineRows tries them. */
const LABEL_VARIANTS: readonly (readonly [boolean, boolean])[] = [
  [false, false],
  [true, false],
  [false, true],
  [true, true],
];

function lineRows(ex: Extraction, range: Range): Map<string, FoundRow> {
  const rows = new Map<string, FoundRow>();
  const lines = ex.doc.lines;
  // Each line's number cells and label text, worked out once: every line is looked at as its
  // own row, and as the row above and below its neighbours.
  const numbersOf: SourceCell[][] = [];
  const labels: string[] = [];
  for (let i = range.from; i < range.to; i += 1) {
    numbersOf[i] = numberCells(lines[i]);
    labels[i] = labelCells(lines[i])
      .map((c) => c.text)
      .join('');
  }
  // Only lines of the range are asked for (a neighbour is looked at only inside it).
  const labelOf = (i: number) => labels[i]!;
  const hasNumbers = (i: number) => i >= range.from && i < range.to && numbersOf[i]!.length > 0;
  const used = new Set<number>();

  for (let i = range.from; i < range.to; i += 1) {
    const numbers = numbersOf[i]!;
    if (numbers.length === 0) continue;
    const own = labelOf(i);
    const prev = i - 1 >= range.from && !hasNumbers(i - 1) && !used.has(i - 1) ? labelOf(i - 1) : '';
    const next = i + 1 < range.to && !hasNumbers(i + 1) ? labelOf(i + 1) : '';
    // The line's own label, then with the label above, below, and both (a label wrapped
    // around its numbers); the first that names a row wins. Joined only when tried: the own
    // label usually names the row.
    for (const [withPrev, withNext] of LABEL_VARIANTS) {
      const text = `${withPrev ? prev : ''}${own}${withNext ? next : ''}`;
      const label = normalizeLabel(text);
      const key = matchTable3Row(label);
      if (!key || !acceptable(key, label, rows)) continue;
      if (withPrev) used.add(i - 1);
      if (withNext) used.add(i + 1);
      rows.set(key, { key, label: text, numbers, page: lines[i]?.page ?? 0 });
      break;
    }
  }
  return rows;
}

/**
 * Puts each found row's numbers in columns. Positional layouts place numbers under the header
 * words; but when one row of a page does not fit the header (two numbers under one word, or a
 * number between two words), that page's columns have shifted (a page break, CJK header words
 * counted one column wide) and no row of the page can be placed by position. Such rows keep
 * only what the text still says: all seven numbers in order, or the leftmost number in the
 * first column (nothing is printed left of it); the other cells stay blank, with a warning.
 */
function placeRows(
  ex: Extraction,
  found: ReadonlyMap<string, FoundRow>,
  centres: number[] | null,
): Map<string, RawRow> {
  const fitted = new Map<FoundRow, Slots | null>();
  const shifted = new Set<number>();
  if (centres) {
    for (const row of found.values()) {
      const slots = assignByPosition(row.numbers, centres);
      fitted.set(row, slots);
      if (!slots) shifted.add(row.page);
    }
  }
  const rows = new Map<string, RawRow>();
  for (const row of found.values()) {
    const slots = fitted.get(row);
    if (slots && !shifted.has(row.page)) {
      rows.set(row.key, { key: row.key, label: row.label, slots });
      continue;
    }
    rows.set(row.key, placeByOrder(ex, row, centres));
  }
  return rows;
}

function placeByOrder(ex: Extraction, row: FoundRow, centres: number[] | null): RawRow {
  const { key, label, numbers } = row;
  const base = { key, label };
  if (numbers.length === N) return { ...base, slots: numbers };
  const where = numbers[0]?.where ?? '';
  const unfused = unfuseCells(numbers, N, table3RowConstraint);
  if (unfused.kind === 'cut') {
    ex.add({
      rule: 'import.fused_digits',
      severity: 'info',
      table: 'table3',
      row: key,
      message: `表三该行数字连写为“${numbers.map((c) => c.text).join(' ')}”，按“总计等于各列之和”唯一拆分为${unfused.solution.join('、')}（${where}）`,
    });
    return { ...base, slots: unfused.cells };
  }
  const blank: Slots = Array.from({ length: N }, () => null);
  if (unfused.kind === 'ambiguous') {
    // Decided later from the other rows (resolveFusedRows), or reported there.
    return { ...base, slots: blank, fused: { cells: numbers, solutions: unfused.solutions } };
  }
  // Only the warnings below print the numbers.
  const printed = numbers.map((c) => c.text).join('、');
  if (centres) {
    // Only the first column can still be told: a number left of the middle between the first
    // two header words has no column left of it.
    const boundary = (centres[0]! + centres[1]!) / 2;
    const left = numbers.filter((c) => headerCentre(c) < boundary);
    if (left.length === 1) blank[0] = left[0]!;
    ex.add({
      rule: 'import.ambiguous_columns',
      severity: 'warning',
      table: 'table3',
      row: key,
      message: `表三“${label.replace(/\s+/g, '')}”一行印有${numbers.length}个数字（${printed}），本页数字与表头各列对不齐，空白单元格无法定位，${left.length === 1 ? `除最左的${left[0]!.text}计入自然人列外，其余数字` : '这些数字'}未读取，请人工核对（${where}）`,
    });
    return { ...base, slots: blank };
  }
  ex.add({
    rule: 'import.ambiguous_columns',
    severity: 'warning',
    table: 'table3',
    row: key,
    message: `表三该行只印有${numbers.length}个数字（${printed}），空白单元格无法定位，已按“前列依次填入、最后一个为总计”处理，请核对（${where}）`,
  });
  const ordered = numbers.length > N ? numbers.slice(-N) : numbers;
  ordered.slice(0, -1).forEach((c, i) => {
    blank[i] = c;
  });
  blank[N - 1] = ordered[ordered.length - 1] ?? null;
  return { ...base, slots: blank };
}

/** Reads a slot's number; blank marks and empty cells are null. */
export function slotValue(cell: SourceCell | null): number | null {
  if (!cell) return null;
  const v = parseValue(cell.text);
  return v.kind === 'number' ? v.value : null;
}

const MAX_COMBINATIONS = 50_000;

/**
 * Rows whose run-together digits allow several cuts are decided by the table's own
 * arithmetic: for every column, （七）总计 = the sum of the results and 一 + 二 = 总计 + 四.
 * A combination of cuts is taken only when it is the only one that balances.
 */
function resolveFusedRows(ex: Extraction, rows: Map<string, RawRow>): Map<string, RawRow> {
  const pending = [...rows.values()].filter((r) => r.fused);
  if (pending.length === 0) return rows;
  const combinations = pending.reduce((p, r) => p * r.fused!.solutions.length, 1);
  const fixed = (key: string, column: number): number => slotValue(rows.get(key)?.slots[column] ?? null) ?? 0;
  const balanced = (choice: number[][]): boolean => {
    const value = (key: string, column: number) => {
      const i = pending.findIndex((r) => r.key === key);
      return i >= 0 ? choice[i]![column]! : fixed(key, column);
    };
    for (let c = 0; c < N; c += 1) {
      let results = 0;
      for (const key of rows.keys()) if (RESULT_ROW.test(key)) results += value(key, c);
      if (rows.has('total') && value('total', c) !== results) return false;
      const done = rows.has('total') ? value('total', c) : results;
      if (value('new_received', c) + value('carried_over', c) !== done + value('carried_forward', c))
        return false;
    }
    return true;
  };
  const matches: number[][][] = [];
  if (combinations <= MAX_COMBINATIONS) {
    const choice: number[][] = [];
    const walk = (i: number) => {
      if (matches.length > 1) return;
      if (i === pending.length) {
        if (balanced(choice)) matches.push([...choice]);
        return;
      }
      for (const s of pending[i]!.fused!.solutions) {
        choice.push(s);
        walk(i + 1);
        choice.pop();
      }
    };
    walk(0);
  }
  const decided = matches.length === 1 ? matches[0]! : null;
  pending.forEach((row, i) => {
    const fused = row.fused!;
    const printed = fused.cells.map((c) => c.text).join(' ');
    if (decided) {
      row.slots = cellsFromSolution(fused.cells, decided[i]!);
      ex.add({
        rule: 'import.fused_digits',
        severity: 'info',
        table: 'table3',
        row: row.key,
        message: `表三“${row.label}”数字连写为“${printed}”，按本表各列勾稽关系唯一拆分为${decided[i]!.join('、')}`,
      });
    } else {
      ex.add({
        rule: 'import.fused_digits',
        severity: 'warning',
        table: 'table3',
        row: row.key,
        message: `表三“${row.label}”数字连写为“${printed}”，有${fused.solutions.length}种拆分都符合勾稽关系，无法确定，该行未读取，请人工核对（${fused.cells[0]?.where ?? ''}）`,
      });
    }
  });
  return rows;
}
