/**
 * The art. 33 count itself, step by step: the 20 (or 15) working days from the count start,
 * the pauses of art. 33 ¶3 and fees.md under the holidays.md convention, and the extension of
 * art. 33 ¶2 added to the due date reached after the pauses before it. Each step explains
 * itself in Chinese. Used by deadline.ts, which adds the correction phase and the status.
 */
import {
  addWorkingDays,
  type Calendar,
  type CoverageTracker,
  describeCountedSpan,
  formatDateWithWeekday as fmt,
  type IsoDate,
  laterOf,
  workingDayOnOrAfter,
  workingDaysBetween,
} from '../calendar/index.ts';
import {
  type DeadlineFacts,
  type DeadlinePause,
  PAUSE_RULES,
  type PauseKind,
  type Regime,
} from './deadline-facts.ts';

export interface DeadlineStep {
  date: IsoDate | null;
  /** One Chinese sentence, citing its source. */
  text: string;
  /** Something the office did late or must act on. */
  isWarning: boolean;
}

/** Why the count is stopped: waiting for a corrected application, or an open pause. */
export type CountStop =
  | { reason: 'correction' }
  | { reason: PauseKind; since: IsoDate; remainingWorkingDays: number; latestEnd: IsoDate | null };

export interface Count {
  due: IsoDate | null;
  stop: CountStop | null;
  /** Pauses applied, for the status on `asOf`. */
  windows: { from: IsoDate; to: IsoDate | null }[];
}

/** One explanation step. */
export const step = (date: IsoDate | null, text: string, isWarning = false): DeadlineStep => ({
  date,
  text,
  isWarning,
});

interface PauseEnd {
  end: IsoDate | null;
  text: string;
  isWarning: boolean;
  /** The counterpart's window end, when known. */
  windowEnd: IsoDate | null;
  /** A fee notice left unpaid past its window: the application is deemed abandoned. */
  hasLapsed: boolean;
}

/** When a pause ends: its recorded end, or for a consultation the counterpart's window if that closes first. */
function pauseEnd(
  pause: DeadlinePause,
  calendar: Calendar,
  asOf: IsoDate,
  tracker: CoverageTracker,
): PauseEnd {
  const rule = PAUSE_RULES[pause.kind];
  const windowEnd = pause.counterpartReceivedOn
    ? tracker.take(addWorkingDays(pause.counterpartReceivedOn, rule.windowWorkingDays, calendar))
    : null;
  const base = { windowEnd, hasLapsed: false, isWarning: false };
  const ended = (end: IsoDate, note = '') => `${fmt(end)} ${rule.endText}${note}。`;
  if (pause.kind === 'fee_payment') {
    if (pause.to) {
      const late = windowEnd !== null && pause.to > windowEnd;
      const text = ended(pause.to, late ? `（晚于缴费期限${windowEnd}）` : '');
      return { ...base, end: pause.to, text, isWarning: late };
    }
    if (windowEnd && asOf > windowEnd) {
      return {
        ...base,
        end: null,
        text: `${fmt(windowEnd)} 缴费期限届满：${rule.lapseText}。`,
        hasLapsed: true,
        isWarning: true,
      };
    }
    return { ...base, end: null, text: '' };
  }
  if (pause.to && (windowEnd === null || pause.to <= windowEnd))
    return { ...base, end: pause.to, text: ended(pause.to) };
  if (windowEnd && (pause.to || asOf > windowEnd)) {
    const late = pause.to ? `（${pause.to}才收到意见，晚于对方期限，暂停只计至期限届满之日）` : '';
    return {
      ...base,
      end: windowEnd,
      text: `${fmt(windowEnd)} 对方答复期限届满${late}：${rule.lapseText}。`,
    };
  }
  return { ...base, end: null, text: '' };
}

