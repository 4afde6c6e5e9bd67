/**
 * DOCX reader: word/document.xml in document order. Paragraphs (w:p) become one-cell
 * lines; tables (w:tbl) one line per row (w:tr), with horizontal merges (w:gridSpan) and
 * vertical merges (w:vMerge continuation cells) sharing the origin of the merged cell.
 * Headers, footers, footnotes and comments live in other parts and are not read.
 */
import { unzipSync } from 'fflate';
import { parseDocument } from 'htmlparser2';
import { normalizeText } from '../normalize.ts';
import { ReadError } from '../read-error.ts';
import type { SourceCell, SourceDocument, SourceLine } from '../source.ts';

interface XmlNode {
  type: string;
  name?: string;
  data?: string;
  attribs?: Record<string, string>;
  children?: XmlNode[];
}

function elements(node: XmlNode): XmlNode[] {
  return (node.children ?? []).filter((c) => c.type === 'tag');
}

/** Children in document order, looking through wrappers that carry no layout (content controls, custom XML). */
function contentChildren(node: XmlNode): XmlNode[] {
  const out: XmlNode[] = [];
  for (const c of elements(node)) {
    if (c.name === 'w:sdt') {
      const content = elements(c).find((n) => n.name === 'w:sdtContent');
      if (content) out.push(...contentChildren(content));
    } else if (c.name === 'w:customXml' || c.name === 'w:smartTag') {
      out.push(...contentChildren(c));
    } else out.push(c);
  }
  return out;
}

function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
  return node ? elements(node).find((c) => c.name === name) : undefined;
}

/**
 * The text of a paragraph, split at manual line breaks (w:br). Deleted text (w:delText) and
 * the fallback copy of drawings (mc:Fallback repeats mc:Choice) are not text.
 */
function paragraphLines(p: XmlNode): string[] {
  const lines: string[] = [''];
  const walk = (n: XmlNode) => {
    if (n.type !== 'tag') return;
    switch (n.name) {
      case 'w:t':
        lines[lines.length - 1] += (n.children ?? []).map((c) => c.data ?? '').join('');
        return;
      case 'w:tab':
      case 'w:ptab':
        lines[lines.length - 1] += '\t';
        return;
      case 'w:noBreakHyphen':
        lines[lines.length - 1] += '-';
        return;
      case 'w:br':
      case 'w:cr':
        if (n.attribs?.['w:type'] !== 'page') lines.push('');
        return;
      case 'w:del':
      case 'mc:Fallback':
      case 'w:instrText':
      case 'w:pPr':
      case 'w:rPr':
        return;
      default:
        for (const c of n.children ?? []) walk(c);
    }
  };
  for (const c of p.children ?? []) walk(c);
  return lines.map((l) => normalizeText(l).replace(/\s+/g, ' ').trim());
}

function intAttr(node: XmlNode | undefined, fallback: number): number {
  const v = Number.parseInt(node?.attribs?.['w:val'] ?? '', 10);
  return Number.isFinite(v) ? v : fallback;
}

class DocxLines {
  readonly lines: SourceLine[] = [];
  private tables = 0;
  private paragraphs = 0;

  block(node: XmlNode): void {
    for (const c of contentChildren(node)) {
      if (c.name === 'w:p') this.paragraph(c);
      else if (c.name === 'w:tbl') this.table(c);
    }
  }

  private paragraph(p: XmlNode): void {
    this.paragraphs += 1;
    for (const text of paragraphLines(p)) {
      if (!text) continue;
      const index = this.lines.length + 1;
      this.lines.push({
        cells: [{ text, where: `第${this.paragraphs}段`, origin: `段${index}` }],
        isTableRow: false,
        index,
      });
    }
  }

  /** A table whose cells hold tables is layout: read the cells as blocks. */
  private table(tbl: XmlNode): void {
    const rows = contentChildren(tbl).filter((n) => n.name === 'w:tr');
    const cellsOf = (tr: XmlNode) => contentChildren(tr).filter((n) => n.name === 'w:tc');
    if (rows.some((tr) => cellsOf(tr).some((tc) => contentChildren(tc).some((n) => n.name === 'w:tbl')))) {
      for (const tr of rows) for (const tc of cellsOf(tr)) this.block(tc);
      return;
    }
    this.tables += 1;
    const t = this.tables;
    let above: (SourceCell | undefined)[] = [];
    rows.forEach((tr, r) => {
      const row: (SourceCell | undefined)[] = [];
      let col = intAttr(child(child(tr, 'w:trPr'), 'w:gridBefore'), 0);
      for (const tc of cellsOf(tr)) {
        const props = child(tc, 'w:tcPr');
        const span = Math.max(1, Math.min(intAttr(child(props, 'w:gridSpan'), 1), 60));
        const vMerge = child(props, 'w:vMerge');
        const isContinuation =
          vMerge !== undefined && (vMerge.attribs?.['w:val'] ?? 'continue') === 'continue';
        const upper = above[col];
        let cell: SourceCell;
        if (isContinuation && upper) {
          cell = upper;
        } else {
          const text = contentChildren(tc)
            .filter((n) => n.name === 'w:p')
            .flatMap(paragraphLines)
            .join('');
          cell = {
            text,
            where: `表格${t}第${r + 1}行第${col + 1}列`,
            origin: `表格${t}:${r + 1}:${col + 1}`,
          };
        }
        for (let k = 0; k < span; k += 1) row[col + k] = cell;
        col += span;
      }
      above = row;
      const cells = row.filter((c): c is SourceCell => c !== undefined);
      if (cells.length > 0) this.lines.push({ cells, isTableRow: true, index: this.lines.length + 1 });
    });
  }
}

/** Reads a .docx (Office Open XML) file. Throws ReadError when it is not a readable Word document. */
export function readDocx(bytes: Uint8Array): SourceDocument {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (f) => f.name === 'word/document.xml' });
  } catch (cause) {
    throw new ReadError('read.corrupt', 'DOCX 文件已损坏（压缩包无法解开），请重新下载或另存后再导入', {
      cause,
    });
  }
  const xml = files['word/document.xml'];
  if (!xml) throw new ReadError('read.unsupported', '压缩包中没有 word/document.xml，不是 Word（.docx）文档');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(xml);
  } catch (cause) {
    throw new ReadError('read.corrupt', 'DOCX 文件已损坏（正文不是有效的 XML 文本）', { cause });
  }
  const dom = parseDocument(text, { xmlMode: true, decodeEntities: true }) as unknown as XmlNode;
  const documentNode = elements(dom).find((n) => n.name === 'w:document');
  const body = child(documentNode, 'w:body');
  if (!body) throw new ReadError('read.corrupt', 'DOCX 文件已损坏（找不到正文 w:body）');
  const out = new DocxLines();
  out.block(body);
  return { kind: 'docx', lines: out.lines, positional: false, explicitBlanks: true };
}
