/**
 * PostgreSQL search at a million items: a narrow table for matching (src/search/postgres.ts).
 * FROZEN once landed; imports nothing from the application, and works on a database that
 * already has an index (it is filled from `search_documents`).
 *
 * Every row a match visits in `search_documents` costs a heap page of wide rows (title, body,
 * attachments inline) and its ~2.5 KB tsvector out of TOAST. `search_terms` holds only the
 * sort key and the `strip()`ped tsvector (the same lexemes with no positions or weights: what
 * `@@` needs, not what ranking needs), small enough to stay inline, several rows to a page,
 * with its own GIN index; counting and "the newest matches" read it, and only the page's rows
 * are read from `search_documents` (ranking, text).
 *
 * A trigger on `search_documents` keeps it in step, in the same transaction as every insert,
 * update and delete, including the deletes cascaded from `catalogue_items`.
 * SQLite: nothing (FTS5 is already its own narrow index).
 */
import { type Kysely, SqliteAdapter, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen against any schema.
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  if (db.getExecutor().adapter instanceof SqliteAdapter) return;
  await sql`create table search_terms (
    sort_key bigint primary key,
    terms tsvector not null
  )`.execute(db);
  // Inline, uncompressed where it fits: a compressed value must be decompressed on every visit.
  await sql`alter table search_terms alter column terms set storage main`.execute(db);
  await sql`insert into search_terms (sort_key, terms)
    select sort_key, strip(terms) from search_documents`.execute(db);
  await sql`create index search_terms_terms on search_terms using gin (terms)`.execute(db);
  await sql`create function search_terms_sync() returns trigger language plpgsql as $$
    begin
      if tg_op in ('UPDATE', 'DELETE') then
        delete from search_terms where sort_key = old.sort_key;
      end if;
      if tg_op in ('INSERT', 'UPDATE') then
        insert into search_terms (sort_key, terms) values (new.sort_key, strip(new.terms))
          on conflict (sort_key) do update set terms = excluded.terms;
        return new;
      end if;
      return old;
    end
  $$`.execute(db);
  await sql`create trigger search_terms_sync after insert or update or delete on search_documents
    for each row execute function search_terms_sync()`.execute(db);
  await sql`analyze search_terms`.execute(db);
}

export async function down(db: AnyDb): Promise<void> {
  if (db.getExecutor().adapter instanceof SqliteAdapter) return;
  await sql`drop trigger search_terms_sync on search_documents`.execute(db);
  await sql`drop function search_terms_sync()`.execute(db);
  await sql`drop table search_terms`.execute(db);
}
