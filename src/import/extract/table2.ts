/**
 * Table 2 (主动公开政府信息情况): groups headed 第二十条第（X）项, each with a header row
 * starting 信息内容 and its data rows. The header labels tell the format (本年新制作数量 is
 * format2019, 本年制发件数 format2021) and which column each value belongs to.
 */
import type { FormatKey } from '../../domain/report/formats/index.ts';
import { normalizeLabel, parseValue } from '../normalize.ts';
import type { SourceCell } from '../source.ts';
import type { Extraction, Pos } from './context.ts';
import { noConstraint, unfuseCells } from './fused.ts';
import { matchTable2Column, matchTable2Group, matchTable2Row, type Table2ColumnMatch } from './match.ts';
import type { Range } from './regions.ts';
import { assignByPosition, followingValues, headerCentre, numberCells, stackColumns } from './values.ts';

export interface RawTable2Row {
  group: string;
  row: string;
  label: string;
  /** Column key → cell; columns come from the printed header when there is one. */
  cells: Map<string, SourceCell | null>;
  /** Column keys in printed order, when the header was read. */
  columns: string[];
}

export interface RawTable2 {
  rows: RawTable2Row[];
  /** Votes for each format from the header labels and rows seen. */
  evidence: Record<FormatKey, number>;
  /** Unit printed in the amount column's header (万元, 元) or null. */
  amountUnits: Map<string, string | null>;
}

interface HeaderColumn {
  match: Table2ColumnMatch;
  cell: SourceCell;
}

export function extractTable2(ex: Extraction, range: Range): RawTable2 {
  const result: RawTable2 = { rows: [], evidence: { '2019': 0, '2021': 0 }, amountUnits: new Map() };
  let group: string | null = null;
  let header: HeaderColumn[] = [];
  let inHeader = false;
  const skipTo = new Set<string>();

  for (const pos of ex.positions(range.from, range.to)) {
    const cell = ex.cellAt(pos)!;
    if (skipTo.has(`${pos.line}:${pos.cell}`)) continue;
    if (ex.isValue(pos)) continue;
    const label = ex.labelAt(pos);
    const g = matchTable2Group(label);
    if (g) {
      group = g;
      header = [];
      inHeader = false;
      if (g === 'art20_9') result.evidence['2019'] += 1;
      continue;
    }
    if (label === '信息内容') {
      inHeader = true;
      header = [];
      if (ex.doc.positional) {
        const wrapped = positionalHeader(ex, pos);
        if (wrapped) {
          header = wrapped.header;
          for (const p of wrapped.consumed) skipTo.add(p);
          for (const h of header) {
            if (h.match.formats.length === 1) result.evidence[h.match.formats[0]!] += 1;
            if (h.match.column === 'amount' && group) result.amountUnits.set(group, h.match.unit);
          }
        }
      }
      continue;
    }
    const row = matchTable2Row(label);
    if (row) {
      inHeader = false;
      if (row.row === 'other_services') result.evidence['2019'] += 1;
      const rowGroup = group && groupHasRow(group, row.row) ? group : row.group;
      const values = rowValues(ex, pos, header.length || 3);
      for (const v of values.positions) skipTo.add(v);
      const columns = header.map((h) => h.match.column);
      const cells = new Map<string, SourceCell | null>();
      const slots = placeValues(ex, values.cells, header);
      columns.forEach((column, i) => {
        cells.set(column, slots[i] ?? null);
      });
      if (columns.length === 0) {
        values.cells.forEach((c, i) => {
          cells.set(`#${i}`, c);
        });
      }
      result.rows.push({ group: rowGroup, row: row.row, label: cell.text, cells, columns });
      continue;
    }
    if (inHeader || group) {
      const column = matchTable2Column(label);
      // Copies of one merged header cell (colspan) name one column, not several.
      if (column && !header.some((h) => h.cell.origin === cell.origin)) {
        if (!inHeader) {
          inHeader = true;
          header = [];
        }
        header.push({ match: column, cell });
        if (column.formats.length === 1) result.evidence[column.formats[0]!] += 1;
        if (column.column === 'amount' && group) result.amountUnits.set(group, column.unit);
      }
    }
  }
  return result;
}

/**
 * Positional layouts (PDF, pdftotext -layout): header labels wrap over two or three printed
 * lines ("本年新" / "制作数量"), above and below the 信息内容 line. The pieces of one column
 * overlap horizontally; join them top to bottom and match the whole label.
 */
