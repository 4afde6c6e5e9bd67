/**
 * The JSON interface (`/api/…`) for programs: the public catalogue, search and annual reports,
 * the same data and the same rules as the pages. Errors are `{ error: { code, message } }` with
 * a stable code and a Chinese message (the server's error handler answers /api paths in JSON).
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { agenciesRepository } from '../../db/repositories/agencies.ts';
import { DomainError } from '../../domain/errors.ts';
import { parseRecordId } from '../../domain/record-id.ts';
import { parseInput } from '../../services/applications/schemas.ts';
import { searchIndexOf } from '../../services/catalogue/index-item.ts';
import { browseItems, getItem } from '../../services/catalogue/query-items.ts';
import type { Deps } from '../../services/deps.ts';
import { countFindings } from '../../services/imports/queries.ts';
import { listReportPublications } from '../../services/reports/publish-report.ts';
import { listPublishedReports } from '../../services/reports/published-library.ts';
import { publicReportPath } from './public/reports.tsx';

const SearchApiSchema = z.object({
  q: z.string({ error: '请填写搜索词' }).trim().min(1, { message: '请填写搜索词' }).max(100, {
    message: '搜索词不能超过100个字',
  }),
  sort: z.enum(['relevance', 'date'], { error: '排序方式应为 relevance 或 date' }).default('relevance'),
  page: z.coerce.number({ error: '页码无效' }).int().min(1, { message: '页码无效' }).max(500).default(1),
  pageSize: z.coerce.number({ error: '每页条数应为1至50的整数' }).int().min(1).max(50).default(10),
  /** Code or exact name; the agency and every agency below it. */
  agency: z.string({ error: '请填写机关代码或名称' }).trim().min(1).max(100).optional(),
  category: z.string({ error: '目录分类应为1至100个字' }).trim().min(1).max(100).optional(),
  genre: z.string({ error: '体裁应为1至20个字' }).trim().min(1).max(20).optional(),
  year: z.coerce.number({ error: '年份无效' }).int().min(1949).max(2999).optional(),
});

export function registerApiRoutes(app: FastifyInstance, deps: Deps): void {
  const search = searchIndexOf(deps);
  const agencies = () => agenciesRepository(deps.db.db);

  app.get<{ Querystring: Record<string, string> }>('/api/items', async (req) => {
    const page = await browseItems(deps, req.query);
    return { ...page, items: page.items.map((i) => ({ ...i, url: `/items/${i.id}` })) };
  });

  app.get<{ Params: { id: string } }>('/api/items/:id', async (req) => {
    // "abc" or a number beyond the ids is simply not an item; the message names what was typed.
    const id = parseRecordId(req.params.id);
    if (id === null) {
      throw new DomainError('catalogue.not_found', `未找到编号为${req.params.id}的目录信息`, 'itemId');
    }
    const { item, agencyName, attachments, interpretationOf, interpretations } = await getItem(deps, id);
    return {
      id: item.id,
      url: `/items/${item.id}`,
      indexNumber: item.indexNumber,
      title: item.title,
      agency: agencyName,
      docNumber: item.docNumber,
      kind: item.kind,
      genre: item.genre,
      subject: item.subject,
      catalogueCategory: item.catalogueCategory,
      madeOn: item.madeOn,
      publishedOn: item.publishedOn,
      effectiveOn: item.effectiveOn,
      validity: item.validity,
      repealedOn: item.repealedOn,
      summary: item.summary,
      body: item.body,
      attachments: attachments.map((a) => ({
        fileName: a.fileName,
        mediaType: a.mediaType,
        sizeBytes: a.sizeBytes,
        url: `/items/${item.id}/attachments/${a.id}`,
      })),
      interpretationOf: interpretationOf ? { id: interpretationOf.id, title: interpretationOf.title } : null,
      interpretations: interpretations.map((i) => ({ id: i.id, title: i.title })),
    };
  });

  app.get<{ Querystring: Record<string, string> }>('/api/search', async (req) => {
    const v = parseInput(SearchApiSchema, req.query);
    let agencyIds: number[] | undefined;
    if (v.agency !== undefined) {
      const agency = await agencies().findByCodeOrName(v.agency);
      agencyIds = agency ? await agencies().subtreeIds(agency.id) : [];
    }
    const result = await search.search({
      q: v.q,
      sort: v.sort,
      page: v.page,
      pageSize: v.pageSize,
      ...(agencyIds ? { agencyIds } : {}),
      ...(v.category !== undefined ? { category: v.category } : {}),
      ...(v.genre !== undefined ? { genre: v.genre } : {}),
      ...(v.year !== undefined ? { year: v.year } : {}),
    });
    return {
      q: v.q,
      page: v.page,
      pageSize: v.pageSize,
      /** With `capped`, a lower bound: counting stopped there. */
      total: result.total,
      capped: result.capped ?? false,
      matchedAll: result.matchedAll,
      hits: result.hits.map((h) => ({
        id: h.id,
        url: `/items/${h.id}`,
        title: h.title,
        titleHtml: h.titleHtml,
        snippetHtml: h.snippet,
        publishedOn: h.publishedOn,
      })),
    };
  });

  // Annual reports: this hierarchy's published reports, and the other offices' reports imported
  // for checking.
  app.get('/api/reports', async () => ({
    reports: (await listReportPublications(deps)).map((r) => ({
      agencyCode: r.agencyCode,
      agency: r.agencyName,
      year: r.year,
      rollup: r.origin === 'rollup',
      version: r.version,
      errors: r.errorCount,
      publishedAt: r.publishedAt,
      url: publicReportPath(r.agencyCode, r.year, r.origin),
    })),
    published: (await listPublishedReports(deps)).map((r) => ({
      id: r.id,
      agency: r.agencyName,
      year: r.year,
      format: r.format,
      errors: countFindings(r.findings).errors,
      url: `/reports/published/${r.id}`,
    })),
  }));
}
