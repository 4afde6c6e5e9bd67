/**
 * Indexes for the report built from records (bench/report-build.ts: 100,000 applications of
 * one county-year took over a second on SQLite). FROZEN once landed. Each aggregation of
 * src/db/repositories/report-figures.ts is answered from one index alone (a covering index),
 * without visiting the table rows; the indexes of the initial migration that are prefixes of
 * these are dropped, since every query they served is served by the longer one.
 * - received, carried over, carried forward: agency, received_on (range), closed_on, applicant_type;
 * - closed in the year, by outcome: agency, closed_on (range), applicant_type, outcome;
 * - fees collected: events of one type in a date range (the join then goes by primary key).
 */
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen against any schema.
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createIndex('applications_agency_received_cover')
    .on('applications')
    .columns(['agency_id', 'received_on', 'closed_on', 'applicant_type'])
    .execute();
  await db.schema
    .createIndex('applications_agency_closed_cover')
    .on('applications')
    .columns(['agency_id', 'closed_on', 'applicant_type', 'outcome'])
    .execute();
  await db.schema.dropIndex('applications_agency_received').execute();
  await db.schema.dropIndex('applications_agency_closed').execute();
  await db.schema
    .createIndex('application_events_type_effective')
    .on('application_events')
    .columns(['type', 'effective_on', 'application_id'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('application_events_type_effective').execute();
  await db.schema
    .createIndex('applications_agency_received')
    .on('applications')
    .columns(['agency_id', 'received_on'])
    .execute();
  await db.schema
    .createIndex('applications_agency_closed')
    .on('applications')
    .columns(['agency_id', 'closed_on'])
    .execute();
  await db.schema.dropIndex('applications_agency_closed_cover').execute();
  await db.schema.dropIndex('applications_agency_received_cover').execute();
}
