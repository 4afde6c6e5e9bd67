/**
 * The catalogue (主动公开目录) as the portal and the back office use it. FROZEN once landed;
 * imports nothing from the application.
 * - agencies.org_code: the 9-character organisation code that is the front part of the
 *   agency's index numbers (《政府信息公开目录系统实施指引（试行）》: 索引号 = 前段码/后段码).
 * - index_number_serials: the last serial given per agency and year, so a number is never
 *   given twice, even after its item was deleted ("唯一不变的标识").
 * - catalogue_items: the item fields of glossary §5.4 the initial table lacks, the item's
 *   status (draft → published → repealed) and validity (有效 / 失效 / 废止). Existing rows
 *   get the status their dates say.
 * - attachments: files of an item (附件), stored under the uploads folder, with the text
 *   extracted from PDF and DOCX for search.
 * SQLite adds one column per ALTER TABLE, so each column is its own statement on both engines.
 */
import { type Kysely, SqliteAdapter } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen against any schema.
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  const isSqlite = db.getExecutor().adapter instanceof SqliteAdapter;

  await db.schema.alterTable('agencies').addColumn('org_code', 'text').execute();
  await db.schema.createIndex('agencies_org_code').on('agencies').column('org_code').unique().execute();

  await db.schema
    .createTable('index_number_serials')
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last_serial', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('index_number_serials_pk', ['agency_id', 'year'])
    .execute();

  const items = () => db.schema.alterTable('catalogue_items');
  await items().addColumn('catalogue_category', 'text').execute();
  await items().addColumn('art20_item', 'integer').execute();
  await items()
    .addColumn('disclosure_mode', 'text', (c) => c.notNull().defaultTo('proactive'))
    .execute();
  /** JSON array of strings. */
  await items()
    .addColumn('keywords', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  await items()
    .addColumn('interpretation_of', 'integer', (c) => c.references('catalogue_items.id'))
    .execute();
  await items()
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
    .execute();
  await items()
    .addColumn('validity', 'text', (c) => c.notNull().defaultTo('in_force'))
    .execute();
  await items().addColumn('changed_on', 'text').execute();

  await db
    .updateTable('catalogue_items')
    .set({ status: 'published' })
    .where('published_on', 'is not', null)
    .execute();
  await db
    .updateTable('catalogue_items')
    .set({ status: 'repealed', validity: 'repealed' })
    .where('repealed_on', 'is not', null)
    .execute();

  await db.schema
    .createIndex('catalogue_items_agency_status_published')
    .on('catalogue_items')
    .columns(['agency_id', 'status', 'published_on'])
    .execute();
  await db.schema
    .createIndex('catalogue_items_interpretation_of')
    .on('catalogue_items')
    .column('interpretation_of')
    .execute();

  await db.schema
    .createTable('attachments')
    .addColumn('id', isSqlite ? 'integer' : 'serial', (c) =>
      isSqlite ? c.primaryKey().autoIncrement() : c.primaryKey(),
    )
    .addColumn('item_id', 'integer', (c) => c.notNull().references('catalogue_items.id').onDelete('cascade'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    /** Relative to the uploads folder: <agency id>/<item id>/<attachment file>. */
    .addColumn('stored_path', 'text', (c) => c.notNull().unique())
    .addColumn('extracted_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('attachments_item').on('attachments').columns(['item_id', 'id']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('attachments').execute();
  await db.schema.dropIndex('catalogue_items_interpretation_of').execute();
  await db.schema.dropIndex('catalogue_items_agency_status_published').execute();
  const columns = [
    'changed_on',
    'validity',
    'status',
    'interpretation_of',
    'keywords',
    'disclosure_mode',
    'art20_item',
    'catalogue_category',
  ];
  for (const column of columns) await db.schema.alterTable('catalogue_items').dropColumn(column).execute();
  await db.schema.dropTable('index_number_serials').execute();
  await db.schema.dropIndex('agencies_org_code').execute();
  await db.schema.alterTable('agencies').dropColumn('org_code').execute();
}
