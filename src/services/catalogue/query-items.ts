/**
 * Reading the catalogue: one item with its attachments and interpretation links, and pages
 * of items by agency, category, year, genre, kind and status. The portal sees public items
 * only (isPublic); the back office asks for drafts explicitly.
 */

import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { agenciesRepository } from '../../db/repositories/agencies.ts';
import {
  type AttachmentRecord,
  type CatalogueItem,
  catalogueRepository,
} from '../../db/repositories/catalogue.ts';
import {
  type BrowseFilters,
  catalogueBrowseRepository,
  type FacetCount,
  type FacetName,
  type ItemSummary,
} from '../../db/repositories/catalogue-browse.ts';
import { CATALOGUE_KINDS, isPublic } from '../../domain/catalogue/model.ts';
import { DomainError } from '../../domain/errors.ts';
import { isRecordId } from '../../domain/record-id.ts';
import { findAgency } from '../agencies/find-agency.ts';
import { parseInput } from '../applications/schemas.ts';
import type { Deps } from '../deps.ts';
import { DEFAULT_UPLOADS_DIR } from './add-attachment.ts';
import { ListItemsSchema } from './schemas.ts';

export type { FacetCount, FacetName, ItemSummary } from '../../db/repositories/catalogue-browse.ts';

export interface ItemDetail {
  item: CatalogueItem;
  agencyName: string;
  attachments: AttachmentRecord[];
  /** The policy this item interprets (政策解读), if any and visible. */
  interpretationOf: CatalogueItem | null;
  /** The interpretations of this item, if it is a policy. */
  interpretations: CatalogueItem[];
}

export interface ItemPage {
  total: number;
  page: number;
  pageSize: number;
  items: CatalogueItem[];
}

/** One item; a draft (or an item not disclosed proactively) only with `isPublicOnly: false`. */
export async function getItem(
  deps: Deps,
  itemId: number,
  options: { isPublicOnly?: boolean } = {},
): Promise<ItemDetail> {
  const visible = visibleTo(options);
  const items = catalogueRepository(deps.db.db);
  // The item and its agency's name in one query; the rest at once (PostgreSQL runs them side by side).
  const found = isRecordId(itemId) ? await items.findWithAgencyName(itemId) : null;
  const item = found?.item ?? null;
  if (!visible(item)) throw itemNotFound(itemId);
  const [policy, attachments, interpretations] = await Promise.all([
    item.interpretationOf === null ? null : items.findById(item.interpretationOf),
    items.attachmentsOf(item.id),
    items.interpretationsOf(item.id),
  ]);
  return {
    item,
    agencyName: found?.agencyName ?? '',
    attachments,
    interpretationOf: visible(policy) ? policy : null,
    interpretations: interpretations.filter(visible),
  };
}

/** Whether an item may be shown: by default only one the public may see. */
const visibleTo =
  (options: { isPublicOnly?: boolean }) =>
  (i: CatalogueItem | null): i is CatalogueItem =>
    i !== null && (!(options.isPublicOnly ?? true) || isPublic(i));

const itemNotFound = (itemId: number) =>
  new DomainError('catalogue.not_found', `未找到编号为${itemId}的目录信息`, 'itemId');

/**
 * One attachment of an item with its bytes; by default only of an item the public may see.
 * The stored path is the one the upload use case wrote (never from the request).
 */
export async function readAttachment(
  deps: Deps,
  itemId: number,
  attachmentId: number,
  options: { isPublicOnly?: boolean } = {},
): Promise<{ attachment: AttachmentRecord; bytes: Buffer }> {
  // Only the item's visibility and its attachments: not the whole item page.
  const items = catalogueRepository(deps.db.db);
  const item = isRecordId(itemId) ? await items.findById(itemId) : null;
  if (!visibleTo(options)(item)) throw itemNotFound(itemId);
  const attachment = (await items.attachmentsOf(item.id)).find((a) => a.id === attachmentId);
  if (!attachment) throw new DomainError('catalogue.not_found', '未找到该附件', 'attachmentId');
  const bytes = await readFile(join(resolve(deps.uploadsDir ?? DEFAULT_UPLOADS_DIR), attachment.storedPath));
  return { attachment, bytes };
}

