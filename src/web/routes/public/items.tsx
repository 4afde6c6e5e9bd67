/**
 * 主动公开目录 on the portal: browsing published items by 主题分类, 体裁, 发布机构 and year —
 * links with counts (facets) and a GET form, clean addresses, pages — also by kind, catalogue
 * category and Regulation art. 20 item (links from the other columns); an item's page with the
 * metadata block (索引号, 发布机构, 成文日期, 发布日期, 文号, 主题分类, 有效性), the body,
 * attachments, the policy ↔ interpretation links both ways and related items; and the
 * full-text search.
 */
import type { FastifyInstance } from 'fastify';
import { agenciesRepository } from '../../../db/repositories/agencies.ts';
import { ART20_ITEM_LABELS, GENRES } from '../../../domain/catalogue/model.ts';
import { getItem } from '../../../services/catalogue/index.ts';
import { searchIndexOf } from '../../../services/catalogue/index-item.ts';
import {
  browseItems,
  type FacetCount,
  readAttachment,
  relatedItems,
} from '../../../services/catalogue/query-items.ts';
import type { Deps } from '../../../services/deps.ts';
import { chineseNumeral } from '../../../services/portal-pages/statutory.ts';
import { renderPage } from '../../views/layout.tsx';
import { contentDisposition, isAccessible } from '../request.ts';
import { ItemTable } from './item-table.tsx';

const KIND_LABELS: Record<string, string> = { rule: '规章', normative_document: '规范性文件', other: '其他' };
const VALIDITY_LABELS: Record<string, string> = { in_force: '有效', expired: '失效', repealed: '废止' };

const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

function Pager({
  base,
  page,
  total,
  pageSize,
  capped = false,
}: {
  base: URLSearchParams;
  page: number;
  total: number;
  pageSize: number;
  /** The total is a lower bound (search stops counting): say so, and always offer the next page. */
  capped?: boolean;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1 && !capped) return null;
  const link = (p: number) => {
    const q = new URLSearchParams(base);
    q.set('page', String(p));
    return `?${q.toString()}`;
  };
  return (
    <nav aria-label="分页" class="pager">
      {page > 1 ? <a href={link(page - 1)}>上一页</a> : null} 第{page}页／
      {capped ? `超过${pages}页` : `共${pages}页`}{' '}
      {page < pages || capped ? <a href={link(page + 1)}>下一页</a> : null}
    </nav>
  );
}

/** The filters of /items, as given in the address (anything malformed is ignored). */
interface BrowseQuery {
  agency: string;
  subject: string;
  genre: string;
  year: string;
  kind: string;
  category: string;
  art20: string;
}

const FILTER_KEYS = ['agency', 'subject', 'genre', 'year', 'kind', 'category', 'art20'] as const;

function browseQuery(q: Record<string, string | undefined>): BrowseQuery {
  const year = str(q.year);
  const kind = str(q.kind);
  const art20 = str(q.art20);
  return {
    agency: str(q.agency),
    subject: str(q.subject).slice(0, 100),
    genre: str(q.genre).slice(0, 20),
    year: /^\d{4}$/.test(year) ? year : '',
    kind: kind in KIND_LABELS ? kind : '',
    category: str(q.category).slice(0, 100),
    art20: /^(?:[1-9]|1[0-5])$/.test(art20) ? art20 : '',
  };
}

/** The address of /items with `change` applied to the current filters (empty values left out). */
function browseHref(current: BrowseQuery, change: Partial<BrowseQuery>): string {
  const merged = { ...current, ...change };
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) if (merged[key]) params.set(key, merged[key]);
  const query = params.toString();
  return query ? `/items?${query}` : '/items';
}

const genreLabel = (g: string) => (g === 'other' ? '其他' : g);

