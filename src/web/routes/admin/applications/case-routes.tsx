/**
 * A case in the back office: GET the case page (each view of the applicant's details is
 * audited), POST a step, GET the reply letter. Every step goes through the actOnApplication use
 * case; a refusal re-shows the page with the Chinese message and what was typed, and changes
 * nothing. Outside the user's agencies a case does not exist for them.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { agenciesRepository } from '../../../../db/repositories/agencies.ts';
import { type ApplicationRecord, applicationsRepository } from '../../../../db/repositories/applications.ts';
import type { Action as Permission } from '../../../../domain/accounts/roles.ts';
import { roleAllows } from '../../../../domain/accounts/roles.ts';
import { computeDeadline } from '../../../../domain/applications/deadline.ts';
import { deadlineFactsFromEvents } from '../../../../domain/applications/facts-from-events.ts';
import type { FeeCalculation, FeeScale } from '../../../../domain/applications/fees.ts';
import {
  ACTION_LABELS,
  ACTIONS,
  type Action,
  availableActions,
} from '../../../../domain/applications/workflow.ts';
import { DomainError } from '../../../../domain/errors.ts';
import { parseRecordId } from '../../../../domain/record-id.ts';
import { writeAudit } from '../../../../services/accounts/audit.ts';
import { actOnApplication } from '../../../../services/applications/act-on-application.ts';
import { feeStatus, previewFee } from '../../../../services/applications/fee-status.ts';
import { renderReplyLetter } from '../../../../services/applications/reply-letter.ts';
import type { Deps } from '../../../../services/deps.ts';
import { csrfTokenFor, requireUser } from '../../../auth.ts';
import { contentDisposition } from '../../request.ts';
import { type CasePageInput, renderCasePage } from './case-page.tsx';
import { STEP_INPUTS } from './step-fields.tsx';

/** Reviewing a reply is the reviewer's; every other step is the clerk's. */
const PERMISSION: Partial<Record<Action, Permission>> = {
  approve_reply: 'replies.review',
  return_draft: 'replies.review',
};
const permissionFor = (a: Action): Permission => PERMISSION[a] ?? 'applications.edit';

const positive = (v: unknown): number | null => {
  const n = typeof v === 'string' && /^\d{1,6}$/.test(v.trim()) ? Number(v) : Number.NaN;
  return Number.isInteger(n) && n >= 1 ? n : null;
};

export function registerCaseRoutes(app: FastifyInstance, deps: Deps): void {
  const load = async (req: FastifyRequest, id: string) => {
    const user = req.user!;
    // Ids are PostgreSQL integers: a longer number would be an SQL error (500), not a 404.
    const applicationId = parseRecordId(id);
    const found =
      applicationId === null ? null : await applicationsRepository(deps.db.db).findById(applicationId);
    if (!found || !user.agencyIds.includes(found.agencyId)) {
      throw new DomainError('application.not_found', `未找到编号为${id}的申请`);
    }
    return found;
  };

  const show = async (
    req: FastifyRequest,
    reply: FastifyReply,
    found: ApplicationRecord,
    error: CasePageInput['error'],
  ) => {
    const user = req.user!;
    await writeAudit(deps, {
      actorId: user.id,
      actor: user.login,
      action: 'personal_data.viewed',
      subject: `application:${found.id}`,
      agencyId: found.agencyId,
    });
    const query = (req.query ?? {}) as Record<string, unknown>;
    const today = deps.clock.today();
    const agency = await agenciesRepository(deps.db.db).findById(found.agencyId);
    const events = await applicationsRepository(deps.db.db).events(found.id);
    const actions = availableActions(found.state).filter((a) => roleAllows(user.role, permissionFor(a)));
    const deadline = computeDeadline(deadlineFactsFromEvents(found.receivedOn, events), deps.calendar, today);
    const notice = [...events].reverse().find((e) => e.type === 'issue_fee_notice');
    let preview: CasePageInput['fee']['preview'] = null;
    if (actions.includes('issue_fee_notice')) {
      const input = {
        feeScale: (query.feeScale === 'per_volume' ? 'per_volume' : 'per_item') as FeeScale,
        items: positive(query.items) ?? 1,
        pages: positive(query.pages),
      };
      preview = { input, result: await previewFee(deps, found, input) };
    }
    const html = renderCasePage({
      app: found,
      agencyName: agency?.name ?? '',
      events,
      actions,
      csrf: csrfTokenFor(req, reply),
      user,
      today,
      error,
      isNew: query.registered === '1',
      deadlineSteps: deadline.steps,
      fee: {
        status: feeStatus(deps, events),
        preview,
        noticeCalculation: (notice?.data.calculation as FeeCalculation | undefined) ?? null,
      },
    });
    return reply
      .code(error ? (error.action ? 422 : 403) : 200)
      .type('text/html; charset=utf-8')
      .send(html);
  };

  app.get<{ Params: { id: string } }>(
    '/admin/applications/:id',
    { preHandler: requireUser('applications.view') },
    async (req, reply) => show(req, reply, await load(req, req.params.id), null),
  );

  app.post<{ Params: { id: string }; Body: Record<string, string | undefined> }>(
    '/admin/applications/:id/act',
    { preHandler: requireUser('applications.view') },
    async (req, reply) => {
      const found = await load(req, req.params.id);
      const body = req.body ?? {};
      const action = (ACTIONS as readonly string[]).includes(String(body.action))
        ? (body.action as Action)
        : null;
      const values: Record<string, string> = {};
      for (const key of STEP_INPUTS) {
        const value = body[key];
        if (typeof value === 'string') values[key] = value.slice(0, 2000);
      }
      if (
        !action ||
        !availableActions(found.state).includes(action) ||
        !roleAllows(req.user!.role, permissionFor(action))
      ) {
        const label = action ? ACTION_LABELS[action] : String(body.action ?? '');
        return show(req, reply, found, {
          message: `您不能对该申请执行“${label}”`,
          action: action && availableActions(found.state).includes(action) ? action : null,
          values,
        });
      }
      const input: Record<string, unknown> = { applicationId: found.id, action, actor: req.user!.login };
      for (const [key, value] of Object.entries(values)) if (value.trim() !== '') input[key] = value.trim();
      try {
        await actOnApplication(deps, input);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        return show(req, reply, await load(req, req.params.id), { message: error.message, action, values });
      }
      return reply.redirect(`/admin/applications/${found.id}`, 303);
    },
  );

  app.get<{ Params: { id: string; format: string } }>(
    '/admin/applications/:id/letter.:format',
    { preHandler: requireUser('applications.view') },
    async (req, reply) => {
      const found = await load(req, req.params.id);
      const format = req.params.format === 'pdf' ? 'pdf' : req.params.format === 'docx' ? 'docx' : null;
      if (!format) throw new DomainError('application.not_found', '不支持的答复书格式');
      const body = await renderReplyLetter(deps, found.id, format);
      return reply
        .type(
          format === 'pdf'
            ? 'application/pdf'
            : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        )
        .header('content-disposition', contentDisposition(`答复书-${found.trackingNumber}.${format}`))
        .send(body);
    },
  );
}
