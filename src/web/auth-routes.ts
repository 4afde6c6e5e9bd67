/**
 * The sign-in pages: GET/POST /admin/login (rate-limited per address), POST /admin/logout, and
 * GET /admin, a placeholder 工作台 showing who is signed in and where they may work.
 */
import type { FastifyInstance } from 'fastify';
import { agenciesRepository } from '../db/repositories/agencies.ts';
import { DomainError, HTTP_STATUS } from '../domain/errors.ts';
import { authenticate } from '../services/accounts/authenticate.ts';
import { createSession, revokeSession, SESSION_POLICY, signOut } from '../services/accounts/sessions.ts';
import { workOverview } from '../services/dashboard/work-overview.ts';
import type { Deps } from '../services/deps.ts';
import {
  type AuthOptions,
  CSRF_COOKIE,
  cookieOptions,
  csrfTokenFor,
  registerAuth,
  requireUser,
  SESSION_COOKIE,
} from './auth.ts';
import { renderDashboard } from './views/admin/dashboard.tsx';
import { renderLoginPage } from './views/admin/login.tsx';

export interface AuthRouteOptions extends AuthOptions {
  /** Sign-in attempts per client address and window (default 20 per 5 minutes). */
  loginRateLimit?: { max: number; timeWindow: number | string };
}

const HTML = 'text/html; charset=utf-8';

/** Only a path under /admin on this site (never `//host` or a backslash trick). */
function safeNext(value: unknown): string | null {
  return typeof value === 'string' && /^\/admin(?:[/?#][^\\\s]*)?$/.test(value) && !value.includes('//')
    ? value
    : null;
}

/** Registers the sign-in routes (and `registerAuth` if the app does not have it yet). */
export async function registerAuthRoutes(
  app: FastifyInstance,
  deps: Deps,
  options: AuthRouteOptions = {},
): Promise<void> {
  await registerAuth(app, deps, options);
  const policy = options.session ?? SESSION_POLICY;
  const limit = options.loginRateLimit ?? { max: 20, timeWindow: '5 minutes' };

  await app.register(async (scope) => {
    scope.addHook('onSend', async (_request, reply, payload) => {
      reply.header('cache-control', 'no-store');
      return payload;
    });
    scope.setErrorHandler(async (error, request, reply) => {
      if (error instanceof DomainError && error.code === 'auth.rate_limited') {
        return reply
          .code(HTTP_STATUS[error.code])
          .type(HTML)
          .send(
            renderLoginPage({
              csrfToken: csrfTokenFor(request, reply),
              login: '',
              next: null,
              error: error.message,
            }),
          );
      }
      throw error;
    });

    scope.get<{ Querystring: { next?: string } }>('/admin/login', async (request, reply) => {
      const next = safeNext(request.query.next);
      if (request.user) return reply.redirect(next ?? '/admin', 303);
      return reply
        .type(HTML)
        .send(renderLoginPage({ csrfToken: csrfTokenFor(request, reply), login: '', next, error: null }));
    });

    scope.post<{ Body: Record<string, unknown> | undefined }>(
      '/admin/login',
      {
        config: {
          rateLimit: {
            max: limit.max,
            timeWindow: limit.timeWindow,
            errorResponseBuilder: (_request, context) =>
              new DomainError(
                'auth.rate_limited',
                `登录尝试过于频繁，请${Math.max(1, Math.ceil(context.ttl / 60_000))}分钟后再试`,
              ),
          },
        },
      },
      async (request, reply) => {
        const body = request.body ?? {};
        const next = safeNext(body.next);
        const typed = typeof body.login === 'string' ? body.login.trim().slice(0, 100) : '';
        try {
          const user = await authenticate(deps, {
            login: body.login,
            password: body.password,
            ip: request.ip,
          });
          const previous = request.cookies[SESSION_COOKIE];
          if (previous) await revokeSession(deps, previous);
          const opened = await createSession(deps, user.id, policy);
          reply.setCookie(SESSION_COOKIE, opened.token, {
            ...cookieOptions(request),
            maxAge: policy.absoluteHours * 3600,
          });
          reply.clearCookie(CSRF_COOKIE, { path: '/' });
          return reply.redirect(next ?? '/admin', 303);
        } catch (error) {
          if (
            error instanceof DomainError &&
            (error.code === 'auth.invalid' || error.code === 'auth.locked')
          ) {
            return reply
              .code(HTTP_STATUS[error.code])
              .type(HTML)
              .send(
                renderLoginPage({
                  csrfToken: csrfTokenFor(request, reply),
                  login: typed,
                  next,
                  error: error.message,
                }),
              );
          }
          throw error;
        }
      },
    );

    scope.post('/admin/logout', async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await signOut(deps, token, request.user);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.redirect('/admin/login', 303);
    });

    scope.get('/admin', { preHandler: requireUser() }, async (request, reply) => {
      const user = request.user!;
      const covered = new Set(user.agencyIds);
      const agencies = (await agenciesRepository(deps.db.db).list())
        .filter((a) => covered.has(a.id))
        .sort((a, b) => Number(b.id === user.agencyId) - Number(a.id === user.agencyId));
      return reply.type(HTML).send(
        renderDashboard({
          displayName: user.displayName,
          login: user.login,
          role: user.role,
          agencies,
          csrfToken: csrfTokenFor(request, reply),
          overview: await workOverview(deps, user.agencyIds),
        }),
      );
    });
  });
}
