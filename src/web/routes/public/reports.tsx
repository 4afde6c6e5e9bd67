/**
 * The portal's 年报 column (Regulation art. 49-50): every agency's published annual reports by
 * year, each shown from its published snapshot as accessible HTML tables with downloads in every
 * format, its findings and, when it was published although errors remained, the reason recorded.
 * A year not yet published is not shown; the old addresses of reports built from records
 * (/reports/records/CODE/YEAR[.ext]) lead to the published report.
 * Imported published reports (/reports/published…) are another file's.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { DomainError } from '../../../domain/errors.ts';
import type { Finding } from '../../../domain/report/finding.ts';
import type { AnnualReport } from '../../../domain/report/model.ts';
import { reportTitle } from '../../../render/document.ts';
import { REPORT_CSS } from '../../../render/html.ts';
import { RENDER_TARGETS, type RenderTarget, renderReport } from '../../../render/index.ts';
import type { Deps } from '../../../services/deps.ts';
import {
  findPublication,
  listReportPublications,
  type Publication,
  type PublishedEntry,
} from '../../../services/reports/publish-report.ts';
import { renderPage } from '../../views/layout.tsx';
import {
  FindingsSummary,
  numberFindings,
  REPORT_VIEW_CSS,
  ReportDocument,
  SEVERITY_LABELS,
} from '../../views/report-view.tsx';
import { chineseDateOfInstant } from '../../views/time.ts';
import { contentDisposition, isAccessible } from '../request.ts';

const HTML = 'text/html; charset=utf-8';

/** The download formats offered beside the HTML page. */
export const DOWNLOAD_TARGETS = RENDER_TARGETS.filter((t) => t !== 'html');

export const DOWNLOAD_LABELS: Record<RenderTarget, string> = {
  html: 'HTML 网页',
  docx: 'Word（DOCX）',
  pdf: 'PDF',
  xlsx: 'Excel（XLSX）',
  csv: 'CSV',
  json: 'JSON',
};

/** "2020" → ["2020", null]; "2020.pdf" → ["2020", "pdf"]. */
export function splitExtension(value: string): [string, string | null] {
  const m = /^(.*)\.([a-z]+)$/.exec(value);
  return m ? [m[1]!, m[2]!] : [value, null];
}

/** Sends a report rendered to `ext` as a download named after its title. */
export async function sendReportFile(
  reply: FastifyReply,
  report: AnnualReport,
  findings: readonly Finding[],
  ext: string,
): Promise<FastifyReply> {
  if (!(RENDER_TARGETS as readonly string[]).includes(ext)) {
    throw new DomainError('report.not_published', `没有“${ext}”格式的下载`);
  }
  const out = await renderReport(report, ext as RenderTarget, { findings: [...findings] });
  return reply
    .type(out.contentType)
    .header('content-disposition', contentDisposition(`${reportTitle(report)}.${out.extension}`))
    .send(out.body);
}

