import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { digestSendCommand } from '../../src/cli/commands/digest.ts';
import { type Config, ConfigError, loadConfig } from '../../src/config.ts';
import { digestRepository } from '../../src/db/repositories/digest.ts';
import type { Role } from '../../src/domain/accounts/roles.ts';
import type { Agency } from '../../src/domain/agencies/model.ts';
import type { IsoDate } from '../../src/domain/calendar/index.ts';
import { digestSubject } from '../../src/mail/digest-message.tsx';
import { mailErrorText, smtpMailer } from '../../src/mail/mailer.ts';
import { createUser } from '../../src/services/accounts/create-user.ts';
import { registerApplication } from '../../src/services/applications/register-application.ts';
import type { Deps } from '../../src/services/deps.ts';
import { buildDigest } from '../../src/services/digest/build-digest.ts';
import { chinaDate, startDigestScheduler, type Timers } from '../../src/services/digest/scheduler.ts';
import { type DigestDelivery, sendDigests } from '../../src/services/digest/send-digests.ts';
import { setDigestEmail } from '../../src/services/digest/set-digest-email.ts';
import { buildAgency, buildApplicationInput, buildDeps, receiptDayFor } from '../helpers/builders.ts';
import { describeEachEngine } from '../helpers/databases.ts';
import { type SmtpSink, startSmtpSink } from '../helpers/smtp-sink.ts';

const FROM = 'gongkai@ninghai.example.gov.cn';
const SITE = 'https://gk.example.gov.cn';

/** Timers that never fire by themselves: the test fires them (no waiting on real time). */
function manualTimers() {
  const pending = new Map<number, { run: () => void; ms: number }>();
  let next = 0;
  const timers: Timers = {
    set(run, ms) {
      next += 1;
      pending.set(next, { run, ms });
      return next;
    },
    clear(handle) {
      pending.delete(handle as number);
    },
  };
  return {
    timers,
    pending,
    /** Fires the one pending timer of that delay. */
    fire(ms: number) {
      const found = [...pending.entries()].find(([, t]) => t.ms === ms);
      if (!found) throw new Error(`no timer of ${ms} ms among ${[...pending.values()].map((t) => t.ms)}`);
      pending.delete(found[0]);
      found[1].run();
    },
  };
}

const silentLog = { info() {}, error() {} };

describe('the mail configuration (environment)', () => {
  it('sends no e-mail unless SMTP_URL and MAIL_FROM are both set, at 08:00 by default', () => {
    expect(loadConfig({})).toMatchObject({
      mail: null,
      digestTime: '08:00',
      publicUrl: 'http://localhost:3000',
    });
    expect(
      loadConfig({
        SMTP_URL: 'smtps://u:p%40ss@mail.example.gov.cn:465',
        MAIL_FROM: FROM,
        DIGEST_TIME: '07:30',
      }),
    ).toMatchObject({
      mail: { smtpUrl: 'smtps://u:p%40ss@mail.example.gov.cn:465', from: FROM },
      digestTime: '07:30',
    });
    expect(loadConfig({ SMTP_URL: '', DIGEST_TIME: '' })).toMatchObject({ mail: null, digestTime: '08:00' });
    for (const env of [
      { SMTP_URL: 'smtp://mail.example.gov.cn:25' },
      { SMTP_URL: 'http://mail.example.gov.cn', MAIL_FROM: FROM },
      { DIGEST_TIME: '8:00' },
      { DIGEST_TIME: '24:00' },
      { GONGKAI_PUBLIC_URL: 'ftp://gk.example.gov.cn' },
    ]) {
      expect(() => loadConfig(env), JSON.stringify(env)).toThrow(ConfigError);
    }
  });

  it('keeps the SMTP password out of logged errors', () => {
    const mail = { smtpUrl: 'smtp://digest:p%40ss@127.0.0.1:25', from: FROM };
    expect(mailErrorText(new Error('Invalid login for digest:p@ss'), mail)).toBe(
      'Invalid login for digest:***',
    );
  });
});

