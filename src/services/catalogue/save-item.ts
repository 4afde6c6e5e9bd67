/**
 * Saves a catalogue item from the back office (new or edited). A new item gets its index
 * number here, once: the agency's organisation code, the year it was formed (成文日期), the
 * agency's next serial of that year (glossary §5.1). An edit never changes the number, even
 * when the item moves to another agency. The item and its search document are written in one
 * transaction; nothing is stored when anything fails.
 */
import { agenciesRepository } from '../../db/repositories/agencies.ts';
import {
  type CatalogueItem,
  type CatalogueItemFields,
  catalogueRepository,
} from '../../db/repositories/catalogue.ts';
import { catalogueChanged } from '../../db/repositories/catalogue-generation.ts';
import type { IsoDate } from '../../domain/calendar/index.ts';
import {
  formatIndexNumber,
  type IndexNumberFinding,
  MAX_SERIAL,
  parseIndexNumber,
} from '../../domain/catalogue/index-number.ts';
import {
  checkPublicationDeadline,
  type PublicationCheck,
} from '../../domain/catalogue/publication-deadline.ts';
import { itemDateProblems } from '../../domain/catalogue/validate.ts';
import { DomainError } from '../../domain/errors.ts';
import { findAgency } from '../agencies/find-agency.ts';
import { parseInput } from '../applications/schemas.ts';
import type { Deps } from '../deps.ts';
import { indexItem, searchIndexOf } from './index-item.ts';
import { SaveItemSchema } from './schemas.ts';

export interface SaveItemResult {
  item: CatalogueItem;
  /** R-26 for an item imported as published; null otherwise. */
  publication: PublicationCheck | null;
  /** About an index number given as printed elsewhere (variant forms are kept, with a note). */
  indexNumberFindings: IndexNumberFinding[];
}

/** Creates or edits an item; throws DomainError on bad input. */
export async function saveItem(deps: Deps, input: unknown): Promise<SaveItemResult> {
  const v = parseInput(SaveItemSchema, input);
  const today = deps.clock.today();
  const agency = await findAgency(deps, v.agency);

  const existing = v.id === undefined ? null : await catalogueRepository(deps.db.db).findById(v.id);
  if (v.id !== undefined && !existing) {
    throw new DomainError('catalogue.not_found', `未找到编号为${v.id}的目录信息`, 'id');
  }
  const publishedOn = existing ? existing.publishedOn : (v.publishedOn as IsoDate | null);
  if (existing && v.publishedOn !== null && v.publishedOn !== existing.publishedOn) {
    throw new DomainError('catalogue.illegal_state', '发布日期请通过“发布”操作设置', 'publishedOn');
  }
  const problem = itemDateProblems(
    {
      madeOn: v.madeOn as IsoDate,
      changedOn: v.changedOn as IsoDate | null,
      publishedOn,
      effectiveOn: v.effectiveOn as IsoDate | null,
      repealedOn: existing?.repealedOn ?? null,
    },
    today,
  )[0];
  if (problem) throw new DomainError('validation.invalid', problem.message, problem.field);

  let indexNumberFindings: IndexNumberFinding[] = [];
  if (existing && v.indexNumber !== null && v.indexNumber !== existing.indexNumber) {
    throw new DomainError(
      'catalogue.index_number_fixed',
      `索引号是信息唯一不变的标识，一经生成不得更改（本条为${existing.indexNumber}）`,
      'indexNumber',
    );
  }
  if (!existing && v.indexNumber !== null) {
    indexNumberFindings = parseIndexNumber(v.indexNumber).findings;
    if (await catalogueRepository(deps.db.db).isIndexNumberTaken(v.indexNumber)) {
      throw new DomainError(
        'catalogue.index_number_taken',
        `索引号${v.indexNumber}已被其他信息使用`,
        'indexNumber',
      );
    }
  }
  const orgCode =
    existing || v.indexNumber !== null ? null : await agenciesRepository(deps.db.db).orgCodeOf(agency.id);
  if (!existing && v.indexNumber === null && orgCode === null) {
    throw new DomainError(
      'catalogue.no_org_code',
      `${agency.name}尚未设置组织机构代码，无法生成索引号；请先在机关信息中填写9位组织机构代码`,
      'agency',
    );
  }

  const fields: CatalogueItemFields = {
    agencyId: agency.id,
    title: v.title,
    docNumber: v.docNumber,
    kind: v.kind,
    genre: v.genre,
    subject: v.subject,
    catalogueCategory: v.catalogueCategory,
    art20Item: v.art20Item,
    disclosureMode: v.disclosureMode,
    keywords: v.keywords,
    madeOn: v.madeOn as IsoDate,
    changedOn: v.changedOn as IsoDate | null,
    effectiveOn: v.effectiveOn as IsoDate | null,
    summary: v.summary,
    body: v.body,
  };
  const now = deps.clock.now().toISOString();
  const index = searchIndexOf(deps);
  const item = await deps.db.db.transaction().execute(async (trx) => {
    const items = catalogueRepository(trx);
    let saved: CatalogueItem;
    if (existing) saved = await items.update(existing.id, fields, now);
    else {
      let indexNumber = v.indexNumber;
      if (indexNumber === null) {
        const year = Number(fields.madeOn.slice(0, 4));
        const serial = await items.nextSerial(agency.id, year, orgCode!);
        if (serial > MAX_SERIAL) {
          throw new DomainError(
            'catalogue.serial_exhausted',
            `${agency.name}${year}年的索引号流水号已用完（最多${MAX_SERIAL}个）`,
            'madeOn',
          );
        }
        indexNumber = formatIndexNumber(orgCode!, year, serial);
      }
      saved = await items.insert(fields, { indexNumber, publishedOn }, now);
    }
    await indexItem(index, trx, saved);
    return saved;
  });
  // After the commit: pages rendered from here on see the change (db/repositories/catalogue-generation.ts).
  catalogueChanged();
  const publication =
    !existing && publishedOn !== null
      ? checkPublicationDeadline(
          { madeOn: item.madeOn, changedOn: item.changedOn, publishedOn },
          deps.calendar,
        )
      : null;
  return { item, publication, indexNumberFindings };
}
