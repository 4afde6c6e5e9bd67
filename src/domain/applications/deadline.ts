/**
 * The reply deadline of an application and its derived status, from stored facts and `asOf`
 * (STYLE.md §1, §3): never stored as a flag, never read from a clock.
 *
 * - Art. 33 ¶2: reply "自收到申请之日起20个工作日内"; an approved extension adds at most 20
 *   working days to the current due date, and must be decided before that date passes.
 * - Art. 30: after a correction the count restarts from the receipt of the corrected
 *   application; days already run are not credited. Correction is not a pause.
 * - Art. 33 ¶3 (consultations, arts. 32, 34) and fees.md (fee notice → payment): pauses.
 *   Project convention (holidays.md): working days up to and including the day the letter
 *   or notice is sent are used; days after it up to and including the day it ends (answer,
 *   payment, or the counterpart's own window expiring) are not counted; counting resumes
 *   with `due = addWorkingDays(pauseEnd, n − used)`.
 * Counting rules (day zero, coverage) are those of ../calendar/working-days.ts.
 */
import {
  addWorkingDays,
  type Calendar,
  type CalendarResult,
  CoverageTracker,
  calendarVersion,
  formatDateWithWeekday as fmt,
  type IsoDate,
  workingDayOnOrAfter,
  workingDaysBetween,
} from '../calendar/index.ts';
import { type Count, type CountStop, type DeadlineStep, runCount, step } from './deadline-count.ts';
import { checkDeadlineFacts, type DeadlineFacts, type Regime, regimeFor } from './deadline-facts.ts';

export type { CountStop, DeadlineStep } from './deadline-count.ts';

/** Derived, never stored (STYLE.md §3): computed from the facts and `asOf`. */
export const DEADLINE_STATUSES = ['overdue', 'due_soon', 'paused', 'on_time', 'closed'] as const;
export type DeadlineStatus = (typeof DEADLINE_STATUSES)[number];
export const DEADLINE_STATUS_LABELS: Record<DeadlineStatus, string> = {
  overdue: '已逾期',
  due_soon: '即将到期',
  paused: '暂停计算',
  on_time: '未到期',
  closed: '已办结',
};

/** `due_soon` when this many working days or fewer remain after `asOf`. */
export const DUE_SOON_WORKING_DAYS = 5;
/** Art. 30: the correction notice goes out within 7 working days of receipt. */
export const CORRECTION_NOTICE_WORKING_DAYS = 7;
export interface Deadline {
  regime: Regime['key'];
  /** Day zero of the reply count: receipt, or receipt of the corrected application; null while waiting for it. */
  countStart: IsoDate | null;
  /** Art. 30 deadline for the correction notice (2019 text only). */
  correctionNoticeDue: CalendarResult<IsoDate> | null;
  /** The reply due date; null while the count is stopped. */
  due: CalendarResult<IsoDate> | null;
  stoppedBy: CountStop | null;
  status: DeadlineStatus;
  /** Working days after `asOf` up to and including the due date (0 on the due date); null if none or overdue. */
  workingDaysLeft: number | null;
  steps: DeadlineStep[];
  /** Store with the due date (holidays.md rule 5). */
  calendarVersion: string;
}

