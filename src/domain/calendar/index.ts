/** The working-day calendar: dates, the national holiday data, counting. */
export {
  buildCalendar,
  type Calendar,
  type CalendarSource,
  calendarVersion,
  mergeCalendars,
  missingNoticeYearFor,
  nationalCalendar,
} from './calendar.ts';
export { describeCountedSpan } from './describe.ts';
export {
  addDays,
  dayNumber,
  formatDateWithWeekday,
  fromDayNumber,
  type IsoDate,
  isIsoDate,
  isWeekend,
  laterOf,
  parseIsoDate,
  toIsoDate,
  WEEKDAY_NAMES,
  type Weekday,
  weekdayOf,
  yearOf,
} from './iso-date.ts';
export {
  addWorkingDays,
  type CalendarResult,
  CoverageTracker,
  isWorkingDay,
  MAX_WORKING_DAYS,
  provisionalReason,
  signedWorkingDays,
  workingDayOnOrAfter,
  workingDaysBetween,
} from './working-days.ts';
export {
  type HolidayFile,
  HolidayFileSchema,
  type NoticeYear,
  NoticeYearSchema,
  parseHolidayFile,
} from './year-data.ts';
