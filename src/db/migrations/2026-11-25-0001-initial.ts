/**
 * Initial schema. FROZEN: never edit once landed; add a new migration instead. Imports
 * nothing from the application. Dates are 'YYYY-MM-DD' text and instants ISO-8601 UTC text
 * on both engines, so the same SQL compares and groups them.
 */
import { type Kysely, SqliteAdapter } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen against any schema.
type AnyDb = Kysely<any>;

function idColumn(db: AnyDb): 'serial' | 'integer' {
  return db.getExecutor().adapter instanceof SqliteAdapter ? 'integer' : 'serial';
}

export async function up(db: AnyDb): Promise<void> {
  const idType = idColumn(db);
  const id = (t: string) =>
    db.schema
      .createTable(t)
      .addColumn('id', idType, (c) =>
        idType === 'integer' ? c.primaryKey().autoIncrement() : c.primaryKey(),
      );

  await id('agencies')
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'integer', (c) => c.references('agencies.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await id('applications')
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('tracking_number', 'text', (c) => c.notNull().unique())
    .addColumn('check_code', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('applicant_type', 'text', (c) => c.notNull())
    .addColumn('applicant_name', 'text', (c) => c.notNull())
    .addColumn('id_document_type', 'text')
    .addColumn('id_document_number', 'text')
    .addColumn('organisation_code', 'text')
    .addColumn('contact_person', 'text')
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .addColumn('address', 'text')
    .addColumn('postcode', 'text')
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text')
    .addColumn('delivery_form', 'text', (c) => c.notNull())
    .addColumn('delivery_way', 'text', (c) => c.notNull())
    .addColumn('submitted_on', 'text', (c) => c.notNull())
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text')
    .addColumn('due_is_provisional', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('extension_days', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('outcome', 'text')
    .addColumn('closed_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
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
  await db.schema
    .createIndex('applications_state_due')
    .on('applications')
    .columns(['state', 'due_on'])
    .execute();

  await id('application_events')
    .addColumn('application_id', 'integer', (c) => c.notNull().references('applications.id'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('from_state', 'text')
    .addColumn('to_state', 'text', (c) => c.notNull())
    .addColumn('effective_on', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('data', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('application_events_application')
    .on('application_events')
    .column('application_id')
    .execute();

  await id('appeals')
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('application_id', 'integer', (c) => c.references('applications.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('case_number', 'text')
    .addColumn('filed_on', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('decided_on', 'text')
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('appeals_agency_filed')
    .on('appeals')
    .columns(['agency_id', 'filed_on'])
    .execute();

  await id('catalogue_items')
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('index_number', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('doc_number', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('genre', 'text')
    .addColumn('subject', 'text')
    .addColumn('made_on', 'text', (c) => c.notNull())
    .addColumn('published_on', 'text')
    .addColumn('effective_on', 'text')
    .addColumn('repealed_on', 'text')
    .addColumn('summary', 'text')
    .addColumn('body', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('catalogue_items_agency_kind')
    .on('catalogue_items')
    .columns(['agency_id', 'kind'])
    .execute();

  await db.schema
    .createTable('yearly_figures')
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('cell', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('source_note', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('yearly_figures_pk', ['agency_id', 'year', 'cell'])
    .execute();

  await id('annual_reports')
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('report', 'text', (c) => c.notNull())
    .addColumn('findings', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('publish_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('annual_reports_agency_year_origin', ['agency_id', 'year', 'origin'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const t of [
    'annual_reports',
    'yearly_figures',
    'catalogue_items',
    'appeals',
    'application_events',
    'applications',
    'agencies',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