describeEachEngine('the morning digest by e-mail', (ctx) => {
  let sink: SmtpSink;
  let config: Config;
  let deps: Deps;
  let instant: Date;
  let office: Agency;
  const delivery = (): DigestDelivery => ({
    mailer: smtpMailer(config.mail!),
    mail: config.mail,
    baseUrl: SITE,
  });
  const setNow = (iso: string) => {
    instant = new Date(iso);
  };
  const logOf = async (login: string, date: string) => {
    const user = await digestRepository(ctx.db.db).findRecipientByLogin(login);
    return digestRepository(ctx.db.db).findLog(user!.id, date, 'email');
  };
  const recipients = () => sink.received.map((m) => m.to.join(',')).sort();

  beforeAll(async () => {
    sink = await startSmtpSink();
    config = loadConfig({ SMTP_URL: sink.url, MAIL_FROM: FROM, GONGKAI_PUBLIC_URL: SITE });
    setNow('2026-11-25T09:00:00+08:00');
    deps = { ...buildDeps(ctx.db), clock: { now: () => instant, today: () => chinaDate(instant) } };
    office = await buildAgency(ctx.db, { name: '宁海县人民政府办公室（邮件测试）' });
    const other = await buildAgency(ctx.db, { name: '宁海县教育局（邮件测试）' });
    // A case overdue since 2026-11-20, and another due on 2026-11-25, both of the office.
    for (const due of ['2026-11-20', '2026-11-25'] as IsoDate[]) {
      const received = receiptDayFor(due, deps.calendar);
      await registerApplication(
        deps,
        buildApplicationInput(office.code, { submittedOn: received, applicantName: '赵某某' }),
      );
    }
    const account = async (login: string, role: Role, agency: Agency, email: string | null) => {
      const u = await createUser(
        deps,
        { login, displayName: `${login}（测试）`, role, agency: agency.code, password: 'Correct-horse-9' },
        { system: 'cli' },
      );
      if (email) await setDigestEmail(deps, u.id, email, { system: 'cli' });
    };
    await account('mail.clerk', 'clerk', office, 'clerk@ninghai.example.gov.cn');
    await account('mail.admin', 'agency_admin', office, 'admin@ninghai.example.gov.cn');
    await account('mail.reviewer', 'reviewer', office, 'reviewer@ninghai.example.gov.cn'); // nothing to review
    await account('mail.noaddress', 'clerk', office, null);
    await account('mail.other', 'clerk', other, 'other@ninghai.example.gov.cn'); // nothing due
  });
  afterAll(() => sink.close());
  beforeEach(() => {
    sink.received.length = 0;
    sink.failing = false;
  });

  it('sends one e-mail to each user with something due, in Chinese, through the configured server', async () => {
    const summary = await sendDigests(deps, delivery());
    expect(summary).toMatchObject({ date: '2026-11-25', sent: 2, failed: 0 });
    expect(recipients()).toEqual(['admin@ninghai.example.gov.cn', 'clerk@ninghai.example.gov.cn']);
    const clerk = (await digestRepository(ctx.db.db).findRecipientByLogin('mail.clerk'))!;
    const mail = sink.received.find((m) => m.to[0] === 'clerk@ninghai.example.gov.cn')!;
    expect(mail.subject).toBe('【政府信息公开】2026年11月25日待办提醒：逾期1件，今日到期1件');
    expect(mail.subject).toBe(digestSubject(await buildDigest(deps, clerk, '2026-11-25' as IsoDate)));
    expect(mail.from).toBe(FROM);
    expect(mail.user).toBe('digest');
    expect(mail.text).toContain('mail.clerk（测试），您好：');
    expect(mail.text).toContain('一、已逾期（1件）');
    expect(mail.text).toContain('申请人赵**');
    expect(mail.text).toContain(`${SITE}/admin/applications/`);
    expect(mail.text).not.toContain('赵某某');
    expect(mail.html).toContain('<html lang="zh-CN">');
    expect(mail.html).toContain('今日到期（1件）');
    expect(summary.outcomes.find((o) => o.login === 'mail.noaddress')?.status).toBe('no_address');
    expect(summary.outcomes.find((o) => o.login === 'mail.reviewer')?.status).toBe('nothing_due');
    expect(await logOf('mail.clerk', '2026-11-25')).toMatchObject({
      status: 'sent',
      attempts: 1,
      error: null,
    });
    expect(await logOf('mail.reviewer', '2026-11-25')).toBeNull();
  });

  it('never sends a user the same day’s digest twice: not on a second run, nor from two runs at once', async () => {
    const again = await sendDigests(deps, delivery());
    expect(again.sent).toBe(0);
    expect(
      again.outcomes
        .filter((o) => o.status === 'already_sent')
        .map((o) => o.login)
        .sort(),
    ).toEqual(['mail.admin', 'mail.clerk']);
    expect(sink.received).toEqual([]);

    setNow('2026-11-26T08:00:00+08:00');
    const [a, b] = await Promise.all([sendDigests(deps, delivery()), sendDigests(deps, delivery())]);
    expect(a.sent + b.sent).toBe(2);
    expect(recipients()).toEqual(['admin@ninghai.example.gov.cn', 'clerk@ninghai.example.gov.cn']);
  });

  it('logs a failing server’s answer and sends at the next run', async () => {
    setNow('2026-11-27T08:00:00+08:00');
    sink.failing = true;
    const failed = await sendDigests(deps, delivery());
    expect(failed).toMatchObject({ sent: 0, failed: 2 });
    const log = await logOf('mail.clerk', '2026-11-27');
    expect(log).toMatchObject({ status: 'failed', attempts: 1, sentAt: null });
    expect(log!.error).toContain('451');
    expect(log!.error).not.toContain('s3cret');

    sink.failing = false;
    const retried = await sendDigests(deps, delivery(), { retryOnly: true });
    expect(retried).toMatchObject({ sent: 2, failed: 0 });
    expect(recipients()).toEqual(['admin@ninghai.example.gov.cn', 'clerk@ninghai.example.gov.cn']);
    expect(await logOf('mail.clerk', '2026-11-27')).toMatchObject({ status: 'sent', attempts: 2 });
    expect((await sendDigests(deps, delivery())).sent).toBe(0);
  });

  it('sends nothing on a day off, when nothing falls due', async () => {
    setNow('2026-11-28T09:00:00+08:00'); // Saturday
    expect(await sendDigests(deps, delivery())).toMatchObject({ isWorkingDay: false, sent: 0, outcomes: [] });
    expect(sink.received).toEqual([]);
  });

  it('sends through the command function, and a dry run sends and logs nothing', async () => {
    let out = '';
    let exit = 0;
    const command = { deps, config, write: (t: string) => (out += t), setExit: (c: number) => (exit = c) };
    await digestSendCommand(command, { date: '2026-11-30', dryRun: true });
    expect(out).toContain('将发送（试运行）  mail.clerk → clerk@ninghai.example.gov.cn');
    expect(sink.received).toEqual([]);
    expect(await logOf('mail.clerk', '2026-11-30')).toBeNull();
    out = '';
    await digestSendCommand(command, { date: '2026-11-30' });
    expect(out).toContain(
      '已发送  mail.clerk → clerk@ninghai.example.gov.cn  【政府信息公开】2026年11月30日待办提醒',
    );
    expect(out).toContain('2026-11-30：发送2封，失败0封');
    expect(exit).toBe(0);
    sink.failing = true;
    out = '';
    await digestSendCommand(command, { date: '2026-12-03' });
    expect(out).toContain('发送失败  mail.clerk');
    expect(exit).toBe(1);
  });

  it('runs each morning at the digest time, on start-up when today’s run was missed, once across restarts', async () => {
    // Started at 09:00, after the 08:00 run that no process made: it runs now.
    setNow('2026-12-01T09:00:00+08:00');
    const first = manualTimers();
    const scheduler = startDigestScheduler(deps, delivery(), {
      time: '08:00',
      log: silentLog,
      timers: first.timers,
    });
    await scheduler.whenIdle();
    expect(recipients()).toEqual(['admin@ninghai.example.gov.cn', 'clerk@ninghai.example.gov.cn']);
    // The next run: tomorrow 08:00, 23 hours later.
    expect([...first.pending.values()].map((t) => t.ms)).toEqual([23 * 3_600_000]);

    // A restart (or a second process) the same morning sends nothing more.
    const second = manualTimers();
    const restarted = startDigestScheduler(deps, delivery(), {
      time: '08:00',
      log: silentLog,
      timers: second.timers,
    });
    await restarted.whenIdle();
    expect(sink.received).toHaveLength(2);
    await restarted.stop();
    expect(second.pending.size).toBe(0);

    // Tomorrow 08:00 the timer fires; the server fails, so a retry follows 15 minutes later.
    sink.received.length = 0;
    sink.failing = true;
    setNow('2026-12-02T08:00:00+08:00');
    first.fire(23 * 3_600_000);
    await scheduler.whenIdle();
    expect(sink.received).toEqual([]);
    expect((await logOf('mail.clerk', '2026-12-02'))!.status).toBe('failed');
    expect([...first.pending.values()].map((t) => t.ms).sort((a, b) => a - b)).toEqual([
      15 * 60_000,
      24 * 3_600_000,
    ]);
    sink.failing = false;
    setNow('2026-12-02T08:15:00+08:00');
    first.fire(15 * 60_000);
    await scheduler.whenIdle();
    expect(recipients()).toEqual(['admin@ninghai.example.gov.cn', 'clerk@ninghai.example.gov.cn']);

    await scheduler.stop();
    expect(first.pending.size).toBe(0);
  });

  it('waits for the digest time when started before it', async () => {
    setNow('2026-12-04T07:00:00+08:00');
    const t = manualTimers();
    const scheduler = startDigestScheduler(deps, delivery(), {
      time: '08:00',
      log: silentLog,
      timers: t.timers,
    });
    await scheduler.whenIdle();
    expect(sink.received).toEqual([]);
    expect([...t.pending.values()].map((p) => p.ms)).toEqual([3_600_000]);
    setNow('2026-12-04T08:00:00+08:00');
    t.fire(3_600_000);
    await scheduler.whenIdle();
    expect(recipients()).toEqual(['admin@ninghai.example.gov.cn', 'clerk@ninghai.example.gov.cn']);
    await scheduler.stop();
    expect(t.pending.size).toBe(0);
  });
});
