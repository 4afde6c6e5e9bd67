/**
 * Every query about applications and their events. A change of state and its event are
 * written in one transaction (STYLE §4); nothing changes a case without an event.
 */
import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { FeePolicy } from '../../domain/applications/fees.ts';
import type { ApplicantType, Channel, Outcome } from '../../domain/applications/model.ts';
import type { Action, State } from '../../domain/applications/workflow.ts';
import type { ApplicationTable, Database } from '../schema.ts';

export interface ApplicationRecord {
  id: number;
  agencyId: number;
  trackingNumber: string;
  checkCode: string;
  channel: Channel;
  applicantType: ApplicantType;
  applicantName: string;
  idDocumentType: string | null;
  idDocumentNumber: string | null;
  organisationCode: string | null;
  contactPerson: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  postcode: string | null;
  description: string;
  purpose: string | null;
  deliveryForm: string;
  deliveryWay: string;
  submittedOn: string;
  receivedOn: string;
  state: State;
  dueOn: string | null;
  dueIsProvisional: boolean;
  extensionDays: number;
  outcome: Outcome | null;
  closedOn: string | null;
  createdAt: string;
  updatedAt: string;
}

export type NewApplication = Omit<
  ApplicationRecord,
  'id' | 'dueIsProvisional' | 'extensionDays' | 'outcome' | 'closedOn'
> & {
  dueIsProvisional?: boolean;
};

/** An event of the case history (the audit trail). `data` holds the action's own facts. */
export interface ApplicationEvent {
  id: number;
  applicationId: number;
  type: Action | 'register';
  fromState: State | null;
  toState: State;
  effectiveOn: string;
  actor: string;
  reason: string | null;
  data: Record<string, unknown>;
  createdAt: string;
}

type AppRow = Selectable<ApplicationTable>;

