/**
 * Every query about imported published reports (migration 0008). JSON columns are parsed here;
 * the uploaded bytes are read only by `source`, never by the lists.
 */
import type { Kysely, Selectable } from 'kysely';
import type { Finding } from '../../domain/report/finding.ts';
import type { FormatKey } from '../../domain/report/formats/index.ts';
import type { AnnualReport, CellValue } from '../../domain/report/model.ts';
import type { Database } from '../schema.ts';

/** Where a number was read (the reader's Provenance): source cell, text as printed, label matched. */
export interface CellProvenance {
  where: string;
  text: string;
  label: string;
}

/** One corrected cell: the value as read (`from`), the value now (`to`), why, who and when. */
export interface Correction {
  from: CellValue;
  to: CellValue;
  note: string;
  by: string;
  at: string;
}

export interface ImportedReportSummary {
  id: number;
  fileName: string;
  sha256: string;
  sizeBytes: number;
  mediaType: string;
  sourceKind: string;
  agencyName: string | null;
  year: number | null;
  format: FormatKey;
  findings: Finding[];
  correctionCount: number;
  uploadedBy: string;
  uploaderAgencyId: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface ImportedReportRecord extends ImportedReportSummary {
  /** The report as read, never changed (corrections are applied on top). */
  report: AnnualReport;
  provenance: Record<string, CellProvenance>;
  /** The reader's own findings (import.*, structure.*, format.mixed), kept through corrections. */
  readFindings: Finding[];
  corrections: Record<string, Correction>;
  uploaderId: number | null;
}

export interface NewImportedReport {
  fileName: string;
  sha256: string;
  sizeBytes: number;
  mediaType: string;
  sourceKind: string;
  source: Uint8Array;
  agencyName: string | null;
  year: number | null;
  format: FormatKey;
  report: AnnualReport;
  provenance: Record<string, CellProvenance>;
  readFindings: Finding[];
  findings: Finding[];
  uploadedBy: string;
  uploaderId: number | null;
  uploaderAgencyId: number | null;
}

const SUMMARY_COLUMNS = [
  'id',
  'file_name',
  'sha256',
  'size_bytes',
  'media_type',
  'source_kind',
  'agency_name',
  'year',
  'format',
  'findings',
  'corrections',
  'uploaded_by',
  'uploader_agency_id',
  'created_at',
  'updated_at',
] as const;

const RECORD_COLUMNS = [...SUMMARY_COLUMNS, 'report', 'provenance', 'read_findings', 'uploader_id'] as const;

type Row = Selectable<Database['imported_reports']>;
type SummaryRow = Pick<Row, (typeof SUMMARY_COLUMNS)[number]>;
type RecordRow = Pick<Row, (typeof RECORD_COLUMNS)[number]>;

const toSummary = (r: SummaryRow): ImportedReportSummary => ({
  id: r.id,
  fileName: r.file_name,
  sha256: r.sha256,
  sizeBytes: Number(r.size_bytes),
  mediaType: r.media_type,
  sourceKind: r.source_kind,
  agencyName: r.agency_name,
  year: r.year === null ? null : Number(r.year),
  format: r.format as FormatKey,
  findings: JSON.parse(r.findings) as Finding[],
  correctionCount: Object.keys(JSON.parse(r.corrections) as object).length,
  uploadedBy: r.uploaded_by,
  uploaderAgencyId: r.uploader_agency_id,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const toRecord = (r: RecordRow): ImportedReportRecord => ({
  ...toSummary(r),
  report: JSON.parse(r.report) as AnnualReport,
  provenance: JSON.parse(r.provenance) as Record<string, CellProvenance>,
  readFindings: JSON.parse(r.read_findings) as Finding[],
  corrections: JSON.parse(r.corrections) as Record<string, Correction>,
  uploaderId: r.uploader_id,
});

export function importedReportsRepository(db: Kysely<Database>) {
  return {
    /** Newest first. */
    async list(): Promise<ImportedReportSummary[]> {
      const rows = await db
        .selectFrom('imported_reports')
        .select(SUMMARY_COLUMNS)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .execute();
      return rows.map(toSummary);
    },

    async findById(id: number): Promise<ImportedReportRecord | null> {
      const row = await db
        .selectFrom('imported_reports')
        .select(RECORD_COLUMNS)
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? toRecord(row) : null;
    },

    async findBySha256(sha256: string): Promise<ImportedReportSummary | null> {
      const row = await db
        .selectFrom('imported_reports')
        .select(SUMMARY_COLUMNS)
        .where('sha256', '=', sha256)
        .executeTakeFirst();
      return row ? toSummary(row) : null;
    },

    /** The newest report imported under a file name (without its extension): old addresses. */
    async findByFileStem(stem: string): Promise<ImportedReportSummary | null> {
      const rows = await db
        .selectFrom('imported_reports')
        .select(SUMMARY_COLUMNS)
        .where('file_name', 'like', `${stem.replace(/[%_\\]/g, '')}.%`)
        .orderBy('id', 'desc')
        .execute();
      const found = rows.find((r) => r.file_name.replace(/\.[^.]*$/, '') === stem);
      return found ? toSummary(found) : null;
    },

    /** The most recent report of an agency (by the name as read) on a year, with its corrections. */
    async findByAgencyYear(agencyName: string, year: number): Promise<ImportedReportRecord | null> {
      const row = await db
        .selectFrom('imported_reports')
        .select(RECORD_COLUMNS)
        .where('agency_name', '=', agencyName)
        .where('year', '=', year)
        .orderBy('id', 'desc')
        .executeTakeFirst();
      return row ? toRecord(row) : null;
    },

    /** The bytes as uploaded. */
    async source(id: number): Promise<{ fileName: string; mediaType: string; data: Buffer } | null> {
      const row = await db
        .selectFrom('imported_reports')
        .select(['file_name', 'media_type', 'source'])
        .where('id', '=', id)
        .executeTakeFirst();
      return row
        ? { fileName: row.file_name, mediaType: row.media_type, data: Buffer.from(row.source) }
        : null;
    },

    /**
     * Inserts unless the same bytes are stored already; returns the new id, or null when
     * `sha256` was taken (by a concurrent upload of the same file).
     */
    async insert(r: NewImportedReport, now: string): Promise<number | null> {
      const row = await db
        .insertInto('imported_reports')
        .values({
          file_name: r.fileName,
          sha256: r.sha256,
          size_bytes: r.sizeBytes,
          media_type: r.mediaType,
          source_kind: r.sourceKind,
          source: Buffer.from(r.source),
          agency_name: r.agencyName,
          year: r.year,
          format: r.format,
          report: JSON.stringify(r.report),
          provenance: JSON.stringify(r.provenance),
          read_findings: JSON.stringify(r.readFindings),
          findings: JSON.stringify(r.findings),
          corrections: '{}',
          uploaded_by: r.uploadedBy,
          uploader_id: r.uploaderId,
          uploader_agency_id: r.uploaderAgencyId,
          created_at: now,
          updated_at: now,
        })
        .onConflict((oc) => oc.column('sha256').doNothing())
        .returning('id')
        .executeTakeFirst();
      return row ? row.id : null;
    },

    /** Replaces the corrections and the current findings (after re-validation). */
    async saveCorrections(
      id: number,
      corrections: Record<string, Correction>,
      findings: Finding[],
      now: string,
    ): Promise<void> {
      await db
        .updateTable('imported_reports')
        .set({
          corrections: JSON.stringify(corrections),
          findings: JSON.stringify(findings),
          updated_at: now,
        })
        .where('id', '=', id)
        .execute();
    },
  };
}
