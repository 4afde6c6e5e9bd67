/** Every query about the audit trail. */
import type { Kysely } from 'kysely';
import type { AuditAction, AuditEvent, AuditSubject } from '../../domain/accounts/audit.ts';
import type { Database } from '../schema.ts';

export interface AuditRecord extends Required<AuditEvent> {
  id: number;
  createdAt: string;
}

export function auditEventsRepository(db: Kysely<Database>) {
  return {
    async insert(e: AuditEvent, now: string): Promise<void> {
      await db
        .insertInto('audit_events')
        .values({
          actor_id: e.actorId,
          actor: e.actor,
          action: e.action,
          subject: e.subject,
          agency_id: e.agencyId ?? null,
          detail: JSON.stringify(e.detail ?? {}),
          created_at: now,
        })
        .execute();
    },

    /** How many events of an action a subject has had after an instant. */
    async countSince(subject: AuditSubject, action: AuditAction, since: string): Promise<number> {
      const row = await db
        .selectFrom('audit_events')
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .where('subject', '=', subject)
        .where('action', '=', action)
        .where('created_at', '>', since)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    /** The latest instant of an action on a subject, or null. */
    async lastAt(subject: AuditSubject, action: AuditAction): Promise<string | null> {
      const row = await db
        .selectFrom('audit_events')
        .select((eb) => eb.fn.max('created_at').as('at'))
        .where('subject', '=', subject)
        .where('action', '=', action)
        .executeTakeFirst();
      return row?.at ?? null;
    },

    /** A subject's events, newest first. */
    async listForSubject(subject: AuditSubject, limit = 100): Promise<AuditRecord[]> {
      const rows = await db
        .selectFrom('audit_events')
        .selectAll()
        .where('subject', '=', subject)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map((r) => ({
        id: r.id,
        actorId: r.actor_id,
        actor: r.actor,
        action: r.action as AuditAction,
        subject: r.subject as AuditSubject,
        agencyId: r.agency_id,
        detail: JSON.parse(r.detail) as Record<string, unknown>,
        createdAt: r.created_at,
      }));
    },
  };
}
