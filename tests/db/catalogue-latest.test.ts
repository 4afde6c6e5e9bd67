import { sql } from 'kysely';
import { beforeEach, expect, it } from 'vitest';
import { catalogueBrowseRepository } from '../../src/db/repositories/catalogue-browse.ts';
import { describeEachEngine } from '../helpers/databases.ts';
import { clearCatalogue, ensureAgencies } from '../search/items.ts';

const NOW = '2026-11-25T00:00:00.000Z';

describeEachEngine('the newest public items (home page)', (ctx) => {
  let n = 0;
  const add = (title: string, publishedOn: string | null, status = 'published', disclosure = 'proactive') =>
    ctx.db.db
      .insertInto('catalogue_items')
      .values({
        agency_id: 1,
        index_number: `330226-LATEST-${++n}`,
        title,
        kind: 'other',
        made_on: publishedOn ?? '2024-01-01',
        published_on: publishedOn,
        status,
        disclosure_mode: disclosure,
        body: '',
        created_at: NOW,
        updated_at: NOW,
      })
      .returning('id')
      .executeTakeFirstOrThrow();

  beforeEach(async () => {
    await ensureAgencies(ctx.db);
    await clearCatalogue(ctx.db);
  });

  it('lists public items newest first, undated last, without drafts or items not disclosed proactively', async () => {
    await add('较早', '2024-01-05');
    await add('废止', '2024-06-01', 'repealed');
    await add('最新', '2025-03-01');
    await add('同日后录入', '2025-03-01');
    await add('草稿', '2026-01-01', 'draft');
    await add('不予主动公开', '2026-01-02', 'published', 'on_request');
    const titles = async (limit: number) =>
      (await catalogueBrowseRepository(ctx.db.db).latest(limit)).map((i) => i.title);
    expect(await titles(10)).toEqual(['同日后录入', '最新', '废止', '较早']);
    expect(await titles(2)).toEqual(['同日后录入', '最新']);
  });

  it('walks the publication-date index instead of sorting the catalogue (migration 0013)', async () => {
    for (let i = 0; i < 30; i++) await add(`第${i}条`, `2024-02-${String(1 + (i % 28)).padStart(2, '0')}`);
    const latest = catalogueBrowseRepository(ctx.db.db).latestQuery(10).compile();
    // The statement with its values written in, as EXPLAIN takes it.
    const values = [...latest.parameters];
    const inlined = latest.sql.replaceAll(/\?|\$\d+/g, (marker) =>
      literal(marker === '?' ? values.shift() : latest.parameters[Number(marker.slice(1)) - 1]),
    );
    if (ctx.db.engine === 'sqlite') {
      const { rows } = await sql.raw<{ detail: string }>(`explain query plan ${inlined}`).execute(ctx.db.db);
      const details = rows.map((r) => r.detail).join(' | ');
      expect(details).toContain('catalogue_items_published_on');
      expect(details).not.toContain('TEMP B-TREE');
    } else {
      const { rows } = await ctx.db.db.transaction().execute(async (trx) => {
        // A table this small is cheaper to sort; forbid sorting to see whether the index serves.
        await sql`set local enable_sort = off`.execute(trx);
        return sql.raw<{ 'QUERY PLAN': string }>(`explain ${inlined}`).execute(trx);
      });
      const text = rows.map((r) => r['QUERY PLAN']).join('\n');
      expect(text).toContain('catalogue_items_published_on');
      expect(text).not.toMatch(/^\s*(->\s*)?Sort\b/m);
    }
  });
});

function literal(value: unknown): string {
  return typeof value === 'number' ? String(value) : `'${String(value).replaceAll("'", "''")}'`;
}
