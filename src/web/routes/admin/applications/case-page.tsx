/**
 * The case page: a summary (stage, due date, fee status, tracking number and check code), the
 * applicant's details, how the due date was counted, the event timeline, the fee section, the
 * reply letter, and one form per step the workflow allows now and the user's role permits.
 */
import type { ApplicationEvent, ApplicationRecord } from '../../../../db/repositories/applications.ts';
import type { Role } from '../../../../domain/accounts/roles.ts';
import type { DeadlineStep } from '../../../../domain/applications/deadline.ts';
import { APPLICANT_TYPE_LABELS, CHANNEL_LABELS } from '../../../../domain/applications/model.ts';
import { ACTION_LABELS, type Action, STATE_LABELS } from '../../../../domain/applications/workflow.ts';
import { describeFeeStatus } from '../../../../services/applications/fee-status.ts';
import { renderAdminPage } from '../../../views/admin/admin-layout.tsx';
import { FeeSection, type FeeSectionProps } from './fee-section.tsx';
import { DATE_LABELS, outcomeLabel, REASON_LABELS, StepFields } from './step-fields.tsx';

export interface CasePageInput {
  app: ApplicationRecord;
  agencyName: string;
  events: ApplicationEvent[];
  actions: Action[];
  csrf: string;
  user: { displayName: string; role: Role };
  today: string;
  /** A refused step: its message, and what was typed in its form. */
  error: { message: string; action: Action | null; values: Record<string, string> } | null;
  /** Just registered: say so, with what the applicant must be told. */
  isNew: boolean;
  deadlineSteps: DeadlineStep[];
  fee: Omit<FeeSectionProps, 'appId'>;
}

const FEE_ACTIONS: readonly Action[] = ['issue_fee_notice', 'fee_paid', 'fee_waived', 'fee_lapsed'];

function StepForm({
  app,
  action,
  csrf,
  today,
  year,
  values,
}: {
  app: ApplicationRecord;
  action: Action;
  csrf: string;
  today: string;
  year: number;
  values: Record<string, string>;
}) {
  return (
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
        <label for={`${action}-date`}>{DATE_LABELS[action] ?? '办理日期'}</label>
        <input id={`${action}-date`} name="effectiveOn" type="date" value={values.effectiveOn ?? today} />
      </div>
      <StepFields action={action} year={year} values={values} />
      <div class="field">
        <label for={`${action}-reason`}>{REASON_LABELS[action] ?? '说明'}</label>
        <input id={`${action}-reason`} name="reason" value={values.reason ?? ''} />
      </div>
      <button type="submit">{ACTION_LABELS[action]}</button>
    </form>
  );
}

export function renderCasePage(p: CasePageInput): string {
  const { app, events, actions, csrf, user, today, error } = p;
  const year = Number(today.slice(0, 4));
  const hasLetter = app.outcome !== null || events.some((e) => e.type === 'draft_reply');
  const registered = events.find((e) => e.type === 'register');
  // The fee notice starts from the trial calculation the clerk just made.
  const trial = p.fee.preview?.input;
  const trialValues: Record<string, string> = trial
    ? { feeScale: trial.feeScale, items: String(trial.items), pages: trial.pages ? String(trial.pages) : '' }
    : {};
  const valuesFor = (a: Action) =>
    error?.action === a ? error.values : a === 'issue_fee_notice' ? trialValues : {};
  const caseActions = actions.filter((a) => !FEE_ACTIONS.includes(a));
  const feeActions = actions.filter((a) => FEE_ACTIONS.includes(a));
  const form = (a: Action) => (
    <StepForm app={app} action={a} csrf={csrf} today={today} year={year} values={valuesFor(a)} />
  );
  return renderAdminPage({
    title: `申请 ${app.trackingNumber}`,
    signedIn: { displayName: user.displayName, csrfToken: csrf, role: user.role },
    path: '/admin/applications',
    children: (
      <>
        <p>
          <a href="/admin/applications">返回申请列表</a> · <a href="/admin">工作台</a>
        </p>
        <h1>申请 {app.trackingNumber}</h1>
        {error ? (
          <div class="errors" role="alert" id="error-summary" tabindex={-1}>
            <h2>未能办理{error.action ? `“${ACTION_LABELS[error.action]}”` : ''}</h2>
            <p>{error.message}</p>
          </div>
        ) : null}
        {p.isNew ? (
          <div class="notice" role="status" id="registered">
            <h2>申请已登记</h2>
            <p>
              请将查询码 <strong>{app.trackingNumber}</strong> 和校验码 <strong>{app.checkCode}</strong>{' '}
              告知申请人；收到申请之日为{app.receivedOn}，法定答复期限为{app.dueOn ?? '—'}。
            </p>
          </div>
        ) : null}
        <dl class="meta">
          <dt>当前阶段</dt>
          <dd id="stage">{STATE_LABELS[app.state]}</dd>
          <dt>答复期限</dt>
          <dd id="due">
            {app.dueOn ?? (app.closedOn ? '—' : '计时中止')}
            {app.dueOn && app.dueIsProvisional ? '（暂定：节假日安排尚未公布）' : ''}
          </dd>
          <dt>信息处理费</dt>
          <dd id="fee-status">{describeFeeStatus(p.fee.status)}</dd>
          <dt>查询码</dt>
          <dd id="tracking-number">{app.trackingNumber}</dd>
          <dt>校验码</dt>
          <dd id="check-code">{app.checkCode}</dd>
          <dt>受理机关</dt>
          <dd>{p.agencyName}</dd>
          <dt>申请渠道</dt>
          <dd>{CHANNEL_LABELS[app.channel]}</dd>
          <dt>提交之日</dt>
          <dd>{app.submittedOn}</dd>
          <dt>收到申请之日</dt>
          <dd id="received-on">
            {app.receivedOn}
            {registered?.reason ? `（${registered.reason}）` : ''}
          </dd>
          <dt>申请人</dt>
          <dd>
            {app.applicantName}（{APPLICANT_TYPE_LABELS[app.applicantType]}）
          </dd>
          <dt>身份证明</dt>
          <dd>
            {app.applicantType === 'natural_person'
              ? [app.idDocumentType, app.idDocumentNumber].filter(Boolean).join(' ')
              : [app.organisationCode, app.contactPerson ? `联系人：${app.contactPerson}` : null]
                  .filter(Boolean)
                  .join('；')}
          </dd>
          <dt>联系方式</dt>
          <dd>{[app.phone, app.email, app.address, app.postcode].filter(Boolean).join('；')}</dd>
          <dt>所需信息</dt>
          <dd>{app.description}</dd>
          {app.purpose ? (
            <>
              <dt>其他说明</dt>
              <dd>{app.purpose}</dd>
            </>
          ) : null}
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
        <h2>答复期限的计算</h2>
        <ol class="deadline-steps">
          {p.deadlineSteps.map((s) => (
            <li>{s.isWarning ? <strong>{s.text}</strong> : s.text}</li>
          ))}
        </ol>
        <h2>办理记录</h2>
        <ol class="timeline">
          {events.map((e) => (
            <li>
              {e.effectiveOn} {e.type === 'register' ? '登记' : ACTION_LABELS[e.type]}（{e.actor}）
              {e.reason ? `：${e.reason}` : ''}
            </li>
          ))}
        </ol>
        <FeeSection appId={app.id} {...p.fee} />
        {feeActions.map(form)}
        {caseActions.length > 0 ? <h2>办理</h2> : null}
        {caseActions.map(form)}
      </>
    ),
  });
}
