/**
 * An annual report as accessible HTML for the portal and the back office, drawn from the same
 * grids every renderer uses (src/render/grid.ts, document.ts): caption, scope on every header,
 * merged cells as printed. Each finding is numbered and shown where it belongs — under its
 * table with the flagged cell marked and linked, under its chapter, or at the top for the
 * whole document — and the findings list links to each.
 */
import type { ComponentChildren } from 'preact';
import { bySeverity, type Finding, type Severity } from '../../domain/report/finding.ts';
import { CHAPTER_KEYS, type ChapterKey } from '../../domain/report/formats/index.ts';
import {
  table2ColumnLabel,
  table2RowLabel,
  table3ColumnLabel,
  table3RowShortLabel,
  table4Label,
} from '../../domain/report/labels.ts';
import { type AnnualReport, cellId } from '../../domain/report/model.ts';
import { chapterBlocks, reportTitle } from '../../render/document.ts';
import { FORM_TEXT } from '../../render/form-text.ts';
import type { GridCell, GridRow, GridTableKey, TableGrid } from '../../render/grid.ts';

export const SEVERITY_LABELS: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

/** Styles of the inline findings; the report itself uses REPORT_CSS (src/render/html.ts). */
export const REPORT_VIEW_CSS = `
.gk-report .gk-mark{font-family:system-ui,sans-serif;font-size:11px;margin-left:.2em;white-space:nowrap}
.gk-report .inline-findings{font-family:system-ui,sans-serif;font-size:14px;line-height:1.6;border-left:4px solid #a4000f;background:#fff8f8;margin:.2em 0 1.2em;padding:.4em .8em .4em 1.6em}
.gk-report .inline-findings li{margin:.15em 0}
.gk-report .inline-findings li:target,.gk-report td:target{outline:3px solid #f0a202}
.sev{display:inline-block;min-width:2.6em;font-weight:bold}
.sev-error{color:#a4000f}.sev-warning{color:#7a4d00}.sev-info{color:#37474f}
.findings-summary{border:1px solid #999;padding:.5em 1em;margin:1em 0}
.findings-summary ol{margin:.3em 0;padding-left:1.6em}
`;

const TABLE_NAMES: Record<GridTableKey, string> = FORM_TEXT.shortNames;

/** A finding with its number and where it is shown. */
export interface NumberedFinding {
  n: number;
  finding: Finding;
  /** id of the finding's inline entry. */
  anchor: string;
  /** id of the flagged table cell, when the finding names one. */
  cell: string | null;
  place: { table: GridTableKey } | { chapter: ChapterKey } | 'document';
}

const CHAPTER_KEYS_SET = new Set<string>(CHAPTER_KEYS);

/** The HTML id of a table cell: `cell-table3-new_received-total`. */
export const cellAnchor = (table: GridTableKey, row: string, column: string): string =>
  `cell-${cellId(table, row, column).replaceAll('.', '-')}`;

export function numberFindings(findings: readonly Finding[]): NumberedFinding[] {
  return [...findings].sort(bySeverity).map((finding, i) => {
    const n = i + 1;
    const { table, row, column } = finding;
    if (table === 'table2' || table === 'table3' || table === 'table4') {
      return {
        n,
        finding,
        anchor: `finding-${n}`,
        cell: row !== null && column !== null ? cellAnchor(table, row, column) : null,
        place: { table },
      };
    }
    if (table === 'narrative') {
      // Chapter-level findings name their chapter in `row`; the figures of 一、总体情况 do not.
      const chapter = (row !== null && CHAPTER_KEYS_SET.has(row) ? row : 'overview') as ChapterKey;
      return { n, finding, anchor: `finding-${n}`, cell: null, place: { chapter } };
    }
    return { n, finding, anchor: `finding-${n}`, cell: null, place: 'document' };
  });
}

