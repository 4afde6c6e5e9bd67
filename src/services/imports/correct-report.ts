/**
 * Correcting cells of an imported report that were read wrongly (or printed wrongly): each
 * correction keeps the value as read (`from`), the new value, a note, who and when; the report
 * as read and the provenance of every number stay as they were. After a correction the report
 * is validated again (annual-report-formats.md §6) and the findings replaced.
 *
 * Who may correct: the users whose scope covers the uploader's agency (its clerks, reviewers
 * and administrators, and the county administrator above it); reports imported by the system
 * (the demo, the command line) by any administrator.
 */
import {
  type Correction,
  type ImportedReportRecord,
  type ImportedReportSummary,
  importedReportsRepository,
} from '../../db/repositories/imported-reports.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Finding } from '../../domain/report/finding.ts';
import type { AnnualReport } from '../../domain/report/model.ts';
import { validateReport } from '../../domain/report/validate/index.ts';
import { writeAudit } from '../accounts/audit.ts';
import { type Actor, actorId, actorName, isSystemActor, type SignedInUser } from '../accounts/model.ts';
import type { Deps } from '../deps.ts';
import { applyCorrections, cellsOf, cellValue, parseCellInput, showValue } from './cells.ts';
import { previousYearReport } from './import-reports.ts';

export const MAX_NOTE_LENGTH = 500;

/** The correction form: pairs of cell and new value (blank = 空白), and one note for them all. */
export interface CorrectionInput {
  reportId: number;
  changes: readonly { cell: string; value: string }[];
  note: string;
}

/** Every problem of a correction form, by field (`cell-1`, `value-1`, …, `note`), in Chinese. */
export class InvalidCorrection extends DomainError {
  constructor(readonly errors: Record<string, string>) {
    const first = Object.entries(errors)[0];
    super('imported_report.invalid_correction', first?.[1] ?? '更正内容有误', first?.[0] ?? null);
  }
}

export function canCorrect(
  user: SignedInUser,
  report: Pick<ImportedReportSummary, 'uploaderAgencyId'>,
): boolean {
  if (report.uploaderAgencyId !== null) return user.agencyIds.includes(report.uploaderAgencyId);
  return user.role === 'agency_admin' || user.role === 'county_admin';
}

/** An imported report with its corrections applied: what the pages and downloads show. */
export function currentReport(record: Pick<ImportedReportRecord, 'report' | 'corrections'>): AnnualReport {
  return applyCorrections(record.report, record.corrections);
}

/** Checks a correction form against the report; every problem at once, empty when fine. */
export function checkCorrection(
  record: Pick<ImportedReportRecord, 'report' | 'corrections'>,
  input: Omit<CorrectionInput, 'reportId'>,
): {
  errors: Record<string, string>;
  changes: { cell: string; value: AnnualReport['table2'][string][string] }[];
} {
  const errors: Record<string, string> = {};
  const cells = new Map(cellsOf(record.report.format).map((c) => [c.id, c]));
  const current = currentReport(record);
  const changes: { cell: string; value: number | null }[] = [];
  const seen = new Set<string>();
  input.changes.forEach((change, i) => {
    const n = i + 1;
    const cellKey = change.cell.trim();
    if (cellKey === '') {
      if (change.value.trim() !== '') errors[`cell-${n}`] = '请选择要更正的单元格';
      return;
    }
    const spec = cells.get(cellKey);
    if (!spec) {
      errors[`cell-${n}`] = '所选单元格不属于本报告的表格';
      return;
    }
    if (seen.has(cellKey)) {
      errors[`cell-${n}`] = `“${spec.label}”已在上面填写，同一单元格一次只能更正一处`;
      return;
    }
    seen.add(cellKey);
    const parsed = parseCellInput(change.value, spec.kind);
    if ('error' in parsed) {
      errors[`value-${n}`] = `${spec.label}：${parsed.error}`;
      return;
    }
    if (parsed.value === cellValue(current, spec)) {
      errors[`value-${n}`] = `${spec.label}：更正后的值与当前值（${showValue(parsed.value)}）相同`;
      return;
    }
    changes.push({ cell: cellKey, value: parsed.value });
  });
  if (changes.length === 0 && Object.keys(errors).length === 0) {
    errors['cell-1'] = '请选择要更正的单元格并填写更正后的值';
  }
  const note = input.note.trim();
  if (note === '') errors.note = '请填写更正说明（例如：依据原件第3页，表三该格应为12）';
  else if (note.length > MAX_NOTE_LENGTH) errors.note = `更正说明不能超过${MAX_NOTE_LENGTH}字`;
  return { errors, changes };
}

/** Applies the corrections, re-validates and stores; throws InvalidCorrection with every problem. */
export async function correctReport(
  deps: Pick<Deps, 'db' | 'clock'>,
  input: CorrectionInput,
  actor: Actor,
): Promise<{ record: ImportedReportRecord; findings: Finding[] }> {
  return deps.db.db.transaction().execute(async (trx) => {
    const repo = importedReportsRepository(trx);
    const record = await repo.findById(input.reportId);
    if (!record)
      throw new DomainError('imported_report.not_found', `未找到编号为${input.reportId}的导入年报`);
    if (!isSystemActor(actor) && !canCorrect(actor, record)) {
      throw new DomainError('auth.forbidden', '只有上传该报告的机关的工作人员或管理员可以更正该报告');
    }
    const { errors, changes } = checkCorrection(record, input);
    if (Object.keys(errors).length > 0) throw new InvalidCorrection(errors);
    const at = deps.clock.now().toISOString();
    const corrections: Record<string, Correction> = { ...record.corrections };
    const cells = new Map(cellsOf(record.report.format).map((c) => [c.id, c]));
    for (const change of changes) {
      const from = cellValue(record.report, cells.get(change.cell)!);
      // Back to the value as read: the correction is withdrawn, the cell is as printed again.
      if (change.value === from) delete corrections[change.cell];
      else
        corrections[change.cell] = {
          from,
          to: change.value,
          note: input.note.trim(),
          by: actorName(actor),
          at,
        };
    }
    const report = applyCorrections(record.report, corrections);
    const previous = await previousYearReport({ db: { ...deps.db, db: trx } }, report);
    const findings = [...record.readFindings, ...validateReport(report, { previous })];
    await repo.saveCorrections(record.id, corrections, findings, at);
    await writeAudit(
      deps,
      {
        actorId: actorId(actor),
        actor: actorName(actor),
        action: 'imported_report.corrected',
        subject: `imported_report:${record.id}`,
        agencyId: isSystemActor(actor) ? null : actor.agencyId,
        detail: { cells: changes.map((c) => c.cell), note: input.note.trim() },
      },
      trx,
    );
    return { record: { ...record, corrections, findings, updatedAt: at }, findings };
  });
}
