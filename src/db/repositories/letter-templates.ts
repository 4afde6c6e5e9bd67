/** Every query about agencies' reply-letter templates (one per agency and outcome). */
import type { Kysely } from 'kysely';
import type { Outcome } from '../../domain/applications/model.ts';
import type { Database } from '../schema.ts';

export interface LetterTemplateRecord {
  id: number;
  agencyId: number;
  outcome: Outcome;
  title: string;
  body: string;
  updatedBy: string;
  updatedAt: string;
}

type Row = {
  id: number;
  agency_id: number;
  outcome: string;
  title: string;
  body: string;
  updated_by: string;
  updated_at: string;
};
const toRecord = (r: Row): LetterTemplateRecord => ({
  id: r.id,
  agencyId: r.agency_id,
  outcome: r.outcome as Outcome,
  title: r.title,
  body: r.body,
  updatedBy: r.updated_by,
  updatedAt: r.updated_at,
});

export function letterTemplatesRepository(db: Kysely<Database>) {
  return {
    /** The agency's template for an outcome, or null when it uses the default. */
    async find(agencyId: number, outcome: Outcome): Promise<LetterTemplateRecord | null> {
      const row = await db
        .selectFrom('letter_templates')
        .selectAll()
        .where('agency_id', '=', agencyId)
        .where('outcome', '=', outcome)
        .executeTakeFirst();
      return row ? toRecord(row) : null;
    },

    async listForAgency(agencyId: number): Promise<LetterTemplateRecord[]> {
      const rows = await db
        .selectFrom('letter_templates')
        .selectAll()
        .where('agency_id', '=', agencyId)
        .orderBy('outcome')
        .execute();
      return rows.map(toRecord);
    },

    /** Inserts or replaces the agency's template for the outcome (unique agency + outcome). */
    async save(t: Omit<LetterTemplateRecord, 'id'>): Promise<LetterTemplateRecord> {
      const values = {
        agency_id: t.agencyId,
        outcome: t.outcome,
        title: t.title,
        body: t.body,
        updated_by: t.updatedBy,
        updated_at: t.updatedAt,
      };
      const row = await db
        .insertInto('letter_templates')
        .values(values)
        .onConflict((oc) =>
          oc.columns(['agency_id', 'outcome']).doUpdateSet({
            title: t.title,
            body: t.body,
            updated_by: t.updatedBy,
            updated_at: t.updatedAt,
          }),
        )
        .returningAll()
        .executeTakeFirstOrThrow();
      return toRecord(row);
    },

    /** Drops the agency's template so the default applies again; true when one existed. */
    async remove(agencyId: number, outcome: Outcome): Promise<boolean> {
      const result = await db
        .deleteFrom('letter_templates')
        .where('agency_id', '=', agencyId)
        .where('outcome', '=', outcome)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}
