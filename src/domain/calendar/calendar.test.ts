import { describe, expect, it } from 'vitest';
import {
  buildCalendar,
  calendarVersion,
  mergeCalendars,
  missingNoticeYearFor,
  nationalCalendar,
} from './calendar.ts';
import nationalData from './data/holidays-cn.json' with { type: 'json' };
import { isWeekend, toIsoDate } from './iso-date.ts';
import { addWorkingDays, isWorkingDay } from './working-days.ts';
import { HolidayFileSchema, parseHolidayFile } from './year-data.ts';

const national = nationalCalendar();
const d = (s: string) => toIsoDate(s);
const file = HolidayFileSchema.parse(nationalData);

describe('the national holiday data', () => {
  it('holds the notices for 2019 to 2026', () => {
    expect([...national.noticeYears].sort()).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
  });

  it('loads every entry, including dates a notice fixes in the previous calendar year', () => {
    const listedOff = Object.values(file).flatMap((entry) => entry.holidays);
    const listedWork = Object.values(file).flatMap((entry) => entry.workdays);
    expect(national.offDays.size).toBe(new Set(listedOff).size);
    expect(national.makeUpWorkdays.size).toBe(new Set(listedWork).size);
    expect(national.offDays.has(d('2018-12-30'))).toBe(true);
    expect(national.makeUpWorkdays.has(d('2018-12-29'))).toBe(true);
    expect(national.offDays.has(d('2022-12-31'))).toBe(true);
  });

  it('lists only weekend dates as make-up working days', () => {
    expect([...national.makeUpWorkdays].filter((x) => !isWeekend(x))).toEqual([]);
  });

  it('agrees, notice by notice, between the festival lists and the year lists', () => {
    for (const [year, entry] of Object.entries(file)) {
      const off = (entry.festivals ?? []).flatMap((f) => f.off).sort();
      const work = (entry.festivals ?? []).flatMap((f) => f.workdays).sort();
      expect(off, year).toEqual([...entry.holidays].sort());
      expect(work, year).toEqual([...entry.workdays].sort());
    }
  });

  it('names the festival of a listed date for explanations', () => {
    expect(national.labels.get(d('2020-02-01'))).toBe('春节');
    expect(national.labels.get(d('2023-10-07'))).toBe('中秋节、国庆节');
  });

  it('keeps the source notice of every year', () => {
    const y2020 = national.sources.find((s) => s.noticeYear === 2020);
    expect(y2020?.documentNo).toMatch(/国办发明电〔2020〕1号/);
    expect(y2020?.origin).toBe('national');
  });
});

describe('which dates the loaded notices settle', () => {
  it.each<[string, number | null, string]>([
    ['2024-06-15', null, 'an ordinary date of a loaded year'],
    ['2027-03-01', 2027, 'a date of a year without a notice'],
    ['2018-12-29', null, 'a 2018 date the 2019 notice lists'],
    ['2018-12-28', 2018, 'a 2018 date no loaded notice lists'],
    ['2026-12-24', null, 'the day before the last week of December'],
    ['2026-12-25', 2027, 'the last week of December, which next year’s notice may still change'],
    ['2025-12-31', null, 'the last day of a year whose next notice is loaded'],
  ])('%s → missing notice %s (%s)', (date, missing) => {
    expect(missingNoticeYearFor(d(date), national)).toBe(missing);
  });
});

