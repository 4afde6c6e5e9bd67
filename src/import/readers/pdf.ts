/**
 * PDF reader over the pdfjs-dist text layer. Text items are grouped into lines by their
 * baseline, a line is split into cells where the gap between items is wider than about one
 * character, and each cell keeps its x extent in points so extraction can assign numbers to
 * columns by position (values.ts, assignByPosition). Runs in Node without a worker, without
 * font loading and without network: CMaps and standard fonts are read from pdfjs-dist's own
 * folders.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { normalizeText } from '../normalize.ts';
import { ReadError } from '../read-error.ts';
import type { SourceCell, SourceDocument, SourceLine } from '../source.ts';

interface Item {
  text: string;
  /** Start and end along the baseline, and the baseline height, in points (page rotation undone). */
  x: number;
  x2: number;
  y: number;
  size: number;
}

interface RawTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

function pdfjsFolder(): string {
  const require = createRequire(import.meta.url);
  return path.dirname(require.resolve('pdfjs-dist/package.json'));
}

/** Items of the page's dominant text direction, in that direction's coordinates. Watermarks at other angles drop out. */
function pageItems(raw: readonly RawTextItem[]): Item[] {
  const withAngle = raw
    .filter((r) => typeof r.str === 'string' && r.str.trim() !== '' && Array.isArray(r.transform))
    .map((r) => {
      const [a = 1, b = 0, , d = 1, e = 0, f = 0] = r.transform as number[];
      return { r, angle: Math.round((Math.atan2(b, a) * 180) / Math.PI), a, b, d, e, f };
    });
  const votes = new Map<number, number>();
  for (const w of withAngle) votes.set(w.angle, (votes.get(w.angle) ?? 0) + w.r.str.length);
  const dominant = [...votes.entries()].sort((p, q) => q[1] - p[1])[0]?.[0] ?? 0;
  const rad = (dominant * Math.PI) / 180;
  const cos = Math.cos(rad);
  const sin = Math.sin(rad);
  return withAngle
    .filter((w) => Math.abs(w.angle - dominant) <= 2)
    .map((w) => {
      const x = w.e * cos + w.f * sin;
      const y = -w.e * sin + w.f * cos;
      const size = w.r.height > 0 ? w.r.height : Math.hypot(w.a, w.b) || Math.abs(w.d) || 10;
      return { text: w.r.str, x, x2: x + Math.max(w.r.width, 0), y, size };
    });
}

/** Lines top to bottom: items whose baselines lie within half a glyph of each other. */
function groupLines(items: Item[]): Item[][] {
  const sorted = [...items].sort((p, q) => q.y - p.y || p.x - q.x);
  const lines: { y: number; size: number; items: Item[] }[] = [];
  for (const item of sorted) {
    const last = lines[lines.length - 1];
    if (last && Math.abs(last.y - item.y) <= Math.max(1, 0.5 * Math.min(last.size, item.size))) {
      last.items.push(item);
    } else lines.push({ y: item.y, size: item.size, items: [item] });
  }
  return lines.map((l) => l.items.sort((p, q) => p.x - q.x));
}

const CJK_RE = /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]/;

/**
 * Gaps (in glyph heights) that separate two cells. Text inside a cell runs on with no gap;
 * between table cells there is padding plus a border, which in HTML-printed PDFs is as little
 * as 2-3 pt at 8 pt type. Half a character always separates; between CJK characters and
 * digits, which are set without spacing, a fifth of one does.
 */
const CELL_GAP = 0.5;
const CJK_CELL_GAP = 0.2;

function isCellBoundary(before: string, after: string, gap: number, size: number): boolean {
  if (gap > CELL_GAP * size) return true;
  if (gap <= CJK_CELL_GAP * size) return false;
  const left = before.slice(-1);
  const right = after[0] ?? '';
  // Two CJK characters, or a label running into a number ("不再处" | "0") or an enumerator
  // ("其他" | "2."), set apart by more than a fifth of a character are two cells.
  const isDigit = (ch: string) => ch >= '0' && ch <= '9';
  return (
    (CJK_RE.test(left) && (CJK_RE.test(right) || isDigit(right))) || (isDigit(left) && CJK_RE.test(right))
  );
}

