/**
 * The back office's list of cases: the agencies a user covers, filtered by stage, channel,
 * year of receipt, deadline status (derived from the stored due date and today, never stored —
 * STYLE §3) and a search on the tracking number or the applicant's name, a page at a time.
 * Names leave this module masked (ARCHITECTURE "Security at the edges": masked in lists).
 */
import { sql } from 'kysely';
import { DUE_SOON_WORKING_DAYS } from '../../domain/applications/deadline.ts';
import { CHANNELS, type Channel } from '../../domain/applications/model.ts';
import { CLOSED_STATES, PAUSED_STATES, STATES, type State } from '../../domain/applications/workflow.ts';
import { addWorkingDays, type IsoDate, signedWorkingDays } from '../../domain/calendar/index.ts';
import { parseRecordId } from '../../domain/record-id.ts';
import { maskName } from '../dashboard/work-overview.ts';
import type { Deps } from '../deps.ts';

/** The deadline filters of the list: derived statuses, plus open/closed. */
export const DUE_FILTERS = ['open', 'overdue', 'due_soon', 'paused', 'closed'] as const;
export type DueFilter = (typeof DUE_FILTERS)[number];
export const DUE_FILTER_LABELS: Record<DueFilter, string> = {
  open: '办理中（全部未办结）',
  overdue: '已逾期',
  due_soon: `${DUE_SOON_WORKING_DAYS}个工作日内到期`,
  paused: '计时中止',
  closed: '已办结',
};

export const PAGE_SIZE = 20;

export interface ApplicationFilters {
  state?: State;
  channel?: Channel;
  year?: number;
  due?: DueFilter;
  agencyId?: number;
  /** A tracking number (or part of one) or the applicant's name (or part of it). */
  q?: string;
  page?: number;
}

export interface ApplicationListLine {
  id: number;
  trackingNumber: string;
  applicant: string;
  agencyName: string;
  channel: Channel;
  receivedOn: string;
  dueOn: string | null;
  state: State;
  /** Working days left (0 on the due date), negative when overdue, null without a due date. */
  workingDaysLeft: number | null;
}

export interface ApplicationList {
  lines: ApplicationListLine[];
  total: number;
  page: number;
  pages: number;
}

/** Reads filters from a query string, dropping anything that is not one of the closed lists. */
export function parseFilters(query: Record<string, unknown>): ApplicationFilters {
  const str = (k: string) => (typeof query[k] === 'string' ? (query[k] as string).trim() : '');
  const f: ApplicationFilters = {};
  const state = str('state');
  if ((STATES as readonly string[]).includes(state)) f.state = state as State;
  const channel = str('channel');
  if ((CHANNELS as readonly string[]).includes(channel)) f.channel = channel as Channel;
  const due = str('due');
  if ((DUE_FILTERS as readonly string[]).includes(due)) f.due = due as DueFilter;
  if (/^\d{4}$/.test(str('year'))) f.year = Number(str('year'));
  const agencyId = parseRecordId(str('agency'));
  if (agencyId !== null) f.agencyId = agencyId;
  if (str('q')) f.q = str('q').slice(0, 100);
  const page = Number(str('page'));
  if (Number.isInteger(page) && page > 1) f.page = Math.min(page, 100_000);
  return f;
}

const likeEscaped = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** One page of the cases of `agencyIds` matching the filters, newest receipt first. */
export async function listApplications(
  deps: Deps,
  agencyIds: readonly number[],
  filters: ApplicationFilters,
): Promise<ApplicationList> {
  const page = filters.page ?? 1;
  const scope =
    filters.agencyId !== undefined ? agencyIds.filter((id) => id === filters.agencyId) : agencyIds;
  if (scope.length === 0) return { lines: [], total: 0, page: 1, pages: 1 };
  const today = deps.clock.today();
  const soon = addWorkingDays(today, DUE_SOON_WORKING_DAYS, deps.calendar);
  const soonLimit = soon.isProvisional ? soon.provisionalValue : soon.value;

  const base = deps.db.db
    .selectFrom('applications')
    .innerJoin('agencies', 'agencies.id', 'applications.agency_id')
    .where('applications.agency_id', 'in', [...scope])
    .$if(filters.state !== undefined, (q) => q.where('applications.state', '=', filters.state!))
    .$if(filters.channel !== undefined, (q) => q.where('applications.channel', '=', filters.channel!))
    .$if(filters.year !== undefined, (q) =>
      q
        .where('applications.received_on', '>=', `${filters.year}-01-01`)
        .where('applications.received_on', '<=', `${filters.year}-12-31`),
    )
    .$if(filters.q !== undefined, (q) => {
      const pattern = `%${likeEscaped(filters.q!)}%`;
      return q.where((eb) =>
        eb.or([
          eb(sql`upper(applications.tracking_number)`, 'like', sql`upper(${pattern}) escape '\\'`),
          eb(sql`applications.applicant_name`, 'like', sql`${pattern} escape '\\'`),
        ]),
      );
    })
    .$if(filters.due === 'open', (q) => q.where('applications.closed_on', 'is', null))
    .$if(filters.due === 'closed', (q) => q.where('applications.state', 'in', [...CLOSED_STATES]))
    .$if(filters.due === 'paused', (q) => q.where('applications.state', 'in', [...PAUSED_STATES]))
    .$if(filters.due === 'overdue', (q) =>
      q
        .where('applications.closed_on', 'is', null)
        .where('applications.state', 'not in', [...PAUSED_STATES])
        .where('applications.due_on', '<', today),
    )
    .$if(filters.due === 'due_soon', (q) =>
      q
        .where('applications.closed_on', 'is', null)
        .where('applications.state', 'not in', [...PAUSED_STATES])
        .where('applications.due_on', '>=', today)
        .where('applications.due_on', '<=', soonLimit),
    );

  const counted = await base
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirstOrThrow();
  const total = Number(counted.n);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const current = Math.min(page, pages);
  const rows = await base
    .select([
      'applications.id',
      'applications.tracking_number',
      'applications.applicant_name',
      'agencies.name as agency_name',
      'applications.channel',
      'applications.received_on',
      'applications.due_on',
      'applications.state',
      'applications.closed_on',
    ])
    .orderBy('applications.received_on', 'desc')
    .orderBy('applications.id', 'desc')
    .limit(PAGE_SIZE)
    .offset((current - 1) * PAGE_SIZE)
    .execute();

  const lines = rows.map((r): ApplicationListLine => {
    const left =
      r.due_on && !r.closed_on ? signedWorkingDays(today, r.due_on as IsoDate, deps.calendar) : null;
    return {
      id: r.id,
      trackingNumber: r.tracking_number,
      applicant: maskName(r.applicant_name),
      agencyName: r.agency_name,
      channel: r.channel as Channel,
      receivedOn: r.received_on,
      dueOn: r.due_on,
      state: r.state as State,
      workingDaysLeft: left,
    };
  });
  return { lines, total, page: current, pages };
}
