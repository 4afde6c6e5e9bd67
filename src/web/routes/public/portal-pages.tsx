/**
 * 信息公开指南 (Regulation art. 12) and 信息公开制度: each agency's page, edited in the back office
 * (/admin/pages), and a chooser of agencies. The body's small markup becomes headings, lists
 * and paragraphs, every text escaped by the renderer.
 */
import type { FastifyInstance } from 'fastify';
import { agenciesRepository } from '../../../db/repositories/agencies.ts';
import type { Deps } from '../../../services/deps.ts';
import {
  type Block,
  getPublishedPortalPage,
  listPortalPages,
  PORTAL_PAGE_KINDS,
  PORTAL_PAGE_LABELS,
  PORTAL_PAGE_PATHS,
  type PortalPageKind,
  parseBlocks,
} from '../../../services/portal-pages/index.ts';
import { renderPage } from '../../views/layout.tsx';
import { isAccessible } from '../request.ts';

/** A page body's blocks as HTML elements (text only; nothing is raw HTML). */
export function PageBody({ blocks }: { blocks: readonly Block[] }) {
  return (
    <div class="page-body">
      {blocks.map((b) =>
        b.type === 'heading' ? (
          <h2>{b.text}</h2>
        ) : b.type === 'list' ? (
          <ul>
            {b.items.map((i) => (
              <li>{i}</li>
            ))}
          </ul>
        ) : (
          <p>{b.text}</p>
        ),
      )}
    </div>
  );
}

const INTRO: Record<PortalPageKind, string> = {
  guide:
    '政府信息公开指南载明政府信息的分类、编排体系、获取方式和政府信息公开工作机构的名称、办公地址、办公时间、联系电话、传真号码、互联网联系方式等内容（《条例》第十二条）。请选择机关：',
  rules: '各机关政府信息公开工作的主动公开、依申请公开、审查、考核等制度。请选择机关：',
};

export function registerPortalPageRoutes(app: FastifyInstance, deps: Deps): void {
  for (const kind of PORTAL_PAGE_KINDS) {
    const base = PORTAL_PAGE_PATHS[kind];
    const label = PORTAL_PAGE_LABELS[kind];

    app.get(base, async (req, reply) => {
      const [pages, agencies] = await Promise.all([
        listPortalPages(deps, kind),
        agenciesRepository(deps.db.db).list(),
      ]);
      const written = new Set(pages.map((p) => p.agencyId));
      const html = renderPage({
        title: label,
        path: base,
        isAccessible: isAccessible(req),
        children: (
          <>
            <h1>{label}</h1>
            <p>{INTRO[kind]}</p>
            <ul class="agencies">
              {agencies.map((a) => (
                <li>
                  {written.has(a.id) ? (
                    <a href={`${base}/${encodeURIComponent(a.code)}`}>{a.name}</a>
                  ) : (
                    <>
                      {a.name}
                      <span class="hint">（尚未发布）</span>
                    </>
                  )}
                </li>
              ))}
            </ul>
          </>
        ),
      });
      return reply.type('text/html; charset=utf-8').send(html);
    });

    app.get<{ Params: { code: string } }>(`${base}/:code`, async (req, reply) => {
      const { agency, page } = await getPublishedPortalPage(deps, req.params.code, kind);
      const other = PORTAL_PAGE_KINDS.find((k) => k !== kind)!;
      const html = renderPage({
        title: page.title,
        path: `${base}/${agency.code}`,
        isAccessible: isAccessible(req),
        children: (
          <article>
            <nav aria-label="当前位置">
              <a href={base}>{label}</a> › {agency.name}
            </nav>
            <h1>{page.title}</h1>
            <p class="updated">
              发布机构：{agency.name}　更新时间：{page.updatedAt.slice(0, 10)}
            </p>
            <PageBody blocks={parseBlocks(page.body)} />
            <p>
              另见：
              <a href={`${PORTAL_PAGE_PATHS[other]}/${encodeURIComponent(agency.code)}`}>
                {agency.name}
                {PORTAL_PAGE_LABELS[other]}
              </a>{' '}
              · <a href={`/items?agency=${encodeURIComponent(agency.code)}`}>本机关主动公开目录</a> ·{' '}
              <a href="/disclosure-on-request">依申请公开</a>
            </p>
          </article>
        ),
      });
      return reply.type('text/html; charset=utf-8').send(html);
    });
  }
}
