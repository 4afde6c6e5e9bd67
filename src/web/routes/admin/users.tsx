/**
 * 账号管理 (permission `users.manage`): the accounts of the agencies the administrator's role
 * covers, creating one (a role the administrator may give, an agency in scope, an initial
 * password obeying the password rules), resetting its password and disabling it (its sessions
 * end). The use cases write the audit trail; refusals come back in Chinese with their code.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { agenciesRepository } from '../../../db/repositories/agencies.ts';
import { usersRepository } from '../../../db/repositories/users.ts';
import { assignableRoles, isRole, ROLE_LABELS, type Role } from '../../../domain/accounts/roles.ts';
import { DomainError, type ErrorCode, HTTP_STATUS } from '../../../domain/errors.ts';
import { parseRecordId } from '../../../domain/record-id.ts';
import { agenciesUserCan, can } from '../../../services/accounts/access.ts';
import { createUser } from '../../../services/accounts/create-user.ts';
import { disableUser } from '../../../services/accounts/disable-user.ts';
import { listUsers, type UserLine } from '../../../services/accounts/list-users.ts';
import { resetPassword } from '../../../services/accounts/reset-password.ts';
import { CreateUserSchema } from '../../../services/accounts/schemas.ts';
import { inputProblems } from '../../../services/applications/schemas.ts';
import type { Deps } from '../../../services/deps.ts';
import { csrfTokenFor, requireUser, wantsJson } from '../../auth.ts';
import { renderUserDetail, renderUserForm, renderUserList } from '../../views/admin/users.tsx';

const HTML = 'text/html; charset=utf-8';
const FORM_FIELDS = ['login', 'displayName', 'role', 'agency', 'password', 'passwordAgain'] as const;
const DONE = new Set(['created', 'disabled', 'password']);

/** A refusal as people read it: the message, then the code programs (and support) use. */
const withCode = (message: string, code: ErrorCode) => `${message}（错误代码：${code}）`;

