/** Atom feed of newly published catalogue items, and sitemap.xml of the portal's public pages. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { listItems } from '../../../services/catalogue/index.ts';
import type { Deps } from '../../../services/deps.ts';
import { listReportPublications } from '../../../services/reports/publish-report.ts';
import { escapeHtml } from '../../html.ts';
import { publicReportPath } from './reports.tsx';

/** The site's own origin as the visitor reached it (feeds and sitemaps need absolute addresses). */
function origin(req: FastifyRequest): string {
  return `${req.protocol}://${req.host}`;
}

export function registerFeedRoutes(app: FastifyInstance, deps: Deps): void {
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

  app.get('/sitemap.xml', async (req, reply) => {
    const base = origin(req);
    const urls = ['/', '/items', '/search', '/apply', '/track', '/reports'];
    const { items } = await listItems(deps, { page: 1, pageSize: 100 });
    for (const i of items) urls.push(`/items/${i.id}`);
    // The published annual reports (routes/public/reports.tsx).
    for (const r of await listReportPublications(deps))
      urls.push(publicReportPath(r.agencyCode, r.year, r.origin));
    const xml = `<?xml version="1.0" encoding="utf-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls.map((u) => `<url><loc>${escapeHtml(base + u)}</loc></url>`).join('\n')}
</urlset>`;
    return reply.type('application/xml; charset=utf-8').send(xml);
  });
}