function positionalHeader(ex: Extraction, info: Pos): { header: HeaderColumn[]; consumed: string[] } | null {
  const infoCell = ex.cellAt(info);
  if (infoCell?.x2 === undefined) return null;
  const isHeaderLine = (l: number) => {
    const line = ex.doc.lines[l];
    if (!line || numberCells(line).length > 0) return false;
    return !line.cells.some((c) => {
      const label = normalizeLabel(c.text);
      return matchTable2Group(label) !== null || matchTable2Row(label) !== null || label === '信息内容';
    });
  };
  let first = info.line;
  while (first - 1 >= 0 && info.line - first < 3 && isHeaderLine(first - 1)) first -= 1;
  let last = info.line;
  while (last + 1 < ex.doc.lines.length && last - info.line < 3 && isHeaderLine(last + 1)) last += 1;

  const pieces: SourceCell[] = [];
  const consumed: string[] = [];
  for (let l = first; l <= last; l += 1) {
    ex.doc.lines[l]?.cells.forEach((c, i) => {
      if (c.x !== undefined && c.x >= infoCell.x2!) {
        pieces.push(c);
        consumed.push(`${l}:${i}`);
      }
    });
  }
  const header: HeaderColumn[] = [];
  for (const column of stackColumns(pieces)) {
    const match = matchTable2Column(normalizeLabel(column.text));
    if (!match) continue;
    const top = column.cells[0]!;
    header.push({
      match,
      cell: { text: column.text, where: top.where, origin: top.origin, x: column.x, x2: column.x2 },
    });
  }
  if (header.length === 0) return null;
  return { header, consumed };
}

function groupHasRow(group: string, row: string): boolean {
  const table: Record<string, string[]> = {
    art20_1: ['rules', 'normative_documents'],
    art20_5: ['licensing', 'other_services'],
    art20_6: ['penalty', 'coercion'],
    art20_8: ['admin_fees'],
    art20_9: ['procurement'],
  };
  return table[group]?.includes(row) ?? false;
}

/** The value cells of the row whose label is at `pos`, and their positions (to skip them later). */
function rowValues(ex: Extraction, pos: Pos, n: number): { cells: SourceCell[]; positions: string[] } {
  if (ex.doc.explicitBlanks) {
    const cells = followingValues(ex, pos, n);
    return { cells, positions: [] };
  }
  // Positional and plain text: the numbers on the label's line, else on the next line.
  let cells =
    ex.doc.lines[pos.line]?.cells.filter((c, i) => i > pos.cell && parseValue(c.text).kind !== 'text') ?? [];
  if (cells.length === 0) cells = numberCells(ex.doc.lines[pos.line + 1]);
  // Digits run together ("规章 000", "行政规范性文件693665"): table 2 has no sum to check a
  // cut against, so only a cut the digits force (no leading zeros) is taken.
  const unfused = unfuseCells(cells, n, noConstraint);
  const label = ex.cellAt(pos)?.text ?? '';
  if (unfused.kind === 'cut') {
    ex.add({
      rule: 'import.fused_digits',
      severity: 'info',
      table: 'table2',
      row: matchTable2Row(ex.labelAt(pos))?.row ?? null,
      message: `表二“${label}”一行数字连写为“${cells.map((c) => c.text).join(' ')}”，唯一拆分为${unfused.solution.join('、')}`,
    });
    return { cells: unfused.cells, positions: [] };
  }
  if (unfused.kind === 'ambiguous') {
    ex.add({
      rule: 'import.fused_digits',
      severity: 'warning',
      table: 'table2',
      row: matchTable2Row(ex.labelAt(pos))?.row ?? null,
      message: `表二“${label}”一行数字连写为“${cells.map((c) => c.text).join(' ')}”，有${unfused.count}种拆分，无法确定，该行未读取，请人工核对（${cells[0]?.where ?? ''}）`,
    });
    return { cells: [], positions: [] };
  }
  return { cells, positions: [] };
}

function placeValues(ex: Extraction, cells: SourceCell[], header: HeaderColumn[]): (SourceCell | null)[] {
  if (header.length === 0 || cells.length === header.length) return cells;
  if (ex.doc.positional && header.every((h) => h.cell.x !== undefined)) {
    const slots = assignByPosition(
      cells,
      header.map((h) => headerCentre(h.cell)),
    );
    if (slots) return slots;
  }
  return cells;
}