export interface DeadlineOptions {
  dueSoonWorkingDays?: number;
}
/** Computes the reply due date, the derived status on `asOf`, and the steps that explain them. */
export function computeDeadline(
  facts: DeadlineFacts,
  calendar: Calendar,
  asOf: IsoDate,
  options: DeadlineOptions = {},
): Deadline {
  checkDeadlineFacts(facts);
  const regime = regimeFor(facts.receivedOn);
  const tracker = new CoverageTracker();
  const steps: DeadlineStep[] = [
    step(facts.receivedOn, `${fmt(facts.receivedOn)} 收到申请（条例第三十一条）。`),
  ];
  if (regime.key === '2007') {
    steps.push(step(null, `该申请在修订后的条例施行（2019-05-15）前收到，适用${regime.text}。`));
  }
  const correctionNoticeDue =
    regime.key === '2019' ? addWorkingDays(facts.receivedOn, CORRECTION_NOTICE_WORKING_DAYS, calendar) : null;

  const countStart = correctionPhase(facts, correctionNoticeDue, calendar, asOf, steps, tracker);
  const count: Count = countStart
    ? runCount(countStart, regime, facts, calendar, asOf, steps, tracker)
    : { due: null, stop: { reason: 'correction' }, windows: [] };

  const isClosed = facts.closedOn !== null && facts.closedOn <= asOf;
  const isPausedOnAsOf = count.windows.some((w) => w.from <= asOf && (w.to === null || asOf <= w.to));
  let status: DeadlineStatus;
  let workingDaysLeft: number | null = null;
  if (isClosed) status = 'closed';
  else if (count.due === null || isPausedOnAsOf) status = 'paused';
  else if (asOf > count.due) status = 'overdue';
  else {
    workingDaysLeft = tracker.take(workingDaysBetween(asOf, count.due, calendar));
    const threshold = options.dueSoonWorkingDays ?? DUE_SOON_WORKING_DAYS;
    status = workingDaysLeft <= threshold ? 'due_soon' : 'on_time';
  }

  const due = count.due ? tracker.result(count.due) : null;
  if (count.due) {
    steps.push(step(count.due, `答复期限：${fmt(count.due)}${due?.isProvisional ? '（暂定）' : ''}。`));
  }
  if (facts.closedOn !== null) {
    const isLate = count.due !== null && facts.closedOn > count.due;
    const timing = isLate ? `，晚于答复期限${count.due}` : count.due ? '，在答复期限内' : '';
    steps.push(step(facts.closedOn, `${fmt(facts.closedOn)} 办结${timing}。`, isLate));
  }
  if (due?.isProvisional) steps.push(step(null, due.reason, true));
  return {
    regime: regime.key,
    countStart,
    correctionNoticeDue,
    due,
    stoppedBy: count.stop,
    status,
    workingDaysLeft,
    steps,
    calendarVersion: calendarVersion(calendar),
  };
}

/** Art. 30: the day the reply count starts from, or null while the corrected application is awaited. */
function correctionPhase(
  facts: DeadlineFacts,
  noticeDue: CalendarResult<IsoDate> | null,
  calendar: Calendar,
  asOf: IsoDate,
  steps: DeadlineStep[],
  tracker: CoverageTracker,
): IsoDate | null {
  const { correction } = facts;
  if (!correction) return facts.receivedOn;
  steps.push(
    step(correction.requestedOn, `${fmt(correction.requestedOn)} 一次性告知申请人补正（条例第三十条）。`),
  );
  if (noticeDue) {
    const limit = noticeDue.isProvisional ? noticeDue.provisionalValue : noticeDue.value;
    if (correction.requestedOn > limit) {
      steps.push(
        step(
          correction.requestedOn,
          `告知补正晚于条例第三十条的期限：应自收到申请之日起7个工作日内，即在${fmt(limit)}前告知。`,
          true,
        ),
      );
    }
  }
  if (correction.correctionDueOn) {
    steps.push(
      step(correction.correctionDueOn, `补正期限（补正告知书载明）：${fmt(correction.correctionDueOn)}。`),
    );
  }
  if (correction.correctedReceivedOn === null) {
    steps.push(step(null, '等待申请人补正：答复期限自收到补正的申请之日起重新计算（条例第三十条）。'));
    // The applicant's period ends on a working day: 《民法典》第二百零三条 moves a last day that
    // falls on a holiday to the day after the holiday ends.
    const lastDay = correction.correctionDueOn
      ? tracker.take(workingDayOnOrAfter(correction.correctionDueOn, calendar))
      : null;
    if (lastDay && lastDay !== correction.correctionDueOn) {
      steps.push(
        step(lastDay, `补正期限的最后一日是休息日，顺延至${fmt(lastDay)}（《民法典》第二百零三条）。`),
      );
    }
    if (lastDay && asOf > lastDay) {
      steps.push(
        step(
          null,
          '补正期限已过：申请人无正当理由逾期不补正的，视为放弃申请，行政机关不再处理（条例第三十条），应作“其他处理”办结。',
          true,
        ),
      );
    }
    return null;
  }
  steps.push(
    step(
      correction.correctedReceivedOn,
      `${fmt(correction.correctedReceivedOn)} 收到补正后的申请：答复期限自该日起重新计算，此前经过的工作日不计入（条例第三十条）。`,
    ),
  );
  return correction.correctedReceivedOn;
}
