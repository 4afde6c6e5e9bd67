/** Catalogue items (主动公开目录): the documents table 2's 规章 and 规范性文件 rows count. */
import { type Kysely, sql } from 'kysely';
import type { IsoDate } from '../../domain/calendar/index.ts';
import type { CatalogueKind, DisclosureMode, ItemStatus, Validity } from '../../domain/catalogue/model.ts';
import type { Database } from '../schema.ts';
import { catalogueChanged } from './catalogue-generation.ts';

export type { CatalogueKind } from '../../domain/catalogue/model.ts';

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

/** The editable fields of an item (everything but its index number, status and dates of state). */
export interface CatalogueItemFields {
  agencyId: number;
  title: string;
  docNumber: string | null;
  kind: CatalogueKind;
  genre: string | null;
  subject: string | null;
  catalogueCategory: string | null;
  art20Item: number | null;
  disclosureMode: DisclosureMode;
  keywords: string[];
  madeOn: IsoDate;
  changedOn: IsoDate | null;
  effectiveOn: IsoDate | null;
  summary: string | null;
  body: string | null;
}

export interface CatalogueItem extends CatalogueItemFields {
  id: number;
  indexNumber: string;
  status: ItemStatus;
  validity: Validity;
  publishedOn: IsoDate | null;
  repealedOn: IsoDate | null;
  interpretationOf: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface AttachmentRecord {
  id: number;
  itemId: number;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  /** Relative to the uploads folder. */
  storedPath: string;
  createdAt: string;
}

export interface ItemFilters {
  agencyIds?: readonly number[];
  /** Only items the public may see (published or repealed, disclosed proactively). */
  isPublicOnly: boolean;
  status?: ItemStatus;
  category?: string;
  /** Year of publication (of formation for items not yet published). */
  year?: number;
  genre?: string;
  kind?: CatalogueKind;
}

const ITEM_COLUMNS = [
  'id',
  'agency_id',
  'index_number',
  'title',
  'doc_number',
  'kind',
  'genre',
  'subject',
  'catalogue_category',
  'art20_item',
  'disclosure_mode',
  'keywords',
  'made_on',
  'changed_on',
  'published_on',
  'effective_on',
  'repealed_on',
  'summary',
  'body',
  'status',
  'validity',
  'interpretation_of',
  'created_at',
  'updated_at',
] as const;

interface ItemRow {
  id: number;
  agency_id: number;
  index_number: string;
  title: string;
  doc_number: string | null;
  kind: string;
  genre: string | null;
  subject: string | null;
  catalogue_category: string | null;
  art20_item: number | null;
  disclosure_mode: string;
  keywords: string;
  made_on: string;
  changed_on: string | null;
  published_on: string | null;
  effective_on: string | null;
  repealed_on: string | null;
  summary: string | null;
  body: string | null;
  status: string;
  validity: string;
  interpretation_of: number | null;
  created_at: string;
  updated_at: string;
}

function toItem(r: ItemRow): CatalogueItem {
  return {
    id: r.id,
    agencyId: r.agency_id,
    indexNumber: r.index_number,
    title: r.title,
    docNumber: r.doc_number,
    kind: r.kind as CatalogueKind,
    genre: r.genre,
    subject: r.subject,
    catalogueCategory: r.catalogue_category,
    art20Item: r.art20_item === null ? null : Number(r.art20_item),
    disclosureMode: r.disclosure_mode as DisclosureMode,
    keywords: JSON.parse(r.keywords) as string[],
    madeOn: r.made_on as IsoDate,
    changedOn: r.changed_on as IsoDate | null,
    publishedOn: r.published_on as IsoDate | null,
    effectiveOn: r.effective_on as IsoDate | null,
    repealedOn: r.repealed_on as IsoDate | null,
    summary: r.summary,
    body: r.body,
    status: r.status as ItemStatus,
    validity: r.validity as Validity,
    interpretationOf: r.interpretation_of === null ? null : Number(r.interpretation_of),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function fieldColumns(f: CatalogueItemFields) {
  return {
    agency_id: f.agencyId,
    title: f.title,
    doc_number: f.docNumber,
    kind: f.kind,
    genre: f.genre,
    subject: f.subject,
    catalogue_category: f.catalogueCategory,
    art20_item: f.art20Item,
    disclosure_mode: f.disclosureMode,
    keywords: JSON.stringify(f.keywords),
    made_on: f.madeOn,
    changed_on: f.changedOn,
    effective_on: f.effectiveOn,
    summary: f.summary,
    body: f.body,
  };
}

/** The state an item's dates imply, for items loaded in bulk with their dates already known. */
function stateFromDates(i: NewCatalogueItem): { status: ItemStatus; validity: Validity } {
  if (i.repealedOn !== null) return { status: 'repealed', validity: 'repealed' };
  return { status: i.publishedOn !== null ? 'published' : 'draft', validity: 'in_force' };
}

export function catalogueRepository(db: Kysely<Database>) {
  function filtered(filters: ItemFilters) {
    let q = db.selectFrom('catalogue_items');
    if (filters.agencyIds) {
      if (filters.agencyIds.length === 0) return q.where(sql<boolean>`1 = 0`);
      q = q.where('agency_id', 'in', filters.agencyIds as number[]);
    }
    if (filters.isPublicOnly) {
      q = q.where('status', 'in', ['published', 'repealed']).where('disclosure_mode', '=', 'proactive');
    }
    if (filters.status) q = q.where('status', '=', filters.status);
    if (filters.category !== undefined) q = q.where('catalogue_category', '=', filters.category);
    if (filters.genre !== undefined) q = q.where('genre', '=', filters.genre);
    if (filters.kind !== undefined) q = q.where('kind', '=', filters.kind);
    if (filters.year !== undefined) {
      const dated = sql<string>`coalesce(published_on, made_on)`;
      q = q.where(dated, '>=', `${filters.year}-01-01`).where(dated, '<=', `${filters.year}-12-31`);
    }
    return q;
  }

  return {
    /** Bulk load (the demo): status and validity follow the dates given. */
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
            ...stateFromDates(i),
            created_at: now,
            updated_at: now,
          })),
        )
        .execute();
      catalogueChanged();
    },

    /** A new item (a draft unless `publishedOn` is given, for items imported as published). */
    async insert(
      fields: CatalogueItemFields,
      extra: { indexNumber: string; publishedOn: IsoDate | null },
      now: string,
    ): Promise<CatalogueItem> {
      const row = await db
        .insertInto('catalogue_items')
        .values({
          ...fieldColumns(fields),
          index_number: extra.indexNumber,
          published_on: extra.publishedOn,
          status: extra.publishedOn === null ? 'draft' : 'published',
          created_at: now,
          updated_at: now,
        })
        .returning(ITEM_COLUMNS)
        .executeTakeFirstOrThrow();
      catalogueChanged();
      return toItem(row);
    },

    async update(id: number, fields: CatalogueItemFields, now: string): Promise<CatalogueItem> {
      const row = await db
        .updateTable('catalogue_items')
        .set({ ...fieldColumns(fields), updated_at: now })
        .where('id', '=', id)
        .returning(ITEM_COLUMNS)
        .executeTakeFirstOrThrow();
      catalogueChanged();
      return toItem(row);
    },

    /** Sets the dates and state of publication or repeal. */
    async setState(
      id: number,
      state: Partial<{
        status: ItemStatus;
        validity: Validity;
        publishedOn: IsoDate | null;
        repealedOn: IsoDate | null;
        interpretationOf: number | null;
      }>,
      now: string,
    ): Promise<CatalogueItem> {
      const row = await db
        .updateTable('catalogue_items')
        .set({
          ...(state.status !== undefined ? { status: state.status } : {}),
          ...(state.validity !== undefined ? { validity: state.validity } : {}),
          ...(state.publishedOn !== undefined ? { published_on: state.publishedOn } : {}),
          ...(state.repealedOn !== undefined ? { repealed_on: state.repealedOn } : {}),
          ...(state.interpretationOf !== undefined ? { interpretation_of: state.interpretationOf } : {}),
          updated_at: now,
        })
        .where('id', '=', id)
        .returning(ITEM_COLUMNS)
        .executeTakeFirstOrThrow();
      catalogueChanged();
      return toItem(row);
    },

    async findById(id: number): Promise<CatalogueItem | null> {
      const row = await db
        .selectFrom('catalogue_items')
        .select(ITEM_COLUMNS)
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? toItem(row) : null;
    },

    /**
     * An item with the name of its agency, in one query (an item's public page). The agency
     * name is '' when the agency is gone.
     */
    async findWithAgencyName(id: number): Promise<{ item: CatalogueItem; agencyName: string } | null> {
      const row = await db
        .selectFrom('catalogue_items')
        .leftJoin('agencies', 'agencies.id', 'catalogue_items.agency_id')
        .select(ITEM_COLUMNS.map((c) => `catalogue_items.${c}` as const))
        .select('agencies.name as agency_name')
        .where('catalogue_items.id', '=', id)
        .executeTakeFirst();
      return row ? { item: toItem(row), agencyName: row.agency_name ?? '' } : null;
    },

    async isIndexNumberTaken(indexNumber: string): Promise<boolean> {
      const row = await db
        .selectFrom('catalogue_items')
        .select('id')
        .where('index_number', '=', indexNumber)
        .executeTakeFirst();
      return row !== undefined;
    },

    /**
     * The next serial of an agency's index numbers in a year, never one given before: one
     * past the stored counter and past any guideline-form number already there (imported or
     * loaded in bulk). The upsert takes the counter's row lock, so concurrent saves queue.
     */
    async nextSerial(agencyId: number, year: number, orgCode: string): Promise<number> {
      const counted = await db
        .insertInto('index_number_serials')
        .values({ agency_id: agencyId, year, last_serial: 1 })
        .onConflict((oc) =>
          oc.columns(['agency_id', 'year']).doUpdateSet({
            last_serial: sql<number>`index_number_serials.last_serial + 1`,
          }),
        )
        .returning('last_serial')
        .executeTakeFirstOrThrow();
      const prefix = `${orgCode}/${year}-`;
      const highest = await db
        .selectFrom('catalogue_items')
        .select((eb) => eb.fn.max('index_number').as('n'))
        .where('index_number', '>=', `${prefix}00000`)
        .where('index_number', '<=', `${prefix}99999`)
        .executeTakeFirst();
      const existing = highest?.n ? Number(highest.n.slice(prefix.length)) : 0;
      const serial = Math.max(Number(counted.last_serial), existing + 1);
      if (serial !== Number(counted.last_serial)) {
        await db
          .updateTable('index_number_serials')
          .set({ last_serial: serial })
          .where('agency_id', '=', agencyId)
          .where('year', '=', year)
          .execute();
      }
      return serial;
    },

    /** One page of items, newest publication first, and how many match. */
    async list(
      filters: ItemFilters,
      page: { limit: number; offset: number },
    ): Promise<{ total: number; items: CatalogueItem[] }> {
      const counted = await filtered(filters)
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .executeTakeFirstOrThrow();
      const total = Number(counted.n);
      if (page.offset >= total) return { total, items: [] };
      const rows = await filtered(filters)
        .select(ITEM_COLUMNS)
        .orderBy('published_on', (ob) => ob.desc().nullsLast())
        .orderBy('id', 'desc')
        .limit(page.limit)
        .offset(page.offset)
        .execute();
      return { total, items: rows.map(toItem) };
    },

    /** Items that interpret `policyId` (政策解读), oldest first. */
    async interpretationsOf(policyId: number): Promise<CatalogueItem[]> {
      const rows = await db
        .selectFrom('catalogue_items')
        .select(ITEM_COLUMNS)
        .where('interpretation_of', '=', policyId)
        .orderBy('id')
        .execute();
      return rows.map(toItem);
    },

    /** Up to `limit` items with an id above `afterId`, in id order (for re-indexing in batches). */
    async batchAfter(afterId: number, limit: number): Promise<CatalogueItem[]> {
      const rows = await db
        .selectFrom('catalogue_items')
        .select(ITEM_COLUMNS)
        .where('id', '>', afterId)
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map(toItem);
    },

    async insertAttachment(
      a: Omit<AttachmentRecord, 'id' | 'createdAt'> & { extractedText: string },
      now: string,
    ): Promise<AttachmentRecord> {
      const row = await db
        .insertInto('attachments')
        .values({
          item_id: a.itemId,
          file_name: a.fileName,
          media_type: a.mediaType,
          size_bytes: a.sizeBytes,
          sha256: a.sha256,
          stored_path: a.storedPath,
          extracted_text: a.extractedText,
          created_at: now,
        })
        .returning(['id'])
        .executeTakeFirstOrThrow();
      catalogueChanged();
      const { extractedText: _text, ...record } = a;
      return { ...record, id: row.id, createdAt: now };
    },

    async attachmentsOf(itemId: number): Promise<AttachmentRecord[]> {
      const rows = await db
        .selectFrom('attachments')
        .select([
          'id',
          'item_id',
          'file_name',
          'media_type',
          'size_bytes',
          'sha256',
          'stored_path',
          'created_at',
        ])
        .where('item_id', '=', itemId)
        .orderBy('id')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        itemId: r.item_id,
        fileName: r.file_name,
        mediaType: r.media_type,
        sizeBytes: Number(r.size_bytes),
        sha256: r.sha256,
        storedPath: r.stored_path,
        createdAt: r.created_at,
      }));
    },

    /** The extracted text of an item's attachments, in the order they were added. */
    async attachmentsText(itemId: number): Promise<string> {
      const rows = await db
        .selectFrom('attachments')
        .select('extracted_text')
        .where('item_id', '=', itemId)
        .orderBy('id')
        .execute();
      return rows
        .map((r) => r.extracted_text)
        .filter((t) => t !== '')
        .join('\n');
    },
  };
}
