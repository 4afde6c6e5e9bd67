/**
 * The report as a PDF (pdfkit): A4 with the margins of 党政机关公文格式 (GB/T 9704-2012: top 37 mm,
 * bottom 35 mm, left 28 mm, right 26 mm), title, the six chapters with wrapped paragraphs
 * (16 pt on a 28 pt line), the three tables drawn from the shared grid, and page numbers
 * "— N —" 7 mm below the text. The CJK fonts are embedded as subsets (see pdf-fonts.ts).
 */
import PDFDocument from 'pdfkit';
import type { AnnualReport } from '../domain/report/model.ts';
import { chapterBlocks, reportTitle } from './document.ts';
import type { TableGrid } from './grid.ts';
import { fontSource, type PdfFontSet, resolvePdfFonts } from './pdf-fonts.ts';
import { drawTable, type PdfCaption, type PdfTableStyle, tableStartHeight } from './pdf-table.ts';

export interface PdfOptions {
  /** Fonts to embed; by default the system's Noto CJK, else the bundled fallback. */
  fonts?: PdfFontSet;
}

const POINTS_PER_MM = 72 / 25.4;
const mm = (value: number) => value * POINTS_PER_MM;
const MARGINS = { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) };
const SIZE = { title: 22, body: 16, caption: 12, table: 9, pageNumber: 14 };
/** 公文 body lines are about 28 pt apart (22 lines on the page). */
const LINE_PITCH = 28;
const TABLE_STYLE: PdfTableStyle = { font: 'body', fontSize: SIZE.table, padding: 2.5, lineWidth: 0.6 };

type Doc = InstanceType<typeof PDFDocument>;

/** Renders the report as a PDF buffer. */
export async function renderReportPdf(report: AnnualReport, options: PdfOptions = {}): Promise<Buffer> {
  const fonts = options.fonts ?? resolvePdfFonts();
  const title = reportTitle(report);
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGINS,
    bufferPages: true,
    autoFirstPage: true,
    info: {
      Title: title,
      Author: report.agency ?? '',
      Creator: 'gongkai',
      // Fixed, so the same report gives the same file.
      CreationDate: new Date(Date.UTC(2000, 0, 1)),
    },
    lang: 'zh-CN',
    displayTitle: true,
  });
  doc.registerFont('title', fontSource(fonts.title), fonts.title.family);
  doc.registerFont('heading', fontSource(fonts.heading), fonts.heading.family);
  doc.registerFont('body', fontSource(fonts.body), fonts.body.family);
  const done = collect(doc);

  doc.font('title').fontSize(SIZE.title);
  doc.text(title, { align: 'center', lineGap: 6 });
  doc.moveDown(1);
  const width = doc.page.width - MARGINS.left - MARGINS.right;
  for (const chapter of chapterBlocks(report)) {
    // A heading keeps with two lines of text, or with the start of a table that follows it directly.
    const firstTable = chapter.tables[0];
    const keep =
      chapter.paragraphs.length === 0 && firstTable
        ? LINE_PITCH * 1.5 + tableStartHeight(doc, firstTable, TABLE_STYLE, null)
        : LINE_PITCH * 3;
    if (doc.y + keep > doc.page.height - MARGINS.bottom) doc.addPage();
    writeParagraph(doc, 'heading', chapter.heading, width);
    for (const text of chapter.paragraphs) writeParagraph(doc, 'body', text, width);
    for (const grid of chapter.tables) {
      doc.moveDown(0.3);
      drawTable(doc, grid, TABLE_STYLE, captionOf(grid, chapter.paragraphs.length === 0));
      doc.moveDown(0.8);
    }
  }
  addPageNumbers(doc);
  doc.end();
  return done;
}

/** The printed form has no caption under the chapter heading; a table that does not follow one gets it. */
function captionOf(grid: TableGrid, isAfterHeading: boolean): PdfCaption | null {
  return isAfterHeading ? null : { text: grid.caption, font: 'heading', fontSize: SIZE.caption };
}

/** A paragraph with a two-character first-line indent on the 公文 line pitch. */
function writeParagraph(doc: Doc, font: 'heading' | 'body', text: string, width: number): void {
  doc.font(font).fontSize(SIZE.body);
  const lineGap = Math.max(0, LINE_PITCH - doc.currentLineHeight(true));
  doc.text(text, MARGINS.left, doc.y, {
    width,
    indent: 2 * SIZE.body,
    lineGap,
    align: font === 'heading' ? 'left' : 'justify',
  });
}

/** "— N —" centred 7 mm below the text area on every page (GB/T 9704-2012 §7.5). */
function addPageNumbers(doc: Doc): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottomMargin = doc.page.margins.bottom;
    // Writing inside the bottom margin would otherwise start a new page.
    doc.page.margins.bottom = 0;
    doc.font('body').fontSize(SIZE.pageNumber);
    doc.text(`— ${i + 1} —`, MARGINS.left, doc.page.height - bottomMargin + mm(7), {
      width: doc.page.width - MARGINS.left - MARGINS.right,
      align: 'center',
      lineBreak: false,
    });
    doc.page.margins.bottom = bottomMargin;
  }
}

/** The bytes of a pdfkit document once it ends. */
export function collect(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}
