/**
 * The annual report of an agency (or of its whole subtree: rollup) for a year, built from the
 * records: SQL aggregations → reportFromCounts → chapter drafts → validation. Validation passes
 * by construction for the arithmetic; a saved draft whose tables disagree with the records
 * is reported as `records.mismatch`.
 */
import { agenciesRepository } from '../../db/repositories/agencies.ts';
import { reportFiguresRepository } from '../../db/repositories/report-figures.ts';
import { DomainError } from '../../domain/errors.ts';
import { draftChapters } from '../../domain/report/chapter-drafts.ts';
import { type Finding, finding } from '../../domain/report/finding.ts';
import { type FormatKey, formatForYear, type Table3Column } from '../../domain/report/formats/index.ts';
import { reportFromCounts } from '../../domain/report/from-records.ts';
import type { AnnualReport } from '../../domain/report/model.ts';
import { validateReport } from '../../domain/report/validate/index.ts';
import { findAgency } from '../agencies/find-agency.ts';
import type { Deps } from '../deps.ts';

export interface BuildReportInput {
  /** Code or exact name of the agency. */
  agency: string;
  year: number;
  format?: FormatKey;
  /** Sum the agency's whole subtree (a county and its departments and townships). */
  rollup?: boolean;
}

export interface BuiltReport {
  report: AnnualReport;
  findings: Finding[];
  /** The figures typed by hand into the saved draft, if there is one. */
  typed?: Record<string, number>;
}

async function compute(
  deps: Deps,
  agencyId: number,
  name: string,
  year: number,
  format: FormatKey,
  rollup: boolean,
) {
  const ids = rollup ? await agenciesRepository(deps.db.db).subtreeIds(agencyId) : [agencyId];
  const counts = await reportFiguresRepository(deps.db.db).count(ids, year, format);
  return reportFromCounts({ format, agency: name, year, counts });
}

export async function buildReport(deps: Deps, input: BuildReportInput): Promise<BuiltReport> {
  if (!Number.isInteger(input.year) || input.year < 2008 || input.year > 2100) {
    throw new DomainError('validation.invalid', `年度“${input.year}”无效`, 'year');
  }
  const agency = await findAgency(deps, input.agency);
  const format = input.format ?? formatForYear(input.year);
  const rollup = input.rollup ?? false;

  const report = await compute(deps, agency.id, agency.name, input.year, format, rollup);
  const previous = await compute(
    deps,
    agency.id,
    agency.name,
    input.year - 1,
    formatForYear(input.year - 1),
    rollup,
  );
  const feeRows = await deps.db.db
    .selectFrom('application_events')
    .innerJoin('applications', 'applications.id', 'application_events.application_id')
    .where('applications.agency_id', '=', agency.id)
    .where('application_events.type', '=', 'fee_paid')
    .where('application_events.effective_on', '>=', `${input.year}-01-01`)
    .where('application_events.effective_on', '<=', `${input.year}-12-31`)
    .select('application_events.data')
    .execute();
  const feesCollected = feeRows.reduce(
    (sum, r) => sum + Number((JSON.parse(r.data) as { feeAmount?: number }).feeAmount ?? 0),
    0,
  );
  report.chapters = draftChapters(report, { feesCollected, isGovernment: agency.type === 'government' });

  const findings = validateReport(report, { previous });
  const saved = await deps.db.db
    .selectFrom('annual_reports')
    .select(['report'])
    .where('agency_id', '=', agency.id)
    .where('year', '=', input.year)
    .where('origin', '=', rollup ? 'rollup' : 'records')
    .executeTakeFirst();
  if (saved) {
    const draft = JSON.parse(saved.report) as SavedDraft;
    report.chapters = { ...report.chapters, ...draft.report.chapters };
    findings.push(...compareWithRecords(draft.typed, report));
    return { report, findings, typed: draft.typed };
  }
  return { report, findings };
}

/** What `saveReportDraft` stores: the edited report and the figures typed by hand. */
export interface SavedDraft {
  report: AnnualReport;
  /** `table3.row.column` → typed value. */
  typed: Record<string, number>;
}

/** A figure typed into a saved draft that the records do not give. */
function compareWithRecords(typed: Record<string, number>, records: AnnualReport): Finding[] {
  const out: Finding[] = [];
  for (const [address, value] of Object.entries(typed)) {
    const [, row, column] = address.split('.') as [string, string, Table3Column];
    const computed = records.table3[row]?.[column] ?? null;
    if (value !== computed) {
      out.push(
        finding({
          rule: 'records.mismatch',
          severity: 'warning',
          table: 'table3',
          row,
          column,
          expected: computed,
          actual: value,
          message: `草稿中表三该格填写为${value}，但办理记录统计为${computed ?? 0}`,
        }),
      );
    }
  }
  return out;
}
