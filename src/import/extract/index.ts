/**
 * From a SourceDocument to an AnnualReport: find the regions, read each table, decide the
 * format from what was printed, and record where every number came from. Never throws on a
 * bad document: problems become findings.
 */
import type { Finding } from '../../domain/report/finding.ts';
import {
  type ChapterKey,
  FORMATS,
  type FormatKey,
  formatForYear,
  TABLE3_COLUMNS,
  TABLE4_COLUMNS,
  TABLE4_GROUPS,
} from '../../domain/report/formats/index.ts';
import { table2RowLabel, table3RowShortLabel } from '../../domain/report/labels.ts';
import { type AnnualReport, emptyReport } from '../../domain/report/model.ts';
import { parseValue } from '../normalize.ts';
import type { SourceCell, SourceDocument } from '../source.ts';
import { Extraction, type Provenance } from './context.ts';
import { factsOf } from './facts.ts';
import { readMeta } from './meta.ts';
import { findRegions, type Regions } from './regions.ts';
import { extractTable2, type RawTable2 } from './table2.ts';
import { extractTable3, type RawRow, slotValue } from './table3.ts';
import { extractTable4 } from './table4.ts';

export interface ExtractResult {
  report: AnnualReport;
  findings: Finding[];
  provenance: Record<string, Provenance>;
}

export function extractReport(doc: SourceDocument): ExtractResult {
  const ex = new Extraction(doc);
  const regions = findRegions(doc);
  const meta = readMeta(doc);
  const t2 = regions.table2 ? extractTable2(ex, regions.table2) : null;
  const t3 = regions.table3 ? extractTable3(ex, regions.table3) : new Map<string, RawRow>();
  const t4 = regions.table4 ? extractTable4(ex, regions.table4) : null;

  const format = decideFormat(ex, t2, t3, meta.year);
  const report = emptyReport(format, { agency: meta.agency, year: meta.year, title: meta.title });
  if (t2) fillTable2(ex, report, t2);
  else missing(ex, 'table2', '表二（主动公开政府信息情况）');
  if (regions.table3) fillTable3(ex, report, t3);
  else missing(ex, 'table3', '表三（收到和处理政府信息公开申请情况）');
  if (t4) fillTable4(ex, report, t4);
  else missing(ex, 'table4', '表四（政府信息公开行政复议、行政诉讼情况）');
  report.chapters = readChapters(doc, regions);
  return { report, findings: ex.findings, provenance: ex.provenance };
}

function missing(ex: Extraction, table: 'table2' | 'table3' | 'table4', name: string): void {
  ex.add({ rule: 'structure.missing', severity: 'error', table, message: `文档中未找到${name}` });
}

function decideFormat(
  ex: Extraction,
  t2: RawTable2 | null,
  t3: Map<string, RawRow>,
  year: number | null,
): FormatKey {
  const byTable2: FormatKey | null =
    t2 && t2.evidence['2019'] !== t2.evidence['2021']
      ? t2.evidence['2019'] > t2.evidence['2021']
        ? '2019'
        : '2021'
      : null;
  const byTable3: FormatKey | null = t3.has('other')
    ? '2019'
    : ['other_1', 'other_2', 'other_3'].some((k) => t3.has(k))
      ? '2021'
      : null;
  const format = byTable2 ?? byTable3 ?? (year !== null ? formatForYear(year) : '2021');
  if (byTable2 && byTable3 && byTable2 !== byTable3) {
    ex.add({
      rule: 'format.mixed',
      severity: 'warning',
      table: 'table3',
      expected: byTable2,
      actual: byTable3,
      message:
        byTable3 === '2019'
          ? '表二使用2021年格式，表三却仍使用2019年格式的单行“（六）其他处理”；已将其计入“3.其他”'
          : '表二使用2019年格式，表三却使用2021年格式的“（六）其他处理”三个子项；已合并计入“（六）其他处理”',
    });
  }
  return format;
}

