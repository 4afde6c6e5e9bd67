/**
 * The fee steps of a case (art. 42, 国办函〔2020〕109号, fees.md): the fee notice computes the
 * standard amount from the applicant's applications of the month and stores the calculation;
 * payment and waiver record the amount they settle; a lapse waits for the 20 working days.
 * Called by act-on-application.ts inside its transaction.
 */
import type { Kysely, Transaction } from 'kysely';
import {
  type ApplicationEvent,
  type ApplicationRecord,
  applicationsRepository,
} from '../../db/repositories/applications.ts';
import type { Database } from '../../db/schema.ts';
import {
  assessFee,
  DEFAULT_FEE_POLICY,
  describeFee,
  type FeeScale,
  feePaymentDue,
  isCopyRequested,
} from '../../domain/applications/fees.ts';
import type { IsoDate } from '../../domain/calendar/index.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Deps } from '../deps.ts';

export interface FeeNoticeInput {
  feeScale: FeeScale;
  items: number;
  pages: number | null;
  /** A lower amount than the standard, decided with a reason; never a higher one. */
  feeAmount: number | null;
  applicantReceivedOn: IsoDate | null;
  reason: string | null;
}

/** Computes and checks a fee notice; returns the event data, or throws when no fee may be charged. */
export async function feeNoticeData(
  deps: Deps,
  trx: Kysely<Database> | Transaction<Database>,
  app: ApplicationRecord,
  effectiveOn: IsoDate,
  input: FeeNoticeInput,
): Promise<Record<string, unknown>> {
  const policy = deps.feePolicy ?? DEFAULT_FEE_POLICY;
  const earlier = await applicationsRepository(trx).earlierInMonth(app, policy);
  if (!earlier) {
    throw new DomainError(
      'fee.applicant_unidentified',
      '该申请未记录申请人身份证明，无法按同一申请人累计当月申请件数，不能收取信息处理费',
      'idDocumentNumber',
    );
  }
  const assessment = assessFee({
    countedOn: earlier.countedOn as IsoDate,
    receivedOn: app.receivedOn as IsoDate,
    scale: input.feeScale,
    earlierItemsInMonth: earlier.applications + earlier.extraItems,
    items: input.items,
    pages: input.pages,
    isCopyRequested: isCopyRequested(app.deliveryForm, app.deliveryWay),
  });
  if (!assessment.isChargeable) {
    const field = assessment.reason === 'pages_missing' ? 'pages' : 'feeScale';
    throw new DomainError('fee.not_chargeable', assessment.message, field);
  }
  // The notice goes out within the processing period (provincial notices restating 109号, fees.md).
  if (app.dueOn && effectiveOn > app.dueOn) {
    throw new DomainError(
      'fee.notice_late',
      `收费通知应当在答复期限（${app.dueOn}）内发出（国办函〔2020〕109号）`,
      'effectiveOn',
    );
  }
  const { calculation } = assessment;
  const amount = input.feeAmount ?? calculation.amount;
  if (amount > calculation.amount) {
    throw new DomainError(
      'fee.above_standard',
      `收费金额不得高于标准金额${calculation.amount}元（${describeFee(calculation)}）`,
      'feeAmount',
    );
  }
  if (amount < 1) {
    throw new DomainError('validation.invalid', '全部免收的，无需发出收费通知', 'feeAmount');
  }
  const isReduced = amount < calculation.amount;
  if (isReduced && !input.reason) {
    throw new DomainError('validation.invalid', '低于标准金额收费的，须说明减收理由', 'reason');
  }
  const due = input.applicantReceivedOn ? feePaymentDue(input.applicantReceivedOn, deps.calendar) : null;
  return {
    feeAmount: amount,
    standardAmount: calculation.amount,
    isReduced,
    applicantReceivedOn: input.applicantReceivedOn,
    paymentDueOn: due ? (due.isProvisional ? due.provisionalValue : due.value) : null,
    explanation: describeFee(calculation),
    calculation,
  };
}

const lastNotice = (events: readonly ApplicationEvent[]): ApplicationEvent | undefined =>
  [...events].reverse().find((e) => e.type === 'issue_fee_notice');

/** Payment records the amount paid (the annual report sums it, format2021 chapter 六). */
export function feePaidData(events: readonly ApplicationEvent[]): Record<string, unknown> {
  return { feeAmount: Number(lastNotice(events)?.data.feeAmount ?? 0) };
}

/** A waiver (减免) must say why; it records the amount no longer due. The actor is the person deciding. */
export function feeWaivedData(
  events: readonly ApplicationEvent[],
  reason: string | null,
): Record<string, unknown> {
  if (!reason) throw new DomainError('validation.invalid', '减免信息处理费须说明理由', 'reason');
  return { waivedAmount: Number(lastNotice(events)?.data.feeAmount ?? 0), feeAmount: 0 };
}

/**
 * The last day to pay a fee notice: 20 working days from the day the applicant received it,
 * or, without that day, from the day it was sent (the earliest it can end); the provisional
 * date where the calendar has no notice yet.
 */
export function noticePaymentDue(
  notice: Pick<ApplicationEvent, 'data' | 'effectiveOn'>,
  calendar: Deps['calendar'],
): IsoDate {
  const received =
    typeof notice.data.applicantReceivedOn === 'string' ? notice.data.applicantReceivedOn : null;
  const due = feePaymentDue((received ?? notice.effectiveOn) as IsoDate, calendar);
  return due.isProvisional ? due.provisionalValue : due.value;
}

/**
 * Deemed abandoned only once the 20 working days to pay have passed. Without the applicant's
 * receipt date the window is counted from the day the notice was sent (the earliest it can end).
 */
export function checkFeeLapse(deps: Deps, events: readonly ApplicationEvent[], effectiveOn: IsoDate): void {
  const notice = lastNotice(events);
  if (!notice) return;
  const last = noticePaymentDue(notice, deps.calendar);
  if (effectiveOn <= last) {
    throw new DomainError(
      'fee.payment_window_open',
      `缴费期限至${last}届满（收到收费通知次日起20个工作日），届满前不能按逾期未缴费处理`,
      'effectiveOn',
    );
  }
}
