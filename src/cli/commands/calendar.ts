/**
 * `gongkai calendar add DATE N`: the N-th working day after DATE, the start day not counted
 * (holidays.md). Bad input gets a Chinese message on stderr and exit code 2.
 * `gongkai calendar due APPLICATION` explains a case's due date step by step (`explainDue`).
 */
import type { Command } from 'commander';
import { applicationsRepository } from '../../db/repositories/applications.ts';
import { computeDeadline, DEADLINE_STATUS_LABELS } from '../../domain/applications/deadline.ts';
import { type DeadlineFacts, PAUSE_RULES } from '../../domain/applications/deadline-facts.ts';
import { deadlineFactsFromEvents } from '../../domain/applications/facts-from-events.ts';
import {
  addWorkingDays,
  type Calendar,
  formatDateWithWeekday,
  type IsoDate,
  MAX_WORKING_DAYS,
  parseIsoDate,
} from '../../domain/calendar/index.ts';
import { DomainError } from '../../domain/errors.ts';
import { loadCalendar } from '../../services/calendar/load-calendar.ts';
import { withApp } from '../with-app.ts';

export interface CalendarCommandDeps {
  /** The calendar in use; the national data alone until config passes GONGKAI_HOLIDAYS_DIR. */
  loadCalendar?: () => Promise<Calendar>;
  /** How a failure is reported; by default `process.exitCode = code`. */
  setExit?: (code: number) => void;
}

/** Adds `gongkai calendar add` (and later `due`) to the program. */
export function registerCalendarCommands(program: Command, deps: CalendarCommandDeps = {}): void {
  const setExit =
    deps.setExit ??
    ((code: number) => {
      process.exitCode = code;
    });
  const fail = (message: string) => {
    process.stderr.write(`${message}\n`);
    setExit(2);
  };
  const calendar = program.command('calendar').description('工作日日历：按国务院办公厅节假日安排计算期限');

  calendar
    .command('add')
    .description('某日之后的第N个工作日（开始的当日不计入，《民法典》第二百零一条）')
    .argument('<date>', '起算日，格式 YYYY-MM-DD，例如收到申请之日')
    .argument('<n>', `工作日数（1至${MAX_WORKING_DAYS}）`)
    .action(async (dateText: string, countText: string) => {
      const date = parseIsoDate(dateText);
      if (!date) {
        fail(`日期“${dateText}”无效：应为存在的日期，格式 YYYY-MM-DD，例如 2025-10-09`);
        return;
      }
      const n = /^\d+$/.test(countText) ? Number(countText) : Number.NaN;
      if (!Number.isInteger(n) || n < 1 || n > MAX_WORKING_DAYS) {
        fail(`工作日数“${countText}”无效：应为1至${MAX_WORKING_DAYS}之间的整数`);
        return;
      }
      let cal: Calendar;
      try {
        cal = await (deps.loadCalendar ?? (() => loadCalendar(null)))();
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        fail(`${error.message}（${error.code}）`);
        return;
      }
      const result = addWorkingDays(date, n, cal);
      if (result.isProvisional) {
        process.stdout.write(`${formatDateWithWeekday(result.provisionalValue)}（暂定）\n`);
        process.stderr.write(`注意：${result.reason}\n`);
        return;
      }
      process.stdout.write(`${formatDateWithWeekday(result.value)}\n`);
    });

  calendar
    .command('due')
    .description('逐步说明一件依申请公开的答复期限（按申请编号或查询码）')
    .argument('<application>', '申请编号（数字）或查询码（如 20200928-ABCDEF）')
    .option('--as-of <date>', '按哪一天判断状态（默认今天）')
    .action((key: string, options: { asOf?: string }) =>
      withApp(setExit, async (app) => {
        const asOf = options.asOf ? parseIsoDate(options.asOf) : app.deps.clock.today();
        if (!asOf) {
          fail(`日期“${options.asOf}”无效：应为存在的日期，格式 YYYY-MM-DD`);
          return;
        }
        const repo = applicationsRepository(app.deps.db.db);
        const found = /^\d+$/.test(key)
          ? await repo.findById(Number(key))
          : await repo.findByTrackingNumber(key);
        if (!found) {
          fail(`未找到申请“${key}”`);
          return;
        }
        const facts = deadlineFactsFromEvents(found.receivedOn, await repo.events(found.id));
        process.stdout.write(`申请 ${found.trackingNumber}（收到申请之日 ${found.receivedOn}）\n`);
        for (const line of explainDue(facts, app.deps.calendar, asOf)) process.stdout.write(`${line}\n`);
      }),
    );
}

/** The lines `gongkai calendar due` prints: due date, status on `asOf`, and how they were computed. */
export function explainDue(facts: DeadlineFacts, calendar: Calendar, asOf: IsoDate): string[] {
  const deadline = computeDeadline(facts, calendar, asOf);
  const { due, stoppedBy } = deadline;
  const lines: string[] = [];
  if (due) {
    const date = due.isProvisional
      ? `${formatDateWithWeekday(due.provisionalValue)}（暂定）`
      : formatDateWithWeekday(due.value);
    lines.push(`答复期限：${date}`);
  } else {
    const why =
      !stoppedBy || stoppedBy.reason === 'correction'
        ? '等待申请人补正'
        : PAUSE_RULES[stoppedBy.reason].label;
    lines.push(`答复期限：暂停计算（${why}）`);
  }
  const left = deadline.workingDaysLeft === null ? '' : `，尚余${deadline.workingDaysLeft}个工作日`;
  lines.push(`状态：${DEADLINE_STATUS_LABELS[deadline.status]}（截至${asOf}${left}）`);
  lines.push('计算过程：');
  deadline.steps.forEach((s, i) => {
    lines.push(`  ${i + 1}. ${s.isWarning ? '【注意】' : ''}${s.text}`);
  });
  lines.push(`日历版本：${deadline.calendarVersion}`);
  return lines;
}
