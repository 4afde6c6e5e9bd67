/**
 * Published reports of other agencies known to the server: those imported into the database
 * (services/imports/, table imported_reports) by the back office, the demo loader or
 * GONGKAI_DEMO_DIR. Each is shown with its corrections applied and its current findings.
 */
import type { ImportedReportSummary } from '../../db/repositories/imported-reports.ts';
import type { Deps } from '../deps.ts';
import { listImportedReports } from '../imports/queries.ts';

/** Newest report year first, then agency name. */
export async function listPublishedReports(deps: Pick<Deps, 'db'>): Promise<ImportedReportSummary[]> {
  const reports = await listImportedReports(deps);
  return reports.sort(
    (a, b) =>
      (b.year ?? 0) - (a.year ?? 0) ||
      (a.agencyName ?? '').localeCompare(b.agencyName ?? '', 'zh') ||
      a.id - b.id,
  );
}
