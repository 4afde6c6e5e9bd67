import type { Agency } from '../../domain/agencies/model.ts';
import type { Finding } from '../../domain/report/finding.ts';
import type { AnnualReport } from '../../domain/report/model.ts';
import { validateReport } from '../../domain/report/validate/index.ts';
import { findAgency } from '../agencies/find-agency.ts';
import type { Deps } from '../deps.ts';
import { buildReport, type SavedDraft } from './build-report.ts';

/** Where a report's figures come from: the agency's own records, or its whole subtree summed. */
export type ReportOrigin = 'records' | 'rollup';

export interface ReportKey {
  /** Code or exact name of the agency. */
  agency: string;
  year: number;
  rollup?: boolean;
}

export interface PreparedReport {
  agency: Agency;
  year: number;
  origin: ReportOrigin;
  report: AnnualReport;
  findings: Finding[];
  /** The saved draft (annual_reports row), when there is one. */
  draft: { updatedAt: string; typed: Record<string, number> } | null;
}

export const originOf = (rollup: boolean | undefined): ReportOrigin => (rollup ? 'rollup' : 'records');

export async function prepareReport(deps: Deps, key: ReportKey): Promise<PreparedReport> {
  const agency = await findAgency(deps, key.agency);
  const rollup = key.rollup ?? false;
  const origin = originOf(rollup);
  const built = await buildReport(deps, { agency: agency.code, year: key.year, rollup });
  const row = await deps.db.db
    .selectFrom('annual_reports')
    .select(['report', 'updated_at'])
    .where('agency_id', '=', agency.id)
    .where('year', '=', key.year)
    .where('origin', '=', origin)
    .executeTakeFirst();
  const saved = row ? (JSON.parse(row.report) as Partial<SavedDraft>) : null;
  const typed = saved?.typed ?? {};
  const draft = row ? { updatedAt: row.updated_at, typed } : null;
  // buildReport checks the report before the draft's chapters replace the generated ones:
  // without edited text or typed figures there is nothing more to check.
  const edited = Object.keys(saved?.report?.chapters ?? {}).length > 0 || Object.keys(typed).length > 0;
  if (!edited)
    return { agency, year: key.year, origin, report: built.report, findings: built.findings, draft };
  const report = structuredClone(built.report);
  for (const [address, value] of Object.entries(typed)) {
    const [, rowKey, column] = address.split('.') as [string, string, string];
    const cells = report.table3[rowKey] as Record<string, number | null> | undefined;
    if (cells && column in cells) cells[column] = value;
  }
  // The edited text (narrative.*) and the typed figures (the arithmetic) are checked again as a
  // whole, against last year's figures from the records as buildReport does (continuity.*).
  const previous =
    key.year > 2008
      ? (await buildReport(deps, { agency: agency.code, year: key.year - 1, rollup })).report
      : null;
  const findings = [
    ...validateReport(report, { previous }),
    ...built.findings.filter((f) => f.rule === 'records.mismatch'),
  ];
  return { agency, year: key.year, origin, report, findings, draft };
}

/** JSON with object keys sorted, so that two equal reports compare equal as text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : v,
  );
}
