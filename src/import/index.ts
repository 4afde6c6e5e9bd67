/**
 * Import of published annual reports: file → reader → SourceDocument → extraction →
 * AnnualReport + findings (+ validation). Deterministic; no network.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { type Finding, finding } from '../domain/report/finding.ts';
import type { AnnualReport } from '../domain/report/model.ts';
import { validateReport } from '../domain/report/validate/index.ts';
import type { Provenance } from './extract/context.ts';
import { extractReport } from './extract/index.ts';
import { readDocument } from './read-file.ts';
import { readText } from './readers/text.ts';
import type { SourceDocument } from './source.ts';

export { ReadError, type ReadErrorCode } from './read-error.ts';
export { readDocument } from './read-file.ts';

export interface ImportResult {
  report: AnnualReport;
  findings: Finding[];
  provenance: Record<string, Provenance>;
  source: SourceDocument['kind'];
}

/** Extracts and validates a report from an already-read document. */
export function importDocument(doc: SourceDocument, previous?: AnnualReport | null): ImportResult {
  const { report, findings, provenance } = extractReport(doc);
  return {
    report,
    findings: [...summariseCuts(findings), ...validateReport(report, { previous: previous ?? null })],
    provenance,
    source: doc.kind,
  };
}

/** Imports a report from plain text (DOCX text, web text, or pdftotext -layout output). */
export function importText(text: string, previous?: AnnualReport | null): ImportResult {
  return importDocument(readText(text), previous);
}

/**
 * Imports a report from the bytes of a file of any supported kind (PDF, DOCX, HTML, text).
 * Throws ReadError when the bytes are not a readable report.
 */
export async function importBytes(
  bytes: Uint8Array,
  name?: string,
  previous?: AnnualReport | null,
): Promise<ImportResult> {
  return importDocument(await readDocument(bytes, name), previous);
}

/** Imports a report file from disk; the kind is sniffed from the content, not the extension. */
export async function importFile(file: string, previous?: AnnualReport | null): Promise<ImportResult> {
  const bytes = new Uint8Array(await readFile(file));
  return importBytes(bytes, path.basename(file), previous);
}

const TABLE_NAMES: Record<string, string> = { table2: '表二', table3: '表三', table4: '表四' };

/**
 * Rows of run-together digits that could be cut one way only are routine: one note per table
 * instead of one per row (each cell's provenance still says how it was cut).
 */
function summariseCuts(findings: readonly Finding[]): Finding[] {
  const routine = (f: Finding) => f.rule === 'import.fused_digits' && f.severity === 'info';
  const out = findings.filter((f) => !routine(f));
  const byTable = new Map<string, number>();
  for (const f of findings.filter(routine)) byTable.set(f.table ?? '', (byTable.get(f.table ?? '') ?? 0) + 1);
  for (const [table, rows] of byTable) {
    out.push(
      finding({
        rule: 'import.fused_digits',
        severity: 'info',
        table: (table || null) as Finding['table'],
        message: `${TABLE_NAMES[table] ?? ''}有${rows}行数字连写（单元格分隔丢失），已按唯一可能的拆分读取；各数字的来源注明了拆分方式`,
      }),
    );
  }
  return out;
}
