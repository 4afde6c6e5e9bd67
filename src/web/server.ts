/**
 * The web server. For now: annual reports — those built from each agency's records and
 * published documents imported from a folder — each rendered as HTML with downloads in every
 * format. The full portal and back office come with the web issue.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import formbody from '@fastify/formbody';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import type { Config } from '../config.ts';
import { agenciesRepository } from '../db/repositories/agencies.ts';
import { DomainError, HTTP_STATUS } from '../domain/errors.ts';
import type { Finding } from '../domain/report/finding.ts';
import { completedReportYears } from '../domain/report/formats/index.ts';
import type { AnnualReport } from '../domain/report/model.ts';
import { REPORT_CSS, renderReportHtml } from '../render/html.ts';
import { RENDER_TARGETS, type RenderTarget, renderReport } from '../render/index.ts';
import { type App, isEmpty, openApp } from '../services/app.ts';
import { loadDemo } from '../services/demo/load-demo.ts';
import { buildReport } from '../services/reports/build-report.ts';
import { loadPublishedReports } from '../services/reports/published-library.ts';
import { registerAuthRoutes, wantsJson } from './auth.ts';
import { html, page, SafeHtml } from './html.ts';
import { UPLOAD_LIMITS } from './multipart.ts';
import { registerApplicationAdminRoutes } from './routes/admin/applications.tsx';
import { registerApplyRoutes } from './routes/public/apply.tsx';
import { registerFeedRoutes } from './routes/public/feeds.ts';
import { registerItemRoutes } from './routes/public/items.tsx';
import { registerTrackRoutes } from './routes/public/track.tsx';
import { isAccessible } from './routes/request.ts';

const DEFAULT_DEMO_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../demo/reports');

const badge = (findings: readonly Finding[]) => {
  const errors = findings.filter((f) => f.severity === 'error').length;
  return errors > 0
    ? new SafeHtml(`<span class="badge error">错误${errors}条</span>`)
    : new SafeHtml('<span class="badge ok">通过检查</span>');
};

export async function buildApp(config: Config, opened?: App): Promise<FastifyInstance> {
  const app = Fastify({ logger: config.logLevel === 'silent' ? false : { level: config.logLevel } });
  const gongkai = opened ?? (await openApp(config));
  if (!opened) app.addHook('onClose', () => gongkai.close());
  const { deps } = gongkai;
  // First, so that every route registered after it answers errors the same way.
  app.setErrorHandler((error, _req, reply) => {
    if (error instanceof DomainError) {
      return reply
        .code(HTTP_STATUS[error.code])
        .type('text/html; charset=utf-8')
        .send(page('出错了', html`<h1>出错了</h1><p>${error.message}</p><p><a href="/">返回首页</a></p>`));
    }
    const code = (error as { code?: unknown }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE' || code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT') {
      const message = `上传的文件过大或过多：每个文件不超过${UPLOAD_LIMITS.fileSize / 1024 / 1024}MB，每次不超过${UPLOAD_LIMITS.files}个`;
      if (wantsJson(_req)) return reply.code(413).send({ error: { code: 'upload.too_large', message } });
      return reply
        .code(413)
        .type('text/html; charset=utf-8')
        .send(
          page(
            '出错了',
            html`<h1>出错了</h1><p>${message}</p><p>请返回上一页，减少或压缩文件后重新上传。</p>`,
          ),
        );
    }
    app.log.error(error);
    return reply
      .code(500)
      .type('text/html; charset=utf-8')
      .send(page('出错了', html`<h1>服务器内部错误</h1>`));
  });

  await app.register(formbody, { bodyLimit: 64 * 1024 });
  // Sessions, CSRF on every form, sign-in (/admin/login) and the back office's first page.
  await registerAuthRoutes(app, deps);
  registerApplicationAdminRoutes(app, deps);
  if (await isEmpty(deps)) {
    const summary = await loadDemo(deps);
    app.log.info(summary, '空数据库：已载入演示数据');
  }
  const published = await loadPublishedReports(config.demoDir ?? DEFAULT_DEMO_DIR);
  const publishedById = new Map(published.map((r) => [r.id, r]));

  const send = async (
    reply: FastifyReply,
    base: string,
    name: string,
    report: AnnualReport,
    findings: Finding[],
    ext: string | null,
    isAccessible: boolean,
  ) => {
    if (ext) {
      if (!(RENDER_TARGETS as readonly string[]).includes(ext))
        return reply.code(404).type('text/html; charset=utf-8').send(notFound());
      const out = await renderReport(report, ext as RenderTarget, { findings });
      return reply
        .type(out.contentType)
        .header(
          'content-disposition',
          `attachment; filename*=UTF-8''${encodeURIComponent(`${name}.${out.extension}`)}`,
        )
        .send(out.body);
    }
    return reply.type('text/html; charset=utf-8').send(reportPage(report, findings, base, isAccessible));
  };

  const recordYears = () => completedReportYears(Number(deps.clock.today().slice(0, 4)));

  const listPage = async (isAccessible: boolean, path: string) => {
    const agencies = await agenciesRepository(deps.db.db).list();
    const fromRecords = agencies.map(
      (a) =>
        html`<tr><th scope="row">${a.name}</th><td>${recordYears().map(
          (y) => html`<a href="/reports/records/${encodeURIComponent(a.code)}/${y}">${y}</a> `,
        )}</td></tr>`,
    );
    const imported = published.map(
      (r) => html`<tr><td><a href="/reports/published/${r.id}">${r.result.report.agency ?? r.id}</a></td>
<td>${r.result.report.year ?? ''}</td><td>${r.result.report.format}年格式</td><td>${badge(r.result.findings)}</td></tr>`,
    );
    return page(
      '政府信息公开工作年度报告',
      html`<h1>政府信息公开工作年度报告</h1>
<h2>依据办理记录生成</h2>
<table class="list"><caption class="visually-hidden">各机关依据办理记录生成的年度报告</caption>
<thead><tr><th scope="col">机关</th><th scope="col">年度</th></tr></thead><tbody>${fromRecords}</tbody></table>
<h2>已发布的年度报告（导入检查）</h2>
<table class="list"><caption class="visually-hidden">导入的已发布年度报告</caption>
<thead><tr><th scope="col">机关</th><th scope="col">年度</th><th scope="col">格式</th><th scope="col">检查</th></tr></thead>
<tbody>${imported}</tbody></table>`,
      '',
      path,
      isAccessible,
    );
  };

  registerApplyRoutes(app, deps);
  registerTrackRoutes(app, deps);
  registerItemRoutes(app, deps);
  registerFeedRoutes(app, deps);
  app.get('/', async (req, reply) =>
    reply.type('text/html; charset=utf-8').send(await listPage(isAccessible(req), '/')),
  );
  // 适老化: large text and high contrast, remembered in a cookie.
  app.get<{ Querystring: { accessible?: string; back?: string } }>('/mode', async (req, reply) => {
    const on = req.query.accessible === '1';
    // Only a path on this site: never "//host" or "/\\host", which browsers treat as another site.
    const back =
      typeof req.query.back === 'string' && /^\/(?![/\\])/.test(req.query.back) ? req.query.back : '/';
    return reply
      .header('set-cookie', `a11y=${on ? '1' : '0'}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly`)
      .redirect(back, 303);
  });
  app.get('/reports', async (req, reply) =>
    reply.type('text/html; charset=utf-8').send(await listPage(isAccessible(req), '/reports')),
  );
  app.get('/api/reports', async () => ({
    published: published.map((r) => ({
      id: r.id,
      agency: r.result.report.agency,
      year: r.result.report.year,
      format: r.result.report.format,
    })),
    agencies: (await agenciesRepository(deps.db.db).list()).map((a) => ({
      code: a.code,
      name: a.name,
      years: recordYears(),
    })),
  }));

  app.get<{ Params: { code: string; year: string } }>('/reports/records/:code/:year', async (req, reply) => {
    const [year, ext] = splitExtension(req.params.year);
    if (!/^\d{4}$/.test(year)) return reply.code(404).type('text/html; charset=utf-8').send(notFound());
    const { report, findings } = await buildReport(deps, { agency: req.params.code, year: Number(year) });
    return send(
      reply,
      `/reports/records/${encodeURIComponent(req.params.code)}/${year}`,
      `${report.agency}${year}年政府信息公开工作年度报告`,
      report,
      findings,
      ext,
      isAccessible(req),
    );
  });

  app.get<{ Params: { id: string } }>('/reports/published/:id', async (req, reply) => {
    const [id, ext] = splitExtension(req.params.id);
    const found = publishedById.get(id);
    if (!found) return reply.code(404).type('text/html; charset=utf-8').send(notFound());
    return send(
      reply,
      `/reports/published/${id}`,
      id,
      found.result.report,
      found.result.findings,
      ext,
      isAccessible(req),
    );
  });
  return app;
}

function splitExtension(id: string): [string, string | null] {
  const m = /^(.*)\.([a-z]+)$/.exec(id);
  return m ? [m[1]!, m[2]!] : [id, null];
}

function notFound(): string {
  return page('未找到', html`<h1>未找到该页面</h1><p><a href="/">返回年度报告列表</a></p>`);
}

function reportPage(report: AnnualReport, findings: Finding[], base: string, isAccessible: boolean): string {
  const title = report.title ?? `${report.agency ?? ''}${report.year ?? ''}年政府信息公开工作年度报告`;
  const downloads = RENDER_TARGETS.filter((t) => t !== 'html').map(
    (t) => html`<li><a href="${base}.${t}" download>${t.toUpperCase()}</a></li>`,
  );
  return page(
    title,
    html`<nav aria-label="下载"><p>下载：</p><ul class="downloads">${downloads}</ul></nav>
${new SafeHtml(renderReportHtml(report, { findings, standalone: false }))}`,
    REPORT_CSS,
    '/reports',
    isAccessible,
  );
}

export async function startServer(config: Config): Promise<{ app: FastifyInstance; url: string }> {
  const app = await buildApp(config);
  await app.listen({ port: config.port, host: config.host });
  return { app, url: `http://${config.host === '127.0.0.1' ? 'localhost' : config.host}:${config.port}` };
}
