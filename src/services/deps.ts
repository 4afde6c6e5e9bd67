/**
 * What every use case receives: the database, the working-day calendar and a clock. Passed
 * down explicitly (STYLE §12); tests build their own.
 */
import type { Db } from '../db/connection.ts';
import type { FeePolicy } from '../domain/applications/fees.ts';
import type { Calendar, IsoDate } from '../domain/calendar/index.ts';
import type { SearchIndex } from '../search/index.ts';

export interface Clock {
  /** The current instant. */
  now(): Date;
  /** Today's date in the offices' time zone (Asia/Shanghai). */
  today(): IsoDate;
}

export interface Deps {
  db: Db;
  calendar: Calendar;
  clock: Clock;
  /** How fees count applications (fees.md leaves it open); DEFAULT_FEE_POLICY when absent. */
  feePolicy?: FeePolicy;
  /** Folder of catalogue attachments (config `uploadsDir`); `data/uploads` when absent. */
  uploadsDir?: string;
  /** Largest attachment accepted, in bytes; DEFAULT_MAX_ATTACHMENT_BYTES when absent. */
  maxAttachmentBytes?: number;
  /** The catalogue's search index; `createSearchIndex(db)` when absent (tests pass a failing one). */
  searchIndex?: SearchIndex;
}

/** The real clock, with today's date taken in China Standard Time. */
export function systemClock(timeZone = 'Asia/Shanghai'): Clock {
  const format = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  return { now: () => new Date(), today: () => format.format(new Date()) as IsoDate };
}

/** A clock stopped at one date (tests, the demo data, `--as-of`). */
export function fixedClock(date: string): Clock {
  return { now: () => new Date(`${date}T09:00:00+08:00`), today: () => date as IsoDate };
}