function toRecord(r: AppRow): ApplicationRecord {
  return {
    id: r.id,
    agencyId: r.agency_id,
    trackingNumber: r.tracking_number,
    checkCode: r.check_code,
    channel: r.channel as Channel,
    applicantType: r.applicant_type as ApplicantType,
    applicantName: r.applicant_name,
    idDocumentType: r.id_document_type,
    idDocumentNumber: r.id_document_number,
    organisationCode: r.organisation_code,
    contactPerson: r.contact_person,
    phone: r.phone,
    email: r.email,
    address: r.address,
    postcode: r.postcode,
    description: r.description,
    purpose: r.purpose,
    deliveryForm: r.delivery_form,
    deliveryWay: r.delivery_way,
    submittedOn: r.submitted_on,
    receivedOn: r.received_on,
    state: r.state as State,
    dueOn: r.due_on,
    dueIsProvisional: Number(r.due_is_provisional) === 1,
    extensionDays: Number(r.extension_days),
    outcome: r.outcome as Outcome | null,
    closedOn: r.closed_on,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export interface StateChange {
  state: State;
  dueOn?: string | null;
  dueIsProvisional?: boolean;
  extensionDays?: number;
  outcome?: Outcome | null;
  closedOn?: string | null;
}

export function applicationsRepository(db: Kysely<Database> | Transaction<Database>) {
  return {
    async insert(
      a: NewApplication,
      event: Omit<ApplicationEvent, 'id' | 'applicationId'>,
    ): Promise<ApplicationRecord> {
      const row = await db
        .insertInto('applications')
        .values({
          agency_id: a.agencyId,
          tracking_number: a.trackingNumber,
          check_code: a.checkCode,
          channel: a.channel,
          applicant_type: a.applicantType,
          applicant_name: a.applicantName,
          id_document_type: a.idDocumentType,
          id_document_number: a.idDocumentNumber,
          organisation_code: a.organisationCode,
          contact_person: a.contactPerson,
          phone: a.phone,
          email: a.email,
          address: a.address,
          postcode: a.postcode,
          description: a.description,
          purpose: a.purpose,
          delivery_form: a.deliveryForm,
          delivery_way: a.deliveryWay,
          submitted_on: a.submittedOn,
          received_on: a.receivedOn,
          state: a.state,
          due_on: a.dueOn,
          due_is_provisional: a.dueIsProvisional ? 1 : 0,
          created_at: a.createdAt,
          updated_at: a.updatedAt,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      const record = toRecord(row);
      await insertEvent(db, record.id, event);
      return record;
    },

    async findById(id: number): Promise<ApplicationRecord | null> {
      const row = await db.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toRecord(row) : null;
    },

    async findByTrackingNumber(trackingNumber: string): Promise<ApplicationRecord | null> {
      const row = await db
        .selectFrom('applications')
        .selectAll()
        .where('tracking_number', '=', trackingNumber)
        .executeTakeFirst();
      return row ? toRecord(row) : null;
    },

    /** Writes the new state only if the case is still in `expected` (optimistic check). */
    async changeState(
      id: number,
      expected: State,
      change: StateChange,
      event: Omit<ApplicationEvent, 'id' | 'applicationId'>,
    ): Promise<boolean> {
      const result = await db
        .updateTable('applications')
        .set({
          state: change.state,
          ...(change.dueOn !== undefined ? { due_on: change.dueOn } : {}),
          ...(change.dueIsProvisional !== undefined
            ? { due_is_provisional: change.dueIsProvisional ? 1 : 0 }
            : {}),
          ...(change.extensionDays !== undefined ? { extension_days: change.extensionDays } : {}),
          ...(change.outcome !== undefined ? { outcome: change.outcome } : {}),
          ...(change.closedOn !== undefined ? { closed_on: change.closedOn } : {}),
          updated_at: event.createdAt,
        })
        .where('id', '=', id)
        .where('state', '=', expected)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) return false;
      await insertEvent(db, id, event);
      return true;
    },

    async events(applicationId: number): Promise<ApplicationEvent[]> {
      const rows = await db
        .selectFrom('application_events')
        .selectAll()
        .where('application_id', '=', applicationId)
        .orderBy('id')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        applicationId: r.application_id,
        type: r.type as ApplicationEvent['type'],
        fromState: r.from_state as State | null,
        toState: r.to_state as State,
        effectiveOn: r.effective_on,
        actor: r.actor,
        reason: r.reason,
        data: JSON.parse(r.data) as Record<string, unknown>,
        createdAt: r.created_at,
      }));
    },

    /**
     * Fee counting (国办函〔2020〕109号 art. 4, fees.md): how many applications the same applicant
     * made earlier in the calendar month of `app`, and how many extra items their fee notices
     * split them into (一事一申请). The applicant is matched on the identity proof of art. 29(一)
     * — ID number for a person, credit code for an organisation — not on the name; null when
     * the case has none. "Earlier" is by counting date, then by registration order.
     */
    async earlierInMonth(
      app: ApplicationRecord,
      policy: FeePolicy,
    ): Promise<{ countedOn: string; applications: number; extraItems: number } | null> {
      const isPerson = app.applicantType === 'natural_person';
      const identity = isPerson ? app.idDocumentNumber : app.organisationCode;
      if (!identity) return null;
      const column = policy.countingDate;
      const countedOn = column === 'received_on' ? app.receivedOn : app.submittedOn;
      const month = countedOn.slice(0, 7);
      const earlier = db
        .selectFrom('applications')
        .select('id')
        .where(
          sql<string>`upper(${sql.ref(isPerson ? 'id_document_number' : 'organisation_code')})`,
          '=',
          identity.toUpperCase(),
        )
        .where('applicant_type', isPerson ? '=' : '<>', 'natural_person')
        .where(column, '>=', `${month}-01`)
        .where(column, '<=', `${month}-31`)
        .where((eb) =>
          eb.or([eb(column, '<', countedOn), eb.and([eb(column, '=', countedOn), eb('id', '<', app.id)])]),
        )
        .$if(policy.applicantScope === 'agency', (q) => q.where('agency_id', '=', app.agencyId));
      const counted = await db
        .selectFrom(earlier.as('earlier'))
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      // Only fee notices record a split; there are few of them, so their data is read here.
      const notices = await db
        .selectFrom('application_events')
        .select(['application_id', 'data'])
        .where('type', '=', 'issue_fee_notice')
        .where('application_id', 'in', earlier)
        .orderBy('id')
        .execute();
      const itemsByApplication = new Map<number, number>();
      for (const n of notices) {
        const data = JSON.parse(n.data) as { calculation?: { items?: unknown } };
        const items = Number(data.calculation?.items ?? 1);
        itemsByApplication.set(n.application_id, Number.isInteger(items) && items > 1 ? items : 1);
      }
      let extraItems = 0;
      for (const items of itemsByApplication.values()) extraItems += items - 1;
      return { countedOn, applications: Number(counted.n), extraItems };
    },

    /** Open cases of some agencies whose due date is on or before `until` (dashboard, reminders). */
    async dueBy(agencyIds: readonly number[], until: string): Promise<ApplicationRecord[]> {
      if (agencyIds.length === 0) return [];
      const rows = await db
        .selectFrom('applications')
        .selectAll()
        .where('agency_id', 'in', agencyIds)
        .where('closed_on', 'is', null)
        .where('due_on', '<=', until)
        .orderBy('due_on')
        .execute();
      return rows.map((r) => toRecord(r));
    },
  };
}

async function insertEvent(
  db: Kysely<Database> | Transaction<Database>,
  applicationId: number,
  e: Omit<ApplicationEvent, 'id' | 'applicationId'>,
): Promise<void> {
  await db
    .insertInto('application_events')
    .values({
      application_id: applicationId,
      type: e.type,
      from_state: e.fromState,
      to_state: e.toState,
      effective_on: e.effectiveOn,
      actor: e.actor,
      reason: e.reason,
      data: JSON.stringify(e.data),
      created_at: e.createdAt,
    })
    .execute();
}
