/**
 * Rendered reports read back by the importer (src/import) give the same figures: the renderers
 * print conventional documents that a reader of published reports understands.
 */
import { describe, expect, it } from 'vitest';
import type { AnnualReport } from '../../src/domain/report/model.ts';
import { importBytes } from '../../src/import/index.ts';
import { renderReportDocx } from '../../src/render/docx.ts';
import { renderReportHtml } from '../../src/render/html.ts';
import { renderReportPdf } from '../../src/render/pdf.ts';
import { resolvePdfFonts } from '../../src/render/pdf-fonts.ts';
import { ninghaiReport } from './reports.ts';

function figures(report: AnnualReport) {
  return {
    format: report.format,
    year: report.year,
    agency: report.agency,
    table2: report.table2,
    table3: report.table3,
    table4: report.table4,
  };
}

describe('render then import', () => {
  const report = ninghaiReport();

  it('reads back the same tables from the HTML', async () => {
    const html = renderReportHtml(report, { standalone: true });
    const imported = await importBytes(new TextEncoder().encode(html), 'report.html');
    expect(imported.source).toBe('html');
    expect(figures(imported.report)).toEqual(figures(report));
  });

  it('reads back the same tables from the DOCX', async () => {
    const imported = await importBytes(new Uint8Array(await renderReportDocx(report)), 'report.docx');
    expect(imported.source).toBe('docx');
    expect(figures(imported.report)).toEqual(figures(report));
  });

  it('reads back the same tables from the PDF', async () => {
    const imported = await importBytes(new Uint8Array(await renderReportPdf(report)), 'report.pdf');
    expect(imported.source).toBe('pdf');
    expect(figures(imported.report)).toEqual(figures(report));
  });

  it('reads back the same tables from a PDF set in the fallback font', async () => {
    const pdf = await renderReportPdf(report, { fonts: resolvePdfFonts([]) });
    expect(figures((await importBytes(new Uint8Array(pdf), 'report.pdf')).report)).toEqual(figures(report));
  });
});
