/**
 * Table 3 (收到和处理政府信息公开申请情况) from any layout: rows are found by their labels
 * (match.ts), values by the layout's rules (values.ts). Rows are collected for both formats'
 * keys; the caller decides the format.
 */
import { TABLE3_COLUMNS } from '../../domain/report/formats/index.ts';
import { normalizeLabel, parseValue } from '../normalize.ts';
import type { SourceCell } from '../source.ts';
import type { Extraction } from './context.ts';
import { matchTable3Row } from './match.ts';
import type { Range } from './regions.ts';
import {
  assignByPosition,
  followingValues,
  headerCentre,
  labelCells,
  numberCells,
  type Slots,
} from './values.ts';

export interface RawRow {
  key: string;
  label: string;
  slots: Slots;
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

function acceptable(key: string, label: string, rows: Map<string, RawRow>): boolean {
  if (rows.has(key)) return false;
  // The column header 总计 is not the row （七）总计: accept a bare 总计 only after result rows.
  if (key === 'total' && !label.includes('七')) return [...rows.keys()].some((k) => RESULT_ROW.test(k));
  return true;
}

export function extractTable3(ex: Extraction, range: Range): Map<string, RawRow> {
  return ex.doc.explicitBlanks ? explicitRows(ex, range) : lineRows(ex, range);
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

/** Column centres from the header words, when the layout is positional and all seven are found. */
function headerCentres(ex: Extraction, range: Range): number[] | null {
  const centres: number[] = [];
  let prefixIndex = 0;
  for (let l = range.from; l < range.to && prefixIndex < N; l += 1) {
    const line = ex.doc.lines[l];
    if (numberCells(line).length > 0 && centres.length > 0) break;
    for (const c of line?.cells ?? []) {
      const label = normalizeLabel(c.text);
      const prefixes = HEADER_PREFIXES[prefixIndex];
      if (prefixes?.some((p) => label.startsWith(p)) && c.x !== undefined) {
        centres.push(headerCentre(c));
        prefixIndex += 1;
      }
    }
  }
  return centres.length === N ? centres : null;
}

function lineRows(ex: Extraction, range: Range): Map<string, RawRow> {
  const rows = new Map<string, RawRow>();
  const centres = ex.doc.positional ? headerCentres(ex, range) : null;
  const lines = ex.doc.lines;
  const labelOf = (i: number) =>
    labelCells(lines[i])
      .map((c) => c.text)
      .join('');
  const hasNumbers = (i: number) => i >= range.from && i < range.to && numberCells(lines[i]).length > 0;
  const used = new Set<number>();

  for (let i = range.from; i < range.to; i += 1) {
    const numbers = numberCells(lines[i]);
    if (numbers.length === 0) continue;
    const own = labelOf(i);
    const prev = i - 1 >= range.from && !hasNumbers(i - 1) && !used.has(i - 1) ? labelOf(i - 1) : '';
    const next = i + 1 < range.to && !hasNumbers(i + 1) ? labelOf(i + 1) : '';
    const candidates: [string, number[]][] = [
      [own, []],
      [prev + own, [i - 1]],
      [own + next, [i + 1]],
      [prev + own + next, [i - 1, i + 1]],
    ];
    for (const [text, extra] of candidates) {
      const label = normalizeLabel(text);
      const key = matchTable3Row(label);
      if (!key || !acceptable(key, label, rows)) continue;
      for (const e of extra) used.add(e);
      const slots = placeNumbers(ex, key, numbers, centres);
      rows.set(key, { key, label: text, slots });
      break;
    }
  }
  return rows;
}

function placeNumbers(ex: Extraction, key: string, numbers: SourceCell[], centres: number[] | null): Slots {
  if (centres) {
    const slots = assignByPosition(numbers, centres);
    if (slots) return slots;
  }
  if (numbers.length === N) return numbers;
  const where = numbers[0]?.where ?? '';
  ex.add({
    rule: 'import.ambiguous_columns',
    severity: 'warning',
    table: 'table3',
    row: key,
    message: `表三该行只印有${numbers.length}个数字（${numbers.map((c) => c.text).join('、')}），空白单元格无法定位，已按“前列依次填入、最后一个为总计”处理，请核对（${where}）`,
  });
  const slots: Slots = Array.from({ length: N }, () => null);
  const ordered = numbers.length > N ? numbers.slice(-N) : numbers;
  ordered.slice(0, -1).forEach((c, i) => {
    slots[i] = c;
  });
  slots[N - 1] = ordered[ordered.length - 1] ?? null;
  return slots;
}

/** Reads a slot's number; blank marks and empty cells are null. */
export function slotValue(cell: SourceCell | null): number | null {
  if (!cell) return null;
  const v = parseValue(cell.text);
  return v.kind === 'number' ? v.value : null;
}
