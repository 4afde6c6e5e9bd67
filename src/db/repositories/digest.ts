/**
 * Every query of the morning digest: what falls due in a set of agencies, the recipients and
 * their e-mail addresses, and the send log that makes each digest go out at most once.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

export interface DueCaseRow {
  id: number;
  trackingNumber: string;
  applicantName: string;
  agencyName: string;
  state: string;
  dueOn: string | null;
}

export interface PauseEventRow {
  applicationId: number;
  type: string;
  effectiveOn: string;
  /** The event's JSON data, parsed. */
  data: Record<string, unknown>;
}

export interface DraftItemRow {
  id: number;
  indexNumber: string;
  title: string;
  agencyName: string;
  madeOn: string;
  changedOn: string | null;
}

export interface DigestRecipient {
  id: number;
  login: string;
  displayName: string;
  role: string;
  agencyId: number;
  email: string | null;
}

export const DIGEST_STATUSES = ['sending', 'sent', 'failed', 'skipped'] as const;
export type DigestStatus = (typeof DIGEST_STATUSES)[number];

export interface DigestLogEntry {
  id: number;
  userId: number;
  digestDate: string;
  channel: string;
  recipient: string | null;
  status: DigestStatus;
  attempts: number;
  error: string | null;
  sentAt: string | null;
  updatedAt: string;
}

/** A generous bound per list: a digest is a reminder, the 工作台 has the full lists. */
const ROW_LIMIT = 500;

const CASE_COLUMNS = [
  'applications.id',
  'applications.tracking_number',
  'applications.applicant_name',
  'agencies.name as agency_name',
  'applications.state',
  'applications.due_on',
] as const;

type CaseRow = {
  id: number;
  tracking_number: string;
  applicant_name: string;
  agency_name: string;
  state: string;
  due_on: string | null;
};
const toCase = (r: CaseRow): DueCaseRow => ({
  id: r.id,
  trackingNumber: r.tracking_number,
  applicantName: r.applicant_name,
  agencyName: r.agency_name,
  state: r.state,
  dueOn: r.due_on,
});

type RecipientRow = {
  id: number;
  login: string;
  display_name: string;
  role: string;
  agency_id: number;
  email: string | null;
};
const toRecipient = (r: RecipientRow): DigestRecipient => ({
  id: r.id,
  login: r.login,
  displayName: r.display_name,
  role: r.role,
  agencyId: r.agency_id,
  email: r.email,
});

const LOG_COLUMNS = [
  'id',
  'user_id',
  'digest_date',
  'channel',
  'recipient',
  'status',
  'attempts',
  'error',
  'sent_at',
  'updated_at',
] as const;
type LogRow = {
  id: number;
  user_id: number;
  digest_date: string;
  channel: string;
  recipient: string | null;
  status: string;
  attempts: number;
  error: string | null;
  sent_at: string | null;
  updated_at: string;
};
const toLog = (r: LogRow): DigestLogEntry => ({
  id: r.id,
  userId: r.user_id,
  digestDate: r.digest_date,
  channel: r.channel,
  recipient: r.recipient,
  status: r.status as DigestStatus,
  attempts: Number(r.attempts),
  error: r.error,
  sentAt: r.sent_at,
  updatedAt: r.updated_at,
});

