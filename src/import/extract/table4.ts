/**
 * Table 4 (行政复议、行政诉讼): one data row of 15 cells under a three-row header
 * (annual-report-formats.md §4). The data row is the run of value cells after the last
 * header label; in positional layouts numbers go to the header column nearest them.
 */
import { TABLE4_COLUMNS, TABLE4_GROUPS } from '../../domain/report/formats/index.ts';
import { normalizeLabel, parseValue } from '../normalize.ts';
import type { SourceCell } from '../source.ts';
import type { Extraction } from './context.ts';
import { table4RowConstraint, unfuseCells } from './fused.ts';
import type { Range } from './regions.ts';
import { assignByPosition, headerCentre, numberCells, type Slots, stackColumns } from './values.ts';

const N = TABLE4_GROUPS.length * TABLE4_COLUMNS.length;
const HEADER = /^(结果维持|结果纠正|其他结果|尚未审结|总计|维持|纠正|其他|尚未|审结|合计)$/;

export function extractTable4(ex: Extraction, range: Range): Slots | null {
  if (ex.doc.explicitBlanks) return explicitRow(ex, range);
  return groupTables(ex, range) ?? lineRow(ex, range);
}

/** The five column words of one group, in the format's order. */
const COLUMN_OF: [RegExp, number][] = [
  [/^(结果)?维持$/, 0],
  [/^(结果)?纠正$/, 1],
  [/^其他(结果)?$/, 2],
  [/^尚未(审结)?$/, 3],
  [/^(总计|合计)$/, 4],
];

function columnOf(label: string): number | null {
  return COLUMN_OF.find(([re]) => re.test(label))?.[1] ?? null;
}

/** The group a title line names: 行政复议, (行政诉讼) 未经复议直接起诉, (行政诉讼) 复议后起诉. */
function groupOf(label: string): number | null {
  if (label.length > 20) return null;
  if (/复议后起诉/.test(label)) return 2;
  if (/未经复议|直接起诉/.test(label)) return 1;
  if (/^行政复议$/.test(label)) return 0;
  return null;
}

/**
 * Table 4 printed as three small tables, one per group (PDF-to-Markdown extractions): a title
 * line naming the group ("行政复议", "行政诉讼（未经复议直接起诉）"), a table row of the five
 * column words, and a table row of as many cells under them. The table's own header says where
 * each value goes. Taken only when all three groups are read this way.
 */
function groupTables(ex: Extraction, range: Range): Slots | null {
  const slots: Slots = Array.from({ length: N }, () => null);
  const done = new Set<number>();
  let group: number | null = null;
  let header: number[] | null = null;
  for (let l = range.from; l < range.to; l += 1) {
    const line = ex.doc.lines[l];
    if (!line) continue;
    const values = line.cells.map((c) => parseValue(c.text).kind !== 'text');
    if (!values.some(Boolean)) {
      const g = groupOf(normalizeLabel(line.cells.map((c) => c.text).join('')));
      const columns = line.cells.map((c) => columnOf(normalizeLabel(c.text)));
      if (g !== null) {
        group = g;
        header = null;
      } else if (
        line.isTableRow &&
        columns.every((c) => c !== null) &&
        new Set(columns).size === columns.length
      ) {
        header = columns as number[];
      } else header = null;
      continue;
    }
    if (group === null || header === null || done.has(group)) return null;
    if (!line.isTableRow || !values.every(Boolean) || line.cells.length !== header.length) return null;
    const base = group * TABLE4_COLUMNS.length;
    header.forEach((column, i) => {
      const c = line.cells[i]!;
      slots[base + column] = parseValue(c.text).kind === 'number' ? c : null;
    });
    done.add(group);
    header = null;
  }
  return done.size === TABLE4_GROUPS.length ? slots : null;
}

function explicitRow(ex: Extraction, range: Range): Slots | null {
  let run: SourceCell[] = [];
  let best: SourceCell[] = [];
  let lastOrigin: string | undefined;
  for (const pos of ex.positions(range.from, range.to)) {
    const c = ex.cellAt(pos)!;
    if (c.origin === lastOrigin) continue;
    lastOrigin = c.origin;
    if (ex.isValue(pos)) {
      run.push(c);
    } else {
      if (run.length >= N) best = run;
      run = [];
      // Prose after the table ends it.
      if (normalizeLabel(c.text).length > 40) break;
    }
  }
  if (run.length >= N) best = run;
  if (best.length === 0) return null;
  // A leading empty cell under the row-label column is common: keep the last 15.
  return best.slice(-N);
}

