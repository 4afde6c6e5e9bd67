/**
 * The newest public items without reading the catalogue (the portal's home page, feeds).
 * FROZEN once landed; imports nothing from the application.
 *
 * `catalogue_items_published_on`: publication date then id, in the order the portal lists
 * items (newest first, undated last), so "the 10 newest public items" is a walk of the index
 * that stops after 10 public rows instead of a sort of every item (1.7 s at a million items).
 * PostgreSQL needs the order spelled out (a backward walk of an ascending index would put
 * undated items first); SQLite sorts NULL lowest, so its backward walk already puts them last.
 */
import { type Kysely, SqliteAdapter, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen against any schema.
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  if (db.getExecutor().adapter instanceof SqliteAdapter) {
    await db.schema
      .createIndex('catalogue_items_published_on')
      .on('catalogue_items')
      .columns(['published_on', 'id'])
      .execute();
    return;
  }
  await sql`create index catalogue_items_published_on
    on catalogue_items (published_on desc nulls last, id desc)`.execute(db);
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('catalogue_items_published_on').execute();
}