/** The art. 33 count from `start`: pauses in date order, then the extension, then any later pauses. */
export function runCount(
  start: IsoDate,
  regime: Regime,
  facts: DeadlineFacts,
  calendar: Calendar,
  asOf: IsoDate,
  steps: DeadlineStep[],
  tracker: CoverageTracker,
): Count {
  const dueFrom = (anchor: IsoDate, remaining: number): IsoDate =>
    tracker.take(
      remaining > 0 ? addWorkingDays(anchor, remaining, calendar) : workingDayOnOrAfter(anchor, calendar),
    );
  const segment = (anchor: IsoDate, remaining: number, due: IsoDate): string => {
    if (remaining === 0) {
      return `剩余0个工作日：期限为暂停结束之日，该日不是工作日的顺延至其后第一个工作日（《民法典》第二百零三条），即${fmt(due)}。`;
    }
    const span = describeCountedSpan(anchor, due, calendar);
    const days =
      remaining === 1 ? `第1日即${fmt(due)}` : `第1日${fmt(dueFrom(anchor, 1))}，第${remaining}日${fmt(due)}`;
    return `自${anchor}次日起计算${remaining}个工作日：${days}。${span ? `${span}。` : ''}`;
  };
  const pauses = [...facts.pauses].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const windows: Count['windows'] = [];
  let anchor = start;
  let remaining = regime.replyWorkingDays;
  let next = 0;
  let isExtensionPending = facts.extension !== null;
  steps.push(
    step(
      start,
      `答复期限为自${start}次日起${remaining}个工作日（${regime.text}；开始的当日不计入，《民法典》第二百零一条）。`,
    ),
  );
  for (;;) {
    const due = dueFrom(anchor, remaining);
    const pause = pauses[next];
    if (pause && pause.from <= due) {
      next++;
      const rule = PAUSE_RULES[pause.kind];
      const end = pauseEnd(pause, calendar, asOf, tracker);
      if (end.end !== null && end.end <= anchor) {
        steps.push(
          step(
            pause.from,
            `${rule.label}（${pause.from}至${end.end}）在${anchor}之前已结束，不影响答复期限。`,
          ),
        );
        continue;
      }
      const from = laterOf(pause.from, anchor);
      const used = Math.min(remaining, tracker.take(workingDaysBetween(anchor, from, calendar)));
      remaining -= used;
      const span = describeCountedSpan(anchor, from, calendar);
      steps.push(
        step(
          pause.from,
          `${fmt(pause.from)} ${rule.startText}（${rule.basis}）：自${anchor}次日起至该日已用${used}个工作日，尚余${remaining}个工作日。${span ? `${span}。` : ''}`,
        ),
      );
      windows.push({ from, to: end.end });
      if (end.end === null) {
        if (end.hasLapsed) steps.push(step(end.windowEnd, end.text, true));
        else {
          const latest = end.windowEnd
            ? `对方期限至${fmt(end.windowEnd)}；若届时仍未结束，答复期限为${fmt(dueFrom(end.windowEnd, remaining))}（不计其后的延期或暂停）。`
            : '';
          steps.push(step(null, `${rule.label}尚未结束，答复期限暂停计算。${latest}`));
        }
        if (isExtensionPending && facts.extension) {
          steps.push(
            step(
              facts.extension.approvedOn,
              `已批准延长${facts.extension.workingDays}个工作日，暂停结束后一并计算。`,
            ),
          );
        }
        return {
          due: null,
          stop: {
            reason: pause.kind,
            since: pause.from,
            remainingWorkingDays: remaining,
            latestEnd: end.windowEnd,
          },
          windows,
        };
      }
      steps.push(
        step(
          end.end,
          `${end.text}${rule.label}期间不计入答复期限（${rule.basis}），自次日起继续计算剩余${remaining}个工作日。`,
          end.isWarning,
        ),
      );
      anchor = laterOf(end.end, anchor);
      continue;
    }
    if (isExtensionPending && facts.extension) {
      isExtensionPending = false;
      const { approvedOn, workingDays } = facts.extension;
      if (approvedOn <= due) {
        steps.push(step(due, `原答复期限：${segment(anchor, remaining, due)}`));
        steps.push(
          step(
            approvedOn,
            `${fmt(approvedOn)} 经政府信息公开工作机构负责人同意并告知申请人，延长答复期限${workingDays}个工作日（${regime.text}），自原答复期限${due}次日起计算。`,
          ),
        );
        anchor = due;
        remaining = workingDays;
        continue;
      }
      steps.push(
        step(
          approvedOn,
          `${fmt(approvedOn)} 批准的延期晚于答复期限${due}，不予计入：延期应在期限届满前经负责人同意并告知申请人（${regime.text}）。`,
          true,
        ),
      );
    }
    steps.push(step(due, segment(anchor, remaining, due)));
    for (const late of pauses.slice(next)) {
      const rule = PAUSE_RULES[late.kind];
      steps.push(
        step(
          late.from,
          `${fmt(late.from)} ${rule.startText}时答复期限（${due}）已届满，该期间不能从答复期限中扣除。`,
          true,
        ),
      );
    }
    return { due, stop: null, windows };
  }
}
