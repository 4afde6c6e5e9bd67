import { type PortalPage, portalPagesRepository } from '../../db/repositories/portal-pages.ts';
import { DomainError } from '../../domain/errors.ts';
import { assertCan } from '../accounts/access.ts';
import { writeAudit } from '../accounts/audit.ts';
import { type Actor, actorId, actorName, isSystemActor } from '../accounts/model.ts';
import { findAgency } from '../agencies/find-agency.ts';
import { parseInput } from '../applications/schemas.ts';
import type { Deps } from '../deps.ts';
import { missingGuideElements } from './model.ts';
import { type SavePortalPageInput, SavePortalPageSchema } from './schemas.ts';

export interface SavePortalPageResult {
  page: PortalPage;
  /** For a guide: the art. 12 elements its text does not mention yet. */
  missingElements: string[];
}

/** Creates or replaces the page; throws DomainError on bad input or outside the actor's scope. */
export async function savePortalPage(
  deps: Deps,
  input: SavePortalPageInput,
  actor: Actor,
): Promise<SavePortalPageResult> {
  const v = parseInput(SavePortalPageSchema, input);
  const agency = await findAgency(deps, v.agency);
  if (!isSystemActor(actor)) {
    if (!actor.agencyIds.includes(agency.id)) {
      throw new DomainError('auth.forbidden', `“${agency.name}”不在您管理的范围内`, 'agency');
    }
    assertCan(actor, 'catalogue.manage', agency.id);
  }
  const page = await deps.db.db.transaction().execute(async (trx) => {
    const saved = await portalPagesRepository(trx).upsert(
      { agencyId: agency.id, kind: v.kind, title: v.title, body: v.body },
      actorName(actor),
      deps.clock.now().toISOString(),
    );
    await writeAudit(
      deps,
      {
        actorId: actorId(actor),
        actor: actorName(actor),
        action: 'portal_page.saved',
        subject: `portal_page:${agency.code}/${v.kind}`,
        agencyId: agency.id,
      },
      trx,
    );
    return saved;
  });
  return { page, missingElements: v.kind === 'guide' ? missingGuideElements(v.body) : [] };
}