/** A page of items, newest publication first. */
export async function listItems(deps: Deps, input: unknown = {}): Promise<ItemPage> {
  const v = parseInput(ListItemsSchema, input);
  let agencyIds: number[] | undefined;
  if (v.agency !== undefined) {
    const agencies = agenciesRepository(deps.db.db);
    const agency = await findAgency(deps, v.agency);
    agencyIds = await agencies.subtreeIds(agency.id);
  }
  const { total, items } = await catalogueRepository(deps.db.db).list(
    {
      isPublicOnly: v.isPublicOnly,
      ...(agencyIds ? { agencyIds } : {}),
      ...(v.status ? { status: v.status } : {}),
      ...(v.category !== undefined ? { category: v.category } : {}),
      ...(v.year !== undefined ? { year: v.year } : {}),
      ...(v.genre !== undefined ? { genre: v.genre } : {}),
      ...(v.kind !== undefined ? { kind: v.kind } : {}),
    },
    { limit: v.pageSize, offset: (v.page - 1) * v.pageSize },
  );
  return { total, page: v.page, pageSize: v.pageSize, items };
}

/** What the portal's catalogue browsing accepts (GET /items): every filter optional. */
export const BrowseItemsSchema = z.object({
  /** Code or exact name; the agency and every agency below it. */
  agency: z.string().trim().min(1).optional(),
  subject: z.string().trim().min(1).max(100).optional(),
  genre: z.string().trim().min(1).max(20).optional(),
  year: z.coerce.number({ error: '年份无效' }).int({ message: '年份无效' }).min(1949).max(2999).optional(),
  kind: z.enum(CATALOGUE_KINDS, { error: '文件类别无效' }).optional(),
  category: z.string().trim().min(1).max(100).optional(),
  art20: z.coerce
    .number({ error: '《条例》第二十条事项应为1至15' })
    .int({ message: '《条例》第二十条事项应为1至15' })
    .min(1, { message: '《条例》第二十条事项应为1至15' })
    .max(15, { message: '《条例》第二十条事项应为1至15' })
    .optional(),
  page: z.coerce.number({ error: '页码无效' }).int().min(1, { message: '页码无效' }).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type BrowseItemsInput = z.input<typeof BrowseItemsSchema>;

export interface BrowsePage {
  total: number;
  page: number;
  pageSize: number;
  items: ItemSummary[];
  /** Counts beside each filter, under the other filters. Agencies by id. */
  facets: Record<FacetName, FacetCount[]>;
}

/** A page of public items with the counts of each subject, genre, agency and year (facets). */
export async function browseItems(deps: Deps, input: unknown = {}): Promise<BrowsePage> {
  const v = parseInput(BrowseItemsSchema, input);
  let agencyIds: number[] | undefined;
  if (v.agency !== undefined) {
    const agencies = agenciesRepository(deps.db.db);
    const agency = await findAgency(deps, v.agency);
    agencyIds = await agencies.subtreeIds(agency.id);
  }
  const filters: BrowseFilters = {
    ...(agencyIds ? { agencyIds } : {}),
    ...(v.subject !== undefined ? { subject: v.subject } : {}),
    ...(v.genre !== undefined ? { genre: v.genre } : {}),
    ...(v.year !== undefined ? { year: v.year } : {}),
    ...(v.kind !== undefined ? { kind: v.kind } : {}),
    ...(v.category !== undefined ? { category: v.category } : {}),
    ...(v.art20 !== undefined ? { art20: v.art20 } : {}),
  };
  const browse = catalogueBrowseRepository(deps.db.db);
  const { total, items } = await browse.list(filters, {
    limit: v.pageSize,
    offset: (v.page - 1) * v.pageSize,
  });
  const [subject, genre, agency, year] = await Promise.all(
    (['subject', 'genre', 'agency', 'year'] as const).map((name) => browse.facet(filters, name)),
  );
  return {
    total,
    page: v.page,
    pageSize: v.pageSize,
    items,
    facets: { subject: subject!, genre: genre!, agency: agency!, year: year! },
  };
}

/** The newest public items (the portal's home page). */
export async function latestItems(deps: Deps, limit = 10): Promise<ItemSummary[]> {
  return catalogueBrowseRepository(deps.db.db).latest(limit);
}

/** A few public items on the same subject, then of the same agency (an item's page). */
export async function relatedItems(deps: Deps, item: CatalogueItem, limit = 5): Promise<ItemSummary[]> {
  return catalogueBrowseRepository(deps.db.db).related(item, limit);
}
