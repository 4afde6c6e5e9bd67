/** Reading imported reports: the list, one report with its corrections applied, the uploaded bytes. */
import {
  type ImportedReportRecord,
  type ImportedReportSummary,
  importedReportsRepository,
} from '../../db/repositories/imported-reports.ts';
import { DomainError } from '../../domain/errors.ts';
import { parseRecordId } from '../../domain/record-id.ts';
import type { Finding } from '../../domain/report/finding.ts';
import type { AnnualReport } from '../../domain/report/model.ts';
import type { Deps } from '../deps.ts';
import { currentReport } from './correct-report.ts';

export interface FindingCounts {
  errors: number;
  warnings: number;
  infos: number;
}

export function countFindings(findings: readonly Finding[]): FindingCounts {
  return {
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
    infos: findings.filter((f) => f.severity === 'info').length,
  };
}

/** Newest first. */
export function listImportedReports(deps: Pick<Deps, 'db'>): Promise<ImportedReportSummary[]> {
  return importedReportsRepository(deps.db.db).list();
}

const notFound = (id: string | number) =>
  new DomainError('imported_report.not_found', `未找到编号为${id}的导入年报`);

/** Parses an id from an address (see domain/record-id.ts). */
export const parseReportId = parseRecordId;

/** One imported report, with `current` = the report with its corrections applied. */
export async function getImportedReport(
  deps: Pick<Deps, 'db'>,
  id: number,
): Promise<ImportedReportRecord & { current: AnnualReport }> {
  const record = await importedReportsRepository(deps.db.db).findById(id);
  if (!record) throw notFound(id);
  return { ...record, current: currentReport(record) };
}

/** The bytes as uploaded, with the name and the detected media type. */
export async function importedReportSource(
  deps: Pick<Deps, 'db'>,
  id: number,
): Promise<{ fileName: string; mediaType: string; data: Buffer }> {
  const source = await importedReportsRepository(deps.db.db).source(id);
  if (!source) throw notFound(id);
  return source;
}

/** The report once served at /reports/published/<file name without extension>. */
export function findImportedByFileStem(
  deps: Pick<Deps, 'db'>,
  stem: string,
): Promise<ImportedReportSummary | null> {
  return importedReportsRepository(deps.db.db).findByFileStem(stem);
}