/** Cells of one line, split at the gaps between table cells (isCellBoundary). */
function splitCells(items: Item[], where: string, originPrefix: string): SourceCell[] {
  const cells: SourceCell[] = [];
  let text = '';
  let x = 0;
  let x2 = 0;
  let size = 0;
  const flush = () => {
    const t = normalizeText(text).replace(/\s+/g, ' ').trim();
    if (t) cells.push({ text: t, where, origin: `${originPrefix}:${cells.length + 1}`, x, x2 });
    text = '';
  };
  for (const item of items) {
    const gap = item.x - x2;
    if (text && isCellBoundary(text, item.text, gap, Math.max(size, item.size))) flush();
    if (!text) {
      text = item.text;
      x = item.x;
      size = item.size;
    } else {
      // A visible gap between two Latin words or numbers is a space; CJK text runs on.
      const isWordGap = gap > 0.2 * size && !CJK_RE.test(text.slice(-1)) && !CJK_RE.test(item.text[0] ?? '');
      text += (isWordGap ? ' ' : '') + item.text;
      size = Math.max(size, item.size);
    }
    x2 = Math.max(x2, item.x2);
  }
  flush();
  return cells;
}

/** "3", "- 3 -", "第3页", "第 3 页 共 5 页", "3/5": a page number, not report content. */
const PAGE_NUMBER_RE =
  /^(?:[-—–\s]*\d{1,4}[-—–\s]*|第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|\d+\s*\/\s*\d+)$/;

function isPageNumber(line: SourceLine): boolean {
  return line.cells.length === 1 && PAGE_NUMBER_RE.test(line.cells[0]!.text);
}

/** Reads the text layer of a PDF. Throws ReadError for damaged, encrypted or image-only PDFs. */
export async function readPdf(bytes: Uint8Array): Promise<SourceDocument> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const folder = pdfjsFolder();
  const task = pdfjs.getDocument({
    // pdfjs may transfer (detach) the buffer it is given: hand it a copy. `new Uint8Array`
    // copies a Node Buffer too, whose slice() is a view that pdfjs refuses outright.
    data: new Uint8Array(bytes),
    cMapUrl: `${path.join(folder, 'cmaps')}${path.sep}`,
    cMapPacked: true,
    standardFontDataUrl: `${path.join(folder, 'standard_fonts')}${path.sep}`,
    wasmUrl: `${path.join(folder, 'wasm')}${path.sep}`,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    isEvalSupported: false,
    isOffscreenCanvasSupported: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  let pdf: Awaited<typeof task.promise>;
  try {
    pdf = await task.promise;
  } catch (cause) {
    await task.destroy().catch(() => undefined);
    const name = (cause as { name?: string } | null)?.name;
    if (name === 'PasswordException') {
      throw new ReadError('read.unsupported', 'PDF 文件已加密，需要密码才能打开，请提供未加密的文件', {
        cause,
      });
    }
    throw new ReadError('read.corrupt', 'PDF 文件已损坏，无法打开，请重新下载后再导入', { cause });
  }
  try {
    const lines: SourceLine[] = [];
    for (let p = 1; p <= pdf.numPages; p += 1) {
      let items: Item[];
      try {
        const page = await pdf.getPage(p);
        const content = await page.getTextContent();
        items = pageItems(content.items.filter((i) => 'str' in i) as RawTextItem[]);
        page.cleanup();
      } catch (cause) {
        throw new ReadError('read.corrupt', `PDF 第${p}页已损坏，无法读取文字`, { cause });
      }
      const pageLines = groupLines(items).map((lineItems, i): SourceLine => {
        const where = `第${p}页第${i + 1}行`;
        return {
          cells: splitCells(lineItems, where, `p${p}:${i + 1}`),
          isTableRow: false,
          index: 0,
          page: p,
        };
      });
      const kept = pageLines.filter(
        (l, i) => l.cells.length > 0 && !((i < 2 || i >= pageLines.length - 2) && isPageNumber(l)),
      );
      for (const l of kept) lines.push({ ...l, index: lines.length + 1 });
    }
    if (lines.length === 0) {
      throw new ReadError(
        'read.unsupported',
        'PDF 中没有可提取的文字（可能是扫描件或图片），请提供带文字层的 PDF、Word 或网页版本',
      );
    }
    return { kind: 'pdf', lines, positional: true, explicitBlanks: false };
  } finally {
    await pdf.destroy().catch(() => undefined);
  }
}
