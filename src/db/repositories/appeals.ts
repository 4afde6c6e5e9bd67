/** Reconsiderations and lawsuits about disclosure (table 4), linked to their application. */
import type { Kysely } from 'kysely';
import type { Table4Column, Table4Group } from '../../domain/report/formats/index.ts';
import type { Database } from '../schema.ts';

export interface NewAppeal {
  agencyId: number;
  applicationId: number | null;
  kind: Table4Group;
  caseNumber: string | null;
  filedOn: string;
  result: Exclude<Table4Column, 'total'>;
  decidedOn: string | null;
  note: string | null;
}

export function appealsRepository(db: Kysely<Database>) {
  return {
    async insert(a: NewAppeal, now: string): Promise<number> {
      const row = await db
        .insertInto('appeals')
        .values({
          agency_id: a.agencyId,
          application_id: a.applicationId,
          kind: a.kind,
          case_number: a.caseNumber,
          filed_on: a.filedOn,
          result: a.result,
          decided_on: a.decidedOn,
          note: a.note,
          created_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    async findById(id: number): Promise<{ id: number; filedOn: string; result: string } | null> {
      const row = await db
        .selectFrom('appeals')
        .select(['id', 'filed_on', 'result'])
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? { id: row.id, filedOn: row.filed_on, result: row.result } : null;
    },

    async decide(
      id: number,
      result: Exclude<Table4Column, 'total' | 'pending'>,
      decidedOn: string,
    ): Promise<void> {
      await db
        .updateTable('appeals')
        .set({ result, decided_on: decidedOn })
        .where('id', '=', id)
        .where('result', '=', 'pending')
        .execute();
    },
  };
}
