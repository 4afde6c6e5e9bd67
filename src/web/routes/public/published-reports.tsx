/**
 * 其他机关年报检查 on the portal: every published annual report imported into the database
 * (Regulation art. 49-50), with the result of checking it against the consistency rules, each
 * rendered as HTML with downloads in every format (corrections applied, noted on the page).
 * Old addresses by file name (/reports/published/ninghai-2020) redirect to the report's id.
 */
import type { FastifyInstance } from 'fastify';
import { DomainError } from '../../../domain/errors.ts';
import { FORMATS } from '../../../domain/report/formats/index.ts';
import { REPORT_CSS, renderReportHtml } from '../../../render/html.ts';
import { RENDER_TARGETS, type RenderTarget, renderReport } from '../../../render/index.ts';
import type { Deps } from '../../../services/deps.ts';
import { cellsOf, showValue } from '../../../services/imports/cells.ts';
import { SOURCE_KIND_LABELS } from '../../../services/imports/import-reports.ts';
import {
  countFindings,
  findImportedByFileStem,
  getImportedReport,
  parseReportId,
} from '../../../services/imports/queries.ts';
import { listPublishedReports } from '../../../services/reports/published-library.ts';
import { renderPage } from '../../views/layout.tsx';
import { contentDisposition, isAccessible } from '../request.ts';
import { splitExtension } from './reports.tsx';

const HTML = 'text/html; charset=utf-8';
const TITLE = '其他机关年报检查';

const notFound = (id: string) => new DomainError('imported_report.not_found', `未找到编号为${id}的年度报告`);

export function registerPublishedReportRoutes(app: FastifyInstance, deps: Deps): void {
  app.get('/reports/published', async (req, reply) => {
    const reports = await listPublishedReports(deps);
    return reply.type(HTML).send(
      renderPage({
        title: TITLE,
        path: '/reports/published',
        isAccessible: isAccessible(req),
        children: (
          <>
            <h1>{TITLE}</h1>
            <p>
              各机关已经发布的政府信息公开工作年度报告，由系统读取其中的统计表，并按《政府信息公开工作年度报告格式》的勾稽关系逐项检查。检查结果仅供参考，以各机关发布的原文为准。
            </p>
            {reports.length === 0 ? (
              <p>暂无导入的年度报告。</p>
            ) : (
              <table class="list" id="published">
                <caption class="visually-hidden">已导入检查的各机关年度报告</caption>
                <thead>
                  <tr>
                    <th scope="col">机关</th>
                    <th scope="col">年度</th>
                    <th scope="col">格式</th>
                    <th scope="col">检查结果</th>
                  </tr>
                </thead>
                <tbody>
                  {reports.map((r) => {
                    const c = countFindings(r.findings);
                    return (
                      <tr>
                        <th scope="row">
                          <a href={`/reports/published/${r.id}`}>{r.agencyName ?? r.fileName}</a>
                        </th>
                        <td>{r.year ?? '未识别'}</td>
                        <td>
                          {r.format}年格式（{SOURCE_KIND_LABELS[r.sourceKind] ?? r.sourceKind}）
                        </td>
                        <td>
                          {c.errors > 0 ? (
                            <span class="badge error">错误{c.errors}条</span>
                          ) : (
                            <span class="badge ok">通过检查</span>
                          )}
                          {c.warnings > 0 ? ` 警告${c.warnings}条` : ''}
                          {r.correctionCount > 0 ? ` · 更正${r.correctionCount}处` : ''}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            )}
          </>
        ),
      }),
    );
  });

  app.get<{ Params: { id: string } }>('/reports/published/:id', async (req, reply) => {
    const [key, ext] = splitExtension(req.params.id);
    const id = parseReportId(key);
    if (id === null) {
      // The address by file name of the folder-based library this page replaced.
      const found = key.length <= 200 ? await findImportedByFileStem(deps, key) : null;
      if (!found) throw notFound(key);
      return reply.redirect(`/reports/published/${found.id}${ext ? `.${ext}` : ''}`, 301);
    }
    const record = await getImportedReport(deps, id);
    const report = record.current;
    const findings = record.findings;
    const name = `${report.agency ?? record.fileName}${report.year ?? ''}年政府信息公开工作年度报告`;
    if (ext) {
      if (!(RENDER_TARGETS as readonly string[]).includes(ext)) throw notFound(req.params.id);
      const out = await renderReport(report, ext as RenderTarget, { findings });
      return reply
        .type(out.contentType)
        .header('content-disposition', contentDisposition(`${name}.${out.extension}`))
        .send(out.body);
    }
    const corrections = Object.entries(record.corrections);
    const labels = new Map(cellsOf(record.format).map((c) => [c.id, c.label]));
    const c = countFindings(findings);
    return reply.type(HTML).send(
      renderPage({
        title: report.title ?? name,
        path: '/reports/published',
        isAccessible: isAccessible(req),
        extraCss: REPORT_CSS,
        children: (
          <>
            <p>
              <a href="/reports/published">返回{TITLE}</a>
            </p>
            <dl class="meta">
              <dt>检查结果</dt>
              <dd id="check-result">
                {c.errors > 0 ? `错误${c.errors}条` : '通过检查'}
                {c.warnings > 0 ? `，警告${c.warnings}条` : ''}
              </dd>
              <dt>年报格式</dt>
              <dd>
                {record.format}年格式（{FORMATS[record.format].issuedBy}）
              </dd>
              <dt>原文件</dt>
              <dd>
                {record.fileName}（{SOURCE_KIND_LABELS[record.sourceKind] ?? record.sourceKind}）
              </dd>
            </dl>
            <nav aria-label="下载">
              <p>下载：</p>
              <ul class="downloads">
                {RENDER_TARGETS.filter((t) => t !== 'html').map((t) => (
                  <li>
                    <a href={`/reports/published/${record.id}.${t}`} download>
                      {t.toUpperCase()}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
            {corrections.length > 0 ? (
              <section aria-labelledby="corrections-h">
                <h2 id="corrections-h">人工更正（{corrections.length}处）</h2>
                <p>以下数字与原文读取结果不同，系按原件核对后更正：</p>
                <ul id="corrections">
                  {corrections.map(([cell, x]) => (
                    <li>
                      {labels.get(cell) ?? cell}：原读取为{showValue(x.from)}，更正为{showValue(x.to)}（
                      {x.note}）
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}
            <div
              dangerouslySetInnerHTML={{ __html: renderReportHtml(report, { findings, standalone: false }) }}
            />
          </>
        ),
      }),
    );
  });
}
