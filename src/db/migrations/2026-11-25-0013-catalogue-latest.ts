/**
 * The newest public items without reading the catalogue (the portal's home page, feeds).
 * FROZEN once landed; imports nothing from the application.
 *
 * `catalogue_items_latest`: an index on the order the portal lists items in (newest
 * publication first, undated last: `coalesce(published_on, '') desc, id desc`), so "the 10
 * newest public items" is a walk of the index that stops after 10 public rows instead of a sort
 * of every item (1.7 s at a million items). It is on that expression, not on `published_on`,
 * so that only the statements written for it use it: offered an index on `published_on`, SQLite
 * also walked it for filtered lists (`/items?year=2012`: 3.7 s, against a second for reading
 * the table), looking up every newer item before the first match.
 *
 * `catalogue_items_subject_status_published`: an item page's related items of the same
 * subject (主题分类), newest first, as `catalogue_items_agency_status_published` serves those
 * of the same agency. Without it that statement reads the whole catalogue for every item page
 * whose item has a subject (an index on `published_on` made it worse still: SQLite walked it
 * looking up every item, 37 s at a million items for a subject no other item has).
 */
import { type Kysely, SqliteAdapter, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen against any schema.
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createIndex('catalogue_items_subject_status_published')
    .on('catalogue_items')
    .columns(['subject', 'status', 'published_on'])
    .execute();
  if (db.getExecutor().adapter instanceof SqliteAdapter) {
    await sql`create index catalogue_items_latest on catalogue_items (coalesce(published_on, ''), id)`.execute(
      db,
    );
    return;
  }
  await sql`create index catalogue_items_latest
    on catalogue_items ((coalesce(published_on, '')) desc, id desc)`.execute(db);
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('catalogue_items_latest').execute();
  await db.schema.dropIndex('catalogue_items_subject_status_published').execute();
}
