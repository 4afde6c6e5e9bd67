/**
 * The demo's published annual reports (`gongkai demo`, `npm start` on an empty database): every
 * completed year of every demo agency whose report has no error finding, and the county's
 * rollup, each published through publishReport as the system, so that the portal's 年报 column
 * shows them. 宁海县人民政府办公室's 2020 report is the published Ninghai report, number for number.
 */
import { agenciesRepository } from '../../db/repositories/agencies.ts';
import { DomainError } from '../../domain/errors.ts';
import { completedReportYears } from '../../domain/report/formats/index.ts';
import type { Deps } from '../deps.ts';
import { publishReport } from './publish-report.ts';

/** Publishes the demo agencies' error-free reports; returns how many were published. */
export async function publishDemoReports(deps: Deps): Promise<number> {
  const repo = agenciesRepository(deps.db.db);
  const years = completedReportYears(Number(deps.clock.today().slice(0, 4)));
  let published = 0;
  for (const agency of await repo.list()) {
    const rollups =
      (await repo.subtreeIds(agency.id)).length > 1 && agency.parentId !== null ? [false, true] : [false];
    for (const rollup of rollups) {
      for (const year of years) {
        // Without a reason publishReport refuses a report with error findings: the demo skips it.
        try {
          await publishReport(deps, { agency: agency.code, year, rollup }, { system: 'demo' });
          published += 1;
        } catch (error) {
          if (!(error instanceof DomainError && error.code === 'report.has_errors')) throw error;
        }
      }
    }
  }
  return published;
}
