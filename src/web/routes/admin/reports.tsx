/**
 * The annual report workspace (年度报告工作区) of the back office. /admin/reports lists the
 * user's agencies × completed years with where each report stands (未生成/草稿/已发布/发布后有修改),
 * and a county administrator's rollup of the county; /admin/reports/CODE/YEAR[/rollup] shows the
 * report as it would be published now (prepareReport: records + saved draft) with every finding
 * inline beside its table, row or cell, a text editor per chapter (saveReportDraft), downloads in
 * every format, the publication history and the publish form (publishReport): while errors
 * remain an administrator may publish only with a reason, which is published with the report
 * (Regulation art. 49-50).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { agenciesRepository } from '../../../db/repositories/agencies.ts';
import { roleAllows } from '../../../domain/accounts/roles.ts';
import type { Agency } from '../../../domain/agencies/model.ts';
import { DomainError } from '../../../domain/errors.ts';
import { CHAPTER_KEYS, type ChapterKey, completedReportYears } from '../../../domain/report/formats/index.ts';
import { REPORT_CSS } from '../../../render/html.ts';
import { agenciesUserCan } from '../../../services/accounts/access.ts';
import type { SignedInUser } from '../../../services/accounts/model.ts';
import { findAgency } from '../../../services/agencies/find-agency.ts';
import type { Deps } from '../../../services/deps.ts';
import { type PreparedReport, prepareReport } from '../../../services/reports/prepare-report.ts';
import {
  canPublishReport,
  latestPublication,
  type Publication,
  type PublicationSummary,
  publicationHistory,
  publishReport,
  REASON_LENGTH,
  REPORT_STATUS_LABELS,
  type ReportStatus,
  reportStatus,
} from '../../../services/reports/publish-report.ts';
import { saveReportDraft } from '../../../services/reports/save-draft.ts';
import { csrfTokenFor, requireUser } from '../../auth.ts';
import { renderAdminPage } from '../../views/admin/admin-layout.tsx';
import {
  FindingsSummary,
  numberFindings,
  REPORT_VIEW_CSS,
  ReportDocument,
} from '../../views/report-view.tsx';
import { beijingTime, chineseDateOfInstant } from '../../views/time.ts';
import { Downloads, publicReportPath, sendReportFile, splitExtension } from '../public/reports.tsx';

const HTML = 'text/html; charset=utf-8';

const WORKSPACE_CSS = `
.gk-report h2.gk-title{font-family:"方正小标宋简体",STZhongsong,"华文中宋","Noto Serif CJK SC",serif;font-weight:normal;font-size:1.6em;text-align:center;line-height:1.4;margin:1em 0}
.gk-report h3{font-family:"黑体",SimHei,"Noto Sans CJK SC",sans-serif;font-weight:normal;font-size:1em;margin:1em 0 .3em}
.gk-report textarea{width:100%;max-width:none;font:inherit;font-size:15px;line-height:1.7;padding:.4rem;border:1px solid #767676}
.gk-report .field label{font-family:system-ui,sans-serif;font-size:14px}
.status{display:inline-block;padding:0 .4rem;border-radius:.2rem}
.status-published{background:#e1f5e6;color:#11652b}.status-changed_since_published{background:#fff3cd;color:#6b4a00}
.status-draft{background:#e8eef8;color:#0b3a75}.status-not_started{background:#f1f1f1;color:#3d3d3d}
.notice{border:2px solid #11652b;background:#f0fbf3;padding:.5rem 1rem}
.publish{border:1px solid #d1d5db;padding:.5rem 1rem;margin:1rem 0}
table.matrix td,table.matrix th{text-align:center}table.matrix th[scope=row]{text-align:left}
`;

/** Names of publishers that are not people. */
const SYSTEM_PUBLISHERS: Record<string, string> = { demo: '演示数据', cli: '命令行', system: '系统' };

