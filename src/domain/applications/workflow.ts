/**
 * The workflow of a disclosure application (依申请公开), as data: one closed list of states,
 * one transition table (state, action) → state. Art. 45 asks for registration, review,
 * handling, reply and archiving; arts. 30, 32-35, 42 add correction, consultation,
 * extension and fees. Derived statuses (overdue, paused…) live in deadline.ts.
 */
import type { Outcome } from './model.ts';

export const STATES = [
  'registered', // 已登记，办理中
  'correction_requested', // 已告知补正，等待申请人补正 (art. 30)
  'consulting', // 征求第三方或其他机关意见 (arts. 32, 34) — the clock stops
  'awaiting_fee', // 已发出收费通知，等待缴费 (art. 42, 国办函〔2020〕109号) — the clock stops
  'reply_drafted', // 答复已拟稿，待审核
  'reply_approved', // 答复已审核同意，待送达
  'replied', // 已答复（办结）
  'withdrawn', // 申请人撤回（办结）
  'abandoned', // 视为放弃：逾期不补正或逾期不缴费（办结）
] as const;
export type State = (typeof STATES)[number];

export const STATE_LABELS: Record<State, string> = {
  registered: '办理中',
  correction_requested: '待补正',
  consulting: '征求意见中',
  awaiting_fee: '待缴费',
  reply_drafted: '答复待审核',
  reply_approved: '答复待送达',
  replied: '已答复',
  withdrawn: '已撤回',
  abandoned: '视为放弃',
};

export const CLOSED_STATES: readonly State[] = ['replied', 'withdrawn', 'abandoned'];
/** Open cases whose reply period is paused: correction, third-party consultation, an unpaid fee (arts. 30, 32, 42). */
export const PAUSED_STATES: readonly State[] = ['correction_requested', 'consulting', 'awaiting_fee'];
export const isClosed = (s: State): boolean => CLOSED_STATES.includes(s);

export const ACTIONS = [
  'request_correction', // 告知补正 (once, art. 30)
  'receive_correction', // 收到补正 — the 20-day count restarts
  'correction_lapsed', // 逾期未补正 → 视为放弃 (other_1)
  'start_consultation', // 发出征求意见书 (art. 32 / 34)
  'end_consultation', // 收到意见或期满
  'approve_extension', // 延期答复 (art. 33 ¶2), ≤ 20 working days, once
  'issue_fee_notice', // 收费通知
  'fee_paid', // 缴费
  'fee_waived', // 减免
  'fee_lapsed', // 逾期未缴费 → 不再处理 (other_2)
  'draft_reply', // 拟稿
  'return_draft', // 审核退回
  'approve_reply', // 审核同意
  'send_reply', // 送达答复 → 办结
  'answer_on_the_spot', // 当场答复 (art. 33 ¶1)
  'withdraw', // 申请人撤回 (other_3)
] as const;
export type Action = (typeof ACTIONS)[number];

export const ACTION_LABELS: Record<Action, string> = {
  request_correction: '告知补正',
  receive_correction: '收到补正',
  correction_lapsed: '逾期未补正（视为放弃）',
  start_consultation: '征求意见',
  end_consultation: '结束征求意见',
  approve_extension: '延期答复',
  issue_fee_notice: '发出收费通知',
  fee_paid: '已缴费',
  fee_waived: '减免收费',
  fee_lapsed: '逾期未缴费（不再处理）',
  draft_reply: '拟写答复',
  return_draft: '审核退回',
  approve_reply: '审核同意',
  send_reply: '送达答复',
  answer_on_the_spot: '当场答复',
  withdraw: '申请人撤回',
};

const OPEN_WORKING: readonly State[] = [
  'registered',
  'consulting',
  'awaiting_fee',
  'reply_drafted',
  'reply_approved',
];

/** (state, action) → next state. Anything not listed is refused. */
export const TRANSITIONS: Record<Action, { from: readonly State[]; to: State | 'same' }> = {
  request_correction: { from: ['registered'], to: 'correction_requested' },
  receive_correction: { from: ['correction_requested'], to: 'registered' },
  correction_lapsed: { from: ['correction_requested'], to: 'abandoned' },
  start_consultation: { from: ['registered'], to: 'consulting' },
  end_consultation: { from: ['consulting'], to: 'registered' },
  approve_extension: { from: ['registered', 'consulting', 'reply_drafted'], to: 'same' },
  issue_fee_notice: { from: ['registered'], to: 'awaiting_fee' },
  fee_paid: { from: ['awaiting_fee'], to: 'registered' },
  fee_waived: { from: ['awaiting_fee'], to: 'registered' },
  fee_lapsed: { from: ['awaiting_fee'], to: 'abandoned' },
  draft_reply: { from: ['registered'], to: 'reply_drafted' },
  return_draft: { from: ['reply_drafted', 'reply_approved'], to: 'registered' },
  approve_reply: { from: ['reply_drafted'], to: 'reply_approved' },
  send_reply: { from: ['reply_approved'], to: 'replied' },
  answer_on_the_spot: { from: ['registered'], to: 'replied' },
  withdraw: { from: ['correction_requested', ...OPEN_WORKING], to: 'withdrawn' },
};

/** Outcomes fixed by the action itself (annual-report-formats.md §3 （六）其他处理). */
export const ACTION_OUTCOMES: Partial<Record<Action, Outcome>> = {
  correction_lapsed: 'other_1',
  fee_lapsed: 'other_2',
  withdraw: 'other_3',
};

export type TransitionResult =
  | { ok: true; to: State }
  | { ok: false; code: 'application.illegal_transition'; message: string };

/** The state after `action`, or a refusal with a Chinese message. */
export function transition(from: State, action: Action): TransitionResult {
  const rule = TRANSITIONS[action];
  if (!rule.from.includes(from)) {
    return {
      ok: false,
      code: 'application.illegal_transition',
      message: `当前状态为“${STATE_LABELS[from]}”，不能执行“${ACTION_LABELS[action]}”`,
    };
  }
  return { ok: true, to: rule.to === 'same' ? from : rule.to };
}

/** Actions possible from a state, for the back office's buttons. */
export function availableActions(state: State): Action[] {
  return ACTIONS.filter((a) => TRANSITIONS[a].from.includes(state));
}
