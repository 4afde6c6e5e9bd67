/**
 * One step of a case: correction (art. 30), consultation (arts. 32, 34), extension (art. 33),
 * fees (art. 42), drafting, review, reply, withdrawal. The pure transition table decides
 * whether the step is allowed; the new state, the recomputed due date and the event are
 * written in one transaction, or nothing is.
 */
import { z } from 'zod';
import { type ApplicationRecord, applicationsRepository } from '../../db/repositories/applications.ts';
import { computeDeadline } from '../../domain/applications/deadline.ts';
import { regimeFor } from '../../domain/applications/deadline-facts.ts';
import { type DeadlineEvent, deadlineFactsFromEvents } from '../../domain/applications/facts-from-events.ts';
import { FEE_SCALES } from '../../domain/applications/fees.ts';
import type { Outcome } from '../../domain/applications/model.ts';
import {
  ACTION_OUTCOMES,
  ACTIONS,
  type Action,
  isClosed,
  transition,
} from '../../domain/applications/workflow.ts';
import type { IsoDate } from '../../domain/calendar/index.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Deps } from '../deps.ts';
import { checkFeeLapse, feeNoticeData, feePaidData, feeWaivedData } from './fee-steps.ts';
import { IsoDateSchema, OutcomeSchema, parseInput } from './schemas.ts';

export const ActOnApplicationSchema = z.object({
  applicationId: z.coerce.number().int().positive({ message: '申请编号无效' }),
  action: z.enum(ACTIONS, { error: '操作无效' }),
  /** The day the step took effect (a letter sent, an answer received); defaults to today. */
  effectiveOn: IsoDateSchema.optional(),
  actor: z.string().trim().min(1).default('system'),
  reason: z
    .string()
    .trim()
    .max(2000)
    .optional()
    .transform((v) => (v ? v : null)),
  correctionDueOn: IsoDateSchema.optional(),
  consultationKind: z.enum(['third_party_consultation', 'agency_consultation']).optional(),
  counterpartReceivedOn: IsoDateSchema.optional(),
  workingDays: z.coerce.number().int().optional(),
  /** 按件 or 按量 (国办函〔2020〕109号 art. 3); per item unless said otherwise. */
  feeScale: z.enum(FEE_SCALES, { error: '收费方式无效' }).default('per_item'),
  /** 一事一申请: how many items this application counts as (art. 4 ¶1). */
  items: z.coerce.number().int().min(1, { message: '件数应为正整数' }).max(1000).default(1),
  /** Pages to be provided, for 按量计收 (art. 5). */
  pages: z.coerce.number().int().min(1, { message: '页数应为正整数' }).optional(),
  /** A reduced amount (never above the standard); omitted → the standard amount. */
  feeAmount: z.coerce
    .number()
    .int({ message: '收费金额应为整数元' })
    .nonnegative({ message: '收费金额不能为负数' })
    .optional(),
  applicantReceivedOn: IsoDateSchema.optional(),
  outcome: OutcomeSchema.optional(),
});
export type ActOnApplicationInput = z.input<typeof ActOnApplicationSchema>;

const CLOSING_ACTIONS: readonly Action[] = [
  'send_reply',
  'answer_on_the_spot',
  'withdraw',
  'correction_lapsed',
  'fee_lapsed',
];

