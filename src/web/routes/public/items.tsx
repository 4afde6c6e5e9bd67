/**
 * 主动公开目录 on the portal: the list of published items (filters by agency, year, kind) and an
 * item's page with the metadata block (索引号, 发布机构, 成文日期, 发布日期, 文号, 主题分类,
 * 有效性), the body, attachments and linked interpretations; and the full-text search.
 */
import type { FastifyInstance } from 'fastify';
import { agenciesRepository } from '../../../db/repositories/agencies.ts';
import type { CatalogueItem } from '../../../db/repositories/catalogue.ts';
import { createSearchIndex } from '../../../search/index.ts';
import { getItem, listItems } from '../../../services/catalogue/index.ts';
import type { Deps } from '../../../services/deps.ts';
import { renderPage } from '../../views/layout.tsx';
import { isAccessible } from '../request.ts';

const KIND_LABELS: Record<string, string> = { rule: '规章', normative_document: '规范性文件', other: '其他' };
const VALIDITY_LABELS: Record<string, string> = { in_force: '有效', expired: '失效', repealed: '废止' };

const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

function Pager({
  base,
  page,
  total,
  pageSize,
}: {
  base: URLSearchParams;
  page: number;
  total: number;
  pageSize: number;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  const link = (p: number) => {
    const q = new URLSearchParams(base);
    q.set('page', String(p));
    return `?${q.toString()}`;
  };
  return (
    <nav aria-label="分页" class="pager">
      {page > 1 ? <a href={link(page - 1)}>上一页</a> : null} 第{page}页／共{pages}页{' '}
      {page < pages ? <a href={link(page + 1)}>下一页</a> : null}
    </nav>
  );
}

function ItemRow({ item }: { item: CatalogueItem }) {
  return (
    <tr>
      <td>
        <a href={`/items/${item.id}`}>{item.title}</a>
      </td>
      <td>{item.docNumber ?? ''}</td>
      <td>{item.publishedOn ?? ''}</td>
    </tr>
  );
}

export function registerItemRoutes(app: FastifyInstance, deps: Deps): void {
  const search = deps.searchIndex ?? createSearchIndex(deps.db);

  app.get<{ Querystring: Record<string, string | undefined> }>('/items', async (req, reply) => {
    const agency = str(req.query.agency);
    const year = str(req.query.year);
    const kind = str(req.query.kind);
    const page = Number(str(req.query.page)) || 1;
    const agencies = await agenciesRepository(deps.db.db).list();
    const result = await listItems(deps, {
      ...(agency ? { agency } : {}),
      ...(/^\d{4}$/.test(year) ? { year } : {}),
      ...(kind in KIND_LABELS ? { kind } : {}),
      page,
      pageSize: 20,
    });
    const base = new URLSearchParams({ agency, year, kind });
    const html = renderPage({
      title: '主动公开目录',
      path: '/items',
      isAccessible: isAccessible(req),
      children: (
        <>
          <h1>主动公开目录</h1>
          <form method="get" action="/items" class="filters">
            <label for="f-agency">发布机构</label>
            <select id="f-agency" name="agency">
              <option value="">全部</option>
              {agencies.map((a) => (
                <option value={a.code} selected={a.code === agency}>
                  {a.name}
                </option>
              ))}
            </select>{' '}
            <label for="f-kind">类别</label>
            <select id="f-kind" name="kind">
              <option value="">全部</option>
              {Object.entries(KIND_LABELS).map(([k, l]) => (
                <option value={k} selected={k === kind}>
                  {l}
                </option>
              ))}
            </select>{' '}
            <label for="f-year">年份</label>
            <input id="f-year" name="year" inputMode="numeric" size={6} value={year} />{' '}
            <button type="submit">筛选</button>
          </form>
          <p>共{result.total}条</p>
          <table class="list">
            <caption class="visually-hidden">主动公开目录</caption>
            <thead>
              <tr>
                <th scope="col">标题</th>
                <th scope="col">文号</th>
                <th scope="col">发布日期</th>
              </tr>
            </thead>
            <tbody>
              {result.items.map((item) => (
                <ItemRow item={item} />
              ))}
            </tbody>
          </table>
          <Pager base={base} page={result.page} total={result.total} pageSize={result.pageSize} />
        </>
      ),
    });
    return reply.type('text/html; charset=utf-8').send(html);
  });

  app.get<{ Params: { id: string } }>('/items/:id', async (req, reply) => {
    const { item, agencyName, attachments, interpretationOf, interpretations } = await getItem(
      deps,
      Number(req.params.id),
    );
    const html = renderPage({
      title: item.title,
      path: '/items',
      isAccessible: isAccessible(req),
      children: (
        <article>
          <h1>{item.title}</h1>
          <dl class="meta">
            <dt>索引号</dt>
            <dd>{item.indexNumber}</dd>
            <dt>发布机构</dt>
            <dd>{agencyName}</dd>
            <dt>成文日期</dt>
            <dd>{item.madeOn}</dd>
            <dt>发布日期</dt>
            <dd>{item.publishedOn ?? '—'}</dd>
            <dt>文号</dt>
            <dd>{item.docNumber ?? '—'}</dd>
            <dt>主题分类</dt>
            <dd>{item.subject ?? '—'}</dd>
            <dt>体裁</dt>
            <dd>{item.genre ?? KIND_LABELS[item.kind] ?? '—'}</dd>
            <dt>有效性</dt>
            <dd>
              {VALIDITY_LABELS[item.validity] ?? item.validity}
              {item.repealedOn ? `（${item.repealedOn}废止）` : ''}
            </dd>
          </dl>
          {(item.body ?? '').split('\n').map((p) => (p.trim() ? <p>{p}</p> : null))}
          {attachments.length > 0 ? (
            <section aria-labelledby="attachments">
              <h2 id="attachments">附件</h2>
              <ul>
                {attachments.map((a) => (
                  <li>
                    {a.fileName}（{Math.max(1, Math.round(a.sizeBytes / 1024))} KB）
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {interpretationOf ? (
            <p>
              本文解读的政策：<a href={`/items/${interpretationOf.id}`}>{interpretationOf.title}</a>
            </p>
          ) : null}
          {interpretations.length > 0 ? (
            <section aria-labelledby="interpretations">
              <h2 id="interpretations">政策解读</h2>
              <ul>
                {interpretations.map((i) => (
                  <li>
                    <a href={`/items/${i.id}`}>{i.title}</a>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </article>
      ),
    });
    return reply.type('text/html; charset=utf-8').send(html);
  });

  app.get<{ Querystring: Record<string, string | undefined> }>('/search', async (req, reply) => {
    const q = str(req.query.q).slice(0, 100);
    const sort = req.query.sort === 'date' ? 'date' : 'relevance';
    const page = Math.min(Number(str(req.query.page)) || 1, 500);
    const result = q
      ? await search.search({ q, sort, page, pageSize: 10 })
      : { total: 0, hits: [], matchedAll: true };
    const base = new URLSearchParams({ q, sort });
    const html = renderPage({
      title: q ? `搜索：${q}` : '搜索',
      path: '/search',
      isAccessible: isAccessible(req),
      children: (
        <>
          <h1>搜索政府信息</h1>
          <form method="get" action="/search">
            <label for="q">关键词</label> <input id="q" name="q" type="search" value={q} />{' '}
            <label for="sort">排序</label>{' '}
            <select id="sort" name="sort">
              <option value="relevance" selected={sort === 'relevance'}>
                按相关度
              </option>
              <option value="date" selected={sort === 'date'}>
                按日期
              </option>
            </select>{' '}
            <button type="submit">搜索</button>
          </form>
          {q ? (
            <p id="result-count">
              找到{result.total}条结果
              {result.matchedAll ? '' : '（没有同时包含全部关键词的信息，以下为包含部分关键词的结果）'}
            </p>
          ) : null}
          {result.hits.map((hit) => (
            <div class="hit">
              <h3>
                <a href={`/items/${hit.id}`} dangerouslySetInnerHTML={{ __html: hit.titleHtml }} />
              </h3>
              <p dangerouslySetInnerHTML={{ __html: hit.snippet }} />
              <p class="meta">{hit.publishedOn ?? ''}</p>
            </div>
          ))}
          <Pager base={base} page={page} total={result.total} pageSize={10} />
        </>
      ),
    });
    return reply.type('text/html; charset=utf-8').send(html);
  });
}
