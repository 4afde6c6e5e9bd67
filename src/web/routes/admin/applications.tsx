/**
 * A case in the back office: the applicant's details (each view audited), the event timeline,
 * one form per step the workflow allows now and the user's role permits, and the reply letter.
 * Every step goes through the actOnApplication use case; a refusal re-shows the page with the
 * Chinese message and changes nothing.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { agenciesRepository } from '../../../db/repositories/agencies.ts';
import { type ApplicationRecord, applicationsRepository } from '../../../db/repositories/applications.ts';
import type { Action as Permission, Role } from '../../../domain/accounts/roles.ts';
import { roleAllows } from '../../../domain/accounts/roles.ts';
import {
  APPLICANT_TYPE_LABELS,
  CHANNEL_LABELS,
  OUTCOMES,
  type Outcome,
} from '../../../domain/applications/model.ts';
import {
  ACTION_LABELS,
  type Action,
  availableActions,
  STATE_LABELS,
} from '../../../domain/applications/workflow.ts';
import { DomainError } from '../../../domain/errors.ts';
import { formatForYear } from '../../../domain/report/formats/index.ts';
import { table3RowShortLabel } from '../../../domain/report/labels.ts';
import { writeAudit } from '../../../services/accounts/audit.ts';
import { actOnApplication } from '../../../services/applications/act-on-application.ts';
import { renderReplyLetter } from '../../../services/applications/reply-letter.ts';
import type { Deps } from '../../../services/deps.ts';
import { csrfTokenFor, requireUser } from '../../auth.ts';
import { renderAdminPage } from '../../views/admin/admin-layout.tsx';

/** Reviewing a reply is the reviewer's; every other step is the clerk's. */
const PERMISSION: Partial<Record<Action, Permission>> = {
  approve_reply: 'replies.review',
  return_draft: 'replies.review',
};
const permissionFor = (a: Action): Permission => PERMISSION[a] ?? 'applications.edit';

/** The outcome as the current format names it (format 2021 splits （六）其他处理 in three). */
const outcomeLabel = (o: Outcome, year: number) =>
  table3RowShortLabel(formatForYear(Math.max(year, 2021)), o);

/** The extra fields each step asks for, besides its date and reason. */
function StepFields({ action, year }: { action: Action; year: number }) {
  const date = (name: string, label: string, value = '') => (
    <div class="field">
      <label for={`${action}-${name}`}>{label}</label>
      <input id={`${action}-${name}`} name={name} type="date" value={value} />
    </div>
  );
  switch (action) {
    case 'request_correction':
      return date('correctionDueOn', '补正期限');
    case 'start_consultation':
      return (
        <>
          <div class="field">
            <label for={`${action}-kind`}>征求对象</label>
            <select id={`${action}-kind`} name="consultationKind">
              <option value="third_party_consultation">第三方（条例第三十二条）</option>
              <option value="agency_consultation">其他机关（条例第三十四条）</option>
            </select>
          </div>
          {date('counterpartReceivedOn', '对方收到征求意见书之日')}
        </>
      );
    case 'approve_extension':
      return (
        <div class="field">
          <label for={`${action}-days`}>延长工作日数</label>
          <input id={`${action}-days`} name="workingDays" type="number" min={1} max={20} value="20" />
        </div>
      );
    case 'issue_fee_notice':
      return (
        <>
          <div class="field">
            <label for={`${action}-scale`}>收费方式</label>
            <select id={`${action}-scale`} name="feeScale">
              <option value="per_item">按件计收</option>
              <option value="per_volume">按量计收</option>
            </select>
          </div>
          <div class="field">
            <label for={`${action}-pages`}>页数（按量计收时填写）</label>
            <input id={`${action}-pages`} name="pages" type="number" min={1} />
          </div>
          {date('applicantReceivedOn', '申请人收到收费通知之日')}
        </>
      );
    case 'draft_reply':
    case 'answer_on_the_spot':
      return (
        <div class="field">
          <label for={`${action}-outcome`}>办理结果</label>
          <select id={`${action}-outcome`} name="outcome">
            {OUTCOMES.map((o) => (
              <option value={o}>{outcomeLabel(o, year)}</option>
            ))}
          </select>
        </div>
      );
    default:
      return null;
  }
}

