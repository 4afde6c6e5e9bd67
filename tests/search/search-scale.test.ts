import { sql } from 'kysely';
import { beforeEach, expect, it } from 'vitest';
import * as scale from '../../src/db/migrations/2026-11-25-0010-search-scale.ts';
import * as narrow from '../../src/db/migrations/2026-11-25-0012-search-narrow.ts';
import { createSearchIndex, type SearchLimits, type SearchQuery } from '../../src/search/index.ts';
import { segment } from '../../src/search/segment.ts';
import { describeEachEngine } from '../helpers/databases.ts';
import { clearCatalogue, ensureAgencies, indexItem, query } from './items.ts';

/** Small bounds, so that a handful of items shows what a million would. */
const SMALL: SearchLimits = { countCap: 5, rankWindow: 3 };

describeEachEngine('search at scale: bounded counting and ranking', (ctx) => {
  const search = (q: string, over = {}, limits = SMALL) =>
    createSearchIndex(ctx.db, limits).search(query(q, over));

  beforeEach(async () => {
    await ensureAgencies(ctx.db);
    await clearCatalogue(ctx.db);
  });

  /** `n` items about 森林防火, one a day from 2024-03-01; every third has the words in its title. */
  async function seed(n: number): Promise<{ id: number; inTitle: boolean; day: string }[]> {
    const made = [];
    for (let i = 0; i < n; i++) {
      const day = `2024-03-${String(i + 1).padStart(2, '0')}`;
      const inTitle = i % 3 === 0;
      const id = await indexItem(ctx.db, {
        title: inTitle ? `关于做好第${i + 1}期森林防火工作的通知` : `第${i + 1}期林区巡查情况通报`,
        body: inTitle ? '各乡镇做好巡查。' : '巡查中重申森林防火要求，各乡镇要加强值守。',
        publishedOn: day,
      });
      made.push({ id, inTitle, day });
    }
    return made;
  }

  it('says the count is capped when more items match than it counts, and exact otherwise', async () => {
    await seed(7);
    const many = await search('森林防火');
    expect(many).toMatchObject({ total: 5, capped: true });
    const few = await search('森林防火', {}, { countCap: 100, rankWindow: 3 });
    expect(few).toMatchObject({ total: 7, capped: false });
  });

  it('puts every match on exactly one page, title matches first, past the ranked windows', async () => {
    const made = await seed(11);
    const seen: number[] = [];
    for (let page = 1; page <= 6; page++) {
      const result = await search('森林防火', { page, pageSize: 2 }, { countCap: 100, rankWindow: 3 });
      seen.push(...result.hits.map((h) => h.id));
    }
    expect([...seen].sort((a, b) => a - b)).toEqual(made.map((m) => m.id).sort((a, b) => a - b));
    // The newest three title matches lead; then the newest three others; then the rest, newest first.
    const titled = made.filter((m) => m.inTitle).reverse();
    const others = made.filter((m) => !m.inTitle).reverse();
    expect(new Set(seen.slice(0, 3))).toEqual(new Set(titled.slice(0, 3).map((m) => m.id)));
    expect(new Set(seen.slice(3, 6))).toEqual(new Set(others.slice(0, 3).map((m) => m.id)));
    const rest = [...titled.slice(3), ...others.slice(3)].sort((a, b) => b.day.localeCompare(a.day));
    expect(seen.slice(6)).toEqual(rest.map((m) => m.id));
  });

  it('pages a date sort newest first and follows a changed publication date', async () => {
    const made = await seed(6);
    const pages = await Promise.all(
      [1, 2, 3].map((page) => search('森林防火', { page, pageSize: 2, sort: 'date' })),
    );
    expect(pages.flatMap((p) => p.hits.map((h) => h.id))).toEqual([...made].reverse().map((m) => m.id));
    const oldest = made[0]!;
    await createSearchIndex(ctx.db).upsert({
      id: oldest.id,
      agencyId: 1,
      title: '关于做好第1期森林防火工作的通知',
      body: '',
      attachmentsText: '',
      category: null,
      subject: null,
      genre: null,
      year: 2025,
      publishedOn: '2025-01-01',
    });
    const after = await search('森林防火', { sort: 'date', pageSize: 10 }, { countCap: 100, rankWindow: 3 });
    expect(after.hits.map((h) => h.id)).toEqual([
      oldest.id,
      ...[...made]
        .reverse()
        .slice(0, 5)
        .map((m) => m.id),
    ]);
    expect(after.total).toBe(6);
  });

  /**
   * Forty items, one a day, in two agencies: every one about 森林防火, two in three also about
   * 巡查, every fifth with both in the title, and one 巡查 item naming 柏田村. Several words
   * and a filter are found by different walks as their matches are many or few (run-search.ts
   * `window`, each engine's `newestOf`/`window`); the pages must be the same either way.
   */
  async function seedPatrols(agencies: { office: number; education: number }) {
    const made = [];
    for (let i = 0; i < 40; i++) {
      const day = new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(0, 10);
      const patrol = i % 3 !== 0;
      const agencyId = i % 2 === 0 ? agencies.office : agencies.education;
      const title = i % 5 === 0 && patrol ? `第${i}期森林防火巡查通报` : `第${i}期工作通报`;
      const body = `森林防火要求。${patrol ? '巡查情况良好。' : ''}${i === 17 ? '柏田村巡查到位。' : ''}`;
      const id = await indexItem(ctx.db, { agencyId, title, body, publishedOn: day });
      made.push({ id, day, patrol, agencyId, inTitle: title.includes('巡查') });
    }
    return made;
  }

  /** Every page of a query, one after the other, until a page comes back short. */
  async function allPages(q: string, over: Partial<SearchQuery>, limits: SearchLimits) {
    const ids: number[] = [];
    for (let page = 1; page <= 30; page++) {
      const result = await search(q, { ...over, page, pageSize: 2 }, limits);
      ids.push(...result.hits.map((h) => h.id));
      if (result.hits.length < 2) break;
    }
    return ids;
  }

  it('pages several words with a filter exactly, whether their matches are many or few', async () => {
    const agencies = await ensureAgencies(ctx.db);
    const made = await seedPatrols(agencies);
    const newestFirst = (xs: typeof made) =>
      [...xs].sort((a, b) => b.day.localeCompare(a.day)).map((m) => m.id);
    const office = made.filter((m) => m.patrol && m.agencyId === agencies.office);
    const filter = { agencyIds: [agencies.office] };
    // Before and after `optimize`: on PostgreSQL it clusters the narrow table by sort key and
    // gathers the statistics whose lexeme shares send dense queries down the walk instead of
    // the GIN index; the pages must be the same either way.
    const runs: { limits: SearchLimits; optimized?: boolean }[] = [
      ...[SMALL, { countCap: 8, rankWindow: 3 }, { countCap: 100, rankWindow: 3 }].map((limits) => ({
        limits,
      })),
      { limits: SMALL, optimized: true },
      { limits: { countCap: 8, rankWindow: 3 } },
      { limits: { countCap: 100, rankWindow: 3 } },
    ];
    for (const { limits, optimized } of runs) {
      if (optimized) await createSearchIndex(ctx.db).optimize();
      const first = await search('森林防火 巡查', filter, limits);
      expect(first.total).toBe(Math.min(office.length, limits.countCap));
      expect(first.capped).toBe(office.length > limits.countCap);
      expect(await allPages('森林防火 巡查', { ...filter, sort: 'date' }, limits)).toEqual(
        newestFirst(office),
      );
      const ranked = await allPages('森林防火 巡查', filter, limits);
      expect([...ranked].sort((a, b) => a - b)).toEqual(office.map((m) => m.id).sort((a, b) => a - b));
      const titled = newestFirst(office.filter((m) => m.inTitle)).slice(0, limits.rankWindow);
      expect(titled.length).toBeGreaterThan(0);
      expect(new Set(ranked.slice(0, titled.length))).toEqual(new Set(titled)); // title matches first
      // Every patrol in both agencies (no filter, then a year), and the one item with a rare word.
      const patrols = newestFirst(made.filter((m) => m.patrol));
      expect(await allPages('森林防火 巡查', { sort: 'date' }, limits)).toEqual(patrols);
      expect(await allPages('森林防火 巡查', { sort: 'date', year: 2024 }, limits)).toEqual(patrols);
      expect(await allPages('森林防火 巡查', { sort: 'date', year: 2023 }, limits)).toEqual([]);
      expect((await search('柏田村 巡查', {}, limits)).hits.map((h) => h.id)).toEqual([made[17]!.id]);
    }
  });

  it('pages exactly two words that are each common but seldom meet', async () => {
    // 400 items, newest first by i: 巡查 in every even one, 森林防火 in every odd one, both in
    // eight. After `optimize` PostgreSQL's statistics call each word half of the items, so the
    // pair looks dense: the first walk (the newest 75 rows for 6 matches) meets two, and a
    // longer one sized from those two finds the rest; the answer must not depend on it.
    const both = new Set([10, 50, 100, 150, 200, 250, 280, 350]);
    const made: { id: number; day: string; i: number }[] = [];
    for (let i = 399; i >= 0; i--) {
      const day = new Date(Date.UTC(2020, 0, 1 + (399 - i))).toISOString().slice(0, 10);
      const words = both.has(i) ? '巡查森林防火' : i % 2 === 0 ? '巡查' : '森林防火';
      const id = await indexItem(ctx.db, { title: `第${i}期通报`, body: `${words}情况。`, publishedOn: day });
      made.push({ id, day, i });
    }
    await createSearchIndex(ctx.db).optimize();
    const expected = made
      .filter((m) => both.has(m.i))
      .sort((a, b) => a.i - b.i)
      .map((m) => m.id);
    for (const limits of [SMALL, { countCap: 100, rankWindow: 3 }]) {
      const first = await search('巡查 森林防火', {}, limits);
      expect(first.total).toBe(Math.min(expected.length, limits.countCap));
      expect(first.capped).toBe(expected.length > limits.countCap);
      expect(await allPages('巡查 森林防火', { sort: 'date' }, limits)).toEqual(expected);
      const ranked = await allPages('巡查 森林防火', {}, limits);
      expect([...ranked].sort((a, b) => a - b)).toEqual([...expected].sort((a, b) => a - b));
    }
  });

  it('never matches the filter tokens from a query', async () => {
    await indexItem(ctx.db, { title: '政务公开目录', genre: '通知', publishedOn: '2024-05-01' });
    for (const q of ['a1', '_a1', 'y2024', '_y2024', 'ge9809ae79fa5', '_ge9809ae79fa5']) {
      expect((await search(q)).total, q).toBe(0);
    }
  });
});

