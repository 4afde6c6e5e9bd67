/**
 * The worked examples of holidays.md (each day of each count) and its table of boundary cases.
 */
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { buildCalendar, type Calendar, nationalCalendar } from './calendar.ts';
import nationalData from './data/holidays-cn.json' with { type: 'json' };
import { type IsoDate, toIsoDate } from './iso-date.ts';
import {
  addWorkingDays,
  type CalendarResult,
  isWorkingDay,
  workingDayOnOrAfter,
  workingDaysBetween,
} from './working-days.ts';
import { HolidayFileSchema } from './year-data.ts';

const calendar = nationalCalendar();
const d = (s: string) => toIsoDate(s);

function settled<T>(result: CalendarResult<T>): T {
  if (result.isProvisional) throw new Error(`expected a settled result, got provisional: ${result.reason}`);
  return result.value;
}

const add = (start: string, n: number, cal: Calendar = calendar) => settled(addWorkingDays(d(start), n, cal));

/** Day 1 … day n of a count, as holidays.md lists them. */
const daysOfCount = (start: string, n: number, cal: Calendar = calendar) =>
  Array.from({ length: n }, (_, i) => add(start, i + 1, cal));

/** `'09-29 09-30 10-09'` in `year` (with a year change marked by a full date). */
const listed = (year: number, text: string) =>
  text
    .trim()
    .split(/\s+/)
    .map((s) => (s.length === 10 ? s : `${year}-${s}`));

/** The 2020 calendar as it stood before 国办发明电〔2020〕1号 extended the Spring Festival. */
function calendarWithout2020Extension(): Calendar {
  const file = HolidayFileSchema.parse(structuredClone(nationalData));
  const y2020 = file['2020']!;
  y2020.holidays = y2020.holidays.filter((x) => !['2020-01-31', '2020-02-01', '2020-02-02'].includes(x));
  y2020.workdays = [...y2020.workdays, d('2020-02-01')];
  y2020.festivals = [];
  return buildCalendar(file, 'test');
}

