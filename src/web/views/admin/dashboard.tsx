/** 工作台: a placeholder that shows who is signed in, the role, what it allows and where. */

import { ACTION_LABELS, PERMISSIONS, ROLE_LABELS, type Role } from '../../../domain/accounts/roles.ts';
import type { Agency } from '../../../domain/agencies/model.ts';
import type { CaseLine, WorkOverview } from '../../../services/dashboard/work-overview.ts';
import { renderAdminPage } from './admin-layout.tsx';

function Cases({
  id,
  title,
  lines,
  empty,
}: {
  id: string;
  title: string;
  lines: readonly CaseLine[];
  empty: string;
}) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>
        {title}（{lines.length}）
      </h2>
      {lines.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <table class="list">
          <caption class="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">查询码</th>
              <th scope="col">申请人</th>
              <th scope="col">机关</th>
              <th scope="col">收到日期</th>
              <th scope="col">答复期限</th>
              <th scope="col">剩余工作日</th>
              <th scope="col">阶段</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((c) => (
              <tr>
                <td>
                  <a href={`/admin/applications/${c.id}`}>{c.trackingNumber}</a>
                </td>
                <td>{c.applicant}</td>
                <td>{c.agencyName}</td>
                <td>{c.receivedOn}</td>
                <td>{c.dueOn ?? '计时中止'}</td>
                <td>{daysLeftText(c.workingDaysLeft)}</td>
                <td>{c.stage}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export interface DashboardProps {
  displayName: string;
  login: string;
  role: Role;
  /** The agencies the role covers, the anchor first. */
  agencies: readonly Agency[];
  csrfToken: string;
  overview: WorkOverview;
}

export function renderDashboard({
  displayName,
  login,
  role,
  agencies,
  csrfToken,
  overview,
}: DashboardProps): string {
  return renderAdminPage({
    title: '工作台',
    signedIn: { displayName, csrfToken, role },
    path: '/admin',
    children: (
      <>
        <h1>工作台</h1>
        <dl class="meta">
          <dt>姓名</dt>
          <dd>{displayName}</dd>
          <dt>用户名</dt>
          <dd>{login}</dd>
          <dt>角色</dt>
          <dd>{ROLE_LABELS[role]}</dd>
          <dt>可办理</dt>
          <dd>{PERMISSIONS[role].map((a) => ACTION_LABELS[a]).join('、')}</dd>
        </dl>
        <section aria-labelledby="this-year">
          <h2 id="this-year">{overview.year.year}年以来</h2>
          <p id="year-figures">
            新收申请{overview.year.received}件，办结{overview.year.closed}件，尚在办理{overview.year.open}件。
          </p>
        </section>
        <Cases id="overdue" title="已逾期" lines={overview.overdue} empty="没有逾期的申请。" />
        <Cases id="due-soon" title="5个工作日内到期" lines={overview.dueSoon} empty="没有即将到期的申请。" />
        <Cases
          id="awaiting-review"
          title="答复待审核"
          lines={overview.awaitingReview}
          empty="没有待审核的答复。"
        />
        <Cases
          id="paused"
          title="计时中止（补正、征求意见、缴费）"
          lines={overview.paused}
          empty="没有计时中止的申请。"
        />
        <Cases id="recent" title="最近登记" lines={overview.recent} empty="没有办理中的申请。" />
        <h2>负责的机关</h2>
        <ul class="agencies">
          {agencies.map((a) => (
            <li>{a.name}</li>
          ))}
        </ul>
      </>
    ),
  });
}

/** Working days left as a clerk reads them: a number, 逾期N日 when late, — without a due date. */
export function daysLeftText(left: number | null): string | number {
  return left === null ? '—' : left < 0 ? `逾期${-left}日` : left;
}
