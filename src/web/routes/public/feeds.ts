/** Atom feed of newly published catalogue items, and the sitemaps of the portal's public pages. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sitemapRepository } from '../../../db/repositories/sitemap.ts';
import { listItems } from '../../../services/catalogue/index.ts';
import type { Deps } from '../../../services/deps.ts';
import { listPortalPages } from '../../../services/portal-pages/get-page.ts';
import { townshipAgencies } from '../../../services/portal-pages/standard-directory.ts';
import { listReportPublications } from '../../../services/reports/publish-report.ts';
import { escapeHtml } from '../../html.ts';
import { publicReportPath } from './reports.tsx';

/** The site's own origin as the visitor reached it (feeds and sitemaps need absolute addresses). */
function origin(req: FastifyRequest): string {
  return `${req.protocol}://${req.host}`;
}

/** sitemaps.org allows 50,000 addresses per file. */
const ITEMS_PER_SITEMAP = 50_000;
const XML = 'application/xml; charset=utf-8';

export function registerFeedRoutes(app: FastifyInstance, deps: Deps): void {
  const sitemaps = () => sitemapRepository(deps.db.db);
  app.get('/feed.atom', async (req, reply) => {
    const base = origin(req);
    const { items } = await listItems(deps, { page: 1, pageSize: 50 });
    const recent = [...items]
      .sort((a, b) => (b.publishedOn ?? '').localeCompare(a.publishedOn ?? ''))
      .slice(0, 30);
    const updated = recent[0]?.publishedOn ?? deps.clock.today();
    const entries = recent
      .map(
        (i) =>
          `<entry><id>${base}/items/${i.id}</id><title>${escapeHtml(i.title)}</title>` +
          `<link href="${base}/items/${i.id}"/><updated>${i.publishedOn ?? i.madeOn}T00:00:00+08:00</updated>` +
          `<summary>${escapeHtml(i.summary ?? i.docNumber ?? '')}</summary></entry>`,
      )
      .join('\n');
    const xml = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<id>${base}/</id><title>政府信息公开 最新主动公开信息</title>
<link rel="self" href="${base}/feed.atom"/><updated>${updated}T00:00:00+08:00</updated>
${entries}
</feed>`;
    return reply.type('application/atom+xml; charset=utf-8').send(xml);
  });

  // sitemap.xml is an index (sitemaps.org): the column pages and reports in one file, the
  // catalogue in files of at most ITEMS_PER_SITEMAP addresses by ranges of item ids.
  app.get('/sitemap.xml', async (req, reply) => {
    const base = origin(req);
    const files = Math.ceil((await sitemaps().maxItemId()) / ITEMS_PER_SITEMAP);
    const locs = ['/sitemap-pages.xml'];
    for (let n = 1; n <= files; n++) locs.push(`/sitemap-items-${n}.xml`);
    return reply.type(XML).send(`<?xml version="1.0" encoding="utf-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${locs.map((u) => `<sitemap><loc>${escapeHtml(base + u)}</loc></sitemap>`).join('\n')}
</sitemapindex>`);
  });

  app.get('/sitemap-pages.xml', async (req, reply) => {
    const urls = [
      '/',
      '/guide',
      '/rules',
      '/statutory',
      '/items',
      '/standard-directory',
      '/disclosure-on-request',
      '/apply',
      '/track',
      '/reports',
      '/reports/published',
    ];
    for (const p of await listPortalPages(deps)) urls.push(`/${p.kind}/${encodeURIComponent(p.agencyCode)}`);
    // Only the addresses: the directories' counts over the whole catalogue are not needed here.
    for (const t of await townshipAgencies(deps))
      urls.push(`/standard-directory/${encodeURIComponent(t.code)}`);
    // The published annual reports (routes/public/reports.tsx).
    for (const r of await listReportPublications(deps))
      urls.push(publicReportPath(r.agencyCode, r.year, r.origin));
    return reply.type(XML).send(
      urlset(
        origin(req),
        urls.map((loc) => ({ loc })),
      ),
    );
  });

  app.get<{ Params: { n: string } }>('/sitemap-items-:n.xml', async (req, reply) => {
    const n = Number(req.params.n);
    if (!Number.isInteger(n) || n < 1) return reply.callNotFound();
    const items = await sitemaps().publicItemsBetween((n - 1) * ITEMS_PER_SITEMAP + 1, n * ITEMS_PER_SITEMAP);
    return reply.type(XML).send(
      urlset(
        origin(req),
        items.map((i) => ({ loc: `/items/${i.id}`, lastmod: i.changedOn })),
      ),
    );
  });
}

function urlset(base: string, urls: { loc: string; lastmod?: string | null }[]): string {
  const entry = (u: { loc: string; lastmod?: string | null }) =>
    `<url><loc>${escapeHtml(base + u.loc)}</loc>${u.lastmod ? `<lastmod>${u.lastmod}</lastmod>` : ''}</url>`;
  return `<?xml version="1.0" encoding="utf-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls.map(entry).join('\n')}
</urlset>`;
}
