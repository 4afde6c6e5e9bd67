/**
 * Sign-in at the web edge. `registerAuth` parses cookies and forms, loads the session named by
 * the `gk_session` cookie into `request.user`, and checks a CSRF token on every POST, PUT,
 * PATCH and DELETE in a preValidation hook, i.e. after the body is parsed (ARCHITECTURE, known
 * traps). `requireUser` guards back-office routes; `csrfTokenFor` gives the token every form
 * embeds as `_csrf`. The sign-in pages themselves are in auth-routes.ts.
 */
import fastifyCookie, { type CookieSerializeOptions } from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { type Action, type Role, roleAllows } from '../domain/accounts/roles.ts';
import { type ErrorCode, HTTP_STATUS } from '../domain/errors.ts';
import type { SignedInUser } from '../services/accounts/model.ts';
import {
  type LiveSession,
  lookupSession,
  SESSION_POLICY,
  type SessionPolicy,
} from '../services/accounts/sessions.ts';
import type { Deps } from '../services/deps.ts';
import { CSRF_FIELD, CSRF_HEADER, createCsrfToken, isValidCsrfToken, newCsrfSecret } from './csrf.ts';
import { multipartFieldValue, registerMultipart } from './multipart.ts';
import { renderMessagePage } from './views/admin/message.tsx';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in person, or null (src/web/auth.ts). */
    user: SignedInUser | null;
    /** The session behind `user`, with its CSRF secret. */
    liveSession: LiveSession | null;
  }
  interface FastifyContextConfig {
    /** `false`: the route takes no CSRF token (only for clients that send no cookies). */
    csrf?: boolean;
  }
}

export const SESSION_COOKIE = 'gk_session';
/** The CSRF secret of a visitor who is not signed in (the login form needs one too). */
export const CSRF_COOKIE = 'gk_csrf';

export interface AuthOptions {
  session?: SessionPolicy;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;
const HTML = 'text/html; charset=utf-8';

/** HttpOnly, SameSite=Lax, whole site; Secure when the request came over https. */
export function cookieOptions(request: FastifyRequest): CookieSerializeOptions {
  return { path: '/', httpOnly: true, sameSite: 'lax', secure: request.protocol === 'https' };
}

/** Registers cookies, form parsing, the session loader and the CSRF check (once per app). */
export async function registerAuth(
  app: FastifyInstance,
  deps: Deps,
  options: AuthOptions = {},
): Promise<void> {
  if (app.hasRequestDecorator('liveSession')) return;
  const policy = options.session ?? SESSION_POLICY;
  if (!app.hasRequestDecorator('cookies')) await app.register(fastifyCookie);
  if (!app.hasContentTypeParser('application/x-www-form-urlencoded')) {
    await app.register(fastifyFormbody, { bodyLimit: 256 * 1024 });
  }
  await registerMultipart(app);
  if (!app.hasDecorator('rateLimit')) await app.register(fastifyRateLimit, { global: false });
  app.decorateRequest('user', null);
  app.decorateRequest('liveSession', null);

  app.addHook('onRequest', async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const live = await lookupSession(deps, token, policy);
    if (live) {
      request.liveSession = live;
      request.user = live.user;
    } else {
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
    }
  });

  // After the body is parsed (preValidation), or a valid token in a form body is never seen.
  app.addHook('preValidation', async (request, reply) => {
    if (SAFE_METHODS.has(request.method) || request.routeOptions.config?.csrf === false) return;
    const secret = request.liveSession?.csrfSecret ?? request.cookies[CSRF_COOKIE];
    const body = request.body;
    const token =
      (body && typeof body === 'object'
        ? multipartFieldValue((body as Record<string, unknown>)[CSRF_FIELD])
        : undefined) ?? request.headers[CSRF_HEADER];
    if (secret && isValidCsrfToken(secret, token)) return;
    return sendAuthError(
      request,
      reply,
      'auth.csrf',
      '页面已过期或提交来源无法确认，请返回并刷新页面后重新提交',
    );
  });
}

/** The CSRF token for a form on this page; gives a visitor without a session a secret cookie. */
export function csrfTokenFor(request: FastifyRequest, reply: FastifyReply): string {
  if (request.liveSession) return createCsrfToken(request.liveSession.csrfSecret);
  let secret = request.cookies[CSRF_COOKIE];
  if (!secret || !TOKEN_SHAPE.test(secret)) {
    secret = newCsrfSecret();
    reply.setCookie(CSRF_COOKIE, secret, cookieOptions(request));
    request.cookies[CSRF_COOKIE] = secret;
  }
  return createCsrfToken(secret);
}

/**
 * A preHandler: without a session, GET pages redirect to the login form and anything else gets
 * 401; with `need`, a role that lacks the action (anywhere) or is not listed gets 403. Whether
 * the action is allowed at a particular agency is the handler's question (`can`).
 */
export function requireUser(need?: Action | { roles: readonly Role[] }): preHandlerAsyncHookHandler {
  return async function requireUserHook(request, reply) {
    const user = request.user;
    if (!user) {
      if (request.method === 'GET' && !wantsJson(request)) {
        return reply.redirect(`/admin/login?next=${encodeURIComponent(request.url)}`, 303);
      }
      return sendAuthError(request, reply, 'auth.required', '请先登录');
    }
    const isAllowed =
      need === undefined ||
      (typeof need === 'string' ? roleAllows(user.role, need) : need.roles.includes(user.role));
    if (!isAllowed) return sendAuthError(request, reply, 'auth.forbidden', '您没有权限访问此页面');
  };
}

/** True for API calls: JSON bodies, /api paths, or clients asking for JSON rather than HTML. */
export function wantsJson(request: FastifyRequest): boolean {
  const accept = request.headers.accept ?? '';
  return (
    request.url.startsWith('/api/') ||
    (request.headers['content-type'] ?? '').startsWith('application/json') ||
    (accept.includes('application/json') && !accept.includes('text/html'))
  );
}

/** Answers with the code's status: JSON `{ error: { code, message } }` or a Chinese page. */
export function sendAuthError(
  request: FastifyRequest,
  reply: FastifyReply,
  code: ErrorCode,
  message: string,
): FastifyReply {
  reply.code(HTTP_STATUS[code]).header('cache-control', 'no-store');
  if (wantsJson(request)) return reply.send({ error: { code, message } });
  const title = code === 'auth.required' ? '请先登录' : code === 'auth.csrf' ? '无法提交' : '无权访问';
  return reply.type(HTML).send(renderMessagePage(title, message));
}

export { registerAuthRoutes } from './auth-routes.ts';