describe('worked examples of holidays.md', () => {
  it('1. received Mon 2020-09-28, the reply is due Mon 2020-11-02 after the National Day block', () => {
    expect(daysOfCount('2020-09-28', 20)).toEqual(
      listed(
        2020,
        '09-29 09-30 10-09 10-10 10-12 10-13 10-14 10-15 10-16 10-19 10-20 10-21 10-22 10-23 10-26 10-27 10-28 10-29 10-30 11-02',
      ),
    );
    // Sun 09-27 was a make-up working day, but it lies before the receipt.
    expect(isWorkingDay(d('2020-09-27'), calendar)).toBe(true);
  });

  it('2. received Wed 2020-01-22, the reply is due Thu 2020-02-27 with the 2020 Spring Festival extension', () => {
    expect(daysOfCount('2020-01-22', 20)).toEqual(
      listed(
        2020,
        '01-23 02-03 02-04 02-05 02-06 02-07 02-10 02-11 02-12 02-13 02-14 02-17 02-18 02-19 02-20 02-21 02-24 02-25 02-26 02-27',
      ),
    );
  });

  it('2. a calendar lacking 国办发明电〔2020〕1号 counts 01-31 and Sat 02-01 and wrongly gives 2020-02-25', () => {
    const stale = calendarWithout2020Extension();
    expect(add('2020-01-22', 20, stale)).toBe('2020-02-25');
    expect(daysOfCount('2020-01-22', 3, stale)).toEqual(['2020-01-23', '2020-01-31', '2020-02-01']);
  });

  it('2. the 7-working-day correction deadline of that application is 2020-02-10', () => {
    expect(daysOfCount('2020-01-22', 7)).toEqual(listed(2020, '01-23 02-03 02-04 02-05 02-06 02-07 02-10'));
  });

  it('3. received Fri 2024-09-13, day 1 is the make-up Saturday 09-14 and the reply is due Thu 2024-10-17', () => {
    expect(daysOfCount('2024-09-13', 20)).toEqual(
      listed(
        2024,
        '09-14 09-18 09-19 09-20 09-23 09-24 09-25 09-26 09-27 09-29 09-30 10-08 10-09 10-10 10-11 10-12 10-14 10-15 10-16 10-17',
      ),
    );
  });

  it('4. confirmed online on the holiday Fri 2025-10-03, the reply is due Tue 2025-11-04', () => {
    expect(daysOfCount('2025-10-03', 20)).toEqual(
      listed(
        2025,
        '10-09 10-10 10-11 10-13 10-14 10-15 10-16 10-17 10-20 10-21 10-22 10-23 10-24 10-27 10-28 10-29 10-30 10-31 11-03 11-04',
      ),
    );
  });

  it('5. received Fri 2023-04-28, the correction notice is due by Thu 2023-05-11', () => {
    expect(daysOfCount('2023-04-28', 7)).toEqual(listed(2023, '05-04 05-05 05-06 05-08 05-09 05-10 05-11'));
  });

  it('5. the corrected application arrives Mon 2023-05-15, the new reply deadline is Mon 2023-06-12', () => {
    expect(add('2023-05-15', 20)).toBe('2023-06-12');
  });

  it('5. extended by the maximum 20 working days over the Dragon Boat holiday, the reply is due Tue 2023-07-11', () => {
    const days = daysOfCount('2023-06-12', 20);
    expect(days.slice(0, 9)).toEqual(listed(2023, '06-13 06-14 06-15 06-16 06-19 06-20 06-21 06-25 06-26'));
    expect(days[19]).toBe('2023-07-11');
  });

  it('6. received Thu 2021-09-30 and a letter sent Tue 10-12 uses 4 working days, including the make-up Sat 10-09', () => {
    expect(settled(workingDaysBetween(d('2021-09-30'), d('2021-10-12'), calendar))).toBe(4);
    expect(daysOfCount('2021-09-30', 4)).toEqual(listed(2021, '10-08 10-09 10-11 10-12'));
  });

  it('6. after the answer on Wed 10-20 the remaining 16 working days end Thu 2021-11-11 (Wed 11-03 without the pause)', () => {
    expect(daysOfCount('2021-10-20', 16)).toEqual(
      listed(
        2021,
        '10-21 10-22 10-25 10-26 10-27 10-28 10-29 11-01 11-02 11-03 11-04 11-05 11-08 11-09 11-10 11-11',
      ),
    );
    expect(add('2021-09-30', 20)).toBe('2021-11-03');
  });

  it('7. a normative document signed Fri 2022-01-28 must be published by Wed 2022-03-02 (art. 26)', () => {
    const days = daysOfCount('2022-01-28', 20);
    expect(days.slice(0, 3)).toEqual(listed(2022, '01-29 01-30 02-07'));
    expect(days[19]).toBe('2022-03-02');
  });

  it('8. received Fri 2019-02-01, a notice year reaching back, the reply is due Wed 2019-03-06', () => {
    expect(daysOfCount('2019-02-01', 20)).toEqual(
      listed(
        2019,
        '02-02 02-03 02-11 02-12 02-13 02-14 02-15 02-18 02-19 02-20 02-21 02-22 02-25 02-26 02-27 02-28 03-01 03-04 03-05 03-06',
      ),
    );
  });

  it('9. a fee notice received Fri 2025-09-26 must be paid by Thu 2025-10-30', () => {
    const days = daysOfCount('2025-09-26', 20);
    expect(days.slice(0, 7)).toEqual(listed(2025, '09-28 09-29 09-30 10-09 10-10 10-11 10-13'));
    expect(days[19]).toBe('2025-10-30');
  });
});

