/**
 * 年报导入检查 in the back office: upload one or many published annual reports (Regulation
 * art. 49-50), see the three tables as read with where every number came from, the findings
 * beside the cells they concern and the reader's own notes, and correct cells with a note.
 * Every signed-in user may import and look; corrections are for the uploader's agency (its
 * users and the county administrator above it) and, for reports the system imported, any
 * administrator (services/imports/correct-report.ts `canCorrect`).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import type {
  CellProvenance,
  Correction,
  ImportedReportSummary,
} from '../../../db/repositories/imported-reports.ts';
import { DomainError } from '../../../domain/errors.ts';
import { bySeverity, type Finding, type Severity } from '../../../domain/report/finding.ts';
import {
  FORMATS,
  TABLE3_COLUMN_LABELS,
  TABLE3_COLUMNS,
  TABLE4_COLUMN_LABELS,
  TABLE4_COLUMNS,
  TABLE4_GROUP_LABELS,
  TABLE4_GROUPS,
} from '../../../domain/report/formats/index.ts';
import { table3RowLabel } from '../../../domain/report/labels.ts';
import type { AnnualReport, CellValue } from '../../../domain/report/model.ts';
import type { SignedInUser } from '../../../services/accounts/model.ts';
import type { Deps } from '../../../services/deps.ts';
import {
  type CellSpec,
  cellsOf,
  cellValue,
  showValue,
  TABLE_TITLES,
  type TableName,
} from '../../../services/imports/cells.ts';
import { canCorrect, correctReport, InvalidCorrection } from '../../../services/imports/correct-report.ts';
import {
  type ImportOutcome,
  importReports,
  SOURCE_KIND_LABELS,
} from '../../../services/imports/import-reports.ts';
import {
  countFindings,
  getImportedReport,
  importedReportSource,
  listImportedReports,
  parseReportId,
} from '../../../services/imports/queries.ts';
import { csrfTokenFor, requireUser } from '../../auth.ts';
import { readMultipart } from '../../multipart.ts';
import { renderAdminPage } from '../../views/admin/admin-layout.tsx';
import { ErrorSummary } from '../../views/form.tsx';
import { beijingTime } from '../../views/time.ts';
import { contentDisposition } from '../request.ts';

const HTML = 'text/html; charset=utf-8';
/** How many cells one correction form takes. */
export const CORRECTION_SLOTS = 3;
const SEVERITY_LABELS: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };
const ACCEPT = '.pdf,.docx,.doc,.html,.htm,.shtml,.txt,application/pdf,text/html,text/plain';

const IMPORT_CSS = `
.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
table.cells{border-collapse:collapse;margin:.5rem 0 1.5rem;min-width:100%}
table.cells caption{text-align:left;font-weight:bold;padding:.3rem 0}
table.cells th,table.cells td{border:1px solid #bbb;padding:.3rem .45rem;vertical-align:top}
table.cells thead th{background:#f3f4f6;min-width:3.2em}
table.cells th[scope=row]{text-align:left;min-width:9em}
table.cells td.flag-error{background:#fde2e2}
table.cells td.flag-warning{background:#fff4d6}
.scroll{overflow-x:auto}
.sev{display:inline-block;padding:0 .3rem;border-radius:.2rem;font-size:.85em;font-weight:bold;margin-right:.25rem}
.sev-error{background:#fde2e2;color:#8a1111}.sev-warning{background:#fff0c2;color:#6b4400}.sev-info{background:#e8eef5;color:#27394d}
.was{display:block;font-size:.8em;color:#444}
ul.row-findings{margin:0;padding-left:1rem;min-width:14rem}
details.sources summary{cursor:pointer;color:#0b4f9c}
details.sources ul{margin:.25rem 0 0;padding-left:1rem;min-width:18rem}
.notice{border:2px solid #11652b;background:#e1f5e6;padding:.5rem 1rem}
fieldset.change{border:1px solid #ccc;margin:0 0 1rem;padding:.5rem 1rem}
`;

const when = (iso: string) => beijingTime(iso);
const kb = (n: number) => (n < 1024 ? `${n} 字节` : `${(n / 1024).toFixed(n < 10240 ? 1 : 0)} KB`);
const reportName = (r: Pick<ImportedReportSummary, 'agencyName' | 'year'>) =>
  `${r.agencyName ?? '（未识别机关）'}${r.year ? `${r.year}年` : ''}`;