export function registerUserRoutes(app: FastifyInstance, deps: Deps): void {
  const guard = { preHandler: requireUser('users.manage') };
  const me = (req: FastifyRequest, reply: FastifyReply) => ({
    id: req.user!.id,
    displayName: req.user!.displayName,
    role: req.user!.role,
    csrf: csrfTokenFor(req, reply),
  });
  const scopeAgencies = (req: FastifyRequest) => agenciesUserCan(deps, req.user!, 'users.manage');
  const doneOf = (req: FastifyRequest) => {
    const done = (req.query as Record<string, unknown> | undefined)?.done;
    return typeof done === 'string' && DONE.has(done) ? done : null;
  };

  /** One account of the administrator's scope, or 404 (outside it, an account does not exist). */
  const findLine = async (req: FastifyRequest, id: string): Promise<UserLine> => {
    // Ids are PostgreSQL integers: a longer number would be an SQL error (500), not a 404.
    const userId = parseRecordId(id);
    const user = userId === null ? null : await usersRepository(deps.db.db).findById(userId);
    if (!user || !req.user!.agencyIds.includes(user.agencyId)) {
      throw new DomainError('user.not_found', '未找到该账号');
    }
    const [line] = await listUsers(deps, [user.agencyId]).then((all) => all.filter((u) => u.id === user.id));
    return line!;
  };
  const mayManage = (req: FastifyRequest, user: UserLine) =>
    req.user!.id !== user.id &&
    can(req.user!, 'users.manage', user.agencyId) &&
    assignableRoles(req.user!.role).includes(user.role);

  const detail = async (
    req: FastifyRequest,
    reply: FastifyReply,
    user: UserLine,
    errors: Record<string, string>,
    status = 200,
  ) =>
    reply
      .code(status)
      .type(HTML)
      .send(
        renderUserDetail({
          me: me(req, reply),
          user,
          canManage: mayManage(req, user),
          errors,
          done: status === 200 ? doneOf(req) : null,
        }),
      );

  /** A refusal of a change to an account: JSON for programs, the account page for people. */
  const refuse = (req: FastifyRequest, reply: FastifyReply, user: UserLine, error: DomainError) => {
    const status = HTTP_STATUS[error.code];
    if (wantsJson(req))
      return reply.code(status).send({ error: { code: error.code, message: error.message } });
    const field = error.field === 'password' ? 'password' : '_';
    return detail(req, reply, user, { [field]: withCode(error.message, error.code) }, status);
  };

  app.get('/admin/users', guard, async (req, reply) =>
    reply
      .type(HTML)
      .send(renderUserList(me(req, reply), await listUsers(deps, req.user!.agencyIds), doneOf(req))),
  );

  const form = async (
    req: FastifyRequest,
    reply: FastifyReply,
    values: Record<string, string>,
    errors: Record<string, string>,
    status: number,
  ) =>
    reply
      .code(status)
      .type(HTML)
      .send(
        renderUserForm({
          me: me(req, reply),
          values,
          errors,
          roles: assignableRoles(req.user!.role),
          agencies: await scopeAgencies(req),
        }),
      );

  app.get('/admin/users/new', guard, async (req, reply) => {
    const agencies = await scopeAgencies(req);
    return form(req, reply, agencies.length === 1 ? { agency: agencies[0]!.code } : {}, {}, 200);
  });

  app.post('/admin/users/new', guard, async (req, reply) => {
    const admin = req.user!;
    const body = (req.body ?? {}) as Record<string, unknown>;
    const values: Record<string, string> = {};
    for (const f of FORM_FIELDS)
      values[f] = typeof body[f] === 'string' ? (body[f] as string).slice(0, 1000) : '';
    // Every problem at once: the schema's, then the refusals the use case would make.
    const errors = inputProblems(CreateUserSchema, values);
    let status = 400;
    if (values.password && values.password !== values.passwordAgain) {
      errors.passwordAgain = '两次输入的密码不一致';
    }
    if (isRole(values.role) && !assignableRoles(admin.role).includes(values.role)) {
      errors.role = withCode(
        `您不能创建“${ROLE_LABELS[values.role]}”账号：高于您可授予的角色`,
        'auth.forbidden',
      );
      status = 403;
    }
    const agency = values.agency
      ? await agenciesRepository(deps.db.db).findByCodeOrName(values.agency)
      : null;
    if (agency && !can(admin, 'users.manage', agency.id)) {
      errors.agency = withCode(`“${agency.name}”不在您管理的范围内`, 'auth.forbidden');
      status = 403;
    } else if (values.agency && !agency && !errors.agency) {
      errors.agency = `未找到机关“${values.agency}”`;
    }
    const login = values.login!.trim().toLowerCase();
    if (login && !errors.login && (await usersRepository(deps.db.db).findByLogin(login))) {
      errors.login = withCode(`用户名“${login}”已被使用`, 'user.duplicate');
    }
    const shown = { ...values, password: '', passwordAgain: '' };
    if (Object.keys(errors).length > 0) {
      if (wantsJson(req)) {
        const first = Object.values(errors)[0]!;
        return reply.code(status).send({
          error: {
            code: status === 403 ? 'auth.forbidden' : 'validation.invalid',
            message: first,
            fields: errors,
          },
        });
      }
      return form(req, reply, shown, errors, status);
    }
    try {
      const created = await createUser(
        deps,
        {
          login: values.login!,
          displayName: values.displayName!,
          password: values.password!,
          role: values.role as Role,
          agency: agency!.code,
        },
        admin,
      );
      return reply.redirect(`/admin/users/${created.id}?done=created`, 303);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const field = error.field ?? 'login';
      return form(
        req,
        reply,
        shown,
        { [field]: withCode(error.message, error.code) },
        HTTP_STATUS[error.code],
      );
    }
  });

  app.get<{ Params: { id: string } }>('/admin/users/:id', guard, async (req, reply) =>
    detail(req, reply, await findLine(req, req.params.id), {}),
  );

  app.post<{ Params: { id: string } }>('/admin/users/:id/disable', guard, async (req, reply) => {
    const user = await findLine(req, req.params.id);
    try {
      await disableUser(deps, user.id, req.user!);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return refuse(req, reply, user, error);
    }
    return reply.redirect(`/admin/users/${user.id}?done=disabled`, 303);
  });

  app.post<{ Params: { id: string } }>('/admin/users/:id/password', guard, async (req, reply) => {
    const user = await findLine(req, req.params.id);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const password = typeof body.password === 'string' ? body.password : '';
    const again = typeof body.passwordAgain === 'string' ? body.passwordAgain : '';
    if (password && password !== again) {
      return detail(req, reply, user, { passwordAgain: '两次输入的密码不一致' }, 400);
    }
    try {
      await resetPassword(deps, { userId: user.id, password }, req.user!);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return refuse(req, reply, user, error);
    }
    return reply.redirect(`/admin/users/${user.id}?done=password`, 303);
  });
}