/** The agency's report, or the rollup of its subtree; the workspace's address. */
const workspacePath = (code: string, year: number, rollup: boolean) =>
  `/admin/reports/${encodeURIComponent(code)}/${year}${rollup ? '/rollup' : ''}`;

/** True when the user's scope covers the agency and, for a rollup, everything below it. */
async function covers(deps: Deps, user: SignedInUser, agency: Agency, rollup: boolean): Promise<boolean> {
  if (!user.agencyIds.includes(agency.id)) return false;
  if (!rollup) return true;
  const ids = await agenciesRepository(deps.db.db).subtreeIds(agency.id);
  return ids.length > 1 && ids.every((id) => user.agencyIds.includes(id));
}

/** Chapter text is prepared by those who handle the cases and by administrators, not by reviewers. */
const mayEdit = (user: SignedInUser) =>
  roleAllows(user.role, 'applications.edit') || roleAllows(user.role, 'reports.publish');

function StatusBadge({ status }: { status: ReportStatus }) {
  return <span class={`status status-${status}`}>{REPORT_STATUS_LABELS[status]}</span>;
}

interface Row {
  agency: Agency;
  rollup: boolean;
  statuses: Map<number, ReportStatus>;
}

async function statusOf(deps: Deps, agency: Agency, year: number, rollup: boolean): Promise<ReportStatus> {
  const origin = rollup ? 'rollup' : 'records';
  const latest = await latestPublication(deps, agency.id, year, origin);
  if (!latest) {
    const draft = await deps.db.db
      .selectFrom('annual_reports')
      .select('id')
      .where('agency_id', '=', agency.id)
      .where('year', '=', year)
      .where('origin', '=', origin)
      .executeTakeFirst();
    return draft ? 'draft' : 'not_started';
  }
  return reportStatus(await prepareReport(deps, { agency: agency.code, year, rollup }), latest);
}

