/**
 * Browsing the public catalogue on the portal: pages of items by subject (主题分类), genre
 * (体裁), agency, year, catalogue category and Regulation art. 20 item, the counts beside each
 * filter (facets), related items, and counts by art. 20 item and by category. Only public
 * items (published or repealed, disclosed proactively: domain/catalogue isPublic). Lists carry
 * a summary of each item, not the whole row.
 */
import { type Expression, type Kysely, type SqlBool, SqliteAdapter, sql } from 'kysely';
import type { IsoDate } from '../../domain/calendar/index.ts';
import type { CatalogueKind } from '../../domain/catalogue/model.ts';
import type { Database } from '../schema.ts';

export interface BrowseFilters {
  agencyIds?: readonly number[];
  subject?: string;
  genre?: string;
  year?: number;
  kind?: CatalogueKind;
  category?: string;
  /** Regulation art. 20 item 1–15 (see art20Condition for item 1). */
  art20?: number;
  categories?: readonly string[];
}

export type FacetName = 'subject' | 'genre' | 'agency' | 'year';

export interface FacetCount {
  value: string;
  count: number;
}

export interface ItemSummary {
  id: number;
  agencyId: number;
  title: string;
  docNumber: string | null;
  subject: string | null;
  genre: string | null;
  kind: CatalogueKind;
  catalogueCategory: string | null;
  publishedOn: IsoDate | null;
}

const SUMMARY_COLUMNS = [
  'id',
  'agency_id',
  'title',
  'doc_number',
  'subject',
  'genre',
  'kind',
  'catalogue_category',
  'published_on',
] as const;

type SummaryRow = {
  id: number;
  agency_id: number;
  title: string;
  doc_number: string | null;
  subject: string | null;
  genre: string | null;
  kind: string;
  catalogue_category: string | null;
  published_on: string | null;
};

const toSummary = (r: SummaryRow): ItemSummary => ({
  id: Number(r.id),
  agencyId: Number(r.agency_id),
  title: r.title,
  docNumber: r.doc_number,
  subject: r.subject,
  genre: r.genre,
  kind: r.kind as CatalogueKind,
  catalogueCategory: r.catalogue_category,
  publishedOn: r.published_on as IsoDate | null,
});

/** The year an item is filed under: of publication (of formation for an item without one). */
const YEAR = sql<string>`substr(coalesce(published_on, made_on), 1, 4)`;

/**
 * The art. 20 item of an item: the one recorded, else (一) for 规章 and 规范性文件, which art.
 * 20(一) names ("行政法规、规章和规范性文件") whether or not a clerk tagged them.
 */
const ART20 = sql<
  number | null
>`coalesce(art20_item, case when kind in ('rule', 'normative_document') then 1 end)`;

