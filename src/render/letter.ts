/**
 * Reply letters (告知书) as DOCX and PDF, laid out like the reports (docx.ts, pdf.ts) after
 * 党政机关公文格式 GB/T 9704-2012: A4 with the 公文 margins, title in 小标宋 二号 (bold serif in the
 * PDF), body in 仿宋 三号 on a fixed 28 pt line with a two-character indent, the salutation
 * flush left, and the signature — agency, then date — right-aligned four characters in
 * (§7.3.5.1 "成文日期…右空四字").
 */
import { AlignmentType, Document, LineRuleType, Packer, Paragraph } from 'docx';
import PDFDocument from 'pdfkit';
import type { ReplyLetter } from '../domain/letters/templates.ts';
import { addFontFallbacks, MARGIN, PAGE, run } from './docx.ts';
import { collect, type PdfOptions } from './pdf.ts';
import { fontSource, resolvePdfFonts } from './pdf-fonts.ts';

/** Half-points: 二号 22 pt, 三号 16 pt. */
const DOCX_SIZE = { title: 44, body: 32 };
/** One 三号 character, in twips. */
const CHAR = 320;
const LINE = { line: 560, lineRule: LineRuleType.EXACT };

/** The letter as a .docx buffer. */
export async function renderLetterDocx(letter: ReplyLetter): Promise<Buffer> {
  const body = (text: string, indent: number) =>
    new Paragraph({
      indent: { firstLine: indent },
      spacing: LINE,
      alignment: AlignmentType.JUSTIFIED,
      children: [run(text, 'body', DOCX_SIZE.body)],
    });
  const signature = (text: string, before = 0) =>
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      indent: { right: 4 * CHAR },
      spacing: { ...LINE, before },
      children: [run(text, 'body', DOCX_SIZE.body)],
    });
  const children = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 560 },
      children: [run(letter.title, 'title', DOCX_SIZE.title)],
    }),
    ...(letter.salutation ? [body(letter.salutation, 0)] : []),
    ...letter.paragraphs.map((text) => body(text, 2 * CHAR)),
    signature(letter.signature.agency, 1120),
    signature(letter.signature.date),
  ];
  const document = new Document({
    title: letter.title,
    creator: 'gongkai',
    sections: [{ properties: { page: { size: PAGE, margin: MARGIN } }, children }],
  });
  return addFontFallbacks(await Packer.toBuffer(document));
}

const POINTS_PER_MM = 72 / 25.4;
const mm = (value: number) => value * POINTS_PER_MM;
const PDF_MARGINS = { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) };
const PDF_SIZE = { title: 22, body: 16 };
const LINE_PITCH = 28;

/** The letter as a PDF buffer with the CJK fonts embedded as subsets. */
export async function renderLetterPdf(letter: ReplyLetter, options: PdfOptions = {}): Promise<Buffer> {
  const fonts = options.fonts ?? resolvePdfFonts();
  const doc = new PDFDocument({
    size: 'A4',
    margins: PDF_MARGINS,
    info: {
      Title: letter.title,
      Author: letter.signature.agency,
      Creator: 'gongkai',
      CreationDate: new Date(Date.UTC(2000, 0, 1)),
    },
    lang: 'zh-CN',
    displayTitle: true,
  });
  doc.registerFont('title', fontSource(fonts.title), fonts.title.family);
  doc.registerFont('body', fontSource(fonts.body), fonts.body.family);
  const done = collect(doc);
  const width = doc.page.width - PDF_MARGINS.left - PDF_MARGINS.right;

  doc.font('title').fontSize(PDF_SIZE.title).text(letter.title, { align: 'center', lineGap: 6 });
  doc.moveDown(1);
  doc.font('body').fontSize(PDF_SIZE.body);
  const lineGap = Math.max(0, LINE_PITCH - doc.currentLineHeight(true));
  const paragraph = (text: string, indent: number) =>
    doc.text(text, PDF_MARGINS.left, doc.y, { width, indent, lineGap, align: 'justify' });
  if (letter.salutation) paragraph(letter.salutation, 0);
  for (const text of letter.paragraphs) paragraph(text, 2 * PDF_SIZE.body);
  doc.moveDown(2);
  const signatureWidth = width - 4 * PDF_SIZE.body;
  for (const text of [letter.signature.agency, letter.signature.date]) {
    doc.text(text, PDF_MARGINS.left, doc.y, { width: signatureWidth, align: 'right', lineGap });
  }
  doc.end();
  return done;
}