export async function actOnApplication(deps: Deps, input: unknown): Promise<ApplicationRecord> {
  const v = parseInput(ActOnApplicationSchema, input);
  const today = deps.clock.today();
  const effectiveOn = (v.effectiveOn ?? today) as IsoDate;

  return deps.db.db.transaction().execute(async (trx) => {
    const repo = applicationsRepository(trx);
    const app = await repo.findById(v.applicationId);
    if (!app) throw new DomainError('application.not_found', `未找到编号为${v.applicationId}的申请`);
    const step = transition(app.state, v.action);
    if (!step.ok) throw new DomainError(step.code, step.message);
    const events = await repo.events(app.id);

    const last = events[events.length - 1];
    if (effectiveOn < app.receivedOn || (last && effectiveOn < last.effectiveOn)) {
      throw new DomainError(
        'application.date_order',
        '办理日期不能早于收到申请之日或上一步骤的日期',
        'effectiveOn',
      );
    }
    if (effectiveOn > today)
      throw new DomainError('application.date_order', '办理日期不能晚于今天', 'effectiveOn');

    const data: Record<string, unknown> = {};
    let outcome: Outcome | null = ACTION_OUTCOMES[v.action] ?? null;
    switch (v.action) {
      case 'request_correction':
        // Art. 30: "一次性告知" — one correction request listing every point.
        if (events.some((e) => e.type === 'request_correction')) {
          throw new DomainError(
            'application.correction_once',
            '补正只能告知一次（条例第三十条“一次性告知”）',
          );
        }
        data.correctionDueOn = v.correctionDueOn ?? null;
        break;
      case 'start_consultation':
        data.kind = v.consultationKind ?? 'third_party_consultation';
        data.counterpartReceivedOn = v.counterpartReceivedOn ?? null;
        break;
      case 'approve_extension': {
        if (events.some((e) => e.type === 'approve_extension')) {
          throw new DomainError('application.extension_once', '答复期限只能延长一次（条例第三十三条第二款）');
        }
        const max = regimeFor(app.receivedOn as IsoDate).maxExtensionWorkingDays;
        const days = v.workingDays ?? max;
        if (days < 1 || days > max) {
          throw new DomainError(
            'application.extension_too_long',
            `延长的期限应为1至${max}个工作日`,
            'workingDays',
          );
        }
        if (app.dueOn && effectiveOn > app.dueOn) {
          throw new DomainError(
            'application.extension_late',
            `答复期限（${app.dueOn}）已过，不能再延期`,
            'effectiveOn',
          );
        }
        if (!v.reason) throw new DomainError('validation.invalid', '延期须说明理由', 'reason');
        data.workingDays = days;
        break;
      }
      case 'issue_fee_notice':
        if (v.applicantReceivedOn && v.applicantReceivedOn < effectiveOn) {
          throw new DomainError(
            'application.date_order',
            '申请人收到收费通知之日不能早于发出之日',
            'applicantReceivedOn',
          );
        }
        Object.assign(
          data,
          await feeNoticeData(deps, trx, app, effectiveOn, {
            feeScale: v.feeScale,
            items: v.items,
            pages: v.pages ?? null,
            feeAmount: v.feeAmount ?? null,
            applicantReceivedOn: (v.applicantReceivedOn ?? null) as IsoDate | null,
            reason: v.reason,
          }),
        );
        break;
      case 'fee_paid':
        Object.assign(data, feePaidData(events));
        break;
      case 'fee_waived':
        Object.assign(data, feeWaivedData(events, v.reason));
        break;
      case 'fee_lapsed':
        checkFeeLapse(deps, events, effectiveOn);
        break;
      case 'draft_reply':
      case 'answer_on_the_spot':
        if (!v.outcome) throw new DomainError('application.outcome_required', '请选择办理结果', 'outcome');
        outcome = v.outcome;
        break;
      case 'send_reply': {
        const draft = [...events].reverse().find((e) => e.type === 'draft_reply');
        outcome = (draft?.data.outcome as Outcome | undefined) ?? null;
        if (!outcome) throw new DomainError('application.outcome_required', '答复稿未载明办理结果');
        break;
      }
      default:
        break;
    }
    if (outcome) data.outcome = outcome;

    const history: DeadlineEvent[] = [...events, { type: v.action, effectiveOn, data }];
    const deadline = computeDeadline(deadlineFactsFromEvents(app.receivedOn, history), deps.calendar, today);
    const due = deadline.due;
    const closes = CLOSING_ACTIONS.includes(v.action);
    const now = deps.clock.now().toISOString();
    const changed = await repo.changeState(
      app.id,
      app.state,
      {
        state: step.to,
        // While the count is stopped (correction awaited, consultation, fee) there is no due date.
        ...(due
          ? {
              dueOn: due.isProvisional ? due.provisionalValue : due.value,
              dueIsProvisional: due.isProvisional,
            }
          : closes
            ? {}
            : { dueOn: null, dueIsProvisional: false }),
        ...(v.action === 'approve_extension' ? { extensionDays: Number(data.workingDays) } : {}),
        ...(closes ? { outcome, closedOn: effectiveOn } : {}),
      },
      {
        type: v.action,
        fromState: app.state,
        toState: step.to,
        effectiveOn,
        actor: v.actor,
        reason: v.reason,
        data,
        createdAt: now,
      },
    );
    if (!changed) throw new DomainError('application.illegal_transition', '该申请已被他人修改，请刷新后重试');
    const updated = await repo.findById(app.id);
    if (!updated || (closes && !isClosed(updated.state)))
      throw new DomainError('application.not_found', '申请状态保存失败');
    return updated;
  });
}
