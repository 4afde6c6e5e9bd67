/**
 * The report as HTML: chapters and the three tables laid out like the printed form, with real
 * rowspan/colspan merged header cells and `scope` on every header (WCAG 1.3.1), blank cells
 * empty, and print CSS for A4 (margins as 党政机关公文格式 GB/T 9704).
 */
import type { Finding, Severity } from '../domain/report/finding.ts';
import { type AnnualReport, cellId } from '../domain/report/model.ts';
import { chapterBlocks, reportTitle } from './document.ts';
import type { GridCell, GridRow, TableGrid } from './grid.ts';

export interface HtmlOptions {
  findings?: readonly Finding[];
  /** true: a whole document with <meta charset>, lang and inline CSS; false: a fragment. */
  standalone?: boolean;
}

const SEVERITY_NAMES: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

/** Escapes text for element content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** CSS for the report, screen and print; scoped to `.gk-report` so a portal can embed it. */
export const REPORT_CSS = `
.gk-report { font-family: "仿宋_GB2312", "仿宋", FangSong, STFangsong, "Noto Serif CJK SC", serif; font-size: 16px; line-height: 1.8; color: #000; max-width: 52em; margin: 0 auto; }
.gk-report h1 { font-family: "方正小标宋简体", "FZXiaoBiaoSong-B05S", STZhongsong, "华文中宋", "Noto Serif CJK SC", serif; font-weight: normal; font-size: 1.6em; text-align: center; line-height: 1.4; margin: 1em 0; }
.gk-report h2 { font-family: "黑体", SimHei, "Noto Sans CJK SC", sans-serif; font-weight: normal; font-size: 1em; margin: 1em 0 0.3em; }
.gk-report p { text-indent: 2em; margin: 0; }
.gk-report table { border-collapse: collapse; table-layout: fixed; width: 100%; margin: 0.8em 0 1.2em; font-size: 12px; line-height: 1.4; }
.gk-report caption { font-family: "黑体", SimHei, "Noto Sans CJK SC", sans-serif; font-size: 14px; padding-bottom: 0.4em; }
.gk-report th, .gk-report td { border: 1px solid #000; padding: 0.25em 0.35em; text-align: center; vertical-align: middle; font-weight: normal; }
.gk-report th[scope="row"], .gk-report th.gk-row-group { text-align: left; }
.gk-report th.gk-row-group[rowspan] { text-align: center; }
.gk-report td.gk-num { font-variant-numeric: tabular-nums; min-width: 2.5em; }
.gk-report .gk-flagged { background: #fde7e7; outline: 2px solid #c62828; outline-offset: -2px; }
.gk-report .gk-findings { border: 1px solid #999; padding: 0.5em 1em; margin: 1em 0; font-family: system-ui, sans-serif; font-size: 14px; }
.gk-report .gk-findings li { margin: 0.2em 0; }
.gk-report .gk-severity { display: inline-block; min-width: 2.5em; font-weight: bold; }
.gk-report .gk-finding--error .gk-severity { color: #b71c1c; }
.gk-report .gk-finding--warning .gk-severity { color: #8a5a00; }
.gk-report .gk-finding--info .gk-severity { color: #37474f; }
.gk-report code { font-family: ui-monospace, monospace; font-size: 0.9em; }
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
@media print {
  .gk-report { max-width: none; font-size: 16pt; line-height: 28pt; }
  .gk-report h1 { font-size: 22pt; }
  .gk-report table { font-size: 9pt; line-height: 1.3; page-break-inside: auto; }
  .gk-report caption { font-size: 12pt; }
  .gk-report thead { display: table-header-group; }
  .gk-report tr { break-inside: avoid; page-break-inside: avoid; }
  .gk-report h2 { break-after: avoid; page-break-after: avoid; }
  .gk-report .gk-flagged { background: none; outline: none; }
  .gk-report .gk-findings { break-before: page; }
}
`;

