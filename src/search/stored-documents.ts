/** `search_documents`, the copy of each item both engines keep: original text and filter columns. */
import type { Expression, Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { SearchDocument } from './index.ts';
import { sortKeyOf } from './keys.ts';
import type { StoredHit } from './run-search.ts';

/** The sort key a document is stored under now, or null when it is not indexed. */
export async function storedSortKey(executor: Kysely<Database>, id: number): Promise<number | null> {
  const row = await executor
    .selectFrom('search_documents')
    .select('sort_key')
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? Number(row.sort_key) : null;
}

/** Inserts or replaces a document's row; PostgreSQL passes its tsvector as `terms`. */
export async function saveStoredDocument(
  executor: Kysely<Database>,
  doc: SearchDocument,
  terms?: Expression<string>,
): Promise<void> {
  await executor
    .insertInto('search_documents')
    .values({
      id: doc.id,
      agency_id: doc.agencyId,
      category: doc.category,
      subject: doc.subject,
      genre: doc.genre,
      year: doc.year,
      published_on: doc.publishedOn,
      title: doc.title,
      body: doc.body,
      attachments_text: doc.attachmentsText,
      sort_key: sortKeyOf(doc.publishedOn, doc.id),
      ...(terms ? { terms } : {}),
    })
    .onConflict((oc) =>
      oc.column('id').doUpdateSet((eb) => ({
        agency_id: eb.ref('excluded.agency_id'),
        category: eb.ref('excluded.category'),
        subject: eb.ref('excluded.subject'),
        genre: eb.ref('excluded.genre'),
        year: eb.ref('excluded.year'),
        published_on: eb.ref('excluded.published_on'),
        title: eb.ref('excluded.title'),
        body: eb.ref('excluded.body'),
        attachments_text: eb.ref('excluded.attachments_text'),
        sort_key: eb.ref('excluded.sort_key'),
        ...(terms ? { terms: eb.ref('excluded.terms') } : {}),
      })),
    )
    .execute();
}

/** The stored text of the documents with these ids (one page of hits), in no particular order. */
export async function storedDocuments(
  db: Kysely<Database>,
  ids: readonly number[],
): Promise<Omit<StoredHit, 'score'>[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('search_documents')
    .select(['id', 'title', 'body', 'attachments_text', 'published_on'])
    .where('id', 'in', ids)
    .execute();
}
