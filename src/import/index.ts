/**
 * Import of published annual reports: file → reader → SourceDocument → extraction →
 * AnnualReport + findings (+ validation). Deterministic; no network.
 */
import type { Finding } from '../domain/report/finding.ts';
import type { AnnualReport } from '../domain/report/model.ts';
import { validateReport } from '../domain/report/validate/index.ts';
import type { Provenance } from './extract/context.ts';
import { extractReport } from './extract/index.ts';
import { readText } from './readers/text.ts';
import type { SourceDocument } from './source.ts';

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
