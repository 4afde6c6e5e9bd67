/**
 * The report as a Word document laid out after 党政机关公文格式 (GB/T 9704-2012): A4, margins
 * top 37 mm, bottom 35 mm, left 28 mm, right 26 mm; title in 方正小标宋简体 二号, chapter headings
 * in 黑体 三号, body in 仿宋_GB2312 三号 at a fixed 28 pt line. Tables use the shared grid, with
 * vertical merges (w:vMerge) and horizontal ones (w:gridSpan) where the printed form merges.
 * Fonts a machine lacks fall back through the alternates named in word/fontTable.xml.
 */
import {
  AlignmentType,
  Document,
  LineRuleType,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { AnnualReport } from '../domain/report/model.ts';
import { chapterBlocks, reportTitle } from './document.ts';
import type { GridCell, TableGrid } from './grid.ts';

const TWIPS_PER_MM = 1440 / 25.4;
const mm = (value: number) => Math.round(value * TWIPS_PER_MM);
/** A4 with the 公文 margins; shared with the reply letters. */
export const PAGE = { width: mm(210), height: mm(297) };
export const MARGIN = { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) };
const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;

/**
 * Chinese fonts of the 公文 standard, each with the font Word and WPS substitute when it is
 * missing (仿宋_GB2312 is not on Windows since Windows 8, which ships 仿宋).
 */
export const DOCX_FONTS = {
  title: { name: '方正小标宋简体', fallback: '宋体', family: 'roman' },
  heading: { name: '黑体', fallback: 'SimHei', family: 'swiss' },
  body: { name: '仿宋_GB2312', fallback: '仿宋', family: 'roman' },
} as const;

export type FontRole = keyof typeof DOCX_FONTS;

/** Half-points: 二号 22 pt, 三号 16 pt, 小五 9 pt (tables), 五号 10.5 pt (captions). */
const SIZE = { title: 44, body: 32, table: 18, caption: 21 };

/** A run in one of the 公文 fonts; `size` in half-points. */
export function run(text: string, role: FontRole, size: number): TextRun {
  return new TextRun({
    text,
    size,
    font: { eastAsia: DOCX_FONTS[role].name, ascii: 'Times New Roman', hAnsi: 'Times New Roman' },
  });
}

/** Renders the report as a .docx buffer. */
export async function renderReportDocx(report: AnnualReport): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 560 },
      children: [run(reportTitle(report), 'title', SIZE.title)],
    }),
  ];
  for (const chapter of chapterBlocks(report)) {
    children.push(bodyParagraph(chapter.heading, 'heading'));
    for (const text of chapter.paragraphs) children.push(bodyParagraph(text, 'body'));
    for (const grid of chapter.tables) {
      // The printed form has no caption directly under the chapter heading; after text, a caption helps.
      if (chapter.paragraphs.length > 0) children.push(caption(grid.caption));
      children.push(table(grid));
    }
  }
  const document = new Document({
    title: reportTitle(report),
    creator: 'gongkai',
    sections: [{ properties: { page: { size: PAGE, margin: MARGIN } }, children }],
  });
  return addFontFallbacks(await Packer.toBuffer(document));
}

function bodyParagraph(text: string, role: FontRole): Paragraph {
  return new Paragraph({
    // 公文: two-character first-line indent, fixed 28 pt lines (560 twips).
    indent: { firstLine: 640 },
    spacing: { line: 560, lineRule: LineRuleType.EXACT },
    alignment: AlignmentType.JUSTIFIED,
    keepNext: role === 'heading',
    children: [run(text, role, SIZE.body)],
  });
}

function caption(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 240, after: 120 },
    keepNext: true,
    children: [run(text, 'heading', SIZE.caption)],
  });
}

function table(grid: TableGrid): Table {
  const columnWidths = grid.columnWidths.map((share) => Math.floor(share * TEXT_WIDTH));
  let columnIndex = 0;
  const rows = grid.rows.map((row) => {
    columnIndex = 0;
    return new TableRow({
      tableHeader: row.isHeader,
      cantSplit: true,
      children: row.cells.map((cell) => {
        const width = columnWidths.slice(columnIndex, columnIndex + cell.colSpan).reduce((a, b) => a + b, 0);
        columnIndex += cell.colSpan;
        return tableCell(cell, width);
      }),
    });
  });
  return new Table({
    rows,
    columnWidths,
    width: { size: columnWidths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
  });
}

function tableCell(cell: GridCell, width: number): TableCell {
  const isLabel = cell.role === 'row';
  return new TableCell({
    rowSpan: cell.rowSpan,
    columnSpan: cell.colSpan,
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { left: 57, right: 57 },
    children: [
      new Paragraph({
        alignment: isLabel ? AlignmentType.LEFT : AlignmentType.CENTER,
        children: cell.text === '' ? [] : [run(cell.text, 'body', SIZE.table)],
      }),
    ],
  });
}

/**
 * Declares each Chinese font in word/fontTable.xml with its alternates (w:altName), the GB2312
 * character set (w:charset 86) and a family, which is what Word and WPS use to pick a
 * substitute when the font is not installed (ECMA-376 Part 1, §17.8.3).
 */
export function addFontFallbacks(docx: Buffer): Buffer {
  const files = unzipSync(new Uint8Array(docx));
  const path = 'word/fontTable.xml';
  const fontTable = files[path];
  if (!fontTable) return docx;
  const declarations = Object.values(DOCX_FONTS)
    .map(
      (font) =>
        `<w:font w:name="${font.name}"><w:altName w:val="${font.fallback}"/>` +
        `<w:charset w:val="86"/><w:family w:val="${font.family}"/>` +
        '<w:pitch w:val="variable"/></w:font>',
    )
    .join('');
  // docx writes an empty, self-closing <w:fonts/>; a later version may write a filled one.
  const xml = strFromU8(fontTable)
    .replace(/<w:fonts([^>]*)\/>/, `<w:fonts$1></w:fonts>`)
    .replace('</w:fonts>', `${declarations}</w:fonts>`);
  files[path] = strToU8(xml);
  return Buffer.from(zipSync(files));
}
