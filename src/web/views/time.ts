/** Instants as people in the offices read them: Beijing time (UTC+8, no daylight saving). */
import { chineseDate } from '../../domain/letters/templates.ts';

const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** `2026-11-25 08:00` in Beijing time; `fallback` when there is no instant. */
export function beijingTime(iso: string | null | undefined, fallback = '—'): string {
  if (!iso) return fallback;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return fallback;
  return new Date(ms + BEIJING_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/** '2026-01-20T01:00:00.000Z' → '2026年1月20日': the day in Beijing, written as documents write it. */
export function chineseDateOfInstant(instant: string): string {
  return chineseDate(beijingTime(instant).slice(0, 10));
}