/** Where a finding is, in words: 表三 本年新收政府信息公开申请数量 / 自然人. */
export function findingLocation(report: AnnualReport, f: Finding): string {
  const { table, row, column } = f;
  switch (table) {
    case 'table2':
      return [
        TABLE_NAMES.table2,
        row && table2RowLabel(report.format, row),
        row && column && table2ColumnLabel(report.format, row, column),
      ]
        .filter(Boolean)
        .join(' ');
    case 'table3':
      return [
        TABLE_NAMES.table3,
        row && table3RowShortLabel(report.format, row),
        column && table3ColumnLabel(column),
      ]
        .filter(Boolean)
        .join(' ');
    case 'table4':
      return [TABLE_NAMES.table4, row && table4Label(row, column ?? undefined)].filter(Boolean).join(' ');
    case 'narrative':
      return '正文';
    default:
      return '全文';
  }
}

function SeverityLabel({ severity }: { severity: Severity }) {
  return <span class={`sev sev-${severity}`}>{SEVERITY_LABELS[severity]}</span>;
}

export function severityCounts(findings: readonly Finding[]): string {
  const parts = (['error', 'warning', 'info'] as const)
    .map((s) => [s, findings.filter((f) => f.severity === s).length] as const)
    .filter(([, count]) => count > 0)
    .map(([s, count]) => `${SEVERITY_LABELS[s]}${count}条`);
  return parts.length > 0 ? parts.join('，') : '未发现问题';
}

