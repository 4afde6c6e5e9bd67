/**
 * `gongkai digest send [--date YYYY-MM-DD] [--dry-run]`: sends the morning digest now (each user
 * at most once a day, as the server's timer does; a dry run sends and logs nothing).
 * `gongkai digest show LOGIN [--date YYYY-MM-DD]`: prints a user's digest as the e-mail says it.
 */
import type { Command } from 'commander';
import { type Config, loadConfig } from '../../config.ts';
import { digestRepository } from '../../db/repositories/digest.ts';
import { type IsoDate, parseIsoDate } from '../../domain/calendar/index.ts';
import { DomainError } from '../../domain/errors.ts';
import { digestSubject, digestText } from '../../mail/digest-message.tsx';
import { smtpMailer } from '../../mail/mailer.ts';
import type { Deps } from '../../services/deps.ts';
import { buildDigest } from '../../services/digest/build-digest.ts';
import { type DigestOutcomeStatus, sendDigests } from '../../services/digest/send-digests.ts';
import { parseDigestEmail, setDigestEmail } from '../../services/digest/set-digest-email.ts';
import { withApp } from '../with-app.ts';

export { parseDigestEmail };

export interface DigestCommandContext {
  deps: Deps;
  config: Pick<Config, 'mail' | 'publicUrl'>;
  write: (text: string) => void;
  setExit: (code: number) => void;
}

const OUTCOME_LABELS: Record<DigestOutcomeStatus, string> = {
  sent: '已发送',
  failed: '发送失败',
  would_send: '将发送（试运行）',
  already_sent: '今日已发送',
  in_progress: '正在由其他进程发送',
  no_address: '未设置提醒邮箱',
  nothing_due: '今日无待办',
};

function dateOption(value: string | undefined, deps: Deps): IsoDate {
  if (value === undefined) return deps.clock.today();
  const date = parseIsoDate(value);
  if (!date) throw new DomainError('validation.invalid', `日期“${value}”无效，应为 YYYY-MM-DD`, 'date');
  return date;
}

/** Sends (or with dryRun lists) the digests of a date; exit 1 when a send failed. */
export async function digestSendCommand(
  ctx: DigestCommandContext,
  options: { date?: string; dryRun?: boolean },
): Promise<void> {
  const date = dateOption(options.date, ctx.deps);
  const mail = ctx.config.mail;
  const mailer = mail && !options.dryRun ? smtpMailer(mail) : null;
  try {
    const summary = await sendDigests(
      ctx.deps,
      { mailer, mail, baseUrl: ctx.config.publicUrl },
      { date, dryRun: options.dryRun ?? false },
    );
    if (!summary.isWorkingDay) {
      ctx.write(`${date}不是工作日，不发送待办提醒。\n`);
      return;
    }
    for (const o of summary.outcomes) {
      const to = o.to ? ` → ${o.to}` : '';
      const detail =
        o.status === 'failed' ? `：${o.error}` : o.status === 'nothing_due' ? '' : `  ${o.subject}`;
      ctx.write(`${OUTCOME_LABELS[o.status]}  ${o.login}${to}${detail}\n`);
    }
    const count = (s: DigestOutcomeStatus) => summary.outcomes.filter((o) => o.status === s).length;
    ctx.write(
      options.dryRun
        ? `${date}（试运行，未发送）：将发送${count('would_send')}封，今日已发送${count('already_sent')}封。\n`
        : `${date}：发送${summary.sent}封，失败${summary.failed}封，今日已发送${count('already_sent')}封。\n`,
    );
    if (summary.failed > 0) ctx.setExit(1);
  } finally {
    mailer?.close();
  }
}

/** Prints one user's digest: the subject, then the text body. */
export async function digestShowCommand(
  ctx: DigestCommandContext,
  login: string,
  options: { date?: string },
): Promise<void> {
  const date = dateOption(options.date, ctx.deps);
  const recipient = await digestRepository(ctx.deps.db.db).findRecipientByLogin(login);
  if (!recipient) throw new DomainError('user.not_found', `未找到账号“${login}”`);
  const digest = await buildDigest(ctx.deps, recipient, date);
  ctx.write(`收件人：${recipient.email ?? '（未设置提醒邮箱）'}\n主题：${digestSubject(digest)}\n\n`);
  ctx.write(digestText(digest, ctx.config.publicUrl));
}

export function registerDigestCommands(program: Command, setExit: (code: number) => void): void {
  const digest = program.command('digest').description('每日待办提醒');
  const context = (deps: Deps): DigestCommandContext => ({
    deps,
    config: loadConfig(),
    write: (text) => process.stdout.write(text),
    setExit,
  });
  digest
    .command('send')
    .description('发送每日待办提醒邮件（每人每天至多一封；需设置 SMTP_URL 和 MAIL_FROM）')
    .option('--date <date>', '提醒日期 YYYY-MM-DD（默认今天）')
    .option('--dry-run', '只列出将发送的邮件，不发送、不记录')
    .action(async (options: { date?: string; dryRun?: boolean }) => {
      await withApp(setExit, (app) => digestSendCommand(context(app.deps), options));
    });
  digest
    .command('show <login>')
    .description('显示某账号的每日待办提醒（邮件正文）')
    .option('--date <date>', '提醒日期 YYYY-MM-DD（默认今天）')
    .action(async (login: string, options: { date?: string }) => {
      await withApp(setExit, (app) => digestShowCommand(context(app.deps), login, options));
    });
}

/** `gongkai user email LOGIN ADDRESS` / `--clear`: sets or clears where a user's digest goes. */
export async function userEmailCommand(
  ctx: Pick<DigestCommandContext, 'deps' | 'write'>,
  login: string,
  address: string | undefined,
  options: { clear?: boolean },
): Promise<void> {
  if (!options.clear && !address) {
    throw new DomainError('validation.invalid', '请给出邮箱地址，或用 --clear 清除', 'email');
  }
  const user = await digestRepository(ctx.deps.db.db).findRecipientByLogin(login);
  if (!user) throw new DomainError('user.not_found', `未找到账号“${login}”`);
  const email = await setDigestEmail(ctx.deps, user.id, options.clear ? '' : address, { system: 'cli' });
  ctx.write(email ? `已设置 ${login} 的提醒邮箱：${email}\n` : `已清除 ${login} 的提醒邮箱\n`);
}
