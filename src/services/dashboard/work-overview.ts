/**
 * The clerk's overview (工作台): open cases of the agencies a user covers that are overdue,
 * due within five working days or paused, replies waiting for review, and this year's counts
 * so far. Statuses are derived from stored due dates and today's date, never stored.
 */

import { DUE_SOON_WORKING_DAYS } from '../../domain/applications/deadline.ts';
import { PAUSED_STATES, STATE_LABELS, type State } from '../../domain/applications/workflow.ts';
import { type IsoDate, signedWorkingDays } from '../../domain/calendar/index.ts';
import type { Deps } from '../deps.ts';

export interface CaseLine {
  id: number;
  trackingNumber: string;
  /** Masked: only the first character of the applicant's name. */
  applicant: string;
  agencyName: string;
  receivedOn: string;
  dueOn: string | null;
  stage: string;
  /** Working days left (0 on the due date); negative when overdue; null when paused. */
  workingDaysLeft: number | null;
}

export interface WorkOverview {
  overdue: CaseLine[];
  dueSoon: CaseLine[];
  paused: CaseLine[];
  awaitingReview: CaseLine[];
  /** The ten most recently received open cases. */
  recent: CaseLine[];
  year: { year: number; received: number; closed: number; open: number };
}

/** 王某某 → 王**: lists show no more of a person's name than needed to tell cases apart. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  return chars.length <= 1 ? '*' : `${chars[0]}${'*'.repeat(Math.min(chars.length - 1, 3))}`;
}

export async function workOverview(deps: Deps, agencyIds: readonly number[]): Promise<WorkOverview> {
  const today = deps.clock.today();
  const year = Number(today.slice(0, 4));
  const empty: WorkOverview = {
    overdue: [],
    dueSoon: [],
    paused: [],
    awaitingReview: [],
    recent: [],
    year: { year, received: 0, closed: 0, open: 0 },
  };
  if (agencyIds.length === 0) return empty;
  const ids = [...agencyIds];
  const rows = await deps.db.db
    .selectFrom('applications')
    .innerJoin('agencies', 'agencies.id', 'applications.agency_id')
    .where('applications.agency_id', 'in', ids)
    .where('applications.closed_on', 'is', null)
    .select([
      'applications.id',
      'applications.tracking_number',
      'applications.applicant_name',
      'agencies.name as agency_name',
      'applications.received_on',
      'applications.due_on',
      'applications.state',
    ])
    .orderBy('applications.due_on')
    .orderBy('applications.id')
    .limit(500)
    .execute();

  const overview = empty;
  const all: CaseLine[] = [];
  for (const r of rows) {
    const state = r.state as State;
    const left = r.due_on ? signedWorkingDays(today, r.due_on as IsoDate, deps.calendar) : null;
    const line: CaseLine = {
      id: r.id,
      trackingNumber: r.tracking_number,
      applicant: maskName(r.applicant_name),
      agencyName: r.agency_name,
      receivedOn: r.received_on,
      dueOn: r.due_on,
      stage: STATE_LABELS[state],
      workingDaysLeft: left,
    };
    all.push(line);
    if (state === 'reply_drafted') overview.awaitingReview.push(line);
    if (PAUSED_STATES.includes(state)) overview.paused.push(line);
    else if (left !== null && left < 0) overview.overdue.push(line);
    else if (left !== null && left <= DUE_SOON_WORKING_DAYS) overview.dueSoon.push(line);
  }

  overview.recent = [...all].sort((a, b) => b.id - a.id).slice(0, 10);

  const count = async (column: 'received_on' | 'closed_on') => {
    const row = await deps.db.db
      .selectFrom('applications')
      .where('agency_id', 'in', ids)
      .where(column, '>=', `${year}-01-01`)
      .where(column, '<=', `${year}-12-31`)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };
  overview.year = {
    year,
    received: await count('received_on'),
    closed: await count('closed_on'),
    open: rows.length,
  };
  return overview;
}
