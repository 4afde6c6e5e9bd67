/** Catalogue items for the search suites: saved and indexed in one transaction, as the app does. */
import { sql } from 'kysely';
import type { Db } from '../../src/db/connection.ts';
import { createSearchIndex, type SearchDocument, type SearchQuery } from '../../src/search/index.ts';

const NOW = '2026-11-25T00:00:00.000Z';
let counter = 0;

export type ItemInput = Partial<Omit<SearchDocument, 'id'>> & { title: string };

/** Saves a catalogue item and indexes it in the same transaction; returns its id. */
export async function indexItem(db: Db, input: ItemInput): Promise<number> {
  const index = createSearchIndex(db);
  return db.db.transaction().execute(async (trx) => {
    counter += 1;
    const publishedOn = input.publishedOn === undefined ? '2024-03-01' : input.publishedOn;
    const { id } = await trx
      .insertInto('catalogue_items')
      .values({
        agency_id: input.agencyId ?? 1,
        index_number: `330226-TEST-${counter}`,
        title: input.title,
        kind: 'other',
        genre: input.genre ?? null,
        subject: input.subject ?? null,
        made_on: publishedOn ?? '2024-01-01',
        published_on: publishedOn,
        body: input.body ?? '',
        created_at: NOW,
        updated_at: NOW,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await index.upsert(
      {
        id,
        agencyId: input.agencyId ?? 1,
        title: input.title,
        body: input.body ?? '',
        attachmentsText: input.attachmentsText ?? '',
        category: input.category ?? null,
        subject: input.subject ?? null,
        genre: input.genre ?? null,
        year: input.year === undefined ? Number((publishedOn ?? '2024').slice(0, 4)) : input.year,
        publishedOn,
      },
      trx,
    );
    return id;
  });
}

/** Empties the index and the catalogue so each test starts from its own items. */
export async function clearCatalogue(db: Db): Promise<void> {
  if (db.engine === 'sqlite') await sql`delete from search_fts`.execute(db.db);
  await db.db.deleteFrom('search_documents').execute();
  await db.db.deleteFrom('catalogue_items').execute();
}

/** A query with the defaults the portal uses. */
export function query(q: string, over: Partial<SearchQuery> = {}): SearchQuery {
  return { q, sort: 'relevance', page: 1, pageSize: 20, ...over };
}

/** Two agencies of one county, created once per database. */
export async function ensureAgencies(db: Db): Promise<{ office: number; education: number }> {
  const existing = await db.db.selectFrom('agencies').select(['id', 'code']).execute();
  const find = (code: string) => existing.find((a) => a.code === code)?.id;
  const insert = async (code: string, name: string, type: string) =>
    (
      await db.db
        .insertInto('agencies')
        .values({ code, name, type, parent_id: null, created_at: NOW })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  return {
    office: find('330226-001') ?? (await insert('330226-001', '宁海县人民政府办公室', 'general_office')),
    education: find('330226-010') ?? (await insert('330226-010', '宁海县教育局', 'department')),
  };
}
