/**
 * Where a case stands with the information-processing fee (art. 42, 国办函〔2020〕109号,
 * fees.md), read from its event history — the history is the record, so the status cannot
 * drift from it — and a preview of the fee a notice would state, computed by the same rules
 * (domain/applications/fees.ts) the notice itself uses, without writing anything.
 */
import type { ApplicationEvent, ApplicationRecord } from '../../db/repositories/applications.ts';
import { applicationsRepository } from '../../db/repositories/applications.ts';
import {
  assessFee,
  DEFAULT_FEE_POLICY,
  type FeeAssessment,
  type FeeScale,
  isCopyRequested,
} from '../../domain/applications/fees.ts';
import type { IsoDate } from '../../domain/calendar/index.ts';
import type { Deps } from '../deps.ts';
import { noticePaymentDue } from './fee-steps.ts';

export const FEE_STATUSES = ['none', 'awaiting_payment', 'paid', 'waived', 'lapsed'] as const;
export type FeeStatusKind = (typeof FEE_STATUSES)[number];
export const FEE_STATUS_LABELS: Record<FeeStatusKind, string> = {
  none: '未收费',
  awaiting_payment: '已发出收费通知，待缴费',
  paid: '已缴费',
  waived: '已减免',
  lapsed: '逾期未缴费，视为放弃申请',
};

export interface FeeStatus {
  kind: FeeStatusKind;
  /** The amount of the last notice (after any reduction), whole yuan. */
  amount: number | null;
  standardAmount: number | null;
  isReduced: boolean;
  /** The calculation in one line of Chinese, as stored with the notice. */
  explanation: string | null;
  noticeOn: string | null;
  applicantReceivedOn: string | null;
  /**
   * The last day to pay: 20 working days from the day after the applicant received the notice;
   * counted from the day it was sent when that day is not recorded (the earliest it can end).
   */
  paymentDueOn: string | null;
  isPaymentDueEstimated: boolean;
  /** The day the fee was paid, waived or the case closed for non-payment. */
  settledOn: string | null;
  reason: string | null;
}

/** The fee status of a case from its events. */
export function feeStatus(deps: Pick<Deps, 'calendar'>, events: readonly ApplicationEvent[]): FeeStatus {
  const status: FeeStatus = {
    kind: 'none',
    amount: null,
    standardAmount: null,
    isReduced: false,
    explanation: null,
    noticeOn: null,
    applicantReceivedOn: null,
    paymentDueOn: null,
    isPaymentDueEstimated: false,
    settledOn: null,
    reason: null,
  };
  for (const e of events) {
    switch (e.type) {
      case 'issue_fee_notice': {
        const received = typeof e.data.applicantReceivedOn === 'string' ? e.data.applicantReceivedOn : null;
        Object.assign(status, {
          kind: 'awaiting_payment',
          amount: Number(e.data.feeAmount ?? 0),
          standardAmount: Number(e.data.standardAmount ?? e.data.feeAmount ?? 0),
          isReduced: e.data.isReduced === true,
          explanation: typeof e.data.explanation === 'string' ? e.data.explanation : null,
          noticeOn: e.effectiveOn,
          applicantReceivedOn: received,
          paymentDueOn: noticePaymentDue(e, deps.calendar),
          isPaymentDueEstimated: received === null,
          settledOn: null,
          reason: e.reason,
        } satisfies Partial<FeeStatus>);
        break;
      }
      case 'fee_paid':
        Object.assign(status, { kind: 'paid', settledOn: e.effectiveOn });
        break;
      case 'fee_waived':
        Object.assign(status, { kind: 'waived', settledOn: e.effectiveOn, reason: e.reason });
        break;
      case 'fee_lapsed':
        Object.assign(status, { kind: 'lapsed', settledOn: e.effectiveOn });
        break;
      default:
        break;
    }
  }
  return status;
}

/** The one-line summary the case page shows. */
export function describeFeeStatus(s: FeeStatus): string {
  switch (s.kind) {
    case 'none':
      return FEE_STATUS_LABELS.none;
    case 'awaiting_payment':
      return `${FEE_STATUS_LABELS.awaiting_payment}：${s.amount}元，缴费期限至${s.paymentDueOn}${s.isPaymentDueEstimated ? '（按发出之日估算）' : ''}`;
    case 'paid':
      return `${FEE_STATUS_LABELS.paid}：${s.amount}元（${s.settledOn}）`;
    case 'waived':
      return `${FEE_STATUS_LABELS.waived}：免收${s.amount}元（${s.settledOn}）`;
    case 'lapsed':
      return `${FEE_STATUS_LABELS.lapsed}（${s.settledOn}，缴费期限${s.paymentDueOn}届满）`;
    default:
      return s.kind satisfies never;
  }
}

export interface FeePreviewInput {
  feeScale: FeeScale;
  items: number;
  pages: number | null;
}

export interface FeePreview {
  assessment: FeeAssessment | null;
  /** Why no count could be made: the case records no identity proof (art. 29(一)). */
  isApplicantUnidentified: boolean;
  /** Applications (after 一事一申请 splits) the same applicant made earlier in the month. */
  earlierItems: number;
  /** Art. 5 ¶1: whether 按量计收 can apply to the delivery asked for. */
  isCopyRequested: boolean;
}

/** What a fee notice would charge for the case, by the fee rules, without writing anything. */
export async function previewFee(
  deps: Deps,
  app: ApplicationRecord,
  input: FeePreviewInput,
): Promise<FeePreview> {
  const copy = isCopyRequested(app.deliveryForm, app.deliveryWay);
  const earlier = await applicationsRepository(deps.db.db).earlierInMonth(
    app,
    deps.feePolicy ?? DEFAULT_FEE_POLICY,
  );
  if (!earlier) {
    return { assessment: null, isApplicantUnidentified: true, earlierItems: 0, isCopyRequested: copy };
  }
  const earlierItems = earlier.applications + earlier.extraItems;
  const assessment = assessFee({
    countedOn: earlier.countedOn as IsoDate,
    receivedOn: app.receivedOn as IsoDate,
    scale: input.feeScale,
    earlierItemsInMonth: earlierItems,
    items: input.items,
    pages: input.pages,
    isCopyRequested: copy,
  });
  return { assessment, isApplicantUnidentified: false, earlierItems, isCopyRequested: copy };
}
