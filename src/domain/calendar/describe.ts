/**
 * Chinese wording for what a count passed through: the declared days off it skipped and the
 * make-up working days it counted. Used by deadline explanations (`gongkai calendar due`).
 */
import type { Calendar } from './calendar.ts';
import { addDays, formatDateWithWeekday, type IsoDate } from './iso-date.ts';

interface Run {
  from: IsoDate;
  to: IsoDate;
  names: Set<string>;
}

function formatRun(run: Run): string {
  const names = [...run.names].join('、');
  const span =
    run.from === run.to
      ? run.from
      : `${run.from}至${run.to.slice(0, 4) === run.from.slice(0, 4) ? run.to.slice(5) : run.to}`;
  return names ? `${span}（${names}）` : span;
}

/** Notes on the dates in (start, end]: declared days off skipped, make-up working days counted; null if none. */
export function describeCountedSpan(start: IsoDate, end: IsoDate, calendar: Calendar): string | null {
  const runs: Run[] = [];
  const makeUp: IsoDate[] = [];
  for (let date = addDays(start, 1); date <= end; date = addDays(date, 1)) {
    if (calendar.makeUpWorkdays.has(date)) makeUp.push(date);
    if (!calendar.offDays.has(date)) continue;
    const last = runs[runs.length - 1];
    const name = calendar.labels.get(date);
    if (last && addDays(last.to, 1) === date) {
      last.to = date;
      if (name) last.names.add(name);
    } else {
      runs.push({ from: date, to: date, names: new Set(name ? [name] : []) });
    }
  }
  const notes: string[] = [];
  if (runs.length > 0) notes.push(`其间放假不计：${runs.map(formatRun).join('；')}`);
  if (makeUp.length > 0) notes.push(`调休上班日计入：${makeUp.map(formatDateWithWeekday).join('、')}`);
  return notes.length > 0 ? notes.join('；') : null;
}
