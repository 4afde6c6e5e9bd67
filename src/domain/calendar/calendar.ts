/**
 * The working-day calendar as data: the union of every loaded notice of the State Council
 * General Office (holidays.md). Keys of the data files are notice years, not calendar years,
 * so all entries are loaded into one set of days off and one set of make-up working days;
 * nothing is filtered by key. Functions take the calendar as a parameter; none is global.
 */
import nationalData from './data/holidays-cn.json' with { type: 'json' };
import { type IsoDate, yearOf } from './iso-date.ts';
import { type HolidayFile, HolidayFileSchema } from './year-data.ts';

export interface CalendarSource {
  noticeYear: number;
  /** 文号 of the notice (and of amending notices), as the data file gives it. */
  documentNo: string | null;
  url: string | null;
  /** Where the entry came from: 'national' for the bundled file, else the extra file's name. */
  origin: string;
}

export interface Calendar {
  /** Dates a loaded notice declares off (放假/放假调休), whatever key they are filed under. */
  readonly offDays: ReadonlySet<IsoDate>;
  /** Weekend dates a loaded notice declares working days (调休上班). */
  readonly makeUpWorkdays: ReadonlySet<IsoDate>;
  /** Years whose notice is loaded: a count through a date of another year is provisional. */
  readonly noticeYears: ReadonlySet<number>;
  /** Festival name of a listed date ('国庆节'), for explanations. */
  readonly labels: ReadonlyMap<IsoDate, string>;
  readonly sources: readonly CalendarSource[];
}

/** Builds a calendar from a holiday file that has passed `HolidayFileSchema`. */
export function buildCalendar(file: HolidayFile, origin: string): Calendar {
  const offDays = new Set<IsoDate>();
  const makeUpWorkdays = new Set<IsoDate>();
  const labels = new Map<IsoDate, string>();
  const noticeYears = new Set<number>();
  const sources: CalendarSource[] = [];
  for (const [key, entry] of Object.entries(file)) {
    noticeYears.add(Number(key));
    sources.push({
      noticeYear: Number(key),
      documentNo: entry.document_no ?? null,
      url: entry.source ?? null,
      origin,
    });
    for (const date of entry.holidays) offDays.add(date);
    for (const date of entry.workdays) makeUpWorkdays.add(date);
    for (const festival of entry.festivals ?? []) {
      for (const date of [...festival.off, ...festival.workdays]) labels.set(date, festival.name);
    }
  }
  return { offDays, makeUpWorkdays, noticeYears, labels, sources: sortSources(sources) };
}

/**
 * The national calendar (2019–2026 notices, with 国办发明电〔2020〕1号's Spring Festival
 * extension) from `data/holidays-cn.json`.
 */
export function nationalCalendar(): Calendar {
  return buildCalendar(HolidayFileSchema.parse(nationalData), 'national');
}

/**
 * `base` plus `extra` (a new year, or a local calendar such as a province's postponed return
 * to work in February 2020). Where the two disagree about a date, `extra` wins: a date it
 * declares a working day is no longer off, and the reverse.
 */
export function mergeCalendars(base: Calendar, extra: Calendar): Calendar {
  const offDays = new Set([...base.offDays].filter((d) => !extra.makeUpWorkdays.has(d)));
  for (const d of extra.offDays) offDays.add(d);
  const makeUpWorkdays = new Set([...base.makeUpWorkdays].filter((d) => !extra.offDays.has(d)));
  for (const d of extra.makeUpWorkdays) makeUpWorkdays.add(d);
  return {
    offDays,
    makeUpWorkdays,
    noticeYears: new Set([...base.noticeYears, ...extra.noticeYears]),
    labels: new Map([...base.labels, ...extra.labels]),
    sources: sortSources([...base.sources, ...extra.sources]),
  };
}

function sortSources(sources: CalendarSource[]): CalendarSource[] {
  return sources.sort((a, b) => a.noticeYear - b.noticeYear || a.origin.localeCompare(b.origin));
}

/**
 * From this day on, a December date may still be changed by next year's notice: the 元旦
 * span of notice Y has reached back to 12-29 of Y-1 (2008, 2019 notices) and 12-31 (2012,
 * 2017, 2023). A week of margin.
 */
const YEAR_END_REACH_BACK_FROM = '12-25';

/**
 * The notice year whose absence leaves `date` unsettled, or null when the loaded notices
 * settle it: a date listed by a notice is settled; otherwise the notice of its own year is
 * needed and, in the last week of December, next year's notice as well.
 */
export function missingNoticeYearFor(date: IsoDate, calendar: Calendar): number | null {
  if (calendar.offDays.has(date) || calendar.makeUpWorkdays.has(date)) return null;
  const year = yearOf(date);
  if (!calendar.noticeYears.has(year)) return year;
  if (date.slice(5) >= YEAR_END_REACH_BACK_FROM && !calendar.noticeYears.has(year + 1)) return year + 1;
  return null;
}

/**
 * A short stable identifier of the calendar's content, stored beside each computed due date
 * (holidays.md rule 5) so a due date can be recomputed when a notice is added or amended.
 */
export function calendarVersion(calendar: Calendar): string {
  const text = [
    [...calendar.noticeYears].sort().join(','),
    [...calendar.offDays].sort().join(','),
    [...calendar.makeUpWorkdays].sort().join(','),
  ].join('|');
  let hash = 0x811c9dc5; // FNV-1a, 32 bits
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  const years = [...calendar.noticeYears].sort((a, b) => a - b);
  const span = years.length === 0 ? 'none' : `${years[0]}-${years[years.length - 1]}`;
  return `${span}:${hash.toString(16).padStart(8, '0')}`;
}
