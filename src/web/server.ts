/**
 * The web server: the public 政府信息公开 portal, the back office (/admin) and the JSON interface
 * (/api), one Fastify app over the application's dependencies. Routes live in routes/; this file
 * wires them, answers errors the same way everywhere (a Chinese page, or JSON with the stable
 * code for programs) and loads the demo into an empty database.
 */
import formbody from '@fastify/formbody';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';
import { DomainError, type ErrorCode, HTTP_STATUS } from '../domain/errors.ts';
import { type App, isEmpty, openApp } from '../services/app.ts';
import { loadDemo } from '../services/demo/load-demo.ts';
import { importReportsFromFolder } from '../services/imports/import-reports.ts';
import { registerAuthRoutes, wantsJson } from './auth.ts';
import { html, page, type SafeHtml } from './html.ts';
import { UPLOAD_LIMITS } from './multipart.ts';
import { registerPageCache } from './page-cache.ts';
import { registerApplicationAdminRoutes } from './routes/admin/applications.tsx';
import { registerDigestRoutes, startDigestScheduling } from './routes/admin/digest.tsx';
import { registerImportAdminRoutes } from './routes/admin/imports.tsx';
import { registerItemAdminRoutes } from './routes/admin/items.tsx';
import { registerPageAdminRoutes } from './routes/admin/pages.tsx';
import { registerReportAdminRoutes } from './routes/admin/reports.tsx';
import { registerUserRoutes } from './routes/admin/users.tsx';
import { registerApiRoutes } from './routes/api.ts';
import { registerApplyRoutes } from './routes/public/apply.tsx';
import { registerFeedRoutes } from './routes/public/feeds.ts';
import { registerItemRoutes } from './routes/public/items.tsx';
import { registerPortalRoutes } from './routes/public/portal.tsx';
import { registerPublishedReportRoutes } from './routes/public/published-reports.tsx';
import { registerPublicReportRoutes } from './routes/public/reports.tsx';
import { registerTrackRoutes } from './routes/public/track.tsx';

export async function buildApp(config: Config, opened?: App): Promise<FastifyInstance> {
  const app = Fastify({ logger: config.logLevel === 'silent' ? false : { level: config.logLevel } });
  const gongkai = opened ?? (await openApp(config));
  if (!opened) app.addHook('onClose', () => gongkai.close());
  const { deps } = gongkai;
  // First, so that every route registered after it answers errors the same way.
  app.setErrorHandler((error, req, reply) => {
    if (error instanceof DomainError) {
      return sendError(req, reply, error.code, error.message, {
        field: error.field,
        next: html`<p><a href="/">返回首页</a></p>`,
      });
    }
    const code = (error as { code?: unknown }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE' || code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT') {
      const message = `上传的文件过大或过多：每个文件不超过${UPLOAD_LIMITS.fileSize / 1024 / 1024}MB，每次不超过${UPLOAD_LIMITS.files}个`;
      return sendError(req, reply, 'upload.too_large', message, {
        next: html`<p>请返回上一页，减少或压缩文件后重新上传。</p>`,
      });
    }
    app.log.error(error);
    return reply
      .code(500)
      .type('text/html; charset=utf-8')
      .send(page('出错了', html`<h1>服务器内部错误</h1>`));
  });

  app.setNotFoundHandler((req, reply) =>
    sendError(req, reply, 'route.not_found', '未找到该页面，可能地址有误或信息已被移除', {
      title: '未找到该页面',
      next: html`<p><a href="/">返回首页</a> · <a href="/search">搜索政府信息</a></p>`,
    }),
  );

  await app.register(formbody, { bodyLimit: 64 * 1024 });
  // Sessions, CSRF on every form, sign-in (/admin/login) and the back office's first page.
  await registerAuthRoutes(app, deps);
  // Public pages kept until the catalogue changes; after the cookie plugin (its Set-Cookie comes first).
  if (config.pageCache) registerPageCache(app);
  registerApplicationAdminRoutes(app, deps);
  registerPageAdminRoutes(app, deps);
  registerUserRoutes(app, deps);
  registerItemAdminRoutes(app, deps);
  registerReportAdminRoutes(app, deps);
  registerDigestRoutes(app, deps, { isMailConfigured: config.mail !== null, digestTime: config.digestTime });
  if (await isEmpty(deps)) {
    const summary = await loadDemo(deps, { reportsDir: config.demoDir });
    app.log.info(summary, '空数据库：已载入演示数据');
  } else if (config.demoDir) {
    // GONGKAI_DEMO_DIR on a database in use: its reports are imported too (the same bytes only once).
    await importReportsFromFolder(deps, config.demoDir, { system: 'system' });
  }
  registerImportAdminRoutes(app, deps);

  registerApplyRoutes(app, deps);
  registerTrackRoutes(app, deps);
  registerItemRoutes(app, deps);
  registerFeedRoutes(app, deps);
  registerPublicReportRoutes(app, deps);
  registerPublishedReportRoutes(app, deps);
  // The 政府信息公开 section: home page, guide, rules, statutory content, standard directory.
  registerPortalRoutes(app, deps);
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
  registerApiRoutes(app, deps);

  // The morning digest by e-mail when SMTP is configured: a timer, stopped before the database closes.
  startDigestScheduling(app, deps, config);
  return app;
}

export async function startServer(config: Config): Promise<{ app: FastifyInstance; url: string }> {
  const app = await buildApp(config);
  await app.listen({ port: config.port, host: config.host });
  return { app, url: `http://${config.host === '127.0.0.1' ? 'localhost' : config.host}:${config.port}` };
}

/**
 * An error as its asker reads it: JSON `{error:{code,message,field}}` for programs, a page with the
 * Chinese message (and what to do next) for people; the status from the code.
 */
function sendError(
  req: FastifyRequest,
  reply: FastifyReply,
  code: ErrorCode,
  message: string,
  options: { field?: string | null; title?: string; next: SafeHtml },
): FastifyReply {
  reply.code(HTTP_STATUS[code]);
  if (wantsJson(req)) {
    return reply.send({ error: { code, message, ...(options.field ? { field: options.field } : {}) } });
  }
  const title = options.title ?? '出错了';
  return reply
    .type('text/html; charset=utf-8')
    .send(page(title, html`<h1>${title}</h1><p>${message}</p>${options.next}`));
}