interface PageInput {
  app: ApplicationRecord;
  agencyName: string;
  events: Awaited<ReturnType<ReturnType<typeof applicationsRepository>['events']>>;
  actions: Action[];
  csrf: string;
  user: { displayName: string; role: Role };
  today: string;
  error: string | null;
}

function renderCase({ app, agencyName, events, actions, csrf, user, today, error }: PageInput): string {
  const year = Number(today.slice(0, 4));
  const hasLetter = app.outcome !== null || events.some((e) => e.type === 'draft_reply');
  return renderAdminPage({
    title: `申请 ${app.trackingNumber}`,
    signedIn: { displayName: user.displayName, csrfToken: csrf, role: user.role },
    children: (
      <>
        <p>
          <a href="/admin">返回工作台</a>
        </p>
        <h1>申请 {app.trackingNumber}</h1>
        {error ? (
          <div class="errors" role="alert" id="error-summary">
            <p>{error}</p>
          </div>
        ) : null}
        <dl class="meta">
          <dt>当前阶段</dt>
          <dd id="stage">{STATE_LABELS[app.state]}</dd>
          <dt>答复期限</dt>
          <dd id="due">{app.dueOn ?? (app.closedOn ? '—' : '计时中止')}</dd>
          <dt>受理机关</dt>
          <dd>{agencyName}</dd>
          <dt>申请渠道</dt>
          <dd>{CHANNEL_LABELS[app.channel]}</dd>
          <dt>收到申请之日</dt>
          <dd>{app.receivedOn}</dd>
          <dt>申请人</dt>
          <dd>
            {app.applicantName}（{APPLICANT_TYPE_LABELS[app.applicantType]}）
          </dd>
          <dt>联系方式</dt>
          <dd>{[app.phone, app.email, app.address].filter(Boolean).join('；')}</dd>
          <dt>所需信息</dt>
          <dd>{app.description}</dd>
          <dt>获取方式</dt>
          <dd>
            {app.deliveryForm}，{app.deliveryWay}
          </dd>
          {app.outcome ? (
            <>
              <dt>办理结果</dt>
              <dd>{outcomeLabel(app.outcome, year)}</dd>
            </>
          ) : null}
        </dl>
        {hasLetter ? (
          <p>
            答复书：<a href={`/admin/applications/${app.id}/letter.docx`}>下载 Word</a> ·{' '}
            <a href={`/admin/applications/${app.id}/letter.pdf`}>下载 PDF</a>
          </p>
        ) : null}
        <h2>办理记录</h2>
        <ol class="timeline">
          {events.map((e) => (
            <li>
              {e.effectiveOn} {e.type === 'register' ? '登记' : ACTION_LABELS[e.type]}（{e.actor}）
              {e.reason ? `：${e.reason}` : ''}
            </li>
          ))}
        </ol>
        {actions.length > 0 ? <h2>办理</h2> : null}
        {actions.map((action) => (
          <form
            method="post"
            action={`/admin/applications/${app.id}/act`}
            class="step"
            aria-label={ACTION_LABELS[action]}
          >
            <h3>{ACTION_LABELS[action]}</h3>
            <input type="hidden" name="_csrf" value={csrf} />
            <input type="hidden" name="action" value={action} />
            <div class="field">
              <label for={`${action}-date`}>办理日期</label>
              <input id={`${action}-date`} name="effectiveOn" type="date" value={today} />
            </div>
            <StepFields action={action} year={year} />
            <div class="field">
              <label for={`${action}-reason`}>说明</label>
              <input id={`${action}-reason`} name="reason" />
            </div>
            <button type="submit">{ACTION_LABELS[action]}</button>
          </form>
        ))}
      </>
    ),
  });
}

