/**
 * Counting working days (工作日) for the time limits of 《中华人民共和国政府信息公开条例》
 * (国务院令第711号, in force 2019-05-15):
 *
 * - Art. 33 ¶2: "行政机关不能当场答复的，应当自收到申请之日起20个工作日内予以答复；需要延长答复期限的，
 *   应当经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不得超过20个工作日。"
 * - Art. 33 ¶3: "行政机关征求第三方和其他机关意见所需时间不计算在前款规定的期限内。"
 * - Art. 31: the day the application is received (收到申请之日) by channel — 提交之日、签收之日、
 *   确认之日、双方确认之日.
 * - Art. 30: "…并自收到申请之日起7个工作日内一次性告知申请人作出补正… 答复期限自行政机关收到补正的申请之日起计算。"
 * - Art. 26: "…应当自该政府信息形成或者变更之日起20个工作日内及时公开。"
 * - Art. 32 / 34: consultees answer "自收到征求意见书之日起15个工作日内".
 *
 * Day-zero rule (holidays.md): the start day is never counted — 《民法典》第二百零一条
 * "按照年、月、日计算期间的，开始的当日不计入，自下一日开始计算". `addWorkingDays(start, n)` is the
 * n-th working day strictly after `start`, whether or not `start` is itself a working day,
 * and that day is the last day on which the act is on time. A working day is a date a notice
 * declares worked (调休上班), or a Monday–Friday that no notice declares off.
 *
 * Coverage (holidays.md rule 4): when a count needs a date that the loaded notices do not
 * settle, the result is provisional and carries a Chinese reason; it can only be read after
 * checking `isProvisional`, so no caller takes a guess for a fact.
 */
import { DomainError } from '../errors.ts';
import { type Calendar, missingNoticeYearFor } from './calendar.ts';
import { addDays, type IsoDate, isWeekend } from './iso-date.ts';

/** A settled value, or a provisional one with the notice years it is waiting for. */
export type CalendarResult<T> =
  | { readonly isProvisional: false; readonly value: T }
  | {
      readonly isProvisional: true;
      readonly provisionalValue: T;
      readonly missingNoticeYears: readonly number[];
      /** Chinese, for people: which notice is missing and what to do. */
      readonly reason: string;
    };

/** The largest count accepted; 1000 working days is about four years. */
export const MAX_WORKING_DAYS = 1000;

/** The Chinese note shown with a provisional result. */
export function provisionalReason(missingNoticeYears: readonly number[]): string {
  const years = missingNoticeYears.map((y) => `${y}年`).join('、');
  return (
    `计算用到的日期尚无国务院办公厅${years}部分节假日安排通知的数据（年末最后一周也取决于下一年的通知），` +
    '暂按周一至周五上班推算，结果为暂定；载入该通知后请重新计算。'
  );
}

/**
 * Collects the notice years a multi-step computation was missing. `take` reads a result and
 * remembers whether it was provisional; `result` wraps the final value accordingly.
 */
export class CoverageTracker {
  readonly #missing = new Set<number>();

  take<T>(result: CalendarResult<T>): T {
    if (!result.isProvisional) return result.value;
    for (const year of result.missingNoticeYears) this.#missing.add(year);
    return result.provisionalValue;
  }

  result<T>(value: T): CalendarResult<T> {
    if (this.#missing.size === 0) return { isProvisional: false, value };
    const missingNoticeYears = [...this.#missing].sort((a, b) => a - b);
    return {
      isProvisional: true,
      provisionalValue: value,
      missingNoticeYears,
      reason: provisionalReason(missingNoticeYears),
    };
  }

  /** Notes that `date` was consulted. */
  visit(date: IsoDate, calendar: Calendar): void {
    const year = missingNoticeYearFor(date, calendar);
    if (year !== null) this.#missing.add(year);
  }
}

/** holidays.md: `d ∈ workdays || (weekday(d) ∈ Mon..Fri && d ∉ holidays)`, on the loaded data. */
export function isWorkingDay(date: IsoDate, calendar: Calendar): boolean {
  if (calendar.makeUpWorkdays.has(date)) return true;
  return !isWeekend(date) && !calendar.offDays.has(date);
}

function checkCount(n: number): void {
  if (!Number.isInteger(n) || n < 1 || n > MAX_WORKING_DAYS) {
    throw new DomainError(
      'calendar.invalid',
      `工作日数应为1至${MAX_WORKING_DAYS}之间的整数，收到“${n}”`,
      'n',
    );
  }
}

/** The n-th working day strictly after `start` (n ≥ 1); the start day is day zero. */
export function addWorkingDays(start: IsoDate, n: number, calendar: Calendar): CalendarResult<IsoDate> {
  checkCount(n);
  const tracker = new CoverageTracker();
  let date = start;
  let counted = 0;
  while (counted < n) {
    date = addDays(date, 1);
    tracker.visit(date, calendar);
    if (isWorkingDay(date, calendar)) counted++;
  }
  return tracker.result(date);
}

/**
 * Working days in (from, to]: the start day excluded, the end day included, so that
 * `workingDaysBetween(s, addWorkingDays(s, n)) = n`. 0 when `to` is not after `from`.
 */
export function workingDaysBetween(from: IsoDate, to: IsoDate, calendar: Calendar): CalendarResult<number> {
  const tracker = new CoverageTracker();
  let count = 0;
  for (let date = addDays(from, 1); date <= to; date = addDays(date, 1)) {
    tracker.visit(date, calendar);
    if (isWorkingDay(date, calendar)) count++;
  }
  return tracker.result(count);
}

/**
 * `date` if it is a working day, else the next working day: 《民法典》第二百零三条 "期间的最后一日是
 * 法定休假日的，以法定休假日结束的次日为期间的最后一日".
 */
export function workingDayOnOrAfter(date: IsoDate, calendar: Calendar): CalendarResult<IsoDate> {
  const tracker = new CoverageTracker();
  tracker.visit(date, calendar);
  if (isWorkingDay(date, calendar)) return tracker.result(date);
  const next = tracker.take(addWorkingDays(date, 1, calendar));
  return tracker.result(next);
}

/**
 * Working days from `today` until `due` (0 on the due date), negative by as many working days as
 * it is late; the provisional count where the calendar has no notice yet (a display figure).
 */
export function signedWorkingDays(today: IsoDate, due: IsoDate, calendar: Calendar): number {
  const span =
    due < today ? workingDaysBetween(due, today, calendar) : workingDaysBetween(today, due, calendar);
  const n = span.isProvisional ? span.provisionalValue : span.value;
  return due < today ? -n : n;
}
