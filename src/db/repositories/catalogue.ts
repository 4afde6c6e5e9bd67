/** Catalogue items (主动公开目录): the documents table 2's 规章 and 规范性文件 rows count. */
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

export type CatalogueKind = 'rule' | 'normative_document' | 'other';

export interface NewCatalogueItem {
  agencyId: number;
  indexNumber: string;
  title: string;
  docNumber: string | null;
  kind: CatalogueKind;
  genre: string | null;
  subject: string | null;
  madeOn: string;
  publishedOn: string | null;
  effectiveOn: string | null;
  repealedOn: string | null;
  summary: string | null;
  body: string | null;
}

export function catalogueRepository(db: Kysely<Database>) {
  return {
    async insertMany(items: readonly NewCatalogueItem[], now: string): Promise<void> {
      if (items.length === 0) return;
      await db
        .insertInto('catalogue_items')
        .values(
          items.map((i) => ({
            agency_id: i.agencyId,
            index_number: i.indexNumber,
            title: i.title,
            doc_number: i.docNumber,
            kind: i.kind,
            genre: i.genre,
            subject: i.subject,
            made_on: i.madeOn,
            published_on: i.publishedOn,
            effective_on: i.effectiveOn,
            repealed_on: i.repealedOn,
            summary: i.summary,
            body: i.body,
            created_at: now,
            updated_at: now,
          })),
        )
        .execute();
    },
  };
}
