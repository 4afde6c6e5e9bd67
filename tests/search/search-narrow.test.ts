import { sql } from 'kysely';
import { beforeEach, expect, it } from 'vitest';
import type { Db } from '../../src/db/connection.ts';
import * as narrow from '../../src/db/migrations/2026-11-25-0012-search-narrow.ts';
import { createSearchIndex, type SearchDocument } from '../../src/search/index.ts';
import { describeEachEngine } from '../helpers/databases.ts';
import { clearCatalogue, ensureAgencies, indexItem, query } from './items.ts';

/**
 * PostgreSQL matches on `search_terms` (migration 0012): every indexed document's sort key
 * and stripped tsvector, nothing else. On SQLite the same searches run on FTS5.
 */
async function narrowRows(db: Db) {
  const { rows } = await sql<{ key: string; terms: string }>`select sort_key as key, terms::text as terms
    from search_terms order by sort_key`.execute(db.db);
  return rows;
}
async function expectedRows(db: Db) {
  const { rows } = await sql<{
    key: string;
    terms: string;
  }>`select sort_key as key, strip(terms)::text as terms
    from search_documents order by sort_key`.execute(db.db);
  return rows;
}

describeEachEngine('the narrow match table (search_terms)', (ctx) => {
  const ids = async (q: string) =>
    (await createSearchIndex(ctx.db).search(query(q, { sort: 'date' }))).hits.map((h) => h.id);
  const doc = (id: number, over: Partial<SearchDocument>): SearchDocument => ({
    id,
    agencyId: 1,
    title: '',
    body: '',
    attachmentsText: '',
    category: null,
    subject: null,
    genre: null,
    year: 2024,
    publishedOn: '2024-03-01',
    ...over,
  });

  beforeEach(async () => {
    await ensureAgencies(ctx.db);
    await clearCatalogue(ctx.db);
  });

  it('stays in step when an item is re-indexed with new words and date, removed, or deleted', async () => {
    const fire = await indexItem(ctx.db, { title: '森林防火工作通知', publishedOn: '2024-03-01' });
    const flood = await indexItem(ctx.db, { title: '防汛抗旱工作通知', publishedOn: '2024-04-01' });
    const roads = await indexItem(ctx.db, { title: '农村公路养护通知', publishedOn: '2024-05-01' });
    const index = createSearchIndex(ctx.db);
    // New words and a new date: a new sort key, the old one gone.
    await index.upsert(doc(fire, { title: '秸秆禁烧工作通知', publishedOn: '2025-01-10', year: 2025 }));
    await index.remove(flood);
    await ctx.db.db.deleteFrom('catalogue_items').where('id', '=', roads).execute();

    expect(await ids('森林防火')).toEqual([]);
    expect(await ids('秸秆')).toEqual([fire]);
    expect(await ids('防汛')).toEqual([]);
    expect(await ids('公路')).toEqual([]);
    expect(await ids('通知')).toEqual([fire]);
    if (ctx.db.engine === 'postgres') {
      const rows = await narrowRows(ctx.db);
      expect(rows).toHaveLength(1);
      expect(rows).toEqual(await expectedRows(ctx.db));
    }
  });

  it('is filled from an existing index by migration 2026-11-25-0012-search-narrow', async () => {
    const older = await indexItem(ctx.db, { title: '政府信息公开工作年度报告', publishedOn: '2023-01-20' });
    const newer = await indexItem(ctx.db, { title: '义务教育招生公开通知', publishedOn: '2024-07-01' });
    await narrow.down(ctx.db.db);
    await narrow.up(ctx.db.db);
    expect(await ids('公开')).toEqual([newer, older]);
    if (ctx.db.engine === 'postgres') {
      const rows = await narrowRows(ctx.db);
      expect(rows).toHaveLength(2);
      expect(rows).toEqual(await expectedRows(ctx.db));
    }
  });
});