function fillTable2(ex: Extraction, report: AnnualReport, raw: RawTable2): void {
  const spec = FORMATS[report.format];
  const seen = new Set<string>();
  for (const r of raw.rows) {
    const group = spec.table2.find((g) => g.rows.some((row) => row.key === r.row));
    if (!group || seen.has(r.row)) continue;
    seen.add(r.row);
    const columns = group.columns.map((c) => c.key);
    // Without a readable header, values go to the format's columns in order.
    const entries: [string, SourceCell | null][] =
      r.columns.length > 0
        ? [...r.cells.entries()]
        : [...r.cells.values()].map((c, i) => [columns[i] ?? `#${i}`, c]);
    for (const [column, cell] of entries) {
      if (!columns.includes(column) || !cell) continue;
      const parsed = parseValue(cell.text);
      if (parsed.kind !== 'number') continue;
      let value = parsed.value;
      if (column === 'amount') {
        const unit = parsed.unit ?? raw.amountUnits.get(group.key) ?? null;
        if (unit !== '万元') {
          if (unit === '元') value = Math.round(value) / 10000;
          ex.add({
            rule: 't2.amount_unit',
            severity: 'info',
            table: 'table2',
            row: r.row,
            column,
            expected: '万元',
            actual: unit ?? '未注明',
            message:
              unit === '元'
                ? `表二“${table2RowLabel(report.format, r.row)}”金额印为“${cell.text}”（元），已换算为${value}万元`
                : `表二“${table2RowLabel(report.format, r.row)}”金额未注明单位，按万元读取为${value}`,
          });
        }
      }
      report.table2[r.row]![column] = value;
      ex.note('table2', r.row, column, cell, r.label);
    }
  }
  if (ex.doc.explicitBlanks) {
    for (const group of spec.table2) {
      for (const row of group.rows) {
        if (!seen.has(row.key)) {
          ex.add({
            rule: 'structure.missing',
            severity: 'error',
            table: 'table2',
            row: row.key,
            message: `表二缺少“${table2RowLabel(report.format, row.key)}”一行`,
          });
        }
      }
    }
  }
}

function fillTable3(ex: Extraction, report: AnnualReport, rows: Map<string, RawRow>): void {
  const keys = FORMATS[report.format].table3.rows.map((r) => r.key);
  for (const raw of rows.values()) {
    let key = raw.key;
    if (report.format === '2021' && key === 'other') key = 'other_3';
    if (report.format === '2019' && /^other_\d$/.test(key)) key = 'other';
    const target = report.table3[key];
    if (!target) continue;
    TABLE3_COLUMNS.forEach((column, i) => {
      const cell = raw.slots[i] ?? null;
      const value = slotValue(cell);
      if (value === null || !cell) return;
      // Merged 2021 sub-rows into a 2019 `other` add up.
      target[column] = (target[column] ?? 0) + value;
      ex.note('table3', key, column, cell, raw.label);
    });
  }
  const found = new Set([...rows.keys()].map((k) => (k.startsWith('other') ? 'other' : k)));
  if (rows.size === 0) {
    ex.add({
      rule: 'structure.missing',
      severity: 'error',
      table: 'table3',
      message: '表三中未读到任何数据行',
    });
    return;
  }
  if (!ex.doc.explicitBlanks) return;
  for (const key of keys) {
    if (!found.has(key.startsWith('other') ? 'other' : key)) {
      ex.add({
        rule: 'structure.missing',
        severity: 'error',
        table: 'table3',
        row: key,
        message: `表三缺少“${table3RowShortLabel(report.format, key)}”一行`,
      });
    }
  }
}

function fillTable4(ex: Extraction, report: AnnualReport, slots: (SourceCell | null)[]): void {
  TABLE4_GROUPS.forEach((group, g) => {
    TABLE4_COLUMNS.forEach((column, c) => {
      const cell = slots[g * TABLE4_COLUMNS.length + c] ?? null;
      const value = slotValue(cell);
      if (value === null || !cell) return;
      report.table4[group][column] = value;
      ex.note('table4', group, column, cell, `${group}.${column}`);
    });
  });
}

function readChapters(doc: SourceDocument, regions: Regions): AnnualReport['chapters'] {
  const { texts } = factsOf(doc);
  const chapters: AnnualReport['chapters'] = {};
  const inTable = (i: number) =>
    [regions.table2, regions.table3, regions.table4].some((r) => r !== null && i >= r.from && i < r.to);
  regions.chapters.forEach((chapter, k) => {
    const end = regions.chapters[k + 1]?.line ?? doc.lines.length;
    const text: string[] = [];
    for (let i = chapter.line + 1; i < end; i += 1) {
      const line = doc.lines[i];
      if (!line || line.isTableRow || inTable(i)) continue;
      text.push(texts[i]!.trim());
    }
    chapters[chapter.key as ChapterKey] = { heading: chapter.heading, text: text.join('\n').trim() };
  });
  return chapters;
}