function Facet({
  title,
  name,
  counts,
  current,
  label = (v) => v,
  toParam = (v) => v,
}: {
  title: string;
  name: 'subject' | 'genre' | 'agency' | 'year';
  counts: readonly FacetCount[];
  current: BrowseQuery;
  label?: (value: string) => string;
  /** The address value of a facet value (agencies: id → code). */
  toParam?: (value: string) => string;
}) {
  if (counts.length === 0) return null;
  return (
    <section aria-labelledby={`facet-${name}`}>
      <h2 id={`facet-${name}`}>{title}</h2>
      <ul>
        {current[name] ? (
          <li>
            <a href={browseHref(current, { [name]: '' })}>全部</a>
          </li>
        ) : null}
        {counts.map((c) => {
          const value = toParam(c.value);
          const isCurrent = current[name] === value;
          return (
            <li>
              <a
                href={browseHref(current, { [name]: isCurrent ? '' : value })}
                aria-current={isCurrent ? 'true' : undefined}
              >
                {label(c.value)}
              </a>{' '}
              <span class="count">（{c.count}）</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export function registerItemRoutes(app: FastifyInstance, deps: Deps): void {
  const search = searchIndexOf(deps);

  app.get<{ Querystring: Record<string, string | undefined> }>('/items', async (req, reply) => {
    const q = browseQuery(req.query);
    const page = Math.min(Math.max(1, Number(str(req.query.page)) || 1), 10_000);
    const agencies = await agenciesRepository(deps.db.db).list();
    const byId = new Map(agencies.map((a) => [String(a.id), a]));
    const names = new Map(agencies.map((a) => [a.id, a.name]));
    const filters = Object.fromEntries(FILTER_KEYS.filter((k) => q[k] !== '').map((k) => [k, q[k]]));
    const result = await browseItems(deps, { ...filters, page, pageSize: 20 });
    const base = new URLSearchParams(filters);
    const agencyName = (code: string) => agencies.find((a) => a.code === code)?.name ?? code;
    const active: [keyof BrowseQuery, string][] = [
      ['agency', q.agency ? `发布机构：${agencyName(q.agency)}` : ''],
      ['subject', q.subject ? `主题分类：${q.subject}` : ''],
      ['genre', q.genre ? `体裁：${genreLabel(q.genre)}` : ''],
      ['year', q.year ? `年份：${q.year}` : ''],
      ['kind', q.kind ? `类别：${KIND_LABELS[q.kind]}` : ''],
      ['category', q.category ? `目录分类：${q.category}` : ''],
      [
        'art20',
        q.art20
          ? `《条例》第二十条第（${chineseNumeral(Number(q.art20))}）项：${ART20_ITEM_LABELS[Number(q.art20)]}`
          : '',
      ],
    ];
    const subjects = result.facets.subject.map((c) => c.value);
    if (q.subject && !subjects.includes(q.subject)) subjects.push(q.subject);
    const html = renderPage({
      title: '主动公开目录',
      path: '/items',
      isAccessible: isAccessible(req),
      children: (
        <>
          <h1>主动公开目录</h1>
          {active.some(([, text]) => text) ? (
            <div class="active-filters">
              <p>
                当前筛选：
                {active
                  .filter(([, text]) => text)
                  .map(([key, text]) => (
                    <>
                      {text}（
                      <a href={browseHref(q, { [key]: '' })}>
                        取消<span class="visually-hidden">{text}</span>
                      </a>
                      ）{' '}
                    </>
                  ))}
                <a href="/items">清除全部筛选</a>
              </p>
            </div>
          ) : null}
          <form method="get" action="/items" class="filters">
            <label for="f-agency">发布机构</label>
            <select id="f-agency" name="agency">
              <option value="">全部</option>
              {agencies.map((a) => (
                <option value={a.code} selected={a.code === q.agency}>
                  {a.name}
                </option>
              ))}
            </select>{' '}
            <label for="f-subject">主题分类</label>
            <select id="f-subject" name="subject">
              <option value="">全部</option>
              {subjects.map((s) => (
                <option value={s} selected={s === q.subject}>
                  {s}
                </option>
              ))}
            </select>{' '}
            <label for="f-genre">体裁</label>
            <select id="f-genre" name="genre">
              <option value="">全部</option>
              {GENRES.map((g) => (
                <option value={g} selected={g === q.genre}>
                  {genreLabel(g)}
                </option>
              ))}
            </select>{' '}
            <label for="f-kind">类别</label>
            <select id="f-kind" name="kind">
              <option value="">全部</option>
              {Object.entries(KIND_LABELS).map(([k, l]) => (
                <option value={k} selected={k === q.kind}>
                  {l}
                </option>
              ))}
            </select>{' '}
            <label for="f-year">年份</label>
            <input id="f-year" name="year" inputMode="numeric" size={6} value={q.year} />{' '}
            {q.category ? <input type="hidden" name="category" value={q.category} /> : null}
            {q.art20 ? <input type="hidden" name="art20" value={q.art20} /> : null}
            <button type="submit">筛选</button>
          </form>
          <div class="browse">
            <nav class="facets" aria-label="分类浏览">
              <Facet title="主题分类" name="subject" counts={result.facets.subject} current={q} />
              <Facet title="体裁" name="genre" counts={result.facets.genre} current={q} label={genreLabel} />
              <Facet
                title="发布机构"
                name="agency"
                counts={result.facets.agency}
                current={q}
                label={(id) => byId.get(id)?.name ?? id}
                toParam={(id) => byId.get(id)?.code ?? id}
              />
              <Facet title="年份" name="year" counts={result.facets.year} current={q} />
            </nav>
            <div>
              <p id="result-total">共{result.total}条</p>
              <ItemTable items={result.items} caption="主动公开目录" agencyNames={names} />
              <Pager base={base} page={result.page} total={result.total} pageSize={result.pageSize} />
            </div>
          </div>
        </>
      ),
    });
    return reply.type('text/html; charset=utf-8').send(html);
  });

  // An attachment of a public item. PDF and images open in the browser; anything else (Word)
  // downloads; nosniff so an upload is never taken for something it is not.
  app.get<{ Params: { id: string; attachmentId: string } }>(
    '/items/:id/attachments/:attachmentId',
    async (req, reply) => {
      const { attachment, bytes } = await readAttachment(
        deps,
        Number(req.params.id),
        Number(req.params.attachmentId),
      );
      const inline = /^(application\/pdf|image\/(png|jpeg|gif|webp))$/.test(attachment.mediaType);
      return reply
        .type(attachment.mediaType)
        .header('content-disposition', contentDisposition(attachment.fileName, inline))
        .header('x-content-type-options', 'nosniff')
        .send(bytes);
    },
  );

  app.get<{ Params: { id: string } }>('/items/:id', async (req, reply) => {
    const { item, agencyName, attachments, interpretationOf, interpretations } = await getItem(
      deps,
      Number(req.params.id),
    );
    const related = await relatedItems(deps, item, 5);
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
            <dd>
              {item.subject ? (
                <a href={`/items?subject=${encodeURIComponent(item.subject)}`}>{item.subject}</a>
              ) : (
                '—'
              )}
            </dd>
            <dt>体裁</dt>
            <dd>{item.genre ? genreLabel(item.genre) : (KIND_LABELS[item.kind] ?? '—')}</dd>
            {item.art20Item ? (
              <>
                <dt>法定公开事项</dt>
                <dd>
                  <a href={`/statutory#art20-${item.art20Item}`}>
                    《条例》第二十条第（{chineseNumeral(item.art20Item)}）项
                  </a>
                </dd>
              </>
            ) : null}
            {item.catalogueCategory ? (
              <>
                <dt>目录分类</dt>
                <dd>
                  <a href={`/items?category=${encodeURIComponent(item.catalogueCategory)}`}>
                    {item.catalogueCategory}
                  </a>
                </dd>
              </>
            ) : null}
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
                    <a href={`/items/${item.id}/attachments/${a.id}`}>{a.fileName}</a>（
                    {Math.max(1, Math.round(a.sizeBytes / 1024))} KB）
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {interpretationOf ? (
            <section aria-labelledby="policy">
              <h2 id="policy">被解读的政策文件</h2>
              <p id="interpreted-policy">
                本文解读的政策：<a href={`/items/${interpretationOf.id}`}>{interpretationOf.title}</a>
              </p>
            </section>
          ) : null}
          {interpretations.length > 0 ? (
            <section aria-labelledby="interpretations">
              <h2 id="interpretations">政策解读</h2>
              <ul id="interpretation-list">
                {interpretations.map((i) => (
                  <li>
                    <a href={`/items/${i.id}`}>{i.title}</a>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {related.length > 0 ? (
            <section aria-labelledby="related">
              <h2 id="related">相关信息</h2>
              <ul id="related-list">
                {related.map((r) => (
                  <li>
                    <a href={`/items/${r.id}`}>{r.title}</a> {r.publishedOn ?? ''}
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
    // Filters (anything malformed is ignored, like /items): agency with the agencies below it,
    // 目录分类, year of publication, 体裁.
    const agencyList = await agenciesRepository(deps.db.db).list();
    const agency = agencyList.find((a) => a.code === str(req.query.agency)) ?? null;
    const category = str(req.query.category).slice(0, 100);
    const year = /^\d{4}$/.test(str(req.query.year)) ? Number(str(req.query.year)) : null;
    const genre = (GENRES as readonly string[]).includes(str(req.query.genre)) ? str(req.query.genre) : '';
    const agencyIds = agency ? await agenciesRepository(deps.db.db).subtreeIds(agency.id) : undefined;
    const result = q
      ? await search.search({
          q,
          sort,
          page,
          pageSize: 10,
          ...(agencyIds ? { agencyIds } : {}),
          ...(category ? { category } : {}),
          ...(year ? { year } : {}),
          ...(genre ? { genre } : {}),
        })
      : { total: 0, hits: [], matchedAll: true };
    const base = new URLSearchParams({ q, sort });
    if (agency) base.set('agency', agency.code);
    if (category) base.set('category', category);
    if (year) base.set('year', String(year));
    if (genre) base.set('genre', genre);
    const html = renderPage({
      title: q ? `搜索：${q}` : '搜索',
      path: '/search',
      isAccessible: isAccessible(req),
      children: (
        <>
          <h1>搜索政府信息</h1>
          <form method="get" action="/search">
            <label for="q">关键词</label> <input id="q" name="q" type="search" value={q} />{' '}
            <label for="search-agency">发布机构</label>{' '}
            <select id="search-agency" name="agency">
              <option value="">全部</option>
              {agencyList.map((a) => (
                <option value={a.code} selected={a.code === agency?.code}>
                  {a.name}
                </option>
              ))}
            </select>{' '}
            <label for="search-genre">体裁</label>{' '}
            <select id="search-genre" name="genre">
              <option value="">全部</option>
              {GENRES.map((g) => (
                <option value={g} selected={g === genre}>
                  {genreLabel(g)}
                </option>
              ))}
            </select>{' '}
            <label for="search-category">目录分类</label>{' '}
            <input id="search-category" name="category" value={category} size={10} />{' '}
            <label for="search-year">年份</label>{' '}
            <input
              id="search-year"
              name="year"
              inputMode="numeric"
              pattern="\d{4}"
              value={year ?? ''}
              size={4}
            />{' '}
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
              {result.capped ? `找到超过${result.total}条结果` : `找到${result.total}条结果`}
              {result.matchedAll ? '' : '（没有同时包含全部关键词的信息，以下为包含部分关键词的结果）'}
              {result.capped
                ? '。结果较多，可以增加关键词，或按发布机构、年份、体裁、目录分类缩小范围。'
                : ''}
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
          <Pager base={base} page={page} total={result.total} pageSize={10} capped={result.capped ?? false} />
        </>
      ),
    });
    return reply.type('text/html; charset=utf-8').send(html);
  });
}
