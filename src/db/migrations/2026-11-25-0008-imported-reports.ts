/**
 * Published annual reports imported for checking (年报导入检查). FROZEN once landed; imports
 * nothing from the application.
 * - imported_reports: one uploaded document. `sha256` of its bytes is unique: the same bytes
 *   uploaded again find this row. `source` keeps the bytes as uploaded, so the document can be
 *   downloaded as published and read again by a better reader. `report` is the report as read
 *   (never changed), `provenance` where each number was read, `read_findings` the reader's own
 *   findings (import.*, structure.*), `findings` every current finding (the reader's and the
 *   validation of the report with `corrections` applied), `corrections` cell → {from, to, note,
 *   by, at}. JSON is stored as text on both engines. `uploader_agency_id` is the uploader's
 *   agency (null for the demo loader or the command line): its users may correct the report.
 */
import { type Kysely, SqliteAdapter } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen against any schema.
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  const isSqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  await db.schema
    .createTable('imported_reports')
    .addColumn('id', isSqlite ? 'integer' : 'serial', (c) =>
      isSqlite ? c.primaryKey().autoIncrement() : c.primaryKey(),
    )
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull().unique())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('source_kind', 'text', (c) => c.notNull())
    .addColumn('source', isSqlite ? 'blob' : 'bytea', (c) => c.notNull())
    .addColumn('agency_name', 'text')
    .addColumn('year', 'integer')
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('report', 'text', (c) => c.notNull())
    .addColumn('provenance', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('read_findings', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('findings', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('corrections', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('uploaded_by', 'text', (c) => c.notNull())
    .addColumn('uploader_id', 'integer', (c) => c.references('users.id'))
    .addColumn('uploader_agency_id', 'integer', (c) => c.references('agencies.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('imported_reports_agency_year')
    .on('imported_reports')
    .columns(['agency_name', 'year'])
    .execute();
  await db.schema
    .createIndex('imported_reports_created')
    .on('imported_reports')
    .column('created_at')
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('imported_reports').execute();
}
