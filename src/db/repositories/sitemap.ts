/**
 * What sitemaps list of the catalogue: the ids of the items the public may see, read by ranges
 * of the primary key so that every sitemap file of a million-item catalogue is one index range
 * scan (a sitemap file holds at most 50,000 addresses, sitemaps.org).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

export function sitemapRepository(db: Kysely<Database>) {
  /** Only what the portal shows: published or repealed, disclosed proactively (isPublic). */
  const publicItems = () =>
    db
      .selectFrom('catalogue_items')
      .where('status', '!=', 'draft')
      .where('disclosure_mode', '=', 'proactive');
  return {
    /** The largest id of any item (0 when there is none): the ranges to cover. */
    async maxItemId(): Promise<number> {
      const row = await db
        .selectFrom('catalogue_items')
        .select((eb) => eb.fn.max('id').as('id'))
        .executeTakeFirst();
      return Number(row?.id ?? 0);
    },
    /** Public items with firstId ≤ id ≤ lastId, with the day each last changed. */
    async publicItemsBetween(
      firstId: number,
      lastId: number,
    ): Promise<{ id: number; changedOn: string | null }[]> {
      const rows = await publicItems()
        .select(['id', 'published_on', 'changed_on'])
        .where('id', '>=', firstId)
        .where('id', '<=', lastId)
        .orderBy('id')
        .execute();
      return rows.map((r) => ({ id: Number(r.id), changedOn: r.changed_on ?? r.published_on ?? null }));
    },
  };
}
