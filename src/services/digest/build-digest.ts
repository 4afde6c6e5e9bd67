/**
 * The morning digest of one user for one date: what falls due in the agencies the user's role
 * covers, each list only for a role that acts on it.
 * - Cases (clerks and administrators, `applications.edit`): overdue, due today, and due within
 *   the next DIGEST_HORIZON_WORKING_DAYS working days by the holiday calendar (art. 33: the
 *   reply period counts working days); paused cases instead show the window the applicant or
 *   consultee has: the correction period written in the notice (art. 30), the 15 working days
 *   of a consultation (arts. 32, 34), the 20 working days to pay a fee (国办函〔2020〕109号).
 * - Replies awaiting review (`replies.review`).
 * - Catalogue drafts nearing or past the 20 working days of art. 26 (`catalogue.manage`).
 * Personal data is minimised: a tracking number, the applicant's masked name, the stage, the
 * date. Statuses are derived from stored dates and the digest date, never stored.
 */
import { type DigestRecipient, digestRepository } from '../../db/repositories/digest.ts';
import { type Action, isRole, roleAllows } from '../../domain/accounts/roles.ts';
import { PAUSE_RULES, type PauseKind } from '../../domain/applications/deadline-facts.ts';
import { PAUSED_STATES, STATE_LABELS, type State } from '../../domain/applications/workflow.ts';
import {
  addWorkingDays,
  type CalendarResult,
  type IsoDate,
  isWorkingDay,
  signedWorkingDays,
} from '../../domain/calendar/index.ts';
import { publicationDue } from '../../domain/catalogue/publication-deadline.ts';
import { agencyScope } from '../accounts/access.ts';
import { noticePaymentDue } from '../applications/fee-steps.ts';
import { maskName } from '../dashboard/work-overview.ts';
import type { Deps } from '../deps.ts';

/** "Due soon" in the digest: within the next three working days. */
export const DIGEST_HORIZON_WORKING_DAYS = 3;

export interface DigestCaseLine {
  applicationId: number;
  trackingNumber: string;
  /** Masked: the first character of the applicant's name. */
  applicant: string;
  agencyName: string;
  stage: string;
  dueOn: string | null;
  /** Working days from the digest date to the due date; negative when overdue; null without a date. */
  workingDaysLeft: number | null;
}

export const WINDOW_KINDS = [
  'correction',
  'third_party_consultation',
  'agency_consultation',
  'fee_payment',
] as const;
export type WindowKind = (typeof WINDOW_KINDS)[number];
export const WINDOW_LABELS: Record<WindowKind, string> = {
  correction: '补正期限（条例第三十条）',
  third_party_consultation: '征求第三方意见期限（条例第三十二条）',
  agency_consultation: '征求其他机关意见期限（条例第三十四条）',
  fee_payment: '缴费期限（国办函〔2020〕109号）',
};

export interface DigestWindowLine {
  applicationId: number;
  trackingNumber: string;
  applicant: string;
  agencyName: string;
  kind: WindowKind;
  endsOn: string;
  workingDaysLeft: number;
}

export interface DigestDraftLine {
  itemId: number;
  indexNumber: string;
  title: string;
  agencyName: string;
  /** The day the art. 26 count started: formation or the last change. */
  startOn: string;
  dueOn: string;
  workingDaysLeft: number;
}

export interface Digest {
  date: IsoDate;
  /** The last day of "due soon". */
  horizon: IsoDate;
  isWorkingDay: boolean;
  recipient: DigestRecipient;
  overdue: DigestCaseLine[];
  dueToday: DigestCaseLine[];
  dueSoon: DigestCaseLine[];
  awaitingReview: DigestCaseLine[];
  windows: DigestWindowLine[];
  drafts: DigestDraftLine[];
}

/** The lists of a digest that count, in the order the subject and the body give them. */
export const DIGEST_LISTS = [
  'overdue',
  'dueToday',
  'dueSoon',
  'awaitingReview',
  'windows',
  'drafts',
] as const;

export function isEmptyDigest(d: Digest): boolean {
  return DIGEST_LISTS.every((k) => d[k].length === 0);
}

const OPENING_EVENT: Record<string, State> = {
  request_correction: 'correction_requested',
  start_consultation: 'consulting',
  issue_fee_notice: 'awaiting_fee',
};

const value = (r: CalendarResult<number> | CalendarResult<IsoDate>) =>
  r.isProvisional ? r.provisionalValue : r.value;

