/**
 * Importing published annual reports (Regulation art. 49-50: every agency publishes one by
 * 31 January) for checking: each file is read on its own (src/import), validated, and stored
 * with the provenance of every number and the uploaded bytes. A file that cannot be read gets
 * its read.* error and the others are still imported; the readable ones are stored together in
 * one transaction, so nothing is half-stored. The same bytes uploaded again are not read again:
 * the outcome names the report already stored.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type ImportedReportSummary,
  importedReportsRepository,
  type NewImportedReport,
} from '../../db/repositories/imported-reports.ts';
import type { Finding } from '../../domain/report/finding.ts';
import type { AnnualReport } from '../../domain/report/model.ts';
import { validateReport } from '../../domain/report/validate/index.ts';
import { importDocument, ReadError, readDocument } from '../../import/index.ts';
import { writeAudit } from '../accounts/audit.ts';
import { type Actor, actorId, actorName, isSystemActor } from '../accounts/model.ts';
import type { Deps } from '../deps.ts';
import { applyCorrections } from './cells.ts';

export interface UploadedReportFile {
  /** The file's name as uploaded (messages and downloads only; the kind is sniffed from the bytes). */
  name: string;
  data: Uint8Array;
}

export type ImportOutcome =
  | { fileName: string; status: 'imported'; report: ImportedReportSummary }
  /** The same bytes were stored before (or earlier in the same upload): that report. */
  | { fileName: string; status: 'duplicate'; report: ImportedReportSummary }
  /**
   * Not a readable report: `code` is the reader's (read.empty | read.unsupported | read.corrupt),
   * read.not_a_report (readable, but no number of the three tables in it) or read.failed.
   */
  | { fileName: string; status: 'unreadable'; code: string; message: string };

const MEDIA_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html',
  text: 'text/plain',
  layout: 'text/plain',
};

/** Chinese names of the detected kinds of file. */
export const SOURCE_KIND_LABELS: Record<string, string> = {
  pdf: 'PDF',
  docx: 'Word（DOCX）',
  html: '网页（HTML）',
  text: '文本',
  layout: '文本（版式）',
};

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

function cleanName(name: string): string {
  const base = (name.split(/[\\/]/).pop() ?? '').replace(/\p{Cc}/gu, '').trim();
  return (base || '未命名文件').slice(0, 200);
}

/** The findings in `all` that are not in `validation` (as a multiset): what the reader found. */
function readerFindings(all: readonly Finding[], validation: readonly Finding[]): Finding[] {
  const left = new Map<string, number>();
  for (const f of validation) left.set(JSON.stringify(f), (left.get(JSON.stringify(f)) ?? 0) + 1);
  return all.filter((f) => {
    const key = JSON.stringify(f);
    const n = left.get(key) ?? 0;
    if (n === 0) return true;
    left.set(key, n - 1);
    return false;
  });
}

/** The same agency's imported report on the year before (corrections applied), for continuity.* rules. */
export async function previousYearReport(
  deps: Pick<Deps, 'db'>,
  report: Pick<AnnualReport, 'agency' | 'year'>,
): Promise<AnnualReport | null> {
  if (!report.agency || report.year === null) return null;
  const prev = await importedReportsRepository(deps.db.db).findByAgencyYear(report.agency, report.year - 1);
  return prev ? applyCorrections(prev.report, prev.corrections) : null;
}

