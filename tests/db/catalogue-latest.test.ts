import { type CompiledQuery, type Kysely, type KyselyPlugin, sql } from 'kysely';
import { beforeEach, expect, it } from 'vitest';
import { catalogueBrowseRepository } from '../../src/db/repositories/catalogue-browse.ts';
import type { Database } from '../../src/db/schema.ts';
import { describeEachEngine } from '../helpers/databases.ts';
import { clearCatalogue, ensureAgencies } from '../search/items.ts';

const NOW = '2026-11-25T00:00:00.000Z';

/** The database as a repository sees it, keeping every statement it runs (for EXPLAIN). */
function recording(db: Kysely<Database>): { db: Kysely<Database>; statements: CompiledQuery[] } {
  const statements: CompiledQuery[] = [];
  const plugin: KyselyPlugin = {
    transformQuery: ({ node, queryId }) => {
      statements.push(db.getExecutor().compileQuery(node, queryId));
      return node;
    },
    transformResult: async ({ result }) => result,
  };
  return { db: db.withPlugin(plugin), statements };
}

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

  /** Whether the database runs this statement through the index (and, if asked, without sorting). */
  async function expectIndexed(statement: CompiledQuery, index: string, unsorted = false): Promise<void> {
    // The statement with its values written in, as EXPLAIN takes it.
    const values = [...statement.parameters];
    const inlined = statement.sql.replaceAll(/\?|\$\d+/g, (marker) =>
      literal(marker === '?' ? values.shift() : statement.parameters[Number(marker.slice(1)) - 1]),
    );
    if (ctx.db.engine === 'sqlite') {
      const { rows } = await sql.raw<{ detail: string }>(`explain query plan ${inlined}`).execute(ctx.db.db);
      const plan = rows.map((r) => r.detail).join(' | ');
      expect(plan).toContain(index);
      if (unsorted) expect(plan).not.toContain('TEMP B-TREE');
    } else {
      const { rows } = await ctx.db.db.transaction().execute(async (trx) => {
        // A table this small is cheaper to read whole; forbid that to see whether the index serves.
        await sql`set local enable_seqscan = off`.execute(trx);
        await sql`set local enable_sort = off`.execute(trx);
        return sql.raw<{ 'QUERY PLAN': string }>(`explain ${inlined}`).execute(trx);
      });
      const plan = rows.map((r) => r['QUERY PLAN']).join('\n');
      expect(plan).toContain(index);
      if (unsorted) expect(plan).not.toMatch(/^\s*(->\s*)?Sort\b/m);
    }
  }

  it('finds related items of the same subject through their index (migration 0013)', async () => {
    // Without it the statement reads the whole catalogue for every item page with a subject.
    for (let i = 0; i < 30; i++) await add(`第${i}条`, `2024-03-${String(1 + (i % 28)).padStart(2, '0')}`);
    await ctx.db.db
      .updateTable('catalogue_items')
      .set({ subject: '交通运输' })
      .where('title', 'in', ['第3条', '第7条'])
      .execute();
    const { db, statements } = recording(ctx.db.db);
    const item = { id: 1, agencyId: 1, subject: '交通运输' };
    const related = await catalogueBrowseRepository(db).related(item, 5);
    expect(
      related
        .slice(0, 2)
        .map((r) => r.title)
        .sort(),
    ).toEqual(['第3条', '第7条']);
    // PostgreSQL runs one branch per status and one for undated items (see `related`); the
    // dated branches are the ones an index on publication date serves.
    const bySubject = statements.filter(
      (s) => s.sql.includes('"subject" =') && !s.sql.includes('"published_on" is null'),
    );
    expect(bySubject.length).toBeGreaterThan(0);
    for (const statement of bySubject)
      await expectIndexed(statement, 'catalogue_items_subject_status_published');
  });

  it('walks the latest-items index instead of sorting the catalogue (migration 0013)', async () => {
    for (let i = 0; i < 30; i++) await add(`第${i}条`, `2024-02-${String(1 + (i % 28)).padStart(2, '0')}`);
    const latest = catalogueBrowseRepository(ctx.db.db).latestQuery(10).compile();
    await expectIndexed(latest, 'catalogue_items_latest', true);
  });
});

function literal(value: unknown): string {
  return typeof value === 'number' ? String(value) : `'${String(value).replaceAll("'", "''")}'`;
}
