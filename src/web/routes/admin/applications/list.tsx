/**
 * GET /admin/applications: the cases of the agencies the user covers, filtered (a GET form, so
 * every filtered list has its own address and works without JavaScript) and paged, with
 * applicants' names masked as on the 工作台.
 */
import type { FastifyInstance } from 'fastify';
import { type Role, roleAllows } from '../../../../domain/accounts/roles.ts';
import type { Agency } from '../../../../domain/agencies/model.ts';
import { CHANNEL_LABELS, CHANNELS } from '../../../../domain/applications/model.ts';
import { STATE_LABELS, STATES } from '../../../../domain/applications/workflow.ts';
import { agenciesUserCan } from '../../../../services/accounts/access.ts';
import {
  type ApplicationFilters,
  type ApplicationList,
  DUE_FILTER_LABELS,
  DUE_FILTERS,
  listApplications,
  PAGE_SIZE,
  parseFilters,
} from '../../../../services/applications/list-applications.ts';
import type { Deps } from '../../../../services/deps.ts';
import { csrfTokenFor, requireUser } from '../../../auth.ts';
import { renderAdminPage } from '../../../views/admin/admin-layout.tsx';
import { daysLeftText } from '../../../views/admin/dashboard.tsx';

function filterQuery(f: ApplicationFilters, page: number): string {
  const q = new URLSearchParams();
  if (f.state) q.set('state', f.state);
  if (f.channel) q.set('channel', f.channel);
  if (f.year) q.set('year', String(f.year));
  if (f.due) q.set('due', f.due);
  if (f.agencyId !== undefined) q.set('agency', String(f.agencyId));
  if (f.q) q.set('q', f.q);
  if (page > 1) q.set('page', String(page));
  const s = q.toString();
  return s ? `?${s}` : '';
}

function Select({
  name,
  label,
  value,
  options,
}: {
  name: string;
  label: string;
  value: string | undefined;
  options: readonly (readonly [string, string])[];
}) {
  return (
    <div class="field">
      <label for={`filter-${name}`}>{label}</label>
      <select id={`filter-${name}`} name={name}>
        <option value="">全部</option>
        {options.map(([v, text]) => (
          <option value={v} selected={value === v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

interface ListPageInput {
  list: ApplicationList;
  filters: ApplicationFilters;
  agencies: readonly Agency[];
  years: readonly number[];
  user: { displayName: string; role: Role };
  csrf: string;
}

function renderList({ list, filters, agencies, years, user, csrf }: ListPageInput): string {
  const from = list.total === 0 ? 0 : (list.page - 1) * PAGE_SIZE + 1;
  const to = Math.min(list.total, list.page * PAGE_SIZE);
  return renderAdminPage({
    title: '申请列表',
    signedIn: { displayName: user.displayName, csrfToken: csrf, role: user.role },
    path: '/admin/applications',
    children: (
      <>
        <h1>申请列表</h1>
        {roleAllows(user.role, 'applications.edit') ? (
          <p>
            <a href="/admin/applications/new">登记新申请</a>
          </p>
        ) : null}
        <form method="get" action="/admin/applications" class="filters" aria-label="筛选申请">
          <div class="field">
            <label for="filter-q">查询码或申请人</label>
            <input id="filter-q" name="q" type="search" value={filters.q ?? ''} />
          </div>
          <Select
            name="state"
            label="阶段"
            value={filters.state}
            options={STATES.map((s) => [s, STATE_LABELS[s]] as const)}
          />
          <Select
            name="due"
            label="期限"
            value={filters.due}
            options={DUE_FILTERS.map((d) => [d, DUE_FILTER_LABELS[d]] as const)}
          />
          <Select
            name="channel"
            label="申请渠道"
            value={filters.channel}
            options={CHANNELS.map((c) => [c, CHANNEL_LABELS[c]] as const)}
          />
          <Select
            name="year"
            label="收到年度"
            value={filters.year ? String(filters.year) : undefined}
            options={years.map((y) => [String(y), `${y}年`] as const)}
          />
          {agencies.length > 1 ? (
            <Select
              name="agency"
              label="机关"
              value={filters.agencyId !== undefined ? String(filters.agencyId) : undefined}
              options={agencies.map((a) => [String(a.id), a.name] as const)}
            />
          ) : null}
          <button type="submit">筛选</button> <a href="/admin/applications">清除筛选</a>
        </form>
        <p id="list-count" role="status">
          共{list.total}件{list.total > 0 ? `，显示第${from}—${to}件` : ''}
        </p>
        {list.lines.length === 0 ? (
          <p>没有符合条件的申请。</p>
        ) : (
          <table class="list" id="applications">
            <caption class="visually-hidden">申请列表（申请人姓名已部分隐去）</caption>
            <thead>
              <tr>
                <th scope="col">查询码</th>
                <th scope="col">申请人</th>
                <th scope="col">机关</th>
                <th scope="col">渠道</th>
                <th scope="col">收到日期</th>
                <th scope="col">答复期限</th>
                <th scope="col">剩余工作日</th>
                <th scope="col">阶段</th>
              </tr>
            </thead>
            <tbody>
              {list.lines.map((c) => (
                <tr>
                  <td>
                    <a href={`/admin/applications/${c.id}`}>{c.trackingNumber}</a>
                  </td>
                  <td>{c.applicant}</td>
                  <td>{c.agencyName}</td>
                  <td>{CHANNEL_LABELS[c.channel]}</td>
                  <td>{c.receivedOn}</td>
                  <td>{c.dueOn ?? '—'}</td>
                  <td>{daysLeftText(c.workingDaysLeft)}</td>
                  <td>{STATE_LABELS[c.state]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {list.pages > 1 ? (
          <nav aria-label="分页">
            <ul class="pages">
              {list.page > 1 ? (
                <li>
                  <a href={`/admin/applications${filterQuery(filters, list.page - 1)}`} rel="prev">
                    上一页
                  </a>
                </li>
              ) : null}
              <li aria-current="page">
                第{list.page}页，共{list.pages}页
              </li>
              {list.page < list.pages ? (
                <li>
                  <a href={`/admin/applications${filterQuery(filters, list.page + 1)}`} rel="next">
                    下一页
                  </a>
                </li>
              ) : null}
            </ul>
          </nav>
        ) : null}
      </>
    ),
  });
}

export function registerListRoute(app: FastifyInstance, deps: Deps): void {
  app.get('/admin/applications', { preHandler: requireUser('applications.view') }, async (req, reply) => {
    const user = req.user!;
    const filters = parseFilters((req.query ?? {}) as Record<string, unknown>);
    const agencies = await agenciesUserCan(deps, user);
    const thisYear = Number(deps.clock.today().slice(0, 4));
    const years = Array.from({ length: thisYear - 2019 + 1 }, (_, i) => thisYear - i);
    const list = await listApplications(deps, user.agencyIds, filters);
    return reply
      .type('text/html; charset=utf-8')
      .send(renderList({ list, filters, agencies, years, user, csrf: csrfTokenFor(req, reply) }));
  });
}