/** Reads, checks and stores each file; one outcome per file, in the order given. */
export async function importReports(
  deps: Pick<Deps, 'db' | 'clock'>,
  files: readonly UploadedReportFile[],
  actor: Actor,
): Promise<ImportOutcome[]> {
  const repo = importedReportsRepository(deps.db.db);
  type Pending = { index: number; row: NewImportedReport };
  const outcomes: (ImportOutcome | null)[] = files.map(() => null);
  const pending: Pending[] = [];
  /** sha256 → index of the first file of this upload with those bytes. */
  const firstOfBatch = new Map<string, number>();
  const sameAs = new Map<number, number>();

  for (const [index, file] of files.entries()) {
    const fileName = cleanName(file.name);
    const hash = sha256(file.data);
    const earlier = firstOfBatch.get(hash);
    if (earlier !== undefined) {
      sameAs.set(index, earlier);
      continue;
    }
    firstOfBatch.set(hash, index);
    const stored = await repo.findBySha256(hash);
    if (stored) {
      outcomes[index] = { fileName, status: 'duplicate', report: stored };
      continue;
    }
    try {
      const result = importDocument(await readDocument(file.data, fileName));
      if (Object.keys(result.provenance).length === 0) {
        // Readable, but not one number of the three tables in it: nothing to check or to keep.
        outcomes[index] = {
          fileName,
          status: 'unreadable',
          code: 'read.not_a_report',
          message: `文件“${fileName}”中没有读到年度报告的统计表（表二、表三、表四）的任何数字，请确认这是政府信息公开工作年度报告`,
        };
        continue;
      }
      const readFindings = readerFindings(result.findings, validateReport(result.report));
      const previous = await previousYearReport(deps, result.report);
      pending.push({
        index,
        row: {
          fileName,
          sha256: hash,
          sizeBytes: file.data.length,
          mediaType: MEDIA_TYPES[result.source] ?? 'application/octet-stream',
          sourceKind: result.source,
          source: file.data,
          agencyName: result.report.agency,
          year: result.report.year,
          format: result.report.format,
          report: result.report,
          provenance: result.provenance,
          readFindings,
          findings: [...readFindings, ...validateReport(result.report, { previous })],
          uploadedBy: actorName(actor),
          uploaderId: actorId(actor),
          uploaderAgencyId: isSystemActor(actor) ? null : actor.agencyId,
        },
      });
    } catch (error) {
      if (error instanceof ReadError) {
        outcomes[index] = { fileName, status: 'unreadable', code: error.code, message: error.message };
      } else {
        // A reader's own failure on odd bytes: the file is reported, the upload goes on.
        outcomes[index] = {
          fileName,
          status: 'unreadable',
          code: 'read.failed',
          message: `文件“${fileName}”读取失败，可能已损坏或格式异常；请另存为 PDF 或 Word（.docx）后再导入`,
        };
      }
    }
  }

  const now = deps.clock.now().toISOString();
  const inserted = await deps.db.db.transaction().execute(async (trx) => {
    const tx = importedReportsRepository(trx);
    const ids: { index: number; id: number | null; sha256: string }[] = [];
    for (const p of pending) {
      const id = await tx.insert(p.row, now);
      ids.push({ index: p.index, id, sha256: p.row.sha256 });
      if (id !== null) {
        await writeAudit(
          deps,
          {
            actorId: actorId(actor),
            actor: actorName(actor),
            action: 'imported_report.uploaded',
            subject: `imported_report:${id}`,
            agencyId: p.row.uploaderAgencyId,
            detail: { fileName: p.row.fileName, sha256: p.row.sha256 },
          },
          trx,
        );
      }
    }
    return ids;
  });
  for (const { index, id, sha256: hash } of inserted) {
    const fileName = cleanName(files[index]!.name);
    const summary = await repo.findBySha256(hash);
    if (!summary) throw new Error(`imported report ${hash} not found after insert`);
    // id null: a concurrent upload stored the same bytes first.
    outcomes[index] = { fileName, status: id === null ? 'duplicate' : 'imported', report: summary };
  }
  for (const [index, earlier] of sameAs) {
    const first = outcomes[earlier]!;
    const fileName = cleanName(files[index]!.name);
    outcomes[index] =
      first.status === 'unreadable'
        ? { ...first, fileName }
        : { fileName, status: 'duplicate', report: first.report };
  }
  return outcomes.map((o) => o!);
}

/** The published reports the demo imports (demo/reports in the repository). */
export const DEMO_REPORTS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../demo/reports');

/** Imports every file of a folder (the demo's published reports, GONGKAI_DEMO_DIR). */
export async function importReportsFromFolder(
  deps: Pick<Deps, 'db' | 'clock'>,
  dir: string,
  actor: Actor,
): Promise<ImportOutcome[]> {
  const names = (await readdir(dir, { withFileTypes: true }))
    .filter((e) => e.isFile() && !e.name.startsWith('.'))
    .map((e) => e.name)
    .sort();
  const files: UploadedReportFile[] = [];
  for (const name of names) files.push({ name, data: new Uint8Array(await readFile(join(dir, name))) });
  return importReports(deps, files, actor);
}
