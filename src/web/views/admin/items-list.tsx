/**
 * 主动公开目录 in the back office: the items of the user's agencies in every state, filtered by
 * status, agency and text, a page at a time; and the panel that asks for an agency's
 * organisation code (索引号前段码) while one is missing.
 */
import type { Role } from '../../../domain/accounts/roles.ts';
import { ITEM_STATUS_LABELS, ITEM_STATUSES, VALIDITY_LABELS } from '../../../domain/catalogue/model.ts';
import type { OfficeItem, OfficeItemPage } from '../../../services/catalogue/office.ts';
import { renderAdminPage } from './admin-layout.tsx';

export interface SignedInView {
  displayName: string;
  role: Role;
}

export interface ListFilters {
  status: string;
  agency: string;
  q: string;
}

/** Agencies without an organisation code: new items there cannot be numbered. */
export function OrgCodePanel({
  missing,
  canSet,
  csrf,
  error,
  back,
}: {
  missing: readonly { code: string; name: string }[];
  canSet: boolean;
  csrf: string;
  error: string | null;
  back: string;
}) {
  if (missing.length === 0) return null;
  return (
    <section aria-labelledby="org-code-heading" class="org-code">
      <h2 id="org-code-heading">索引号前段码（组织机构代码）</h2>
      <p>
        以下机关尚未设置组织机构代码，新建信息时无法按“前段码/年份-流水号”生成索引号：
        {missing.map((a) => a.name).join('、')}。
      </p>
      {canSet ? (
        <form method="post" action="/admin/items/org-code" aria-label="设置组织机构代码">
          <input type="hidden" name="_csrf" value={csrf} />
          <input type="hidden" name="back" value={back} />
          {error ? (
            <div class="errors" role="alert">
              <p>{error}</p>
            </div>
          ) : null}
          <div class="field">
            <label for="org-agency">机关</label>
            <select id="org-agency" name="agency">
              {missing.map((a) => (
                <option value={a.code}>{a.name}</option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="orgCode">组织机构代码</label>
            <input id="orgCode" name="orgCode" aria-describedby="orgCode-hint" />
            <p class="hint" id="orgCode-hint">
              9位数字或大写字母（可带“-”），也可填写18位统一社会信用代码；设置后已生成的索引号不变
            </p>
          </div>
          <button type="submit">保存组织机构代码</button>
        </form>
      ) : (
        <p>请联系本机关的机关管理员设置。</p>
      )}
    </section>
  );
}

function Pager({
  filters,
  page,
  total,
  pageSize,
}: {
  filters: ListFilters;
  page: number;
  total: number;
  pageSize: number;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  const link = (p: number) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(filters)) if (v) q.set(k, v);
    q.set('page', String(p));
    return `/admin/items?${q.toString()}`;
  };
  return (
    <nav aria-label="分页" class="pager">
      {page > 1 ? <a href={link(page - 1)}>上一页</a> : null} 第{page}页／共{pages}页{' '}
      {page < pages ? <a href={link(page + 1)}>下一页</a> : null}
    </nav>
  );
}

function statusText(item: OfficeItem): string {
  if (item.status === 'repealed') return `${VALIDITY_LABELS[item.validity]}（${item.repealedOn ?? ''}）`;
  if (item.status === 'published' && item.changedOn !== null && item.publishedOn !== null) {
    if (item.changedOn > item.publishedOn) return '已变更，待重新发布';
  }
  return ITEM_STATUS_LABELS[item.status];
}

export interface ItemListProps {
  user: SignedInView;
  csrf: string;
  result: OfficeItemPage;
  filters: ListFilters;
  agencies: readonly { code: string; name: string }[];
  missingOrgCodes: readonly { code: string; name: string }[];
  canSetOrgCode: boolean;
  orgCodeError: string | null;
  notice: string | null;
}

export function renderItemList(p: ItemListProps): string {
  const { result, filters } = p;
  return renderAdminPage({
    title: '主动公开目录',
    path: '/admin/items',
    signedIn: { displayName: p.user.displayName, csrfToken: p.csrf, role: p.user.role },
    children: (
      <>
        <h1>主动公开目录</h1>
        {p.notice ? (
          <p class="notice" role="status">
            {p.notice}
          </p>
        ) : null}
        <p>
          <a class="button" href="/admin/items/new">
            新建信息
          </a>
        </p>
        <OrgCodePanel
          missing={p.missingOrgCodes}
          canSet={p.canSetOrgCode}
          csrf={p.csrf}
          error={p.orgCodeError}
          back="/admin/items"
        />
        <form method="get" action="/admin/items" class="filters" aria-label="筛选">
          <label for="f-status">状态</label>{' '}
          <select id="f-status" name="status">
            <option value="">全部</option>
            {ITEM_STATUSES.map((s) => (
              <option value={s} selected={filters.status === s}>
                {ITEM_STATUS_LABELS[s]}
              </option>
            ))}
          </select>{' '}
          <label for="f-agency">发布机构</label>{' '}
          <select id="f-agency" name="agency">
            <option value="">全部</option>
            {p.agencies.map((a) => (
              <option value={a.code} selected={filters.agency === a.code}>
                {a.name}
              </option>
            ))}
          </select>{' '}
          <label for="f-q">标题、索引号或文号</label>{' '}
          <input id="f-q" name="q" type="search" value={filters.q} /> <button type="submit">筛选</button>
        </form>
        <p id="item-count">共{result.total}条</p>
        {result.items.length === 0 ? (
          <p>没有符合条件的信息。</p>
        ) : (
          <table class="list">
            <caption class="visually-hidden">本机关主动公开目录信息（含草稿）</caption>
            <thead>
              <tr>
                <th scope="col">标题</th>
                <th scope="col">索引号</th>
                <th scope="col">发布机构</th>
                <th scope="col">状态</th>
                <th scope="col">成文日期</th>
                <th scope="col">发布日期</th>
              </tr>
            </thead>
            <tbody>
              {result.items.map((item) => (
                <tr>
                  <td>
                    <a href={`/admin/items/${item.id}`}>{item.title}</a>
                  </td>
                  <td style="white-space:nowrap">{item.indexNumber}</td>
                  <td>{item.agencyName}</td>
                  <td style="white-space:nowrap">{statusText(item)}</td>
                  <td style="white-space:nowrap">{item.madeOn}</td>
                  <td style="white-space:nowrap">{item.publishedOn ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <Pager filters={filters} page={result.page} total={result.total} pageSize={result.pageSize} />
      </>
    ),
  });
}
