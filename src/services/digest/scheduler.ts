/**
 * The morning digest's timer in the server process: a run each day at DIGEST_TIME (Asia/Shanghai
 * wall clock), and one at start-up when the process starts after that time and today's run has
 * not happened (digest_runs, claimed insert-first, so only one process runs it). When sends
 * fail, a retry pass follows after RETRY_MINUTES, the same day. Errors are logged, never thrown:
 * a mail server that is down must not bring the web server down.
 */
import { digestRepository } from '../../db/repositories/digest.ts';
import { addDays, type IsoDate, isWorkingDay } from '../../domain/calendar/index.ts';
import type { Deps } from '../deps.ts';
import { type DigestDelivery, type SendSummary, sendDigests } from './send-digests.ts';

export const RETRY_MINUTES = 15;

/** setTimeout and clearTimeout, replaceable in tests (which never wait on real time). */
export interface Timers {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimers: Timers = {
  set(run, ms) {
    const handle = setTimeout(run, ms);
    handle.unref();
    return handle;
  },
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export interface SchedulerLog {
  info(detail: object, message: string): void;
  error(detail: object, message: string): void;
}

export interface DigestScheduler {
  /** Resolves when no run is in progress (tests; stop() waits for it too). */
  whenIdle(): Promise<void>;
  /** Clears the timers and waits for a run in progress. */
  stop(): Promise<void>;
}

/** HH:MM of a date in China Standard Time: UTC+8 all year (no summer time since 1991). */
export function digestInstant(date: IsoDate, time: string): Date {
  return new Date(`${date}T${time}:00+08:00`);
}

/** The date in China at an instant. */
export function chinaDate(instant: Date): IsoDate {
  return new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 10) as IsoDate;
}

/** The first digest time strictly after `after`. */
export function nextDigestAt(after: Date, time: string): { date: IsoDate; at: Date } {
  const today = chinaDate(after);
  const at = digestInstant(today, time);
  if (at.getTime() > after.getTime()) return { date: today, at };
  const tomorrow = addDays(today, 1);
  return { date: tomorrow, at: digestInstant(tomorrow, time) };
}

export function startDigestScheduler(
  deps: Deps,
  delivery: DigestDelivery,
  options: { time: string; log: SchedulerLog; timers?: Timers },
): DigestScheduler {
  const { time, log } = options;
  const timers = options.timers ?? realTimers;
  const repo = digestRepository(deps.db.db);
  let isStopped = false;
  let daily: unknown = null;
  let retry: unknown = null;
  let running: Promise<void> = Promise.resolve();

  const run = async (date: IsoDate, isRetry: boolean): Promise<void> => {
    if (!isWorkingDay(date, deps.calendar)) {
      log.info({ date }, '非工作日，不发送每日待办提醒');
      return;
    }
    const now = () => deps.clock.now().toISOString();
    // Only the process that claims the day's run sends to everyone; others retry failures only.
    const isClaimed = !isRetry && (await repo.claimRun(date, now()));
    const summary: SendSummary = await sendDigests(deps, delivery, { date, retryOnly: !isClaimed });
    if (isClaimed) await repo.finishRun(date, now(), summary.sent, summary.failed);
    log.info({ date, sent: summary.sent, failed: summary.failed }, '每日待办提醒已发送');
    if (summary.failed > 0) armRetry(date);
  };

  const trigger = (date: IsoDate, isRetry: boolean) => {
    if (isStopped) return;
    running = running
      .then(() => run(date, isRetry))
      .catch((error: unknown) => log.error({ err: error, date }, '每日待办提醒发送出错'));
  };

  const armDaily = (after: Date) => {
    const next = nextDigestAt(after, time);
    daily = timers.set(
      () => {
        trigger(next.date, false);
        armDaily(new Date(Math.max(deps.clock.now().getTime(), next.at.getTime())));
      },
      Math.max(0, next.at.getTime() - deps.clock.now().getTime()),
    );
  };

  const armRetry = (date: IsoDate) => {
    if (retry !== null || isStopped) return;
    retry = timers.set(() => {
      retry = null;
      if (deps.clock.today() === date) trigger(date, true);
    }, RETRY_MINUTES * 60_000);
  };

  const now = deps.clock.now();
  const today = deps.clock.today();
  if (now.getTime() >= digestInstant(today, time).getTime()) trigger(today, false);
  armDaily(now);

  return {
    whenIdle: () => running,
    async stop() {
      isStopped = true;
      if (daily !== null) timers.clear(daily);
      if (retry !== null) timers.clear(retry);
      await running;
      delivery.mailer?.close();
    },
  };
}