function lineRow(ex: Extraction, range: Range): Slots | null {
  const headers: SourceCell[] = [];
  const pieces: SourceCell[] = [];
  const numbers: SourceCell[] = [];
  for (let l = range.from; l < range.to; l += 1) {
    const line = ex.doc.lines[l];
    if (!line) continue;
    const nums = numberCells(line);
    // Run-together text puts the numbers right after the last header word ("总计10203…").
    const isNumberLine = line.cells.every(
      (c) =>
        nums.includes(c) ||
        c.text.trim() === '' ||
        (!ex.doc.positional && HEADER.test(normalizeLabel(c.text))),
    );
    if (nums.length > 0 && isNumberLine) {
      numbers.push(...nums);
      continue;
    }
    for (const c of line.cells) {
      const label = normalizeLabel(c.text);
      if (HEADER.test(label) && c.x !== undefined) headers.push(c);
      if (numbers.length === 0 && isHeaderPiece(label)) pieces.push(c);
    }
    if (numbers.length > 0) break;
  }
  if (numbers.length === 0) return null;
  let centres: number[] | null = null;
  if (ex.doc.positional) {
    const stacked = stackColumns(pieces);
    const found =
      stacked.length === N && stacked.every((k) => COLUMN_WORD.test(normalizeLabel(k.text)))
        ? stacked.map((k) => (k.x + k.x2) / 2)
        : dedupeColumns(headers.map(headerCentre));
    if (found.length === N) {
      centres = found;
      const slots = assignByPosition(numbers, centres);
      if (slots) return slots;
    }
  }
  if (numbers.length === N) return numbers;
  const unfused = unfuseCells(numbers, N, table4RowConstraint);
  if (unfused.kind === 'cut') {
    ex.add({
      rule: 'import.fused_digits',
      severity: 'info',
      table: 'table4',
      message: `表四数字连写为“${numbers.map((c) => c.text).join(' ')}”，按“总计等于各项结果之和”唯一拆分为${unfused.solution.join('、')}`,
    });
    return unfused.cells;
  }
  if (unfused.kind === 'ambiguous') {
    ex.add({
      rule: 'import.fused_digits',
      severity: 'warning',
      table: 'table4',
      message: `表四数字连写为“${numbers.map((c) => c.text).join(' ')}”，有${unfused.count}种拆分都符合勾稽关系，无法确定，表四未读取，请人工核对`,
    });
    return Array.from({ length: N }, () => null);
  }
  const slots: Slots = Array.from({ length: N }, () => null);
  if (centres && numbers.length < N) {
    // The numbers do not sit under the header words: only a number left of the middle between
    // the first two words is placed (nothing is printed left of the first column).
    const boundary = (centres[0]! + centres[1]!) / 2;
    const left = numbers.filter((c) => headerCentre(c) < boundary);
    if (left.length === 1) slots[0] = left[0]!;
    ex.add({
      rule: 'import.ambiguous_columns',
      severity: 'warning',
      table: 'table4',
      message: `表四印有${numbers.length}个数字（${numbers.map((c) => c.text).join('、')}），与表头各列对不齐，空白单元格无法定位，${left.length === 1 ? `除最左的${left[0]!.text}计入行政复议“结果维持”外，其余数字` : '这些数字'}未读取，请人工核对（${numbers[0]?.where ?? ''}）`,
    });
    return slots;
  }
  ex.add({
    rule: 'import.ambiguous_columns',
    severity: 'warning',
    table: 'table4',
    message: `表四只印有${numbers.length}个数字，空白单元格无法定位，${numbers.length === 3 ? '已按三个“总计”处理' : '已按顺序填入'}，请核对（${numbers[0]?.where ?? ''}）`,
  });
  if (numbers.length === 3) {
    numbers.forEach((c, g) => {
      slots[g * TABLE4_COLUMNS.length + TABLE4_COLUMNS.length - 1] = c;
    });
  } else {
    numbers.slice(0, N).forEach((c, i) => {
      slots[i] = c;
    });
  }
  return slots;
}

/** Words of the 15 column headers; a stacked column must hold one. */
const COLUMN_WORD = /维持|纠正|其他|尚未|审结|总计|合计/;
/** The group headers span several columns and would join them: not pieces of a column header. */
const GROUP_WORD = /行政复议|行政诉讼|起诉|复议后|申请行政|提起/;

/** A short label piece of a column header ("结", "结果", "维持"), not a group header. */
function isHeaderPiece(label: string): boolean {
  return (
    label.length > 0 && label.length <= 6 && !GROUP_WORD.test(label) && parseValue(label).kind === 'text'
  );
}

/** Header words wrapped over two lines ("结果"/"维持") give two centres for one column. */
function dedupeColumns(centres: number[]): number[] {
  const sorted = [...centres].sort((a, b) => a - b);
  const out: number[] = [];
  for (const x of sorted) {
    const lastX = out[out.length - 1];
    if (lastX === undefined || x - lastX > 1.5) out.push(x);
  }
  return out;
}
