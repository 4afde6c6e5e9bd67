/**
 * Search at a million items (src/search/keys.ts). FROZEN once landed; imports nothing from the
 * application, and works on a database that already has an index:
 * - `search_documents.sort_key`: the publication day (days since 1900-01-01; 0 when undated)
 *   times 2^32 plus the id, so newest-first is one descending walk of an integer.
 * - Filter tokens beside the words: `_a<agency id>`, `_y<year>`, `_g<hex of the UTF-8 document
 *   type>`, `_c<hex of the UTF-8 category>`. Indexed words are letters and digits only, so no
 *   query can match one.
 * - SQLite: `search_fts` is rebuilt with rowid = sort key and a fourth column, `facets` (the
 *   filter tokens and `_t<word>` for each title word), and `_` as a token character. The old table is contentless, so its words are read back from
 *   an fts5vocab 'instance' table (every indexed token with its column and position) and
 *   written again in order: the new index holds exactly the old words.
 * - PostgreSQL: the filter tokens and `_t<word>` for each title word (what a title-only
 *   match looks up in the GIN index) are added to `terms`; an index on `sort_key`.
 */
import { type Kysely, SqliteAdapter, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen against any schema.
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  const isSqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  await db.schema.alterTable('search_documents').addColumn('sort_key', 'bigint').execute();

  if (isSqlite) {
    await sql`update search_documents set sort_key =
      coalesce(max(0, cast(julianday(substr(published_on, 1, 10)) - julianday('1900-01-01') as integer)), 0)
        * 4294967296 + id`.execute(db);
    await sql`alter table search_fts rename to search_fts_0004`.execute(db);
    await sql`create virtual table search_fts using fts5(
      title, body, attachments, facets,
      content = '', contentless_delete = 1,
      tokenize = "unicode61 remove_diacritics 0 tokenchars '_'"
    )`.execute(db);
    await sql`create virtual table temp.search_fts_0004_words using fts5vocab(main, search_fts_0004, 'instance')`.execute(
      db,
    );
    await sql`create temp table search_fts_0004_text as
      select doc, col, group_concat(term, ' ' order by "offset") as text
      from temp.search_fts_0004_words group by doc, col`.execute(db);
    await sql`insert into search_fts_0004_text (doc, col, text)
      select doc, '_t', group_concat('_t' || term, ' ')
      from (select distinct doc, term from temp.search_fts_0004_words where col = 'title')
      group by doc`.execute(db);
    await sql`create index temp.search_fts_0004_text_doc on search_fts_0004_text (doc, col)`.execute(db);
    await sql`insert into search_fts (rowid, title, body, attachments, facets)
      select d.sort_key,
        coalesce((select text from search_fts_0004_text where doc = d.id and col = 'title'), ''),
        coalesce((select text from search_fts_0004_text where doc = d.id and col = 'body'), ''),
        coalesce((select text from search_fts_0004_text where doc = d.id and col = 'attachments'), ''),
        '_a' || d.agency_id
          || coalesce(' _y' || d.year, '')
          || coalesce(' _g' || lower(hex(d.genre)), '')
          || coalesce(' _c' || lower(hex(d.category)), '')
          || coalesce((select ' ' || text from search_fts_0004_text where doc = d.id and col = '_t'), '')
      from search_documents d`.execute(db);
    await sql`drop table temp.search_fts_0004_text`.execute(db);
    await sql`drop table temp.search_fts_0004_words`.execute(db);
    await sql`drop table search_fts_0004`.execute(db);
    return;
  }

  await sql`update search_documents set
    sort_key = (case when published_on is null then 0
      else greatest(0, substr(published_on, 1, 10)::date - date '1900-01-01') end)::bigint * 4294967296 + id,
    terms = terms || array_to_tsvector(array_remove(array[
        '_a' || agency_id,
        '_y' || year,
        '_g' || encode(convert_to(genre, 'UTF8'), 'hex'),
        '_c' || encode(convert_to(category, 'UTF8'), 'hex')
      ], null))
      || coalesce((select array_to_tsvector(array_agg('_t' || w.lexeme))
        from unnest(terms) as w where 'A' = any(w.weights)), ''::tsvector)`.execute(db);
  await sql`alter table search_documents alter column sort_key set not null`.execute(db);
  await db.schema
    .createIndex('search_documents_sort_key')
    .on('search_documents')
    .column('sort_key')
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  if (db.getExecutor().adapter instanceof SqliteAdapter) {
    // The words cannot be split back into the 0004 table's columns without the facets; the
    // index is rebuilt from the catalogue (`gongkai search reindex`) after going down.
    await sql`drop table search_fts`.execute(db);
    await sql`create virtual table search_fts using fts5(
      title, body, attachments,
      content = '', contentless_delete = 1,
      tokenize = 'unicode61 remove_diacritics 0'
    )`.execute(db);
  } else {
    await db.schema.dropIndex('search_documents_sort_key').execute();
    await sql`update search_documents set terms = ts_delete(terms,
      array(select w.lexeme from unnest(terms) as w where w.lexeme like '\_%'))`.execute(db);
  }
  await db.schema.alterTable('search_documents').dropColumn('sort_key').execute();
}