export function registerApplicationAdminRoutes(app: FastifyInstance, deps: Deps): void {
  const load = async (req: FastifyRequest, id: string) => {
    const user = req.user!;
    const found = /^\d+$/.test(id) ? await applicationsRepository(deps.db.db).findById(Number(id)) : null;
    // Outside the user's agencies a case does not exist for them.
    if (!found || !user.agencyIds.includes(found.agencyId)) {
      throw new DomainError('application.not_found', `未找到编号为${id}的申请`);
    }
    return found;
  };

  const show = async (
    req: FastifyRequest,
    reply: FastifyReply,
    found: ApplicationRecord,
    error: string | null,
  ) => {
    const user = req.user!;
    await writeAudit(deps, {
      actorId: user.id,
      actor: user.login,
      action: 'personal_data.viewed',
      subject: `application:${found.id}`,
      agencyId: found.agencyId,
    });
    const agency = await agenciesRepository(deps.db.db).findById(found.agencyId);
    const html = renderCase({
      app: found,
      agencyName: agency?.name ?? '',
      events: await applicationsRepository(deps.db.db).events(found.id),
      actions: availableActions(found.state).filter((a) => roleAllows(user.role, permissionFor(a))),
      csrf: csrfTokenFor(req, reply),
      user,
      today: deps.clock.today(),
      error,
    });
    return reply
      .code(error ? 422 : 200)
      .type('text/html; charset=utf-8')
      .send(html);
  };

  app.get<{ Params: { id: string } }>(
    '/admin/applications/:id',
    { preHandler: requireUser('applications.view') },
    async (req, reply) => show(req, reply, await load(req, req.params.id), null),
  );

  app.post<{ Params: { id: string }; Body: Record<string, string | undefined> }>(
    '/admin/applications/:id/act',
    { preHandler: requireUser('applications.view') },
    async (req, reply) => {
      const found = await load(req, req.params.id);
      const body = req.body ?? {};
      const action = body.action as Action;
      if (
        !availableActions(found.state).includes(action) ||
        !roleAllows(req.user!.role, permissionFor(action))
      ) {
        return show(req, reply, found, `您不能对该申请执行“${ACTION_LABELS[action] ?? action}”`);
      }
      const input: Record<string, unknown> = { applicationId: found.id, action, actor: req.user!.login };
      for (const key of [
        'effectiveOn',
        'reason',
        'correctionDueOn',
        'consultationKind',
        'counterpartReceivedOn',
        'workingDays',
        'feeScale',
        'pages',
        'applicantReceivedOn',
        'outcome',
      ]) {
        const value = body[key];
        if (typeof value === 'string' && value.trim() !== '') input[key] = value.trim();
      }
      try {
        await actOnApplication(deps, input);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        return show(req, reply, await load(req, req.params.id), error.message);
      }
      return reply.redirect(`/admin/applications/${found.id}`, 303);
    },
  );

  app.get<{ Params: { id: string; format: string } }>(
    '/admin/applications/:id/letter.:format',
    { preHandler: requireUser('applications.view') },
    async (req, reply) => {
      const found = await load(req, req.params.id);
      const format = req.params.format === 'pdf' ? 'pdf' : req.params.format === 'docx' ? 'docx' : null;
      if (!format) throw new DomainError('application.not_found', '不支持的答复书格式');
      const body = await renderReplyLetter(deps, found.id, format);
      return reply
        .type(
          format === 'pdf'
            ? 'application/pdf'
            : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        )
        .header(
          'content-disposition',
          `attachment; filename*=UTF-8''${encodeURIComponent(`答复书-${found.trackingNumber}.${format}`)}`,
        )
        .send(body);
    },
  );
}