export function Downloads({ base, label = '下载' }: { base: string; label?: string }) {
  return (
    <nav aria-label={label}>
      <h2>{label}</h2>
      <ul class="downloads">
        {DOWNLOAD_TARGETS.map((t) => (
          <li>
            <a href={`${base}.${t}`} download>
              {DOWNLOAD_LABELS[t]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export const publicReportPath = (code: string, year: number, origin: 'records' | 'rollup'): string =>
  `/reports/${encodeURIComponent(code)}/${year}${origin === 'rollup' ? '/rollup' : ''}`;

const LIST_CSS = `
table.reports td,table.reports th{text-align:center;white-space:nowrap}
table.reports th[scope=row]{text-align:left;white-space:normal}
.muted{color:#595959}
.publish-reason{border:2px solid #a4000f;background:#fff4f4;padding:.5rem 1rem;margin:1rem 0}
h1.report-title{font-family:"方正小标宋简体",STZhongsong,"华文中宋","Noto Serif CJK SC",serif;font-weight:normal;font-size:1.6em;text-align:center;line-height:1.4}
`;

/** The 年报 column: agencies (and county rollups) × years, each published report linked. */
export async function renderReportsList(deps: Deps, accessible: boolean, path = '/reports'): Promise<string> {
  const entries = await listReportPublications(deps);
  const years = [...new Set(entries.map((e) => e.year))].sort((a, b) => b - a);
  const rows = new Map<string, { name: string; cells: Map<number, PublishedEntry> }>();
  for (const e of entries) {
    const key = `${e.agencyId}/${e.origin}`;
    const row = rows.get(key) ?? {
      name: e.origin === 'rollup' ? `${e.agencyName}（汇总）` : e.agencyName,
      cells: new Map(),
    };
    row.cells.set(e.year, e);
    rows.set(key, row);
  }
  return renderPage({
    title: '政府信息公开工作年度报告',
    path,
    isAccessible: accessible,
    extraCss: LIST_CSS,
    children: (
      <>
        <h1>政府信息公开工作年度报告</h1>
        <p>
          各机关按照《中华人民共和国政府信息公开条例》第四十九条、第五十条，于每年1月31日前公布本机关上一年度的政府信息公开工作年度报告。点击年度查看报告全文及表格，并可下载
          Word、PDF、Excel 等格式。
        </p>
        {rows.size === 0 ? (
          <p>暂无已发布的年度报告。</p>
        ) : (
          <table class="list reports">
            <caption>已发布的年度报告（按机关和年度）</caption>
            <thead>
              <tr>
                <th scope="col">机关</th>
                {years.map((y) => (
                  <th scope="col">{y}年度</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {[...rows.values()].map((row) => (
                <tr>
                  <th scope="row">{row.name}</th>
                  {years.map((y) => {
                    const e = row.cells.get(y);
                    return (
                      <td>
                        {e ? (
                          <a href={publicReportPath(e.agencyCode, e.year, e.origin)}>
                            <span class="visually-hidden">{row.name}</span>
                            {y}年度报告
                            {e.version > 1 ? '（已更新）' : ''}
                          </a>
                        ) : (
                          <span class="muted">未发布</span>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <p>
          <a href="/reports/published">其他机关年报检查</a>：其他机关已发布的年度报告及其勾稽关系检查结果。
        </p>
      </>
    ),
  });
}

/** One published report: its snapshot, when it was published and updated, why if despite errors. */
export function renderPublishedReport(publication: Publication, accessible: boolean): string {
  const { report, findings } = publication;
  const base = publicReportPath(publication.agencyCode, publication.year, publication.origin);
  const numbered = numberFindings(findings);
  return renderPage({
    title: reportTitle(report),
    path: '/reports',
    isAccessible: accessible,
    extraCss: REPORT_CSS + REPORT_VIEW_CSS + LIST_CSS,
    children: (
      <>
        <p>
          <a href="/reports">返回年度报告列表</a>
        </p>
        <h1 class="report-title">{reportTitle(report)}</h1>
        <dl class="meta">
          <dt>发布机关</dt>
          <dd>
            {publication.agencyName}
            {publication.origin === 'rollup' ? '（含所属机关汇总）' : ''}
          </dd>
          <dt>发布日期</dt>
          <dd>{chineseDateOfInstant(publication.firstPublishedAt)}</dd>
          {publication.version > 1 ? (
            <>
              <dt>更新日期</dt>
              <dd id="updated">
                {chineseDateOfInstant(publication.publishedAt)}（第{publication.version}版）
              </dd>
            </>
          ) : null}
        </dl>
        {publication.reason ? (
          <section class="publish-reason" aria-labelledby="reason-heading">
            <h2 id="reason-heading">发布说明</h2>
            <p>
              本报告发布时经检查仍有{publication.errorCount}处{SEVERITY_LABELS.error}
              ，经本机关管理员决定发布。理由：
            </p>
            <p id="publish-reason">{publication.reason}</p>
          </section>
        ) : null}
        <Downloads base={base} />
        {findings.length > 0 ? <FindingsSummary report={report} numbered={numbered} /> : null}
        <ReportDocument report={report} numbered={numbered} titleLevel={0} />
      </>
    ),
  });
}

export function registerPublicReportRoutes(app: FastifyInstance, deps: Deps): void {
  app.get('/reports', async (req, reply) =>
    reply.type(HTML).send(await renderReportsList(deps, isAccessible(req))),
  );

  const show = async (
    reply: FastifyReply,
    code: string,
    yearPart: string,
    rollup: boolean,
    accessible: boolean,
  ) => {
    const [year, ext] = splitExtension(yearPart);
    if (!/^\d{4}$/.test(year)) {
      throw new DomainError('report.not_published', `年度“${year}”无效`);
    }
    const publication = await findPublication(deps, { agency: code, year: Number(year), rollup });
    if (ext) return sendReportFile(reply, publication.report, publication.findings, ext);
    return reply.type(HTML).send(renderPublishedReport(publication, accessible));
  };

  app.get<{ Params: { code: string; year: string } }>('/reports/:code/:year', async (req, reply) =>
    show(reply, req.params.code, req.params.year, false, isAccessible(req)),
  );
  app.get<{ Params: { code: string; year: string; file: string } }>(
    '/reports/:code/:year/:file',
    async (req, reply) => {
      const [name, ext] = splitExtension(req.params.file);
      if (name !== 'rollup') throw new DomainError('report.not_published', '未找到该年度报告');
      return show(
        reply,
        req.params.code,
        ext ? `${req.params.year}.${ext}` : req.params.year,
        true,
        isAccessible(req),
      );
    },
  );
  // The addresses of reports built from records before publishing existed: the published report.
  app.get<{ Params: { code: string; year: string } }>('/reports/records/:code/:year', async (req, reply) =>
    reply.redirect(
      `/reports/${encodeURIComponent(req.params.code)}/${encodeURIComponent(req.params.year)}`,
      301,
    ),
  );
}
