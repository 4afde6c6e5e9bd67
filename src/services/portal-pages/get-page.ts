/** Reading the portal's column pages: one agency's page, and which agencies have one. */

import {
  type PortalPage,
  type PortalPageKind,
  type PortalPageSummary,
  portalPagesRepository,
} from '../../db/repositories/portal-pages.ts';
import type { Agency } from '../../domain/agencies/model.ts';
import { DomainError } from '../../domain/errors.ts';
import { findAgency } from '../agencies/find-agency.ts';
import type { Deps } from '../deps.ts';
import { PORTAL_PAGE_LABELS } from './model.ts';

/** The agency (by code or name) and its page of that kind; the page is null when not written yet. */
export async function getPortalPage(
  deps: Deps,
  agencyKey: string,
  kind: PortalPageKind,
): Promise<{ agency: Agency; page: PortalPage | null }> {
  const agency = await findAgency(deps, agencyKey);
  return { agency, page: await portalPagesRepository(deps.db.db).find(agency.id, kind) };
}

/** Like getPortalPage, for the public: a page not written yet is a 404 with a Chinese message. */
export async function getPublishedPortalPage(
  deps: Deps,
  agencyKey: string,
  kind: PortalPageKind,
): Promise<{ agency: Agency; page: PortalPage }> {
  const { agency, page } = await getPortalPage(deps, agencyKey, kind);
  if (!page) {
    throw new DomainError(
      'portal_page.not_found',
      `${agency.name}尚未发布${PORTAL_PAGE_LABELS[kind]}`,
      'agency',
    );
  }
  return { agency, page };
}

/** Every written page of a kind, with its agency. */
export async function listPortalPages(deps: Deps, kind?: PortalPageKind): Promise<PortalPageSummary[]> {
  return portalPagesRepository(deps.db.db).list(kind);
}