function renderList(
  user: SignedInUser,
  csrf: string,
  years: readonly number[],
  rows: readonly Row[],
): string {
  return renderAdminPage({
    title: '年度报告',
    path: '/admin/reports',
    signedIn: { displayName: user.displayName, csrfToken: csrf, role: user.role },
    children: (
      <>
        <style dangerouslySetInnerHTML={{ __html: WORKSPACE_CSS }} />
        <h1>年度报告</h1>
        <p>
          年度报告依据办理记录自动生成。打开某一年度即可检查勾稽关系、修改各部分正文、下载各种格式并发布到门户网站（条例第四十九条：每年1月31日前公布上一年度的报告）。
        </p>
        <table class="list matrix">
          <caption>各机关各年度报告的状态</caption>
          <thead>
            <tr>
              <th scope="col">机关</th>
              {years.map((y) => (
                <th scope="col">{y}年度</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const name = row.rollup ? `${row.agency.name}（汇总）` : row.agency.name;
              return (
                <tr>
                  <th scope="row">{name}</th>
                  {years.map((y) => {
                    const status = row.statuses.get(y) ?? 'not_started';
                    return (
                      <td>
                        <a href={workspacePath(row.agency.code, y, row.rollup)}>
                          <span class="visually-hidden">
                            {name}
                            {y}年度报告：
                          </span>
                          <StatusBadge status={status} />
                        </a>
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </>
    ),
  });
}

interface WorkspaceInput {
  user: SignedInUser;
  csrf: string;
  prepared: PreparedReport;
  rollup: boolean;
  latest: Publication | null;
  history: PublicationSummary[];
  canPublish: boolean;
  canEdit: boolean;
  /** Field → message; shown at the top and beside the field. */
  errors: Record<string, string>;
  /** What was typed, kept when the form is shown again. */
  values: { reason?: string; chapters?: Partial<Record<ChapterKey, string>> };
  notice: string | null;
}

function renderWorkspace(input: WorkspaceInput): string {
  const { user, csrf, prepared, rollup, latest, history, canPublish, canEdit, errors, values, notice } =
    input;
  const { agency, year, report, findings } = prepared;
  const base = workspacePath(agency.code, year, rollup);
  const numbered = numberFindings(findings);
  const errorCount = findings.filter((f) => f.severity === 'error').length;
  const status = reportStatus(prepared, latest);
  const name = `${agency.name}${year}年度报告${rollup ? '（汇总）' : ''}`;
  const errorEntries = Object.entries(errors);
  return renderAdminPage({
    title: name,
    path: '/admin/reports',
    signedIn: { displayName: user.displayName, csrfToken: csrf, role: user.role },
    children: (
      <>
        <style dangerouslySetInnerHTML={{ __html: REPORT_CSS + REPORT_VIEW_CSS + WORKSPACE_CSS }} />
        <p>
          <a href="/admin/reports">返回年度报告列表</a>
        </p>
        <h1>{name}</h1>
        {errorEntries.length > 0 ? (
          <div class="errors" role="alert" id="error-summary" tabindex={-1}>
            <h2>未能完成操作</h2>
            <ul>
              {errorEntries.map(([field, message]) => (
                <li>
                  <a href={`#${field}`}>{message}</a>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {notice ? (
          <p class="notice" role="status" id="notice">
            {notice}
          </p>
        ) : null}
        <dl class="meta">
          <dt>状态</dt>
          <dd id="status">
            <StatusBadge status={status} />
          </dd>
          <dt>格式</dt>
          <dd>
            {report.format === '2019'
              ? '2019年版（国办公开办函〔2019〕60号）'
              : '2021年版（国办公开办函〔2021〕30号）'}
          </dd>
          <dt>数据来源</dt>
          <dd>{rollup ? '本机关及所属机关的办理记录（汇总）' : '本机关的办理记录'}</dd>
          {latest ? (
            <>
              <dt>门户网站</dt>
              <dd>
                <a href={publicReportPath(agency.code, year, rollup ? 'rollup' : 'records')}>
                  查看已发布的报告（第{latest.version}版，{chineseDateOfInstant(latest.publishedAt)}）
                </a>
              </dd>
            </>
          ) : null}
        </dl>
        <FindingsSummary report={report} numbered={numbered} />
        <section class="publish" aria-labelledby="publish-heading">
          <h2 id="publish-heading">发布</h2>
          {status === 'published' ? (
            <p>当前内容与已发布的版本一致，无需重新发布。</p>
          ) : canPublish ? (
            <form method="post" action={`${base}/publish`}>
              <input type="hidden" name="_csrf" value={csrf} />
              {errorCount > 0 ? (
                <>
                  <p id="reason-hint">
                    报告仍有{errorCount}处错误。请先更正；确需发布的，请填写发布理由（{REASON_LENGTH.min}至
                    {REASON_LENGTH.max}字），理由将与报告一并在门户网站公开。
                  </p>
                  <div class="field">
                    <label for="reason">发布理由</label>
                    <textarea
                      id="reason"
                      name="reason"
                      rows={3}
                      aria-describedby={errors.reason ? 'reason-hint reason-error' : 'reason-hint'}
                      aria-invalid={errors.reason ? 'true' : undefined}
                    >
                      {values.reason ?? ''}
                    </textarea>
                    {errors.reason ? (
                      <p class="error" id="reason-error">
                        {errors.reason}
                      </p>
                    ) : null}
                  </div>
                </>
              ) : (
                <p>检查未发现错误，可以发布。</p>
              )}
              <button type="submit">{latest ? '发布更正后的版本' : '发布到门户网站'}</button>
            </form>
          ) : (
            <p id="publish-explanation">
              {errorCount > 0 ? `报告仍有${errorCount}处错误，请先更正。` : '报告检查未发现错误。'}
              年度报告由本机关管理员{rollup ? '（汇总报告由县级管理员）' : ''}发布；请在完成正文后联系管理员。
            </p>
          )}
          {history.length > 0 ? (
            <table class="list">
              <caption>发布记录</caption>
              <thead>
                <tr>
                  <th scope="col">版本</th>
                  <th scope="col">发布时间</th>
                  <th scope="col">发布人</th>
                  <th scope="col">发布时的错误</th>
                  <th scope="col">发布理由</th>
                </tr>
              </thead>
              <tbody>
                {history.map((h) => (
                  <tr>
                    <th scope="row">第{h.version}版</th>
                    <td>{beijingTime(h.publishedAt)}</td>
                    <td>{h.publishedByName ?? SYSTEM_PUBLISHERS[h.publishedBy] ?? h.publishedBy}</td>
                    <td>{h.errorCount}</td>
                    <td>{h.reason ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </section>
        <Downloads base={base} label="下载当前版本" />
        <h2>报告正文与表格</h2>
        {canEdit ? (
          <form method="post" action={`${base}/chapters`} aria-label="修改正文">
            <input type="hidden" name="_csrf" value={csrf} />
            <ReportDocument
              report={report}
              numbered={numbered}
              titleLevel={2}
              chapterBody={(key, heading, text) => (
                <div class="field">
                  <label for={`text-${key}`}>“{heading}”正文</label>
                  <textarea
                    id={`text-${key}`}
                    name={`chapter_${key}`}
                    rows={key === 'overview' ? 10 : 4}
                    aria-invalid={errors[`text-${key}`] ? 'true' : undefined}
                  >
                    {values.chapters?.[key] ?? text}
                  </textarea>
                  <button type="submit">保存正文</button>
                </div>
              )}
            />
          </form>
        ) : (
          <ReportDocument report={report} numbered={numbered} titleLevel={2} />
        )}
      </>
    ),
  });
}

export function registerReportAdminRoutes(app: FastifyInstance, deps: Deps): void {
  app.get('/admin/reports', { preHandler: requireUser('applications.view') }, async (req, reply) => {
    const user = req.user!;
    const years = completedReportYears(Number(deps.clock.today().slice(0, 4)));
    const agencies = await agenciesUserCan(deps, user);
    const rows: Row[] = [];
    for (const agency of agencies) {
      for (const rollup of [false, true]) {
        if (rollup && !(await covers(deps, user, agency, true))) continue;
        const statuses = new Map<number, ReportStatus>();
        for (const y of years) statuses.set(y, await statusOf(deps, agency, y, rollup));
        rows.push({ agency, rollup, statuses });
      }
    }
    return reply.type(HTML).send(renderList(user, csrfTokenFor(req, reply), years, rows));
  });

  /** The agency named in the address, within the user's scope (else it does not exist for them). */
  const load = async (req: FastifyRequest, code: string, year: string, rollup: boolean) => {
    if (!/^\d{4}$/.test(year)) throw new DomainError('agency.not_found', `年度“${year}”无效`);
    const agency = await findAgency(deps, code).catch(() => null);
    if (!agency || !(await covers(deps, req.user!, agency, rollup))) {
      throw new DomainError('agency.not_found', `未找到机关“${code}”${rollup ? '的汇总报告' : ''}`);
    }
    return { agency, year: Number(year) };
  };

  const show = async (
    req: FastifyRequest,
    reply: FastifyReply,
    agency: Agency,
    year: number,
    rollup: boolean,
    state: { errors?: Record<string, string>; values?: WorkspaceInput['values'] } = {},
  ) => {
    const user = req.user!;
    const prepared = await prepareReport(deps, { agency: agency.code, year, rollup });
    const origin = rollup ? 'rollup' : 'records';
    const query = req.query as Record<string, string | undefined>;
    const notice =
      query.saved === '1'
        ? '正文已保存。'
        : query.published
          ? `已发布到门户网站（第${query.published}版）。`
          : null;
    const errors = state.errors ?? {};
    const html = renderWorkspace({
      user,
      csrf: csrfTokenFor(req, reply),
      prepared,
      rollup,
      latest: await latestPublication(deps, agency.id, year, origin),
      history: await publicationHistory(deps, agency.id, year, origin),
      canPublish: await canPublishReport(deps, user, prepared),
      canEdit: mayEdit(user),
      errors,
      values: state.values ?? {},
      notice: Object.keys(errors).length > 0 ? null : notice,
    });
    return reply
      .code(Object.keys(errors).length > 0 ? 422 : 200)
      .type(HTML)
      .send(html);
  };

  const get = async (
    req: FastifyRequest,
    reply: FastifyReply,
    code: string,
    yearPart: string,
    rollup: boolean,
  ) => {
    const [yearText, ext] = splitExtension(yearPart);
    const { agency, year } = await load(req, code, yearText, rollup);
    if (ext) {
      const prepared = await prepareReport(deps, { agency: agency.code, year, rollup });
      return sendReportFile(reply, prepared.report, prepared.findings, ext);
    }
    return show(req, reply, agency, year, rollup);
  };

  app.get<{ Params: { code: string; year: string } }>(
    '/admin/reports/:code/:year',
    { preHandler: requireUser('applications.view') },
    async (req, reply) => get(req, reply, req.params.code, req.params.year, false),
  );
  app.get<{ Params: { code: string; year: string; file: string } }>(
    '/admin/reports/:code/:year/:file',
    { preHandler: requireUser('applications.view') },
    async (req, reply) => {
      const [name, ext] = splitExtension(req.params.file);
      if (name !== 'rollup') throw new DomainError('agency.not_found', '未找到该年度报告');
      return get(req, reply, req.params.code, ext ? `${req.params.year}.${ext}` : req.params.year, true);
    },
  );

  for (const rollup of [false, true]) {
    const prefix = `/admin/reports/:code/:year${rollup ? '/rollup' : ''}`;
    app.post<{ Params: { code: string; year: string }; Body: Record<string, string | undefined> }>(
      `${prefix}/chapters`,
      { preHandler: requireUser('applications.view') },
      async (req, reply) => {
        const { agency, year } = await load(req, req.params.code, req.params.year, rollup);
        const user = req.user!;
        const body = req.body ?? {};
        const chapters: Partial<Record<ChapterKey, string>> = {};
        for (const key of CHAPTER_KEYS) {
          const text = body[`chapter_${key}`];
          if (typeof text === 'string') chapters[key] = text.replace(/\r\n/g, '\n');
        }
        if (!mayEdit(user)) {
          return show(req, reply, agency, year, rollup, {
            errors: { 'publish-heading': '审核人不能修改年度报告正文' },
            values: { chapters },
          });
        }
        // Without `cells`, figures typed into the draft by hand stay as they are.
        try {
          await saveReportDraft(deps, { agency: agency.code, year, rollup, chapters, actor: user.login });
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          const key = /^chapters\.(\w+)/.exec(error.field ?? '')?.[1];
          return show(req, reply, agency, year, rollup, {
            errors: { [key ? `text-${key}` : 'text-overview']: error.message },
            values: { chapters },
          });
        }
        return reply.redirect(`${workspacePath(agency.code, year, rollup)}?saved=1`, 303);
      },
    );

    app.post<{ Params: { code: string; year: string }; Body: Record<string, string | undefined> }>(
      `${prefix}/publish`,
      { preHandler: requireUser('applications.view') },
      async (req, reply) => {
        const { agency, year } = await load(req, req.params.code, req.params.year, rollup);
        const reason = typeof req.body?.reason === 'string' ? req.body.reason : '';
        try {
          const published = await publishReport(
            deps,
            { agency: agency.code, year, rollup, reason },
            req.user!,
          );
          return reply.redirect(
            `${workspacePath(agency.code, year, rollup)}?published=${published.version}`,
            303,
          );
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          const field = error.field === 'reason' ? 'reason' : 'publish-heading';
          return show(req, reply, agency, year, rollup, {
            errors: { [field]: error.message },
            values: { reason },
          });
        }
      },
    );
  }
}