function SeverityTag({ s }: { s: Severity }) {
  return <span class={`sev sev-${s}`}>{SEVERITY_LABELS[s]}</span>;
}

function Counts({ findings }: { findings: readonly Finding[] }) {
  const c = countFindings(findings);
  if (c.errors === 0 && c.warnings === 0) return <span class="badge ok">通过检查</span>;
  return (
    <>
      {c.errors > 0 ? <span class="badge error">错误{c.errors}条</span> : null}{' '}
      {c.warnings > 0 ? <span class="sev sev-warning">警告{c.warnings}条</span> : null}
    </>
  );
}

// ---------------------------------------------------------------------------------------------
// The upload page and the list

interface ListPageInput {
  user: SignedInUser;
  csrf: string;
  reports: ImportedReportSummary[];
  outcomes: ImportOutcome[] | null;
  error: string | null;
}

const OUTCOME_LABELS: Record<ImportOutcome['status'], string> = {
  imported: '已导入',
  duplicate: '重复文件（已导入过，未再保存）',
  unreadable: '无法读取',
};

function renderListPage({ user, csrf, reports, outcomes, error }: ListPageInput): string {
  return renderAdminPage({
    title: '年报导入检查',
    path: '/admin/imports',
    signedIn: { displayName: user.displayName, csrfToken: csrf, role: user.role },
    children: (
      <>
        <style dangerouslySetInnerHTML={{ __html: IMPORT_CSS }} />
        <h1>年报导入检查</h1>
        <p>
          上传各机关已经发布的政府信息公开工作年度报告（PDF、Word（.docx）、网页或文本文件），系统读取三张统计表，注明每个数字的出处，并按勾稽关系逐项检查。可一次选择多个文件；同一文件重复上传时不会重复保存。
        </p>
        <ErrorSummary errors={error ? { files: error } : {}} labels={{ files: '年度报告文件' }} />
        <form method="post" action="/admin/imports" enctype="multipart/form-data" aria-labelledby="upload-h">
          <h2 id="upload-h">上传年度报告</h2>
          <input type="hidden" name="_csrf" value={csrf} />
          <div class="field">
            <label for="files">年度报告文件（可多选）</label>
            <input
              id="files"
              name="files"
              type="file"
              multiple
              accept={ACCEPT}
              aria-describedby={error ? 'files-hint files-error' : 'files-hint'}
              aria-invalid={error ? 'true' : undefined}
            />
            <p class="hint" id="files-hint">
              每个文件不超过20MB，一次最多20个。扫描图片、旧版 .doc 文件请先另存为 PDF 或 .docx。
            </p>
            {error ? (
              <p class="error" id="files-error">
                {error}
              </p>
            ) : null}
          </div>
          <button type="submit">导入并检查</button>
        </form>
        {outcomes ? (
          <section aria-labelledby="results-h">
            <h2 id="results-h" tabindex={-1}>
              本次导入结果（{outcomes.length}个文件）
            </h2>
            <div role="status">
              <p>
                已导入{outcomes.filter((o) => o.status === 'imported').length}个，重复
                {outcomes.filter((o) => o.status === 'duplicate').length}个，无法读取
                {outcomes.filter((o) => o.status === 'unreadable').length}个。
              </p>
            </div>
            <div class="scroll">
              <table class="list" id="results">
                <caption class="visually-hidden">本次上传的每个文件的导入结果</caption>
                <thead>
                  <tr>
                    <th scope="col">文件</th>
                    <th scope="col">结果</th>
                    <th scope="col">报告</th>
                    <th scope="col">检查</th>
                  </tr>
                </thead>
                <tbody>
                  {outcomes.map((o) => (
                    <tr>
                      <th scope="row">{o.fileName}</th>
                      <td>
                        {o.status === 'unreadable' ? (
                          <>
                            <SeverityTag s="error" />
                            {OUTCOME_LABELS[o.status]}：{o.message}（{o.code}）
                          </>
                        ) : (
                          OUTCOME_LABELS[o.status]
                        )}
                      </td>
                      <td>
                        {o.status === 'unreadable' ? (
                          '—'
                        ) : (
                          <a href={`/admin/imports/${o.report.id}`}>
                            {reportName(o.report)}（{FORMATS[o.report.format].issuedBy}格式）
                          </a>
                        )}
                      </td>
                      <td>{o.status === 'unreadable' ? '—' : <Counts findings={o.report.findings} />}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        ) : null}
        <h2 id="list-h">已导入的年度报告（{reports.length}份）</h2>
        {reports.length === 0 ? (
          <p>还没有导入任何年度报告。</p>
        ) : (
          <div class="scroll">
            <table class="list" id="imported" aria-labelledby="list-h">
              <thead>
                <tr>
                  <th scope="col">机关</th>
                  <th scope="col">年度</th>
                  <th scope="col">格式</th>
                  <th scope="col">文件</th>
                  <th scope="col">错误</th>
                  <th scope="col">警告</th>
                  <th scope="col">更正</th>
                  <th scope="col">导入</th>
                </tr>
              </thead>
              <tbody>
                {reports.map((r) => {
                  const c = countFindings(r.findings);
                  return (
                    <tr>
                      <th scope="row">
                        <a href={`/admin/imports/${r.id}`}>{r.agencyName ?? '（未识别机关）'}</a>
                      </th>
                      <td>{r.year ?? '未识别'}</td>
                      <td>{r.format}年格式</td>
                      <td>
                        {r.fileName}（{SOURCE_KIND_LABELS[r.sourceKind] ?? r.sourceKind}）
                      </td>
                      <td class="num">{c.errors}</td>
                      <td class="num">{c.warnings}</td>
                      <td class="num">{r.correctionCount}</td>
                      <td>
                        {when(r.createdAt)} {r.uploadedBy}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </>
    ),
  });
}

// ---------------------------------------------------------------------------------------------
// The detail page

interface DetailInput {
  user: SignedInUser;
  csrf: string;
  record: Awaited<ReturnType<typeof getImportedReport>>;
  mayCorrect: boolean;
  values: Record<string, string>;
  errors: Record<string, string>;
  saved: number | null;
}

interface TableRow {
  key: string;
  label: string;
  cells: (CellSpec | null)[];
}

/** Findings about a row of a table (any column), or about a cell. */
function findingsAt(findings: readonly Finding[], table: TableName, row: string): Finding[] {
  return findings.filter((f) => f.table === table && f.row === row).sort(bySeverity);
}

function columnLabelOf(spec: CellSpec, columns: readonly { key: string; label: string }[]): string {
  return columns.find((c) => c.key === spec.column)?.label ?? spec.column;
}

function ValueCell({
  spec,
  report,
  corrections,
  findings,
}: {
  spec: CellSpec;
  report: AnnualReport;
  corrections: Record<string, Correction>;
  findings: readonly Finding[];
}) {
  const here = findings.filter(
    (f) => f.table === spec.table && f.row === spec.row && f.column === spec.column,
  );
  const worst = here.sort(bySeverity)[0]?.severity;
  const corrected = corrections[spec.id];
  const v: CellValue = cellValue(report, spec);
  return (
    <td
      class={`num${worst === 'error' || worst === 'warning' ? ` flag-${worst}` : ''}`}
      data-cell={spec.id}
      id={`cell-${spec.id}`}
    >
      {v === null ? <span class="visually-hidden">空白</span> : v}
      {corrected ? <span class="was">已更正，原读取为{showValue(corrected.from)}</span> : null}
      {worst && worst !== 'info' ? (
        <span class="was">
          <SeverityTag s={worst} />
          <span class="visually-hidden">见本行检查结果</span>
        </span>
      ) : null}
    </td>
  );
}

function SourceList({
  row,
  columns,
  provenance,
  corrections,
  mayCorrect,
  reportId,
}: {
  row: TableRow;
  columns: readonly { key: string; label: string }[];
  provenance: Record<string, CellProvenance>;
  corrections: Record<string, Correction>;
  mayCorrect: boolean;
  reportId: number;
}) {
  const cells = row.cells.filter((c): c is CellSpec => c !== null);
  const read = cells.filter((c) => provenance[c.id]).length;
  return (
    <details class="sources">
      <summary>
        来源（{read}/{cells.length}）<span class="visually-hidden">：{row.label}</span>
      </summary>
      <ul>
        {cells.map((spec) => {
          const p = provenance[spec.id];
          const c = corrections[spec.id];
          return (
            <li data-provenance={spec.id}>
              <strong>{columnLabelOf(spec, columns)}</strong>：
              {p ? (
                <>
                  读自{p.where}，原文“{p.text}”，对应栏目“{p.label}”
                </>
              ) : (
                '原文中未读到（按空白处理）'
              )}
              {c ? (
                <>
                  ；{when(c.at)} {c.by}更正为{showValue(c.to)}（{c.note}）
                </>
              ) : null}
              {mayCorrect ? (
                <>
                  {' '}
                  <a href={`/admin/imports/${reportId}?cell=${encodeURIComponent(spec.id)}#correct-h`}>
                    更正<span class="visually-hidden">{spec.label}</span>
                  </a>
                </>
              ) : null}
            </li>
          );
        })}
      </ul>
    </details>
  );
}

function CellTable({
  id,
  caption,
  table,
  rowHeader,
  columns,
  rows,
  input,
}: {
  id: string;
  caption: string;
  table: TableName;
  rowHeader: string;
  columns: readonly { key: string; label: string }[];
  rows: TableRow[];
  input: DetailInput;
}) {
  const { record, mayCorrect } = input;
  return (
    <div class="scroll">
      <table class="cells" id={id} data-table={table}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{rowHeader}</th>
            {columns.map((c) => (
              <th scope="col">{c.label}</th>
            ))}
            <th scope="col">检查结果</th>
            <th scope="col">数字来源</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const here = findingsAt(record.findings, table, row.key);
            return (
              <tr data-row={row.key}>
                <th scope="row">{row.label}</th>
                {row.cells.map((spec) =>
                  spec ? (
                    <ValueCell
                      spec={spec}
                      report={record.current}
                      corrections={record.corrections}
                      findings={record.findings}
                    />
                  ) : (
                    <td>—</td>
                  ),
                )}
                <td>
                  {here.length === 0 ? (
                    <span class="visually-hidden">无问题</span>
                  ) : (
                    <ul class="row-findings">
                      {here.map((f) => (
                        <li>
                          <SeverityTag s={f.severity} />
                          {f.message}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td>
                  <SourceList
                    row={row}
                    columns={columns}
                    provenance={record.provenance}
                    corrections={record.corrections}
                    mayCorrect={mayCorrect}
                    reportId={record.id}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function Tables({ input }: { input: DetailInput }) {
  const { record } = input;
  const format = FORMATS[record.report.format];
  const specs = new Map(cellsOf(format.key).map((c) => [c.id, c]));
  const t3columns = TABLE3_COLUMNS.map((c) => ({ key: c, label: TABLE3_COLUMN_LABELS[c] }));
  const t4columns = TABLE4_COLUMNS.map((c) => ({ key: c, label: TABLE4_COLUMN_LABELS[c] }));
  return (
    <>
      <h3>{TABLE_TITLES.table2}</h3>
      {format.table2.map((group) => (
        <CellTable
          id={`table2-${group.key}`}
          caption={`表二 ${group.label}`}
          table="table2"
          rowHeader="信息内容"
          columns={group.columns}
          rows={group.rows.map((r) => ({
            key: r.key,
            label: r.label,
            cells: group.columns.map((c) => specs.get(`table2.${r.key}.${c.key}`) ?? null),
          }))}
          input={input}
        />
      ))}
      <h3>{TABLE_TITLES.table3}</h3>
      <CellTable
        id="table3"
        caption="表三 收到和处理政府信息公开申请情况（申请人情况）"
        table="table3"
        rowHeader="项目"
        columns={t3columns}
        rows={format.table3.rows.map((r) => ({
          key: r.key,
          label: table3RowLabel(format.key, r.key),
          cells: TABLE3_COLUMNS.map((c) => specs.get(`table3.${r.key}.${c}`) ?? null),
        }))}
        input={input}
      />
      <h3>{TABLE_TITLES.table4}</h3>
      <CellTable
        id="table4"
        caption="表四 政府信息公开行政复议、行政诉讼情况"
        table="table4"
        rowHeader="类别"
        columns={t4columns}
        rows={TABLE4_GROUPS.map((g) => ({
          key: g,
          label: TABLE4_GROUP_LABELS[g],
          cells: TABLE4_COLUMNS.map((c) => specs.get(`table4.${g}.${c}`) ?? null),
        }))}
        input={input}
      />
    </>
  );
}

function FindingList({ findings, id }: { findings: readonly Finding[]; id: string }) {
  return (
    <ul id={id}>
      {[...findings].sort(bySeverity).map((f) => (
        <li data-rule={f.rule}>
          <SeverityTag s={f.severity} />
          {f.message} <code>{f.rule}</code>
        </li>
      ))}
    </ul>
  );
}

function CorrectionForm({ input }: { input: DetailInput }) {
  const { record, csrf, values, errors } = input;
  const specs = cellsOf(record.report.format);
  const groups: [string, CellSpec[]][] = (['table2', 'table3', 'table4'] as const).map((t) => [
    TABLE_TITLES[t],
    specs.filter((s) => s.table === t),
  ]);
  const slots = Array.from({ length: CORRECTION_SLOTS }, (_, i) => i + 1);
  const described = (name: string, hint?: string) =>
    [hint, errors[name] ? `${name}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <form
      method="post"
      action={`/admin/imports/${record.id}/corrections`}
      aria-labelledby="correct-h"
      novalidate
    >
      <h2 id="correct-h" tabindex={-1}>
        更正单元格
      </h2>
      <p class="hint" id="correct-hint">
        选择读错（或原表印错）的单元格，填写更正后的值；留空表示该格在原表中是空白。原读取值和出处会一并保留。保存后重新检查全部勾稽关系。
      </p>
      <input type="hidden" name="_csrf" value={csrf} />
      {slots.map((n) => (
        <fieldset class="change">
          <legend>第{n}处</legend>
          <div class="field">
            <label for={`cell-${n}`}>单元格</label>
            <select
              id={`cell-${n}`}
              name={`cell-${n}`}
              aria-invalid={errors[`cell-${n}`] ? 'true' : undefined}
              aria-describedby={described(`cell-${n}`)}
            >
              <option value="">请选择</option>
              {groups.map(([label, cells]) => (
                <optgroup label={label}>
                  {cells.map((s) => (
                    <option value={s.id} selected={values[`cell-${n}`] === s.id}>
                      {s.label.replace(/^表[二三四] /, '')}（当前：{showValue(cellValue(record.current, s))}）
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
            {errors[`cell-${n}`] ? (
              <p class="error" id={`cell-${n}-error`}>
                {errors[`cell-${n}`]}
              </p>
            ) : null}
          </div>
          <div class="field">
            <label for={`value-${n}`}>更正为</label>
            <input
              id={`value-${n}`}
              name={`value-${n}`}
              inputmode="decimal"
              value={values[`value-${n}`] ?? ''}
              aria-invalid={errors[`value-${n}`] ? 'true' : undefined}
              aria-describedby={described(`value-${n}`)}
            />
            {errors[`value-${n}`] ? (
              <p class="error" id={`value-${n}-error`}>
                {errors[`value-${n}`]}
              </p>
            ) : null}
          </div>
        </fieldset>
      ))}
      <div class="field">
        <label for="note">
          更正说明<span aria-hidden="true">（必填）</span>
        </label>
        <textarea
          id="note"
          name="note"
          rows={3}
          required
          aria-invalid={errors.note ? 'true' : undefined}
          aria-describedby={described('note', 'note-hint')}
        >
          {values.note ?? ''}
        </textarea>
        <p class="hint" id="note-hint">
          写明依据，例如“依据原件PDF第3页，表三该格应为12”。
        </p>
        {errors.note ? (
          <p class="error" id="note-error">
            {errors.note}
          </p>
        ) : null}
      </div>
      <button type="submit">保存更正并重新检查</button>
    </form>
  );
}

const ERROR_LABELS: Record<string, string> = {
  note: '更正说明',
  ...Object.fromEntries(
    Array.from({ length: CORRECTION_SLOTS }, (_, i) => [
      [`cell-${i + 1}`, `第${i + 1}处单元格`],
      [`value-${i + 1}`, `第${i + 1}处更正值`],
    ]).flat(),
  ),
};

function Section({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

function renderDetailPage(input: DetailInput): string {
  const { user, csrf, record, mayCorrect, errors, saved } = input;
  const counts = countFindings(record.findings);
  // findings = the reader's own (readFindings) followed by the validation of the current report.
  const wholeDocument = record.findings
    .slice(record.readFindings.length)
    .filter((f) => f.table === null || f.table === 'narrative' || f.row === null);
  const readNotes = record.readFindings;
  const corrections = Object.entries(record.corrections);
  const specs = new Map(cellsOf(record.report.format).map((c) => [c.id, c]));
  const title = `${reportName(record)}年度报告（导入检查）`;
  return renderAdminPage({
    title,
    path: '/admin/imports',
    signedIn: { displayName: user.displayName, csrfToken: csrf, role: user.role },
    children: (
      <>
        <style dangerouslySetInnerHTML={{ __html: IMPORT_CSS }} />
        <p>
          <a href="/admin/imports">返回年报导入检查</a>
        </p>
        <h1>{title}</h1>
        <ErrorSummary errors={errors} labels={ERROR_LABELS} />
        {saved !== null ? (
          <div class="notice" role="status" id="saved">
            <p>
              已保存{saved}处更正，并重新检查：错误{counts.errors}条，警告{counts.warnings}条，提示
              {counts.infos}
              条。
            </p>
          </div>
        ) : null}
        <dl class="meta">
          <dt>报告机关（读取）</dt>
          <dd>{record.agencyName ?? '未识别'}</dd>
          <dt>报告年度</dt>
          <dd>{record.year ?? '未识别'}</dd>
          <dt>年报格式</dt>
          <dd>
            {record.format}年格式（{FORMATS[record.format].issuedBy}）
          </dd>
          <dt>文件</dt>
          <dd>
            {record.fileName}，{SOURCE_KIND_LABELS[record.sourceKind] ?? record.sourceKind}（
            {record.mediaType}），
            {kb(record.sizeBytes)} · <a href={`/admin/imports/${record.id}/source`}>下载原文件</a>
          </dd>
          <dt>SHA-256</dt>
          <dd>
            <code>{record.sha256}</code>
          </dd>
          <dt>导入</dt>
          <dd>
            {when(record.createdAt)}，{record.uploadedBy}
          </dd>
          <dt>公开页面</dt>
          <dd>
            <a href={`/reports/published/${record.id}`}>/reports/published/{record.id}</a>
          </dd>
        </dl>
        <Section id="findings-h" title="检查结果">
          <p id="finding-counts">
            错误{counts.errors}条，警告{counts.warnings}条，提示{counts.infos}
            条。涉及具体单元格的问题列在下面各表该行的“检查结果”一栏，有问题的单元格标有底色和“错误”“警告”字样。
          </p>
          {wholeDocument.length > 0 ? (
            <>
              <h3>关于整份报告</h3>
              <FindingList findings={wholeDocument} id="document-findings" />
            </>
          ) : null}
        </Section>
        {readNotes.length > 0 ? (
          <Section id="read-notes-h" title="读取提示">
            <p>读取文件时的说明（如表格结构缺失、数字连写、列对不齐），请对照原文核实相关数字：</p>
            <FindingList findings={readNotes} id="read-notes" />
          </Section>
        ) : null}
        <Section id="tables-h" title="读取的表格">
          <p>
            每行最后一栏“数字来源”可展开，列出该行每个数字读自原文的位置（页、行、表格单元格）和原文文字。
            {corrections.length > 0 ? '更正过的单元格注明原读取值。' : ''}
          </p>
          <Tables input={input} />
        </Section>
        {corrections.length > 0 ? (
          <Section id="corrections-h" title={`已更正的单元格（${corrections.length}处）`}>
            <div class="scroll">
              <table class="list" id="corrections">
                <caption class="visually-hidden">更正记录：原读取值、更正值、说明和更正人</caption>
                <thead>
                  <tr>
                    <th scope="col">单元格</th>
                    <th scope="col">原读取值</th>
                    <th scope="col">原文出处</th>
                    <th scope="col">更正为</th>
                    <th scope="col">说明</th>
                    <th scope="col">更正人、时间</th>
                  </tr>
                </thead>
                <tbody>
                  {corrections.map(([cell, c]) => (
                    <tr data-cell={cell}>
                      <th scope="row">{specs.get(cell)?.label ?? cell}</th>
                      <td class="num">{showValue(c.from)}</td>
                      <td>
                        {record.provenance[cell]
                          ? `${record.provenance[cell].where}“${record.provenance[cell].text}”`
                          : '原文中未读到'}
                      </td>
                      <td class="num">{showValue(c.to)}</td>
                      <td>{c.note}</td>
                      <td>
                        {c.by}，{when(c.at)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </Section>
        ) : null}
        {mayCorrect ? (
          <CorrectionForm input={input} />
        ) : (
          <p id="no-correct">更正只能由上传该报告的机关的工作人员或管理员进行。</p>
        )}
      </>
    ),
  });
}

// ---------------------------------------------------------------------------------------------
// Routes

const field = (v: unknown): string =>
  typeof v === 'string' ? v : Array.isArray(v) ? String(v[0] ?? '') : '';

export function registerImportAdminRoutes(app: FastifyInstance, deps: Deps): void {
  const list = async (
    req: FastifyRequest,
    reply: FastifyReply,
    outcomes: ImportOutcome[] | null,
    error: string | null,
  ) =>
    reply
      .code(error ? 422 : 200)
      .type(HTML)
      .send(
        renderListPage({
          user: req.user!,
          csrf: csrfTokenFor(req, reply),
          reports: await listImportedReports(deps),
          outcomes,
          error,
        }),
      );

  app.get('/admin/imports', { preHandler: requireUser() }, (req, reply) => list(req, reply, null, null));

  app.post('/admin/imports', { preHandler: requireUser() }, async (req, reply) => {
    const form = readMultipart(req.body);
    const files = form.files.map((f) => ({ name: f.filename, data: new Uint8Array(f.data) }));
    if (files.length === 0) return list(req, reply, null, '请选择至少一个年度报告文件');
    const outcomes = await importReports(deps, files, req.user!);
    return list(req, reply, outcomes, null);
  });

  const detail = async (
    req: FastifyRequest,
    reply: FastifyReply,
    id: number,
    values: Record<string, string>,
    errors: Record<string, string>,
    saved: number | null,
  ) => {
    const record = await getImportedReport(deps, id);
    return reply
      .code(Object.keys(errors).length > 0 ? 422 : 200)
      .type(HTML)
      .send(
        renderDetailPage({
          user: req.user!,
          csrf: csrfTokenFor(req, reply),
          record,
          mayCorrect: canCorrect(req.user!, record),
          values,
          errors,
          saved,
        }),
      );
  };

  const idOf = (text: string) => {
    const id = parseReportId(text);
    if (id === null) throw new DomainError('imported_report.not_found', `未找到编号为${text}的导入年报`);
    return id;
  };

  app.get<{ Params: { id: string }; Querystring: { cell?: string; saved?: string } }>(
    '/admin/imports/:id',
    { preHandler: requireUser() },
    (req, reply) => {
      const saved = /^\d{1,3}$/.test(req.query.saved ?? '') ? Number(req.query.saved) : null;
      return detail(req, reply, idOf(req.params.id), { 'cell-1': field(req.query.cell) }, {}, saved);
    },
  );

  app.post<{ Params: { id: string }; Body: Record<string, unknown> }>(
    '/admin/imports/:id/corrections',
    { preHandler: requireUser() },
    async (req, reply) => {
      const id = idOf(req.params.id);
      const body = req.body ?? {};
      const values: Record<string, string> = { note: field(body.note) };
      const changes = Array.from({ length: CORRECTION_SLOTS }, (_, i) => {
        const cell = field(body[`cell-${i + 1}`]);
        const value = field(body[`value-${i + 1}`]);
        values[`cell-${i + 1}`] = cell;
        values[`value-${i + 1}`] = value;
        return { cell, value };
      });
      try {
        const before = await getImportedReport(deps, id);
        if (!canCorrect(req.user!, before)) {
          throw new DomainError('auth.forbidden', '只有上传该报告的机关的工作人员或管理员可以更正该报告');
        }
        await correctReport(deps, { reportId: id, changes, note: values.note ?? '' }, req.user!);
      } catch (error) {
        if (error instanceof InvalidCorrection) return detail(req, reply, id, values, error.errors, null);
        throw error;
      }
      const count = changes.filter((c) => c.cell.trim() !== '').length;
      return reply.redirect(`/admin/imports/${id}?saved=${count}#saved`, 303);
    },
  );

  app.get<{ Params: { id: string } }>(
    '/admin/imports/:id/source',
    { preHandler: requireUser() },
    async (req, reply) => {
      const source = await importedReportSource(deps, idOf(req.params.id));
      return reply
        .type(source.mediaType)
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('content-disposition', contentDisposition(source.fileName))
        .send(source.data);
    },
  );
}