export function catalogueBrowseRepository(db: Kysely<Database>) {
  function filtered(f: BrowseFilters, except?: FacetName) {
    let q = db
      .selectFrom('catalogue_items')
      .where('status', 'in', ['published', 'repealed'])
      .where('disclosure_mode', '=', 'proactive');
    if (f.agencyIds && except !== 'agency') {
      if (f.agencyIds.length === 0) return q.where(sql<SqlBool>`1 = 0`);
      q = q.where('agency_id', 'in', f.agencyIds as number[]);
    }
    if (f.subject !== undefined && except !== 'subject') q = q.where('subject', '=', f.subject);
    if (f.genre !== undefined && except !== 'genre') q = q.where('genre', '=', f.genre);
    if (f.kind !== undefined) q = q.where('kind', '=', f.kind);
    if (f.category !== undefined) q = q.where('catalogue_category', '=', f.category);
    if (f.categories !== undefined) {
      if (f.categories.length === 0) return q.where(sql<SqlBool>`1 = 0`);
      q = q.where('catalogue_category', 'in', f.categories as string[]);
    }
    if (f.art20 !== undefined) q = q.where(ART20 as Expression<number | null>, '=', f.art20);
    if (f.year !== undefined && except !== 'year') q = q.where(YEAR, '=', String(f.year));
    return q;
  }

  async function pageOf(f: BrowseFilters, page: { limit: number; offset: number }): Promise<ItemSummary[]> {
    const rows = await filtered(f)
      .select(SUMMARY_COLUMNS)
      .orderBy('published_on', (ob) => ob.desc().nullsLast())
      .orderBy('id', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute();
    return rows.map(toSummary);
  }

  /** Newest first, undated last, in the words of its index (`catalogue_items_latest`, migration 0013). */
  const latestQuery = (limit: number) =>
    filtered({})
      .select(SUMMARY_COLUMNS)
      .orderBy(sql`coalesce(published_on, '')`, 'desc')
      .orderBy('id', 'desc')
      .limit(limit);

  return {
    /** One page of items, newest publication first, and how many match. */
    async list(
      f: BrowseFilters,
      page: { limit: number; offset: number },
    ): Promise<{ total: number; items: ItemSummary[] }> {
      const counted = await filtered(f)
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .executeTakeFirstOrThrow();
      const total = Number(counted.n);
      if (page.offset >= total) return { total, items: [] };
      return { total, items: await pageOf(f, page) };
    },

    /** One page of items, newest publication first, without counting them. */
    page: pageOf,

    /**
     * The newest public items, without counting them (the home page): a walk of the
     * `catalogue_items_latest` index (migration 0013) that stops after `limit` public rows.
     */
    async latest(limit: number): Promise<ItemSummary[]> {
      return (await latestQuery(limit).execute()).map(toSummary);
    },

    /** The statement `latest` runs (its plan is tested). */
    latestQuery,

    /**
     * How many items each value of a facet has under the other filters (a facet's own filter
     * is left out, so the visitor can switch to another value). Agencies by id; largest first.
     */
    async facet(f: BrowseFilters, name: FacetName): Promise<FacetCount[]> {
      const column =
        name === 'subject'
          ? sql<string>`subject`
          : name === 'genre'
            ? sql<string>`genre`
            : name === 'agency'
              ? sql<string>`agency_id`
              : YEAR;
      const rows = await filtered(f, name)
        .select([column.as('value'), (eb) => eb.fn.countAll<string | number>().as('n')])
        .where(column, 'is not', null)
        .groupBy(column)
        .execute();
      const counts = rows.map((r) => ({ value: String(r.value), count: Number(r.n) }));
      return name === 'year'
        ? counts.sort((a, b) => b.value.localeCompare(a.value))
        : counts.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
    },

    /**
     * Items sharing the subject (first) or the agency of an item, newest first.
     * SQLite: `status IN (…) … ORDER BY published_on DESC NULLS LAST LIMIT n` on the
     * (agency_id, status, published_on) index stops after n rows of each status (0.2 ms).
     * PostgreSQL sorts every item of the agency for that (0.2 s for an agency with 150,000
     * items), so there it is a UNION ALL of one branch per public status and one for undated
     * items, each an index walk stopping after `limit` rows (1 ms).
     * The same subject: `catalogue_items_subject_status_published` (migration 0013).
     */
    async related(
      item: { id: number; agencyId: number; subject: string | null },
      limit: number,
    ): Promise<ItemSummary[]> {
      const isSqlite = db.getExecutor().adapter instanceof SqliteAdapter;
      const pick = (same: 'subject' | 'agency', exclude: number[]) => {
        const base = () => {
          const q = db
            .selectFrom('catalogue_items')
            .select(SUMMARY_COLUMNS)
            .where('disclosure_mode', '=', 'proactive')
            .where('id', 'not in', exclude);
          return same === 'subject'
            ? q.where('subject', '=', item.subject ?? '')
            : q.where('agency_id', '=', item.agencyId);
        };
        if (isSqlite) {
          return base()
            .where('status', 'in', ['published', 'repealed'])
            .orderBy('published_on', (ob) => ob.desc().nullsLast())
            .orderBy('id', 'desc')
            .limit(limit)
            .execute();
        }
        const dated = (status: 'published' | 'repealed') =>
          db
            .selectFrom(
              base()
                .where('status', '=', status)
                .where('published_on', 'is not', null)
                .orderBy('published_on', 'desc')
                .orderBy('id', 'desc')
                .limit(limit)
                .as(status),
            )
            .selectAll();
        const undated = db
          .selectFrom(
            base()
              .where('status', 'in', ['published', 'repealed'])
              .where('published_on', 'is', null)
              .orderBy('id', 'desc')
              .limit(limit)
              .as('undated'),
          )
          .selectAll();
        return dated('published')
          .unionAll(dated('repealed'))
          .unionAll(undated)
          .orderBy('published_on', (ob) => ob.desc().nullsLast())
          .orderBy('id', 'desc')
          .limit(limit)
          .execute();
      };
      const bySubject = item.subject ? (await pick('subject', [item.id])).map(toSummary) : [];
      if (bySubject.length >= limit) return bySubject;
      const byAgency = await pick('agency', [item.id, ...bySubject.map((i) => i.id)]);
      return [...bySubject, ...byAgency.map(toSummary)].slice(0, limit);
    },

    /** How many public items fall under each art. 20 item (1–15). */
    async countsByArt20(): Promise<Map<number, number>> {
      const rows = await filtered({})
        .select([ART20.as('n20'), (eb) => eb.fn.countAll<string | number>().as('n')])
        .where(ART20 as Expression<number | null>, 'is not', null)
        .groupBy(ART20)
        .execute();
      return new Map(rows.map((r) => [Number(r.n20), Number(r.n)]));
    },

    /** How many public items each (agency, catalogue category) has, for the given categories. */
    async countsByCategory(
      categories: readonly string[],
      agencyIds?: readonly number[],
    ): Promise<{ agencyId: number; category: string; count: number }[]> {
      const rows = await filtered({ categories, ...(agencyIds ? { agencyIds } : {}) })
        .select(['agency_id', 'catalogue_category', (eb) => eb.fn.countAll<string | number>().as('n')])
        .groupBy(['agency_id', 'catalogue_category'])
        .execute();
      return rows.map((r) => ({
        agencyId: Number(r.agency_id),
        category: r.catalogue_category ?? '',
        count: Number(r.n),
      }));
    },
  };
}