/** The list of every finding, each linking to where it is shown. */
export function FindingsSummary({
  report,
  numbered,
  heading = '检查结果',
}: {
  report: AnnualReport;
  numbered: readonly NumberedFinding[];
  heading?: string;
}) {
  return (
    <section class="findings-summary" aria-labelledby="findings-heading">
      <h2 id="findings-heading">{heading}</h2>
      <p>{severityCounts(numbered.map((x) => x.finding))}</p>
      {numbered.length > 0 ? (
        <ol>
          {numbered.map((x) => (
            <li>
              <SeverityLabel severity={x.finding.severity} />{' '}
              <a href={`#${x.anchor}`}>
                问题{x.n}（{findingLocation(report, x.finding)}）
              </a>
              ：{x.finding.message}
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}

function InlineFindings({
  report,
  items,
  label,
}: {
  report: AnnualReport;
  items: readonly NumberedFinding[];
  label: string;
}) {
  if (items.length === 0) return null;
  return (
    <ul class="inline-findings" aria-label={label}>
      {items.map((x) => (
        <li id={x.anchor}>
          <SeverityLabel severity={x.finding.severity} /> 问题{x.n}（{findingLocation(report, x.finding)}）：
          {x.finding.message}
          {x.cell ? (
            <>
              {' '}
              <a href={`#${x.cell}`}>定位到单元格</a>
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

function spans(cell: GridCell) {
  return {
    rowSpan: cell.rowSpan > 1 ? cell.rowSpan : undefined,
    colSpan: cell.colSpan > 1 ? cell.colSpan : undefined,
  };
}

function Cell({
  cell,
  row,
  byCell,
}: {
  cell: GridCell;
  row: GridRow;
  byCell: Map<string, NumberedFinding[]>;
}) {
  switch (cell.role) {
    case 'value': {
      const ref = cell.ref;
      if (!ref) return <td {...spans(cell)}>{cell.text}</td>;
      const id = cellAnchor(ref.table, ref.row, ref.column);
      const marks = byCell.get(id) ?? [];
      return (
        <td
          id={marks.length > 0 ? id : undefined}
          class={marks.length > 0 ? 'gk-num gk-flagged' : 'gk-num'}
          data-cell={cellId(ref.table, ref.row, ref.column)}
          {...spans(cell)}
        >
          {cell.text}
          {marks.map((x) => (
            <a class="gk-mark" href={`#${x.anchor}`}>
              问题{x.n}
            </a>
          ))}
        </td>
      );
    }
    case 'row':
      return (
        <th scope="row" {...spans(cell)}>
          {cell.text}
        </th>
      );
    case 'row-group':
      return (
        <th scope="rowgroup" class="gk-row-group" {...spans(cell)}>
          {cell.text}
        </th>
      );
    case 'corner':
      return (
        <td class="gk-corner" {...spans(cell)}>
          {cell.text}
        </td>
      );
    case 'group':
      return (
        <th scope={row.isHeader ? 'colgroup' : 'rowgroup'} {...spans(cell)}>
          {cell.text}
        </th>
      );
    case 'column':
      return (
        <th scope="col" {...spans(cell)}>
          {cell.text}
        </th>
      );
    default:
      return cell.role satisfies never;
  }
}

function ReportTable({ grid, byCell }: { grid: TableGrid; byCell: Map<string, NumberedFinding[]> }) {
  const head = grid.rows.filter((r) => r.isHeader);
  // Table 2: one <tbody> per article item, so its group heading scopes the rows.
  const bodies: GridRow[][] = [];
  let group: string | undefined;
  for (const row of grid.rows.filter((r) => !r.isHeader)) {
    const last = bodies[bodies.length - 1];
    if (!last || row.group !== group) bodies.push([row]);
    else last.push(row);
    group = row.group;
  }
  return (
    <table class="gk-table" id={`table-${grid.key}`} data-table={grid.key}>
      <caption>{grid.caption}</caption>
      <colgroup>
        {grid.columnWidths.map((w) => (
          <col style={`width:${(w * 100).toFixed(2)}%`} />
        ))}
      </colgroup>
      {head.length > 0 ? (
        <thead>
          {head.map((r) => (
            <tr>
              {r.cells.map((c) => (
                <Cell cell={c} row={r} byCell={byCell} />
              ))}
            </tr>
          ))}
        </thead>
      ) : null}
      {bodies.map((rows) => (
        <tbody>
          {rows.map((r) => (
            <tr>
              {r.cells.map((c) => (
                <Cell cell={c} row={r} byCell={byCell} />
              ))}
            </tr>
          ))}
        </tbody>
      ))}
    </table>
  );
}

export interface ReportDocumentProps {
  report: AnnualReport;
  numbered: readonly NumberedFinding[];
  /** Replaces a chapter's printed paragraphs (the workspace's text editor). */
  chapterBody?: (key: ChapterKey, heading: string, text: string) => ComponentChildren;
  /** Heading level of the title (h1, or h2 in the workspace); 0: the page prints the title itself. */
  titleLevel?: 0 | 1 | 2;
}

/** The report with its chapters and tables, each finding shown where it belongs. */
export function ReportDocument({ report, numbered, chapterBody, titleLevel = 1 }: ReportDocumentProps) {
  const byCell = new Map<string, NumberedFinding[]>();
  for (const x of numbered) if (x.cell) byCell.set(x.cell, [...(byCell.get(x.cell) ?? []), x]);
  const title = reportTitle(report);
  const Title = titleLevel === 2 ? 'h2' : 'h1';
  const Heading = titleLevel === 2 ? 'h3' : 'h2';
  const general = numbered.filter((x) => x.place === 'document');
  return (
    <article class="gk-report" lang="zh-CN">
      {titleLevel === 0 ? null : <Title class="gk-title">{title}</Title>}
      <InlineFindings report={report} items={general} label="关于全文的检查结果" />
      {chapterBlocks(report).map((chapter) => {
        const key = chapter.key as ChapterKey;
        const here = numbered.filter(
          (x) => typeof x.place === 'object' && 'chapter' in x.place && x.place.chapter === key,
        );
        return (
          <section class="gk-chapter" data-chapter={key} id={`chapter-${key}`}>
            <Heading>{chapter.heading}</Heading>
            {chapterBody
              ? chapterBody(key, chapter.heading, report.chapters[key]?.text ?? '')
              : chapter.paragraphs.map((p) => <p>{p}</p>)}
            <InlineFindings report={report} items={here} label={`${chapter.heading}的检查结果`} />
            {chapter.tables.map((grid) => (
              <>
                <ReportTable grid={grid} byCell={byCell} />
                <InlineFindings
                  report={report}
                  items={numbered.filter(
                    (x) => typeof x.place === 'object' && 'table' in x.place && x.place.table === grid.key,
                  )}
                  label={`${TABLE_NAMES[grid.key]}的检查结果`}
                />
              </>
            ))}
          </section>
        );
      })}
    </article>
  );
}
