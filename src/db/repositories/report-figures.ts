/**
 * The SQL aggregations behind a report built from records (STYLE §6: GROUP BY, never loops
 * over rows). Over one agency or a whole subtree (rollup) for one calendar year.
 * Carry-over is computed from receipt and closing dates, never typed.
 */
import { type Kysely, sql } from 'kysely';
import type { ApplicantType, Outcome } from '../../domain/applications/model.ts';
import type { FormatKey, Table4Column, Table4Group } from '../../domain/report/formats/index.ts';
import type { RecordCounts } from '../../domain/report/from-records.ts';
import type { Database } from '../schema.ts';

const n = sql<number>`count(*)`;

export function reportFiguresRepository(db: Kysely<Database>) {
  return {
    async count(agencyIds: readonly number[], year: number, format: FormatKey): Promise<RecordCounts> {
      const start = `${year}-01-01`;
      const end = `${year}-12-31`;
      const apps = () => db.selectFrom('applications').where('agency_id', 'in', agencyIds as number[]);
      const byType = (q: ReturnType<typeof apps>) =>
        q
          .select(['applicant_type', n.as('n')])
          .groupBy('applicant_type')
          .execute();

      const [received, carriedOver, carriedForward, closed, appeals, figures] = await Promise.all([
        byType(apps().where('received_on', '>=', start).where('received_on', '<=', end)),
        byType(
          apps()
            .where('received_on', '<', start)
            .where((eb) => eb.or([eb('closed_on', 'is', null), eb('closed_on', '>=', start)])),
        ),
        byType(
          apps()
            .where('received_on', '<=', end)
            .where((eb) => eb.or([eb('closed_on', 'is', null), eb('closed_on', '>', end)])),
        ),
        apps()
          .where('closed_on', '>=', start)
          .where('closed_on', '<=', end)
          .where('outcome', 'is not', null)
          .select(['applicant_type', 'outcome', n.as('n')])
          .groupBy(['applicant_type', 'outcome'])
          .execute(),
        // The result as it stood at the year's end: decided later means still pending then.
        db
          .selectFrom(
            db
              .selectFrom('appeals')
              .where('agency_id', 'in', agencyIds as number[])
              .where('filed_on', '>=', start)
              .where('filed_on', '<=', end)
              .select([
                'kind',
                sql<string>`case when decided_on is not null and decided_on <= ${end} then result else 'pending' end`.as(
                  'result',
                ),
              ])
              .as('a'),
          )
          .select(['kind', 'result', n.as('n')])
          .groupBy(['kind', 'result'])
          .execute(),
        db
          .selectFrom('yearly_figures')
          .where('agency_id', 'in', agencyIds as number[])
          .where('year', '=', year)
          .select(['cell', sql<number>`sum(value)`.as('value')])
          .groupBy('cell')
          .execute(),
      ]);

      const catalogue = await this.catalogue(agencyIds, start, end, format);
      const toCounts = (rows: { applicant_type: string; n: number | string }[]) =>
        rows.map((r) => ({ applicantType: r.applicant_type as ApplicantType, n: Number(r.n) }));
      return {
        received: toCounts(received),
        carriedOver: toCounts(carriedOver),
        carriedForward: toCounts(carriedForward),
        closed: closed.map((r) => ({
          applicantType: r.applicant_type as ApplicantType,
          outcome: r.outcome as Outcome,
          n: Number(r.n),
        })),
        appeals: appeals.map((r) => ({
          kind: r.kind as Table4Group,
          result: r.result as Exclude<Table4Column, 'total'>,
          n: Number(r.n),
        })),
        catalogue,
        figures: figures.map((f) => ({ cell: f.cell, value: Number(f.value) })),
      };
    },

    /** Table 2 rows 规章 and (行政)规范性文件 from catalogue items (kind rule / normative_document). */
    async catalogue(
      agencyIds: readonly number[],
      start: string,
      end: string,
      format: FormatKey,
    ): Promise<RecordCounts['catalogue']> {
      const inYear = (col: 'made_on' | 'published_on' | 'repealed_on') =>
        sql<number>`sum(case when ${sql.ref(col)} >= ${start} and ${sql.ref(col)} <= ${end} then 1 else 0 end)`;
      const rows = await db
        .selectFrom('catalogue_items')
        .where('agency_id', 'in', agencyIds as number[])
        .where('kind', 'in', ['rule', 'normative_document'])
        .select([
          'kind',
          inYear('made_on').as('made'),
          inYear('published_on').as('published'),
          inYear('repealed_on').as('repealed'),
          sql<number>`sum(case when published_on is not null and published_on <= ${end} then 1 else 0 end)`.as(
            'public_total',
          ),
          sql<number>`sum(case when made_on <= ${end} and (repealed_on is null or repealed_on > ${end}) then 1 else 0 end)`.as(
            'in_force',
          ),
        ])
        .groupBy('kind')
        .execute();
      const empty: Record<string, number> =
        format === '2019'
          ? { made: 0, published: 0, public_total: 0 }
          : { issued: 0, repealed: 0, in_force: 0 };
      const out: RecordCounts['catalogue'] = { rules: { ...empty }, normative_documents: { ...empty } };
      for (const r of rows) {
        const key = r.kind === 'rule' ? 'rules' : 'normative_documents';
        out[key] =
          format === '2019'
            ? { made: Number(r.made), published: Number(r.published), public_total: Number(r.public_total) }
            : { issued: Number(r.made), repealed: Number(r.repealed), in_force: Number(r.in_force) };
      }
      return out;
    },
  };
}
