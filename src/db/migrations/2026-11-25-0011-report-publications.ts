/**
 * Published annual reports. FROZEN once landed; imports nothing from the application.
 * - report_publications: one row per publication of an agency's report for a year (`origin`
 *   'records' | 'rollup'): an immutable snapshot of the report and its findings as published
 *   (JSON text), who published it and when, and the reason an administrator recorded when it
 *   was published although error findings remained. Republishing a corrected report adds the
 *   next `version`; earlier versions stay (the public sees the latest).
 */
import { type Kysely, SqliteAdapter } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen against any schema.
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  const isSqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  await db.schema
    .createTable('report_publications')
    .addColumn('id', isSqlite ? 'integer' : 'serial', (c) =>
      isSqlite ? c.primaryKey().autoIncrement() : c.primaryKey(),
    )
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('report', 'text', (c) => c.notNull())
    .addColumn('findings', 'text', (c) => c.notNull())
    .addColumn('error_count', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('published_by_id', 'integer', (c) => c.references('users.id'))
    .addColumn('published_by', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('report_publications_version', ['agency_id', 'year', 'origin', 'version'])
    .execute();
  await db.schema
    .createIndex('report_publications_published_at')
    .on('report_publications')
    .column('published_at')
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('report_publications').execute();
}
