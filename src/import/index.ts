/**
 * Import of published annual reports: file → reader → SourceDocument → extraction →
 * AnnualReport + findings (+ validation). Deterministic; no network.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Finding } from '../domain/report/finding.ts';
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
    findings: [...findings, ...validateReport(report, { previous: previous ?? null })],
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
