/**
 * The web server. For now: the list of published annual reports and each report rendered
 * as HTML, with downloads in every format. The full portal comes with the web issue.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Config } from '../config.ts';
import { renderReportHtml } from '../render/html.ts';
import { RENDER_TARGETS, type RenderTarget, renderReport } from '../render/index.ts';
import { loadPublishedReports, type PublishedReport } from '../services/reports/published-library.ts';
import { html, page, SafeHtml } from './html.ts';

const DEFAULT_DEMO_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../demo/reports');

export async function buildApp(config: Config): Promise<FastifyInstance> {
  const app = Fastify({ logger: config.logLevel === 'silent' ? false : { level: config.logLevel } });
  const reports = await loadPublishedReports(config.demoDir ?? DEFAULT_DEMO_DIR);
  const byId = new Map(reports.map((r) => [r.id, r]));

  const listPage = () => {
    const rows = reports.map((r) => {
      const { report, findings } = r.result;
      const errors = findings.filter((f) => f.severity === 'error').length;
      return html`<tr><td><a href="/reports/${r.id}">${report.agency ?? r.id}</a></td><td>${report.year ?? ''}</td>
<td>${report.format}年格式</td><td>${errors > 0 ? new SafeHtml(`<span class="badge error">错误${errors}条</span>`) : new SafeHtml('<span class="badge ok">通过检查</span>')}</td></tr>`;
    });
    return page(
      '政府信息公开工作年度报告',
      html`<h1>政府信息公开工作年度报告</h1>
<table class="list"><caption class="visually-hidden">年度报告列表</caption>
<thead><tr><th scope="col">机关</th><th scope="col">年度</th><th scope="col">格式</th><th scope="col">检查</th></tr></thead>
<tbody>${rows}</tbody></table>`,
    );
  };

  app.get('/', async (_req, reply) => reply.type('text/html; charset=utf-8').send(listPage()));
  app.get('/reports', async (_req, reply) => reply.type('text/html; charset=utf-8').send(listPage()));
  app.get('/api/reports', async () =>
    reports.map((r) => ({
      id: r.id,
      agency: r.result.report.agency,
      year: r.result.report.year,
      format: r.result.report.format,
    })),
  );

  app.get<{ Params: { id: string } }>('/reports/:id', async (req, reply) => {
    const [id, ext] = splitExtension(req.params.id);
    const found = byId.get(id);
    if (!found) return reply.code(404).type('text/html; charset=utf-8').send(notFound());
    if (ext) {
      if (!(RENDER_TARGETS as readonly string[]).includes(ext)) return reply.code(404).send(notFound());
      const out = await renderReport(found.result.report, ext as RenderTarget, {
        findings: found.result.findings,
        file: found.file,
      });
      return reply
        .type(out.contentType)
        .header('content-disposition', `attachment; filename="${id}.${out.extension}"`)
        .send(out.body);
    }
    return reply.type('text/html; charset=utf-8').send(reportPage(found));
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

function reportPage(r: PublishedReport): string {
  const { report, findings } = r.result;
  const title = report.title ?? `${report.agency ?? ''}${report.year ?? ''}年政府信息公开工作年度报告`;
  const downloads = RENDER_TARGETS.filter((t) => t !== 'html').map(
    (t) => html`<li><a href="/reports/${r.id}.${t}" download>${t.toUpperCase()}</a></li>`,
  );
  return page(
    title,
    html`<nav aria-label="下载"><p>下载：</p><ul class="downloads">${downloads}</ul></nav>
${new SafeHtml(renderReportHtml(report, { findings, standalone: false }))}`,
  );
}

export async function startServer(config: Config): Promise<{ app: FastifyInstance; url: string }> {
  const app = await buildApp(config);
  await app.listen({ port: config.port, host: config.host });
  return { app, url: `http://${config.host === '127.0.0.1' ? 'localhost' : config.host}:${config.port}` };
}
