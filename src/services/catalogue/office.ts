/**
 * What the back office reads of the catalogue beyond the portal's queries: the items of the
 * user's agencies in every state with a text filter, each attachment with whether its text
 * was extracted, the items a 政策解读 may be linked to, the vocabulary already in use, and an
 * item's publication measured against R-26 (Regulation art. 26: 20 working days from the day
 * the information was formed or changed) with the working days it took.
 */
import { sql } from 'kysely';
import { agenciesRepository } from '../../db/repositories/agencies.ts';
import {
  type AttachmentRecord,
  type CatalogueItem,
  catalogueRepository,
} from '../../db/repositories/catalogue.ts';
import { type IsoDate, workingDaysBetween } from '../../domain/calendar/index.ts';
import type { ItemStatus } from '../../domain/catalogue/model.ts';
import {
  checkPublicationDeadline,
  PUBLICATION_WORKING_DAYS,
  type PublicationCheck,
} from '../../domain/catalogue/publication-deadline.ts';
import type { Deps } from '../deps.ts';

export interface OfficeItem extends CatalogueItem {
  agencyName: string;
}

export interface OfficeItemQuery {
  /** The agencies the user may see; an empty list matches nothing. */
  agencyIds: readonly number[];
  /** One of them only. */
  agencyId?: number;
  status?: ItemStatus;
  /** Part of the title, the 索引号 or the 文号. */
  text?: string;
  page: number;
  pageSize: number;
}

export interface OfficeItemPage {
  total: number;
  page: number;
  pageSize: number;
  items: OfficeItem[];
}

/** `text` as a LIKE pattern matching it anywhere, with `%`, `_` and `\` taken literally. */
function containsPattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

const matchesText = (text: string) => {
  const pattern = containsPattern(text);
  return sql<boolean>`(lower(title) like ${pattern} escape '\\' or lower(index_number) like ${pattern} escape '\\' or lower(coalesce(doc_number, '')) like ${pattern} escape '\\')`;
};

async function withAgencyNames(deps: Deps, ids: readonly number[]): Promise<OfficeItem[]> {
  const items = catalogueRepository(deps.db.db);
  const agencies = agenciesRepository(deps.db.db);
  const names = new Map((await agencies.list()).map((a) => [a.id, a.name]));
  const found = await Promise.all(ids.map((id) => items.findById(id)));
  return found
    .filter((i): i is CatalogueItem => i !== null)
    .map((i) => ({ ...i, agencyName: names.get(i.agencyId) ?? '' }));
}

/** A page of the user's items, drafts included, most recently changed first, then newest. */
export async function listOfficeItems(deps: Deps, query: OfficeItemQuery): Promise<OfficeItemPage> {
  const pageSize = Math.min(Math.max(1, Math.trunc(query.pageSize)), 100);
  const page = Math.max(1, Math.trunc(query.page));
  const agencyIds =
    query.agencyId === undefined
      ? [...query.agencyIds]
      : query.agencyIds.filter((id) => id === query.agencyId);
  if (agencyIds.length === 0) return { total: 0, page, pageSize, items: [] };
  const text = query.text?.trim() ?? '';
  const filtered = () => {
    let q = deps.db.db.selectFrom('catalogue_items').where('agency_id', 'in', agencyIds);
    if (query.status) q = q.where('status', '=', query.status);
    if (text) q = q.where(matchesText(text));
    return q;
  };
  const counted = await filtered()
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirstOrThrow();
  const total = Number(counted.n);
  const rows = await filtered()
    .select('id')
    .orderBy('updated_at', 'desc')
    .orderBy(sql`coalesce(published_on, made_on)`, 'desc')
    .orderBy('id', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return {
    total,
    page,
    pageSize,
    items: await withAgencyNames(
      deps,
      rows.map((r) => r.id),
    ),
  };
}

export interface OfficeAttachment extends AttachmentRecord {
  /** Characters of text extracted for search (0 for images, scans and encrypted PDFs). */
  textChars: number;
}

/** An item's attachments, each with how much text search has of it. */
export async function officeAttachments(deps: Deps, itemId: number): Promise<OfficeAttachment[]> {
  const records = await catalogueRepository(deps.db.db).attachmentsOf(itemId);
  const lengths = await deps.db.db
    .selectFrom('attachments')
    .select(['id', sql<number | string>`length(extracted_text)`.as('n')])
    .where('item_id', '=', itemId)
    .execute();
  const byId = new Map(lengths.map((r) => [r.id, Number(r.n)]));
  return records.map((r) => ({ ...r, textChars: byId.get(r.id) ?? 0 }));
}

/**
 * Items `interpretationId` may be linked to as their 政策解读, found by 索引号, title or 文号:
 * not itself, not an interpretation itself, and either in the user's agencies or public.
 */
export async function policyCandidates(
  deps: Deps,
  input: { interpretationId: number; text: string; agencyIds: readonly number[]; limit?: number },
): Promise<OfficeItem[]> {
  const text = input.text.trim();
  if (!text) return [];
  const agencyIds = [...input.agencyIds];
  const rows = await deps.db.db
    .selectFrom('catalogue_items')
    .select('id')
    .where('id', '!=', input.interpretationId)
    .where('interpretation_of', 'is', null)
    .where(matchesText(text))
    .where((eb) => {
      const isPublic = eb.and([
        eb('status', 'in', ['published', 'repealed']),
        eb('disclosure_mode', '=', 'proactive'),
      ]);
      return agencyIds.length > 0 ? eb.or([isPublic, eb('agency_id', 'in', agencyIds)]) : isPublic;
    })
    .orderBy('id', 'desc')
    .limit(input.limit ?? 20)
    .execute();
  return withAgencyNames(
    deps,
    rows.map((r) => r.id),
  );
}

/** The 主题分类 and 目录分类 values already used, offered as suggestions in the form. */
export async function catalogueVocabulary(deps: Deps): Promise<{ subjects: string[]; categories: string[] }> {
  const distinct = async (column: 'subject' | 'catalogue_category') => {
    const rows = await deps.db.db
      .selectFrom('catalogue_items')
      .select(column)
      .distinct()
      .where(column, 'is not', null)
      .orderBy(column)
      .limit(200)
      .execute();
    return rows.map((r) => (r as Record<string, string | null>)[column]).filter((v): v is string => !!v);
  };
  return { subjects: await distinct('subject'), categories: await distinct('catalogue_category') };
}

export interface PublicationDelay {
  check: PublicationCheck;
  /** Working days from formation or change (day zero) to publication (provisional when check.isProvisional). */
  workingDays: number;
  /** The working days art. 26 allows. */
  allowedWorkingDays: number;
}

/** A published item's publication against R-26; null for an item not published. */
export function publicationDelay(
  deps: Pick<Deps, 'calendar'>,
  item: Pick<CatalogueItem, 'madeOn' | 'changedOn' | 'publishedOn'>,
): PublicationDelay | null {
  if (item.publishedOn === null) return null;
  const publishedOn = item.publishedOn as IsoDate;
  const check = checkPublicationDeadline(
    { madeOn: item.madeOn, changedOn: item.changedOn, publishedOn },
    deps.calendar,
  );
  const counted = workingDaysBetween(check.startOn, publishedOn, deps.calendar);
  return {
    check,
    workingDays: counted.isProvisional ? counted.provisionalValue : counted.value,
    allowedWorkingDays: PUBLICATION_WORKING_DAYS,
  };
}