describeEachEngine('migration 2026-11-25-0010-search-scale on an existing index', (ctx) => {
  it('keeps every indexed word and adds the sort key, filters and title lookups', async () => {
    const db = ctx.db.db;
    const agencies = await ensureAgencies(ctx.db);
    await clearCatalogue(ctx.db);
    const newer = await indexItem(ctx.db, {
      agencyId: agencies.education,
      title: '关于做好义务教育招生工作的通知',
      body: '招生计划向社会公开。',
      genre: '通知',
      category: '教育',
      publishedOn: '2024-07-01',
    });
    const older = await indexItem(ctx.db, {
      agencyId: agencies.office,
      title: '政府信息公开工作年度报告',
      body: '本年度招生咨询电话已公开。',
      attachmentsText: '附件：统计表',
      genre: '报告',
      publishedOn: '2023-01-20',
    });
    // Back to the 0004 index, written as the 0004 code wrote it (later migrations down first).
    await narrow.down(db);
    await scale.down(db);
    const docs = await db.selectFrom('search_documents').selectAll().execute();
    if (ctx.db.engine === 'sqlite') {
      for (const d of docs) {
        await sql`insert into search_fts (rowid, title, body, attachments)
          values (${d.id}, ${segment(d.title)}, ${segment(d.body)}, ${segment(d.attachments_text)})`.execute(
          db,
        );
      }
    } else {
      for (const d of docs) {
        await sql`update search_documents set terms = setweight(to_tsvector('simple', ${segment(d.title)}), 'A')
          || setweight(to_tsvector('simple', ${segment(d.body)}), 'B')
          || setweight(to_tsvector('simple', ${segment(d.attachments_text)}), 'C') where id = ${d.id}`.execute(
          db,
        );
      }
    }
    await scale.up(db);
    await narrow.up(db);

    const index = createSearchIndex(ctx.db, SMALL);
    const ids = async (q: string, over = {}) => (await index.search(query(q, over))).hits.map((h) => h.id);
    expect(await ids('招生', { sort: 'date' })).toEqual([newer, older]);
    expect(await ids('招生')).toEqual([newer, older]); // the title match first
    expect(await ids('统计表')).toEqual([older]);
    expect(await ids('公开', { agencyIds: [agencies.office] })).toEqual([older]);
    expect(await ids('公开', { genre: '通知' })).toEqual([newer]);
    expect(await ids('公开', { category: '教育', year: 2024 })).toEqual([newer]);
    expect(await ids('公开', { year: 2023 })).toEqual([older]);
    // And the index keeps working: a re-indexed item is found once, under its new words.
    await index.remove(newer);
    expect(await ids('招生')).toEqual([older]);
  });
});
