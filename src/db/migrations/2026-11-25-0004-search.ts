/**
 * Search index for catalogue items (src/search). FROZEN once landed; imports nothing from the
 * application. Both engines keep the original text and the filter columns in
 * `search_documents`; the words live in an engine-specific structure, always over
 * jieba-segmented text (neither engine can split Chinese into words by itself):
 * - SQLite: `search_fts`, a contentless FTS5 table (rowid = item id); contentless_delete lets
 *   a row be deleted without repeating its text. unicode61 splits the segmented text at the
 *   spaces jieba's words were joined with.
 * - PostgreSQL: a `terms` tsvector column (built with the 'simple' configuration) and a GIN
 *   index on it.
 */
import { type Kysely, SqliteAdapter, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen against any schema.
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  const isSqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  let table = db.schema
    .createTable('search_documents')
    .addColumn('id', 'integer', (c) => c.primaryKey().references('catalogue_items.id').onDelete('cascade'))
    .addColumn('agency_id', 'integer', (c) => c.notNull())
    .addColumn('category', 'text')
    .addColumn('subject', 'text')
    .addColumn('genre', 'text')
    .addColumn('year', 'integer')
    .addColumn('published_on', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('attachments_text', 'text', (c) => c.notNull());
  if (!isSqlite) table = table.addColumn('terms', sql`tsvector`, (c) => c.notNull());
  await table.execute();

  await db.schema
    .createIndex('search_documents_agency_published')
    .on('search_documents')
    .columns(['agency_id', 'published_on'])
    .execute();
  await db.schema
    .createIndex('search_documents_published')
    .on('search_documents')
    .columns(['published_on', 'id'])
    .execute();

  if (isSqlite) {
    await sql`create virtual table search_fts using fts5(
      title, body, attachments,
      content = '', contentless_delete = 1,
      tokenize = 'unicode61 remove_diacritics 0'
    )`.execute(db);
  } else {
    await db.schema
      .createIndex('search_documents_terms')
      .on('search_documents')
      .using('gin')
      .column('terms')
      .execute();
  }
}

export async function down(db: AnyDb): Promise<void> {
  if (db.getExecutor().adapter instanceof SqliteAdapter) {
    await sql`drop table search_fts`.execute(db);
  }
  await db.schema.dropTable('search_documents').execute();
}