describe('merging an extra calendar', () => {
  const year2027 = buildCalendar(
    HolidayFileSchema.parse({
      '2027': { holidays: ['2027-01-01', '2027-02-08'], workdays: ['2027-02-06'], document_no: '测试通知' },
    }),
    '2027.json',
  );

  it('adds a year so that counts into it are no longer provisional', () => {
    const merged = mergeCalendars(national, year2027);
    expect(addWorkingDays(d('2026-12-31'), 1, national).isProvisional).toBe(true);
    expect(addWorkingDays(d('2026-12-31'), 1, merged)).toEqual({ isProvisional: false, value: '2027-01-04' });
    expect(isWorkingDay(d('2027-02-06'), merged)).toBe(true);
    expect(merged.sources.at(-1)).toMatchObject({ noticeYear: 2027, origin: '2027.json' });
  });

  it('lets a local calendar override the national one, e.g. a province postponing work in February 2020', () => {
    const local = buildCalendar(
      HolidayFileSchema.parse({
        '2020': {
          holidays: ['2020-02-03', '2020-02-04', '2020-02-05', '2020-02-06', '2020-02-07'],
          workdays: [],
          note: '省级推迟复工',
        },
      }),
      'local-2020.json',
    );
    const merged = mergeCalendars(national, local);
    expect(addWorkingDays(d('2020-01-23'), 1, merged)).toEqual({ isProvisional: false, value: '2020-02-10' });
    expect(addWorkingDays(d('2020-01-23'), 1, national)).toEqual({
      isProvisional: false,
      value: '2020-02-03',
    });
  });

  it('lets the extra calendar win where both list a date, in either direction', () => {
    const override = buildCalendar(
      HolidayFileSchema.parse({ '2020': { holidays: ['2020-01-19'], workdays: ['2020-02-01'] } }),
      'x.json',
    );
    const merged = mergeCalendars(national, override);
    expect(isWorkingDay(d('2020-02-01'), merged)).toBe(true);
    expect(isWorkingDay(d('2020-01-19'), merged)).toBe(false);
    expect(merged.offDays.has(d('2020-02-01'))).toBe(false);
    expect(merged.makeUpWorkdays.has(d('2020-01-19'))).toBe(false);
  });

  it('changes the calendar version when the content changes, and only then', () => {
    expect(calendarVersion(national)).toBe(calendarVersion(nationalCalendar()));
    expect(calendarVersion(national)).toMatch(/^2019-2026:[0-9a-f]{8}$/);
    expect(calendarVersion(mergeCalendars(national, year2027))).toMatch(/^2019-2027:/);
    expect(calendarVersion(mergeCalendars(national, year2027))).not.toBe(calendarVersion(national));
  });
});

describe('the holiday file schema', () => {
  const issues = (data: unknown) => {
    const parsed = HolidayFileSchema.safeParse(data);
    return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };

  it('accepts the national file', () => {
    expect(issues(nationalData)).toEqual([]);
  });

  it('rejects an impossible date with a Chinese message and its place', () => {
    expect(issues({ '2021': { holidays: ['2021-02-30'], workdays: [] } })).toEqual([
      '2021.holidays.0: 日期应为存在的“年-月-日”，例如 2025-10-09',
    ]);
  });

  it('rejects a date filed under the wrong notice year', () => {
    expect(issues({ '2027': { holidays: ['2026-10-01'], workdays: [] } })[0]).toMatch(
      /不属于2027年的节假日安排/,
    );
  });

  it('accepts a December date of the previous year, as the 2019 notice has', () => {
    expect(issues({ '2019': { holidays: ['2018-12-31'], workdays: ['2018-12-29'] } })).toEqual([]);
  });

  it('rejects a date listed both as off and as a working day', () => {
    expect(issues({ '2027': { holidays: ['2027-02-06'], workdays: ['2027-02-06'] } })[0]).toMatch(
      /同时列为放假日和调休上班日/,
    );
  });

  it('rejects a key that is not a year', () => {
    expect(issues({ next: { holidays: [], workdays: [] } })[0]).toMatch(/键“next”应为通知所属年份/);
  });

  it('describes problems in Chinese with their place when parsing an administrator file', () => {
    expect(parseHolidayFile({ '2027': { holidays: ['2027-02-30'] } })).toEqual({
      ok: false,
      problems: [
        '2027.holidays[0]：日期应为存在的“年-月-日”，例如 2025-10-09',
        '2027.workdays：无效输入：期望 数组，实际接收 undefined',
      ],
    });
    expect(parseHolidayFile({ '2027': { holidays: [], workdays: [] } }).ok).toBe(true);
  });
});
