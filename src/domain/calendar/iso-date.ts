/**
 * Calendar dates as `'YYYY-MM-DD'` strings (STYLE.md §2): no `Date` objects, no time zones.
 * A date is a day of the civil calendar in China Standard Time; arithmetic runs on day
 * numbers (days since 1970-01-01) with integer formulas, so no clock and no zone is involved.
 */
import { DomainError } from '../errors.ts';

/** A calendar date that exists, written `YYYY-MM-DD`. Obtain one from `parseIsoDate`/`toIsoDate`. */
export type IsoDate = string & { readonly __brand: 'IsoDate' };

/** 0 = Sunday … 6 = Saturday. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export const WEEKDAY_NAMES: Readonly<Record<Weekday, string>> = {
  0: '星期日',
  1: '星期一',
  2: '星期二',
  3: '星期三',
  4: '星期四',
  5: '星期五',
  6: '星期六',
};

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True when `value` is a `YYYY-MM-DD` string naming a day that exists (2021-02-30 does not). */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** The date, or null when `value` is not an existing `YYYY-MM-DD` date. */
export function parseIsoDate(value: string): IsoDate | null {
  return isIsoDate(value) ? value : null;
}

/** The date, or a `calendar.invalid` DomainError with a Chinese message naming `field`. */
export function toIsoDate(value: string, field = 'date'): IsoDate {
  if (isIsoDate(value)) return value;
  const message = ISO_DATE.test(value)
    ? `日期“${value}”不存在`
    : `日期“${value}”格式有误，应为“年-月-日”，例如 2025-10-09`;
  throw new DomainError('calendar.invalid', message, field);
}

function parts(date: IsoDate): [number, number, number] {
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

/** Days since 1970-01-01 (negative before). Howard Hinnant's days_from_civil. */
export function dayNumber(date: IsoDate): number {
  const [y0, m, d] = parts(date);
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The date `days` days after 1970-01-01. Inverse of `dayNumber` (civil_from_days). */
export function fromDayNumber(days: number): IsoDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` as IsoDate;
}

/** The date `days` calendar days later (earlier when negative). */
export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** Day of the week; 1970-01-01 was a Thursday. */
export function weekdayOf(date: IsoDate): Weekday {
  return ((((dayNumber(date) + 4) % 7) + 7) % 7) as Weekday;
}

/** Saturday or Sunday. */
export function isWeekend(date: IsoDate): boolean {
  const w = weekdayOf(date);
  return w === 0 || w === 6;
}

/** The calendar year of a date. */
export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

/** `2020-11-02（星期一）`, the form used in explanations and on the command line. */
export function formatDateWithWeekday(date: IsoDate): string {
  return `${date}（${WEEKDAY_NAMES[weekdayOf(date)]}）`;
}

/** The later of two dates (string order is date order for `YYYY-MM-DD`). */
export function laterOf(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}
