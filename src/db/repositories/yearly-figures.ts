/** Table-2 figures an agency enters for a year (licences, penalties, fees, procurement) with their source. */
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

export interface YearlyFigure {
  agencyId: number;
  year: number;
  /** `row.column` of table 2, e.g. `procurement.amount`. */
  cell: string;
  value: number;
  sourceNote: string;
}

export function yearlyFiguresRepository(db: Kysely<Database>) {
  return {
    /** Inserts or replaces the figures (one per agency, year and cell). */
    async upsert(figures: readonly YearlyFigure[], now: string): Promise<void> {
      for (const f of figures) {
        await db
          .insertInto('yearly_figures')
          .values({
            agency_id: f.agencyId,
            year: f.year,
            cell: f.cell,
            value: f.value,
            source_note: f.sourceNote,
            updated_at: now,
          })
          .onConflict((oc) =>
            oc
              .columns(['agency_id', 'year', 'cell'])
              .doUpdateSet({ value: f.value, source_note: f.sourceNote, updated_at: now }),
          )
          .execute();
      }
    },
  };
}
