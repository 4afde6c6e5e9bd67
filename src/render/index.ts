/**
 * One entry point for every output format of an annual report, used by the CLI
 * (`gongkai report render --to`) and the web server's download links.
 */
import type { Finding } from '../domain/report/finding.ts';
import type { AnnualReport } from '../domain/report/model.ts';
import { renderReportCsv } from './csv.ts';
import { renderReportDocx } from './docx.ts';
import { renderReportHtml } from './html.ts';
import { stringifyReportJson } from './json.ts';
import { renderReportPdf } from './pdf.ts';
import { renderReportXlsx } from './xlsx.ts';

export const RENDER_TARGETS = ['html', 'docx', 'xlsx', 'pdf', 'json', 'csv'] as const;
export type RenderTarget = (typeof RENDER_TARGETS)[number];

export interface RenderOptions {
  /** Shown in HTML and included in JSON. */
  findings?: readonly Finding[];
  /** HTML only: a whole document (default) or a fragment. */
  standalone?: boolean;
  /** JSON only: the source file's name. */
  file?: string | null;
}

export interface Rendered {
  body: Buffer | string;
  contentType: string;
  extension: string;
}

export const CONTENT_TYPES: Record<RenderTarget, string> = {
  html: 'text/html; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
};

/** Renders `report` to `to`; HTML is a whole document unless `standalone: false`. */
export async function renderReport(
  report: AnnualReport,
  to: RenderTarget,
  options: RenderOptions = {},
): Promise<Rendered> {
  const findings = options.findings ?? [];
  const done = (body: Buffer | string): Rendered => ({ body, contentType: CONTENT_TYPES[to], extension: to });
  switch (to) {
    case 'html':
      return done(renderReportHtml(report, { findings, standalone: options.standalone ?? true }));
    case 'docx':
      return done(await renderReportDocx(report));
    case 'xlsx':
      return done(await renderReportXlsx(report));
    case 'pdf':
      return done(await renderReportPdf(report));
    case 'json':
      return done(stringifyReportJson(report, findings, options.file));
    case 'csv':
      return done(renderReportCsv(report));
    default:
      return to satisfies never;
  }
}
