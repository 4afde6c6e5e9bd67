/**
 * 基层政务公开标准目录 (国办发〔2019〕54号): for each of the 26 domains, how many public items
 * are filed under it; and each township's or street's own directory, domain by domain.
 */
import { agenciesRepository } from '../../db/repositories/agencies.ts';
import { catalogueBrowseRepository, type ItemSummary } from '../../db/repositories/catalogue-browse.ts';
import type { Agency } from '../../domain/agencies/model.ts';
import {
  STANDARD_DOMAINS,
  type StandardDomain,
  TOWNSHIP_AGENCY_TYPES,
} from '../../domain/catalogue/standard-directory.ts';
import { DomainError } from '../../domain/errors.ts';
import { findAgency } from '../agencies/find-agency.ts';
import type { Deps } from '../deps.ts';

const CATEGORIES = STANDARD_DOMAINS.map((d) => d.catalogueCategory);

const isTownship = (a: Agency) => (TOWNSHIP_AGENCY_TYPES as readonly string[]).includes(a.type);

/** The townships and streets, each of which has a standard directory of its own. */
export async function townshipAgencies(deps: Pick<Deps, 'db'>): Promise<Agency[]> {
  return (await agenciesRepository(deps.db.db).list()).filter(isTownship);
}

export interface StandardDirectoryOverview {
  domains: { domain: StandardDomain; count: number }[];
  /** Every township and street, with how many items its directory holds. */
  townships: { agency: Agency; count: number }[];
}

/** The 26 domains with their counts over every agency, and the townships' directories. */
export async function standardDirectoryOverview(deps: Deps): Promise<StandardDirectoryOverview> {
  const counts = await catalogueBrowseRepository(deps.db.db).countsByCategory(CATEGORIES);
  const byCategory = new Map<string, number>();
  const byAgency = new Map<number, number>();
  for (const c of counts) {
    byCategory.set(c.category, (byCategory.get(c.category) ?? 0) + c.count);
    byAgency.set(c.agencyId, (byAgency.get(c.agencyId) ?? 0) + c.count);
  }
  const townships = await townshipAgencies(deps);
  return {
    domains: STANDARD_DOMAINS.map((domain) => ({
      domain,
      count: byCategory.get(domain.catalogueCategory) ?? 0,
    })),
    townships: townships.map((agency) => ({ agency, count: byAgency.get(agency.id) ?? 0 })),
  };
}

export interface TownshipDirectory {
  agency: Agency;
  domains: { domain: StandardDomain; items: ItemSummary[] }[];
}

/** One township's or street's directory: its public items in each of the 26 domains. */
export async function townshipDirectory(deps: Deps, agencyKey: string): Promise<TownshipDirectory> {
  const agency = await findAgency(deps, agencyKey);
  if (!isTownship(agency)) {
    throw new DomainError(
      'portal_page.not_found',
      `${agency.name}不是乡镇或街道，没有本级的基层政务公开标准目录`,
      'agency',
    );
  }
  const { items } = await catalogueBrowseRepository(deps.db.db).list(
    { agencyIds: [agency.id], categories: CATEGORIES },
    { limit: 1000, offset: 0 },
  );
  return {
    agency,
    domains: STANDARD_DOMAINS.map((domain) => ({
      domain,
      items: items.filter((i) => i.catalogueCategory === domain.catalogueCategory),
    })),
  };
}