describe('boundary cases', () => {
  it.each([
    ['the day before the 2023 eight-day block: Sat 10-07 is day 1', '2023-09-28', 1, '2023-10-07'],
    ['the day before the 2023 eight-day block: Sun 10-08 is day 2', '2023-09-28', 2, '2023-10-08'],
    ['the day before National Day 2024', '2024-09-30', 1, '2024-10-08'],
    ['the last day before National Day 2020', '2020-09-30', 1, '2020-10-09'],
    ['a make-up Saturday as the due date', '2020-10-09', 1, '2020-10-10'],
    ['a make-up Sunday as the due date', '2024-09-27', 1, '2024-09-29'],
    ['a receipt on a make-up Saturday', '2025-10-11', 1, '2025-10-13'],
    ['a receipt on an ordinary Saturday', '2025-10-18', 1, '2025-10-20'],
    ['a receipt on a holiday inside a block', '2025-10-05', 1, '2025-10-09'],
    ['the cancelled make-up Saturday 2020-02-01 is skipped', '2020-01-23', 1, '2020-02-03'],
    ['除夕 2024-02-09 is a working day', '2024-02-08', 1, '2024-02-09'],
    [
      'after 除夕 2024 the Spring Festival block runs to the make-up Sunday 02-18',
      '2024-02-09',
      1,
      '2024-02-18',
    ],
    ['a leap day is an ordinary working day', '2024-02-28', 1, '2024-02-29'],
    ['the day after a leap day', '2024-02-29', 1, '2024-03-01'],
    ['a count over the 2020 leap day, which fell on a Saturday', '2020-02-28', 1, '2020-03-02'],
    ['New Year 2026 with the make-up Sunday 01-04', '2025-12-31', 1, '2026-01-04'],
    ['New Year 2023 whose span begins on 2022-12-31', '2022-12-30', 1, '2023-01-03'],
    ['New Year 2019 reaching back to 2018-12-29 (make-up Saturday)', '2018-12-28', 1, '2018-12-29'],
    ['New Year 2019: 2018-12-30 and 12-31 off', '2018-12-29', 1, '2019-01-02'],
    ['New Year 2025, one day, no make-up day', '2024-12-31', 1, '2025-01-02'],
    ['the Spring Festival 2026, nine days', '2026-02-13', 2, '2026-02-24'],
  ])('%s: %s + %i working days is %s', (_name, start, n, expected) => {
    expect(add(start, n)).toBe(expected);
  });

  it('knows Sat 2020-02-01 was cancelled as a make-up day and is off', () => {
    expect(isWorkingDay(d('2020-02-01'), calendar)).toBe(false);
    expect(calendar.offDays.has(d('2020-02-01'))).toBe(true);
    expect(calendar.makeUpWorkdays.has(d('2020-02-01'))).toBe(false);
  });

  it('counts every date listed by a notice filed under the following year (2018-12-29 … 31, 2022-12-31)', () => {
    expect(isWorkingDay(d('2018-12-29'), calendar)).toBe(true);
    expect(isWorkingDay(d('2018-12-31'), calendar)).toBe(false);
    expect(isWorkingDay(d('2022-12-31'), calendar)).toBe(false);
  });

  it('finds n = workingDaysBetween(start, addWorkingDays(start, n)) for every start in 2019–2025', () => {
    for (let start = d('2019-01-01'); start <= '2025-12-31'; start = add(start, 1)) {
      const end = add(start, 20);
      expect(settled(workingDaysBetween(start, end, calendar))).toBe(20);
    }
  });

  it('counts no working days between a date and itself or an earlier date', () => {
    expect(settled(workingDaysBetween(d('2024-05-06'), d('2024-05-06'), calendar))).toBe(0);
    expect(settled(workingDaysBetween(d('2024-05-06'), d('2024-05-01'), calendar))).toBe(0);
  });

  it('keeps a working day as it is and moves a holiday to the next working day (民法典 art. 203)', () => {
    expect(settled(workingDayOnOrAfter(d('2024-10-08'), calendar))).toBe('2024-10-08');
    expect(settled(workingDayOnOrAfter(d('2024-10-01'), calendar))).toBe('2024-10-08');
    expect(settled(workingDayOnOrAfter(d('2025-09-27'), calendar))).toBe('2025-09-28');
  });

  it.each([0, -1, 1.5, Number.NaN, 1001])('refuses %s working days with a calendar.invalid error', (n) => {
    expect(() => addWorkingDays(d('2024-01-02'), n, calendar)).toThrowError(DomainError);
    expect(() => addWorkingDays(d('2024-01-02'), n, calendar)).toThrowError(/工作日数应为1至1000之间的整数/);
  });
});

describe('coverage: years without a loaded notice', () => {
  it('returns a due date running into 2027 as provisional, naming the missing 2027 notice in Chinese', () => {
    const result = addWorkingDays(d('2026-12-15'), 20, calendar);
    expect(result.isProvisional).toBe(true);
    if (!result.isProvisional) return;
    expect(result.provisionalValue).toBe('2027-01-12');
    expect(result.missingNoticeYears).toEqual([2027]);
    expect(result.reason).toMatch(/2027年部分节假日安排通知/);
    expect(result.reason).toMatch(/暂定/);
  });

  it('treats the last week of 2026 as unsettled until the 2027 notice is loaded', () => {
    const before = addWorkingDays(d('2026-12-10'), 10, calendar);
    expect(before).toEqual({ isProvisional: false, value: '2026-12-24' });
    const into = addWorkingDays(d('2026-12-10'), 11, calendar);
    expect(into.isProvisional).toBe(true);
  });

  it('returns a count that needs 2018 dates the 2019 notice does not list as provisional', () => {
    const result = addWorkingDays(d('2018-12-20'), 3, calendar);
    expect(result.isProvisional).toBe(true);
    if (result.isProvisional) expect(result.missingNoticeYears).toEqual([2018]);
  });

  it('does not consult the start day, so a count from 2025-12-31 needs only 2026 dates and is settled', () => {
    const result = addWorkingDays(d('2025-12-31'), 1, calendar);
    expect(result).toEqual({ isProvisional: false, value: '2026-01-04' });
  });

  it('marks workingDaysBetween provisional when it crosses a missing year', () => {
    const result = workingDaysBetween(d('2026-12-20'), d('2027-01-10'), calendar);
    expect(result.isProvisional).toBe(true);
  });

  it('forces callers to check isProvisional before reading the date', () => {
    const result: CalendarResult<IsoDate> = addWorkingDays(d('2024-01-02'), 1, calendar);
    // @ts-expect-error `value` exists only on a settled result
    expect(result.value).toBe('2024-01-03');
  });
});