/** Renders the report as HTML (a fragment, or a full document when `standalone`). */
export function renderReportHtml(report: AnnualReport, options: HtmlOptions = {}): string {
  const findings = options.findings ?? [];
  const flagged = flaggedCells(findings);
  const title = reportTitle(report);
  const parts: string[] = [`<article class="gk-report" lang="zh-CN">`, `<h1>${escapeHtml(title)}</h1>`];
  if (findings.length > 0) parts.push(renderFindings(findings));
  for (const chapter of chapterBlocks(report)) {
    parts.push(`<section class="gk-chapter" data-chapter="${escapeHtml(chapter.key)}">`);
    parts.push(`<h2>${escapeHtml(chapter.heading)}</h2>`);
    for (const paragraph of chapter.paragraphs) parts.push(`<p>${escapeHtml(paragraph)}</p>`);
    for (const table of chapter.tables) parts.push(renderTable(table, flagged));
    parts.push('</section>');
  }
  parts.push('</article>');
  const body = parts.join('\n');
  if (!options.standalone) return body;
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head>',
    '<body>',
    body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** Cell ids (table3.granted.natural_person) mentioned by findings, with their messages. */
function flaggedCells(findings: readonly Finding[]): Map<string, string[]> {
  const flagged = new Map<string, string[]>();
  for (const f of findings) {
    if (f.table === null || f.table === 'narrative' || f.row === null || f.column === null) continue;
    const id = cellId(f.table, f.row, f.column);
    flagged.set(id, [...(flagged.get(id) ?? []), f.message]);
  }
  return flagged;
}

function renderFindings(findings: readonly Finding[]): string {
  const items = findings.map(
    (f) =>
      `<li class="gk-finding gk-finding--${f.severity}"><span class="gk-severity">${SEVERITY_NAMES[f.severity]}</span> ` +
      `<code>${escapeHtml(f.rule)}</code> ${escapeHtml(f.message)}</li>`,
  );
  return [
    '<section class="gk-findings" aria-labelledby="gk-findings-heading">',
    `<h2 id="gk-findings-heading">检查发现的问题（${findings.length}条）</h2>`,
    '<ul>',
    ...items,
    '</ul>',
    '</section>',
  ].join('\n');
}

function renderTable(grid: TableGrid, flagged: Map<string, string[]>): string {
  const lines = [
    `<table class="gk-table" data-table="${grid.key}">`,
    `<caption>${escapeHtml(grid.caption)}</caption>`,
    // Column widths as on the printed form, so the narrow 三、本年度办理结果 column reads downwards.
    `<colgroup>${grid.columnWidths.map((w) => `<col style="width:${(w * 100).toFixed(2)}%">`).join('')}</colgroup>`,
  ];
  const head = grid.rows.filter((r) => r.isHeader);
  if (head.length > 0) {
    lines.push('<thead>', ...head.map((r) => renderRow(r, flagged)), '</thead>');
  }
  // Table 2: one <tbody> per article item, so its group heading can scope the rows (scope="rowgroup").
  let group: string | undefined;
  let isOpen = false;
  for (const row of grid.rows.filter((r) => !r.isHeader)) {
    if (!isOpen || row.group !== group) {
      if (isOpen) lines.push('</tbody>');
      lines.push('<tbody>');
      isOpen = true;
      group = row.group;
    }
    lines.push(renderRow(row, flagged));
  }
  if (isOpen) lines.push('</tbody>');
  lines.push('</table>');
  return lines.join('\n');
}

function renderRow(row: GridRow, flagged: Map<string, string[]>): string {
  return `<tr>${row.cells.map((c) => renderCell(c, row, flagged)).join('')}</tr>`;
}

function spans(cell: GridCell): string {
  return (
    (cell.rowSpan > 1 ? ` rowspan="${cell.rowSpan}"` : '') +
    (cell.colSpan > 1 ? ` colspan="${cell.colSpan}"` : '')
  );
}

function renderCell(cell: GridCell, row: GridRow, flagged: Map<string, string[]>): string {
  const text = escapeHtml(cell.text);
  switch (cell.role) {
    case 'value': {
      const ref = cell.ref;
      if (!ref) return `<td${spans(cell)}>${text}</td>`;
      const id = cellId(ref.table, ref.row, ref.column);
      const messages = flagged.get(id);
      const flag = messages ? ` title="${escapeHtml(messages.join('；'))}"` : '';
      return `<td class="gk-num${messages ? ' gk-flagged' : ''}" data-cell="${id}"${spans(cell)}${flag}>${text}</td>`;
    }
    case 'row':
      return `<th scope="row"${spans(cell)}>${text}</th>`;
    case 'row-group':
      return `<th scope="rowgroup" class="gk-row-group"${spans(cell)}>${text}</th>`;
    case 'corner':
      return `<td class="gk-corner"${spans(cell)}>${text}</td>`;
    case 'group':
      // A full-width group label in a table-2 body heads its <tbody>; in <thead> it heads columns.
      return row.isHeader
        ? `<th scope="colgroup"${spans(cell)}>${text}</th>`
        : `<th scope="rowgroup"${spans(cell)}>${text}</th>`;
    case 'column':
      return `<th scope="col"${spans(cell)}>${text}</th>`;
    default:
      return cell.role satisfies never;
  }
}
