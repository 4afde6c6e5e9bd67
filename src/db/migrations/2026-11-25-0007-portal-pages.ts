/**
 * The portal's editable column pages: each agency's 政府信息公开指南 (Regulation art. 12) and
 * 政府信息公开制度, one row per agency and kind. FROZEN once landed; imports nothing from the
 * application.
 * - kind: 'guide' | 'rules'.
 * - body: plain text (paragraphs, "## " headings, "- " list lines), always rendered escaped.
 * - updated_by: the login name of the last editor.
 */
import { type Kysely, SqliteAdapter } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen against any schema.
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  const isSqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  await db.schema
    .createTable('portal_pages')
    .addColumn('id', isSqlite ? 'integer' : 'serial', (c) =>
      isSqlite ? c.primaryKey().autoIncrement() : c.primaryKey(),
    )
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addUniqueConstraint('portal_pages_agency_kind', ['agency_id', 'kind'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('portal_pages').execute();
}
