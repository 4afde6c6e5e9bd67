/**
 * Reading the catalogue: one item with its attachments and interpretation links, and pages
 * of items by agency, category, year, genre, kind and status. The portal sees public items
 * only (isPublic); the back office asks for drafts explicitly.
 */
import { agenciesRepository } from '../../db/repositories/agencies.ts';
import {
  type AttachmentRecord,
  type CatalogueItem,
  catalogueRepository,
} from '../../db/repositories/catalogue.ts';
import { isPublic } from '../../domain/catalogue/model.ts';
import { DomainError } from '../../domain/errors.ts';
import { parseInput } from '../applications/schemas.ts';
import type { Deps } from '../deps.ts';
import { ListItemsSchema } from './schemas.ts';

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
  const isPublicOnly = options.isPublicOnly ?? true;
  const visible = (i: CatalogueItem | null): i is CatalogueItem =>
    i !== null && (!isPublicOnly || isPublic(i));
  const items = catalogueRepository(deps.db.db);
  const item = Number.isInteger(itemId) ? await items.findById(itemId) : null;
  if (!visible(item))
    throw new DomainError('catalogue.not_found', `未找到编号为${itemId}的目录信息`, 'itemId');
  const agency = await agenciesRepository(deps.db.db).findById(item.agencyId);
  const policy = item.interpretationOf === null ? null : await items.findById(item.interpretationOf);
  return {
    item,
    agencyName: agency?.name ?? '',
    attachments: await items.attachmentsOf(item.id),
    interpretationOf: visible(policy) ? policy : null,
    interpretations: (await items.interpretationsOf(item.id)).filter(visible),
  };
}

/** A page of items, newest publication first. */
export async function listItems(deps: Deps, input: unknown = {}): Promise<ItemPage> {
  const v = parseInput(ListItemsSchema, input);
  let agencyIds: number[] | undefined;
  if (v.agency !== undefined) {
    const agencies = agenciesRepository(deps.db.db);
    const agency = await agencies.findByCodeOrName(v.agency);
    if (!agency) throw new DomainError('agency.not_found', `未找到机关“${v.agency}”`, 'agency');
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