export function digestRepository(db: Kysely<Database>) {
  const recipientsWhere = async (column: 'id' | 'login', value: number | string) => {
    const rows = await db
      .selectFrom('users')
      .where(column, '=', value)
      .select(['id', 'login', 'display_name', 'role', 'agency_id', 'email'])
      .execute();
    return rows.map(toRecipient);
  };
  return {
    /** Open cases of the agencies whose stored due date is on or before `until`, not in the given states. */
    async casesDueBy(agencyIds: readonly number[], until: string, except: readonly string[]) {
      if (agencyIds.length === 0) return [];
      let q = db
        .selectFrom('applications')
        .innerJoin('agencies', 'agencies.id', 'applications.agency_id')
        .where('applications.agency_id', 'in', [...agencyIds])
        .where('applications.closed_on', 'is', null)
        .where('applications.due_on', 'is not', null)
        .where('applications.due_on', '<=', until);
      if (except.length > 0) q = q.where('applications.state', 'not in', [...except]);
      const rows = await q
        .select(CASE_COLUMNS)
        .orderBy('applications.due_on')
        .orderBy('applications.id')
        .limit(ROW_LIMIT)
        .execute();
      return rows.map(toCase);
    },

    /** Open cases of the agencies in one of the states, by due date. */
    async casesInStates(agencyIds: readonly number[], states: readonly string[]): Promise<DueCaseRow[]> {
      if (agencyIds.length === 0 || states.length === 0) return [];
      const rows = await db
        .selectFrom('applications')
        .innerJoin('agencies', 'agencies.id', 'applications.agency_id')
        .where('applications.agency_id', 'in', [...agencyIds])
        .where('applications.closed_on', 'is', null)
        .where('applications.state', 'in', [...states])
        .select(CASE_COLUMNS)
        .orderBy('applications.due_on')
        .orderBy('applications.id')
        .limit(ROW_LIMIT)
        .execute();
      return rows.map(toCase);
    },

    /** The events of the given types of some cases, oldest first. */
    async eventsOfTypes(
      applicationIds: readonly number[],
      types: readonly string[],
    ): Promise<PauseEventRow[]> {
      if (applicationIds.length === 0) return [];
      const rows = await db
        .selectFrom('application_events')
        .where('application_id', 'in', [...applicationIds])
        .where('type', 'in', [...types])
        .select(['application_id', 'type', 'effective_on', 'data'])
        .orderBy('id')
        .execute();
      return rows.map((r) => ({
        applicationId: r.application_id,
        type: r.type,
        effectiveOn: r.effective_on,
        data: JSON.parse(r.data) as Record<string, unknown>,
      }));
    },

    /** Unpublished catalogue items (草稿) of the agencies. */
    async draftItems(agencyIds: readonly number[]): Promise<DraftItemRow[]> {
      if (agencyIds.length === 0) return [];
      const rows = await db
        .selectFrom('catalogue_items')
        .innerJoin('agencies', 'agencies.id', 'catalogue_items.agency_id')
        .where('catalogue_items.agency_id', 'in', [...agencyIds])
        .where('catalogue_items.status', '=', 'draft')
        .select([
          'catalogue_items.id',
          'catalogue_items.index_number',
          'catalogue_items.title',
          'agencies.name as agency_name',
          'catalogue_items.made_on',
          'catalogue_items.changed_on',
        ])
        .orderBy('catalogue_items.made_on')
        .orderBy('catalogue_items.id')
        .limit(ROW_LIMIT)
        .execute();
      return rows.map((r) => ({
        id: r.id,
        indexNumber: r.index_number,
        title: r.title,
        agencyName: r.agency_name,
        madeOn: r.made_on,
        changedOn: r.changed_on,
      }));
    },

    /** Accounts that are not disabled, by login name (optionally only the given ids). */
    async activeRecipients(onlyIds?: readonly number[]): Promise<DigestRecipient[]> {
      if (onlyIds && onlyIds.length === 0) return [];
      let q = db
        .selectFrom('users')
        .where('disabled', '=', 0)
        .select(['id', 'login', 'display_name', 'role', 'agency_id', 'email']);
      if (onlyIds) q = q.where('id', 'in', [...onlyIds]);
      const rows = await q.orderBy('login').execute();
      return rows.map(toRecipient);
    },

    async findRecipient(id: number): Promise<DigestRecipient | null> {
      return (await recipientsWhere('id', id))[0] ?? null;
    },

    async findRecipientByLogin(login: string): Promise<DigestRecipient | null> {
      return (await recipientsWhere('login', login))[0] ?? null;
    },

    async setEmail(userId: number, email: string | null, now: string): Promise<void> {
      await db.updateTable('users').set({ email, updated_at: now }).where('id', '=', userId).execute();
    },

    async findLog(userId: number, date: string, channel: string): Promise<DigestLogEntry | null> {
      const row = await db
        .selectFrom('digest_log')
        .select(LOG_COLUMNS)
        .where('user_id', '=', userId)
        .where('digest_date', '=', date)
        .where('channel', '=', channel)
        .executeTakeFirst();
      return row ? toLog(row) : null;
    },

    /**
     * Claims the digest of a user, date and channel by inserting its row first (the unique key
     * decides between processes). Returns the row's id, or null when another row exists.
     */
    async insertClaim(
      userId: number,
      date: string,
      channel: string,
      recipient: string,
      now: string,
    ): Promise<number | null> {
      const row = await db
        .insertInto('digest_log')
        .values({
          user_id: userId,
          digest_date: date,
          channel,
          recipient,
          status: 'sending',
          attempts: 1,
          error: null,
          sent_at: null,
          created_at: now,
          updated_at: now,
        })
        .onConflict((oc) => oc.columns(['user_id', 'digest_date', 'channel']).doNothing())
        .returning('id')
        .executeTakeFirst();
      return row?.id ?? null;
    },

    /**
     * Claims an existing row again (a failed send, or one left `sending` by a process that
     * stopped), only if nobody changed it since it was read. True when this caller won.
     */
    async reclaim(entry: DigestLogEntry, recipient: string, now: string): Promise<boolean> {
      const result = await db
        .updateTable('digest_log')
        .set({ status: 'sending', attempts: entry.attempts + 1, recipient, updated_at: now })
        .where('id', '=', entry.id)
        .where('status', '=', entry.status)
        .where('updated_at', '=', entry.updatedAt)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async finish(id: number, status: DigestStatus, error: string | null, now: string): Promise<void> {
      await db
        .updateTable('digest_log')
        .set({ status, error, updated_at: now, ...(status === 'sent' ? { sent_at: now } : {}) })
        .where('id', '=', id)
        .execute();
    },

    /** Users whose digest of the date failed or was left half-sent before `staleBefore`. */
    async retryableUserIds(date: string, channel: string, staleBefore: string): Promise<number[]> {
      const rows = await db
        .selectFrom('digest_log')
        .where('digest_date', '=', date)
        .where('channel', '=', channel)
        .where((eb) =>
          eb.or([
            eb('status', '=', 'failed'),
            eb.and([eb('status', '=', 'sending'), eb('updated_at', '<', staleBefore)]),
          ]),
        )
        .select('user_id')
        .execute();
      return rows.map((r) => r.user_id);
    },

    /** A user's latest digests, newest first. */
    async recentLog(userId: number, limit = 10): Promise<DigestLogEntry[]> {
      const rows = await db
        .selectFrom('digest_log')
        .select(LOG_COLUMNS)
        .where('user_id', '=', userId)
        .orderBy('digest_date', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map(toLog);
    },

    /** Claims the day's scheduled run; false when it was already claimed (here or elsewhere). */
    async claimRun(date: string, now: string): Promise<boolean> {
      const row = await db
        .insertInto('digest_runs')
        .values({ run_date: date, started_at: now, finished_at: null })
        .onConflict((oc) => oc.column('run_date').doNothing())
        .returning('run_date')
        .executeTakeFirst();
      return row !== undefined;
    },

    async finishRun(date: string, now: string, sent: number, failed: number): Promise<void> {
      await db
        .updateTable('digest_runs')
        .set({ finished_at: now, sent, failed })
        .where('run_date', '=', date)
        .execute();
    },
  };
}
