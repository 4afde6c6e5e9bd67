/**
 * One run of the morning digest: every active user with an e-mail address and something due
 * gets that day's digest, at most once. Each digest is claimed in digest_log before it is
 * sent (insert-first on the unique key user × date × channel), so several server processes,
 * restarts and `gongkai digest send` never send it twice; a failed send is logged with the
 * server's answer and claimed again by the next run. Nothing is sent on a day that is not a
 * working day (nothing falls due then), nor to a user with nothing due.
 */
import type { MailConfig } from '../../config.ts';
import { type DigestLogEntry, type DigestRecipient, digestRepository } from '../../db/repositories/digest.ts';
import type { IsoDate } from '../../domain/calendar/index.ts';
import { isWorkingDay } from '../../domain/calendar/index.ts';
import { DomainError } from '../../domain/errors.ts';
import { digestHtml, digestSubject, digestText } from '../../mail/digest-message.tsx';
import { type Mailer, mailErrorText } from '../../mail/mailer.ts';
import type { Deps } from '../deps.ts';
import { buildDigest, isEmptyDigest } from './build-digest.ts';

export const DIGEST_CHANNEL = 'email';
/** A row left `sending` this long is taken to belong to a process that stopped mid-send. */
export const STALE_CLAIM_MINUTES = 10;

export interface DigestDelivery {
  /** null: mail is not configured (only a dry run is possible). */
  mailer: Mailer | null;
  mail: MailConfig | null;
  /** The site's public address, for links. */
  baseUrl: string;
}

export interface SendOptions {
  /** The digest date; today by the clock when absent. */
  date?: IsoDate;
  /** Compute and report, send and log nothing. */
  dryRun?: boolean;
  /** Only the users whose digest of the date failed (or was left half-sent). */
  retryOnly?: boolean;
}

export type DigestOutcomeStatus =
  | 'sent'
  | 'failed'
  | 'would_send'
  | 'already_sent'
  | 'in_progress'
  | 'no_address'
  | 'nothing_due';

export interface DigestOutcome {
  login: string;
  to: string | null;
  subject: string;
  status: DigestOutcomeStatus;
  error: string | null;
}

export interface SendSummary {
  date: IsoDate;
  isWorkingDay: boolean;
  outcomes: DigestOutcome[];
  sent: number;
  failed: number;
}

export async function sendDigests(
  deps: Deps,
  delivery: DigestDelivery,
  options: SendOptions = {},
): Promise<SendSummary> {
  const date = options.date ?? deps.clock.today();
  const summary: SendSummary = {
    date,
    isWorkingDay: isWorkingDay(date, deps.calendar),
    outcomes: [],
    sent: 0,
    failed: 0,
  };
  if (!summary.isWorkingDay) return summary;
  const mailer = delivery.mailer;
  if (!options.dryRun && !mailer) {
    throw new DomainError('mail.not_configured', '未配置邮件服务器：请设置环境变量 SMTP_URL 和 MAIL_FROM');
  }
  const repo = digestRepository(deps.db.db);
  const now = () => deps.clock.now().toISOString();
  const staleBefore = () => new Date(deps.clock.now().getTime() - STALE_CLAIM_MINUTES * 60_000).toISOString();
  const recipients = options.retryOnly
    ? await repo.activeRecipients(await repo.retryableUserIds(date, DIGEST_CHANNEL, staleBefore()))
    : await repo.activeRecipients();

  for (const recipient of recipients) {
    const digest = await buildDigest(deps, recipient, date);
    const subject = digestSubject(digest);
    const outcome = (status: DigestOutcomeStatus, error: string | null = null) => {
      summary.outcomes.push({ login: recipient.login, to: recipient.email, subject, status, error });
      if (status === 'sent') summary.sent += 1;
      if (status === 'failed') summary.failed += 1;
    };
    const address = recipient.email;
    if (isEmptyDigest(digest) || !address) {
      // A failed digest with nothing left to say is closed, so retries stop.
      if (!options.dryRun) await closeStale(repo, recipient, date, now(), staleBefore());
      outcome(isEmptyDigest(digest) ? 'nothing_due' : 'no_address');
      continue;
    }
    if (options.dryRun) {
      const logged = await repo.findLog(recipient.id, date, DIGEST_CHANNEL);
      outcome(
        logged && (logged.status === 'sent' || logged.status === 'skipped') ? 'already_sent' : 'would_send',
      );
      continue;
    }
    const claim = await claimDigest(repo, recipient.id, date, address, now(), staleBefore());
    if (claim.kind !== 'claimed') {
      outcome(claim.kind);
      continue;
    }
    try {
      await mailer!.send({
        to: address,
        subject,
        text: digestText(digest, delivery.baseUrl),
        html: digestHtml(digest, delivery.baseUrl),
      });
      await repo.finish(claim.id, 'sent', null, now());
      outcome('sent');
    } catch (error) {
      const message = mailErrorText(error, delivery.mail);
      await repo.finish(claim.id, 'failed', message, now());
      outcome('failed', message);
    }
  }
  return summary;
}

type Claim = { kind: 'claimed'; id: number } | { kind: 'already_sent' } | { kind: 'in_progress' };

/** Claims a user's digest: a new row, or a failed / abandoned one taken over. */
async function claimDigest(
  repo: ReturnType<typeof digestRepository>,
  userId: number,
  date: string,
  address: string,
  now: string,
  staleBefore: string,
): Promise<Claim> {
  const id = await repo.insertClaim(userId, date, DIGEST_CHANNEL, address, now);
  if (id !== null) return { kind: 'claimed', id };
  const existing = await repo.findLog(userId, date, DIGEST_CHANNEL);
  if (!existing || !isRetryable(existing, staleBefore)) {
    return existing?.status === 'sending' ? { kind: 'in_progress' } : { kind: 'already_sent' };
  }
  return (await repo.reclaim(existing, address, now))
    ? { kind: 'claimed', id: existing.id }
    : { kind: 'in_progress' };
}

function isRetryable(entry: DigestLogEntry, staleBefore: string): boolean {
  return entry.status === 'failed' || (entry.status === 'sending' && entry.updatedAt < staleBefore);
}

async function closeStale(
  repo: ReturnType<typeof digestRepository>,
  recipient: DigestRecipient,
  date: string,
  now: string,
  staleBefore: string,
): Promise<void> {
  const existing = await repo.findLog(recipient.id, date, DIGEST_CHANNEL);
  if (
    existing &&
    isRetryable(existing, staleBefore) &&
    (await repo.reclaim(existing, existing.recipient ?? '', now))
  ) {
    await repo.finish(existing.id, 'skipped', existing.error, now);
  }
}
