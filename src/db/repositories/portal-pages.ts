/** The portal's editable column pages (信息公开指南, 信息公开制度): one per agency and kind. */
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

export type PortalPageKind = 'guide' | 'rules';

export interface PortalPage {
  id: number;
  agencyId: number;
  kind: PortalPageKind;
  title: string;
  body: string;
  updatedAt: string;
  updatedBy: string;
}

/** A page with the name and code of its agency, for lists. */
export interface PortalPageSummary {
  agencyId: number;
  agencyCode: string;
  agencyName: string;
  kind: PortalPageKind;
  title: string;
  updatedAt: string;
}

const COLUMNS = ['id', 'agency_id', 'kind', 'title', 'body', 'updated_at', 'updated_by'] as const;

type Row = {
  id: number;
  agency_id: number;
  kind: string;
  title: string;
  body: string;
  updated_at: string;
  updated_by: string;
};

const toPage = (r: Row): PortalPage => ({
  id: Number(r.id),
  agencyId: Number(r.agency_id),
  kind: r.kind as PortalPageKind,
  title: r.title,
  body: r.body,
  updatedAt: r.updated_at,
  updatedBy: r.updated_by,
});

export function portalPagesRepository(db: Kysely<Database>) {
  return {
    async find(agencyId: number, kind: PortalPageKind): Promise<PortalPage | null> {
      const row = await db
        .selectFrom('portal_pages')
        .select(COLUMNS)
        .where('agency_id', '=', agencyId)
        .where('kind', '=', kind)
        .executeTakeFirst();
      return row ? toPage(row) : null;
    },

    /** Creates the agency's page of that kind or replaces its title and body. */
    async upsert(
      page: { agencyId: number; kind: PortalPageKind; title: string; body: string },
      by: string,
      now: string,
    ): Promise<PortalPage> {
      const row = await db
        .insertInto('portal_pages')
        .values({
          agency_id: page.agencyId,
          kind: page.kind,
          title: page.title,
          body: page.body,
          updated_at: now,
          updated_by: by,
        })
        .onConflict((oc) =>
          oc
            .columns(['agency_id', 'kind'])
            .doUpdateSet({ title: page.title, body: page.body, updated_at: now, updated_by: by }),
        )
        .returning(COLUMNS)
        .executeTakeFirstOrThrow();
      return toPage(row);
    },

    /** Every page of a kind (every kind when absent), in agency order. */
    async list(kind?: PortalPageKind): Promise<PortalPageSummary[]> {
      let q = db
        .selectFrom('portal_pages')
        .innerJoin('agencies', 'agencies.id', 'portal_pages.agency_id')
        .select([
          'portal_pages.agency_id',
          'agencies.code',
          'agencies.name',
          'portal_pages.kind',
          'portal_pages.title',
          'portal_pages.updated_at',
        ]);
      if (kind) q = q.where('portal_pages.kind', '=', kind);
      const rows = await q.orderBy('agencies.id').orderBy('portal_pages.kind').execute();
      return rows.map((r) => ({
        agencyId: Number(r.agency_id),
        agencyCode: r.code,
        agencyName: r.name,
        kind: r.kind as PortalPageKind,
        title: r.title,
        updatedAt: r.updated_at,
      }));
    },
  };
}
