import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import {
  addDays,
  dayNumber,
  formatDateWithWeekday,
  fromDayNumber,
  type IsoDate,
  isIsoDate,
  parseIsoDate,
  toIsoDate,
  weekdayOf,
} from './iso-date.ts';

const d = (s: string) => toIsoDate(s);

describe('IsoDate parsing', () => {
  it.each([
    ['2021-02-30', 'a 30 February'],
    ['2023-02-29', 'a 29 February in a common year'],
    ['2100-02-29', 'a 29 February in a century year not divisible by 400'],
    ['2024-04-31', 'a 31 April'],
    ['2024-13-01', 'a thirteenth month'],
    ['2024-00-10', 'a month zero'],
    ['2024-01-00', 'a day zero'],
    ['0000-01-01', 'a year zero'],
    ['2024-1-5', 'a date without leading zeros'],
    ['2024/01/05', 'slashes'],
    ['2024-01-05T00:00:00Z', 'a timestamp'],
    ['', 'an empty string'],
  ])('rejects %s (%s)', (value) => {
    expect(parseIsoDate(value)).toBeNull();
    expect(isIsoDate(value)).toBe(false);
  });

  it.each(['2024-02-29', '2000-02-29', '2020-02-29', '2019-12-31', '2026-01-01'])('accepts %s', (value) => {
    expect(parseIsoDate(value)).toBe(value);
  });

  it('says in Chinese that a well-formed date does not exist, with a stable code', () => {
    expect(() => toIsoDate('2021-02-30')).toThrowError(/日期“2021-02-30”不存在/);
    try {
      toIsoDate('2021-02-30', 'receivedOn');
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('calendar.invalid');
      expect((error as DomainError).field).toBe('receivedOn');
    }
  });

  it('says in Chinese which format is expected when the text is not a date at all', () => {
    expect(() => toIsoDate('明天')).toThrowError(/格式有误，应为“年-月-日”/);
  });

  it('treats non-strings as not dates', () => {
    expect(isIsoDate(20240101)).toBe(false);
    expect(isIsoDate(null)).toBe(false);
  });
});

describe('IsoDate arithmetic', () => {
  it('numbers 1970-01-01 as day zero', () => {
    expect(dayNumber(d('1970-01-01'))).toBe(0);
    expect(dayNumber(d('1969-12-31'))).toBe(-1);
    expect(dayNumber(d('2000-03-01'))).toBe(11017);
  });

  it('round-trips every day from 1999 to 2031 through its day number, one day apart', () => {
    let previous = dayNumber(d('1998-12-31'));
    for (let n = previous + 1; n <= dayNumber(d('2031-12-31')); n++) {
      const date = fromDayNumber(n);
      expect(isIsoDate(date)).toBe(true);
      expect(dayNumber(date)).toBe(previous + 1);
      previous = n;
    }
  });

  it.each([
    ['2024-02-28', 1, '2024-02-29'],
    ['2024-02-29', 1, '2024-03-01'],
    ['2023-02-28', 1, '2023-03-01'],
    ['2025-12-31', 1, '2026-01-01'],
    ['2026-01-01', -1, '2025-12-31'],
    ['2020-03-01', -1, '2020-02-29'],
    ['2019-01-01', 365, '2020-01-01'],
    ['2020-01-01', 366, '2021-01-01'],
  ])('%s plus %i days is %s', (start, n, expected) => {
    expect(addDays(d(start), n)).toBe(expected);
  });

  it.each([
    ['1970-01-01', 4],
    ['2020-02-01', 6],
    ['2024-02-29', 4],
    ['2025-10-03', 5],
    ['2026-01-04', 0],
  ] as const)('knows %s is weekday %i (0 = Sunday)', (date, weekday) => {
    expect(weekdayOf(d(date))).toBe(weekday);
  });

  it('writes a date with its weekday in Chinese', () => {
    expect(formatDateWithWeekday('2020-11-02' as IsoDate)).toBe('2020-11-02（星期一）');
  });
});