export async function buildDigest(deps: Deps, recipient: DigestRecipient, date: IsoDate): Promise<Digest> {
  const horizon = value(addWorkingDays(date, DIGEST_HORIZON_WORKING_DAYS, deps.calendar)) as IsoDate;
  const digest: Digest = {
    date,
    horizon,
    isWorkingDay: isWorkingDay(date, deps.calendar),
    recipient,
    overdue: [],
    dueToday: [],
    dueSoon: [],
    awaitingReview: [],
    windows: [],
    drafts: [],
  };
  const role = recipient.role;
  if (!isRole(role)) return digest;
  const may = (a: Action) => roleAllows(role, a);
  const scope = await agencyScope(deps, role, recipient.agencyId);
  const repo = digestRepository(deps.db.db);
  const left = (d: string) => signedWorkingDays(date, d as IsoDate, deps.calendar);
  const caseLine = (r: Awaited<ReturnType<typeof repo.casesInStates>>[number]): DigestCaseLine => ({
    applicationId: r.id,
    trackingNumber: r.trackingNumber,
    applicant: maskName(r.applicantName),
    agencyName: r.agencyName,
    stage: STATE_LABELS[r.state as State] ?? r.state,
    dueOn: r.dueOn,
    workingDaysLeft: r.dueOn ? left(r.dueOn) : null,
  });

  if (may('applications.edit')) {
    for (const r of await repo.casesDueBy(scope, horizon, PAUSED_STATES)) {
      const line = caseLine(r);
      const due = r.dueOn!;
      if (due < date) digest.overdue.push(line);
      else if (due === date) digest.dueToday.push(line);
      else digest.dueSoon.push(line);
    }
    const paused = await repo.casesInStates(scope, PAUSED_STATES);
    const events = await repo.eventsOfTypes(
      paused.map((c) => c.id),
      Object.keys(OPENING_EVENT),
    );
    for (const c of paused) {
      // The event that opened the current pause: the latest of the kind the state names.
      const opening = events
        .filter((e) => e.applicationId === c.id && OPENING_EVENT[e.type] === c.state)
        .at(-1);
      const window = opening ? windowOf(opening, deps) : null;
      if (!window || window.endsOn > horizon) continue;
      digest.windows.push({
        applicationId: c.id,
        trackingNumber: c.trackingNumber,
        applicant: maskName(c.applicantName),
        agencyName: c.agencyName,
        kind: window.kind,
        endsOn: window.endsOn,
        workingDaysLeft: left(window.endsOn),
      });
    }
    digest.windows.sort((a, b) => a.endsOn.localeCompare(b.endsOn) || a.applicationId - b.applicationId);
  }

  if (may('replies.review')) {
    digest.awaitingReview = (await repo.casesInStates(scope, ['reply_drafted'])).map(caseLine);
  }

  if (may('catalogue.manage')) {
    for (const item of await repo.draftItems(scope)) {
      const { startOn, dueOn } = publicationDue(
        { madeOn: item.madeOn as IsoDate, changedOn: (item.changedOn ?? null) as IsoDate | null },
        deps.calendar,
      );
      if (dueOn > horizon) continue;
      digest.drafts.push({
        itemId: item.id,
        indexNumber: item.indexNumber,
        title: item.title,
        agencyName: item.agencyName,
        startOn,
        dueOn,
        workingDaysLeft: left(dueOn),
      });
    }
    digest.drafts.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.itemId - b.itemId);
  }
  return digest;
}

/** When the applicant's or consultee's window of a pause ends; null when the record lacks the date. */
function windowOf(
  e: { type: string; effectiveOn: string; data: Record<string, unknown> },
  deps: Pick<Deps, 'calendar'>,
): { kind: WindowKind; endsOn: IsoDate } | null {
  const date = (v: unknown) => (typeof v === 'string' && v ? (v as IsoDate) : null);
  switch (e.type) {
    case 'request_correction': {
      const due = date(e.data.correctionDueOn);
      return due ? { kind: 'correction', endsOn: due } : null;
    }
    case 'start_consultation': {
      const kind: PauseKind =
        e.data.kind === 'agency_consultation' ? 'agency_consultation' : 'third_party_consultation';
      const received = date(e.data.counterpartReceivedOn);
      if (!received) return null;
      const end = addWorkingDays(received, PAUSE_RULES[kind].windowWorkingDays, deps.calendar);
      return { kind, endsOn: value(end) as IsoDate };
    }
    case 'issue_fee_notice': {
      return { kind: 'fee_payment', endsOn: noticePaymentDue(e, deps.calendar) };
    }
    default:
      return null;
  }
}
