/** `search_documents`, the copy of each item both engines keep: original text and filter columns. */
import type { Expression, Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { SearchDocument } from './index.ts';

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
        ...(terms ? { terms: eb.ref('excluded.terms') } : {}),
      })),
    )
    .execute();
}
