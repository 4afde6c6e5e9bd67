/**
 * HTML reader for reports published as web pages on government portals. Tables keep their
 * grid (rowspan/colspan expanded, copies share an origin); everything else becomes one line
 * per block (paragraph, heading, list item). Scripts, styles and the portal's navigation
 * chrome are skipped so the report's own title is among the first lines.
 */
import { parseDocument } from 'htmlparser2';
import { normalizeText } from '../normalize.ts';
import type { SourceDocument, SourceLine } from '../source.ts';
import { expandTable, type TableCellInput } from './grid.ts';

/** The parts of a domhandler node we use (htmlparser2 does not re-export domhandler's types). */
interface DomNode {
  type: string;
  name?: string;
  data?: string;
  attribs?: Record<string, string>;
  children?: DomNode[];
}

/** Never content: code, forms and embedded objects. */
const SKIP_TAGS = new Set([
  'head',
  'script',
  'style',
  'noscript',
  'template',
  'nav',
  'aside',
  'footer',
  'iframe',
  'object',
  'embed',
  'select',
  'option',
  'button',
  'input',
  'textarea',
  'svg',
  'canvas',
  'map',
]);

/** Elements that start a new line of text. */
const BLOCK_TAGS = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'header',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'blockquote',
  'pre',
  'center',
  'address',
  'figure',
  'figcaption',
  'caption',
  'hr',
  'body',
  'form',
  'fieldset',
]);

/** Class or id of portal chrome: menus, breadcrumbs (当前位置), share bars, footers. */
const CHROME_RE =
  /(?:^|[\s_-])(?:nav|navbar|menu|breadcrumbs?|crumbs?|footer|sidebar|share|toolbar|topbar|skip|dqwz)(?:[\s_-]|$)/i;

function isHidden(node: DomNode): boolean {
  const style = node.attribs?.style ?? '';
  return /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style) || node.attribs?.hidden !== undefined;
}

function isChrome(node: DomNode): boolean {
  const name = node.name ?? '';
  if (SKIP_TAGS.has(name) || isHidden(node)) return true;
  if (name === 'header' && hasDescendant(node, (n) => n.name === 'nav' || n.name === 'ul')) return true;
  const marks = `${node.attribs?.class ?? ''} ${node.attribs?.id ?? ''}`;
  return CHROME_RE.test(marks);
}

function hasDescendant(node: DomNode, test: (n: DomNode) => boolean): boolean {
  return (node.children ?? []).some((c) => test(c) || hasDescendant(c, test));
}

const CJK = '\\u2E80-\\u9FFF\\uF900-\\uFAFF\\uFF00-\\uFFEF';
const CJK_BREAK_RE = new RegExp(`([${CJK}])[ \\t\\r\\f]*\\n\\s*([${CJK}])`, 'g');

/** HTML whitespace rules: runs collapse to one space; a source line break between two CJK characters vanishes. */
function collapse(text: string): string {
  return normalizeText(text).replace(CJK_BREAK_RE, '$1$2').replace(/\s+/g, ' ').trim();
}

/** Text of a table cell: `<br>` and inner paragraphs join without a break ("本年新<br>制作数量"). */
function cellText(node: DomNode): string {
  const parts: string[] = [];
  const walk = (n: DomNode) => {
    if (n.type === 'text') parts.push(n.data ?? '');
    else if (n.type === 'tag' || n.type === 'script' || n.type === 'style') {
      if (SKIP_TAGS.has(n.name ?? '') || isHidden(n)) return;
      if (BLOCK_TAGS.has(n.name ?? '') || n.name === 'br') parts.push('\n');
      for (const c of n.children ?? []) walk(c);
    }
  };
  for (const c of node.children ?? []) walk(c);
  // Line breaks inside a cell are wrapping, not separators: drop them, keep other spaces.
  return normalizeText(parts.join(''))
    .split('\n')
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p.length > 0)
    .join('')
    .trim();
}

function elementChildren(node: DomNode): DomNode[] {
  return (node.children ?? []).filter((c) => c.type === 'tag');
}

/** The rows of a table, through thead/tbody/tfoot, not those of nested tables. */
function tableRows(table: DomNode): DomNode[] {
  const rows: DomNode[] = [];
  for (const child of elementChildren(table)) {
    if (child.name === 'tr') rows.push(child);
    else if (child.name === 'thead' || child.name === 'tbody' || child.name === 'tfoot') {
      rows.push(...elementChildren(child).filter((c) => c.name === 'tr'));
    }
  }
  return rows;
}

function rowCells(row: DomNode): DomNode[] {
  return elementChildren(row).filter((c) => c.name === 'td' || c.name === 'th');
}

class HtmlLines {
  readonly lines: SourceLine[] = [];
  private buffer = '';
  private tables = 0;

  text(data: string): void {
    this.buffer += data;
  }

  flush(): void {
    const text = collapse(this.buffer);
    this.buffer = '';
    if (!text) return;
    const index = this.lines.length + 1;
    this.lines.push({
      cells: [{ text, where: `第${index}段`, origin: `段${index}` }],
      isTableRow: false,
      index,
    });
  }

  walk(node: DomNode): void {
    if (node.type === 'text') {
      this.text(node.data ?? '');
      return;
    }
    if (node.type !== 'tag' && node.type !== 'root') return;
    if (node.type === 'tag' && isChrome(node)) return;
    const name = node.name ?? '';
    if (name === 'br') {
      this.flush();
      return;
    }
    if (name === 'table') {
      this.table(node);
      return;
    }
    const isBlock = BLOCK_TAGS.has(name);
    if (isBlock) this.flush();
    for (const c of node.children ?? []) this.walk(c);
    if (isBlock) this.flush();
  }

  /**
   * A table whose cells hold tables is page layout: read its cells as blocks. Otherwise it
   * is a data table: one line per row.
   */
  private table(node: DomNode): void {
    this.flush();
    const rows = tableRows(node);
    const isLayout = rows.some((r) => rowCells(r).some((c) => hasDescendant(c, (n) => n.name === 'table')));
    if (isLayout) {
      for (const row of rows) {
        for (const c of rowCells(row)) {
          this.walk({ ...c, name: 'div' });
        }
      }
      return;
    }
    const caption = elementChildren(node).find((c) => c.name === 'caption');
    if (caption) this.walk(caption);
    this.tables += 1;
    const input: TableCellInput[][] = rows.map((row) =>
      rowCells(row).map((c) => ({
        text: cellText(c),
        colSpan: Number.parseInt(c.attribs?.colspan ?? '1', 10),
        rowSpan: Number.parseInt(c.attribs?.rowspan ?? '1', 10),
      })),
    );
    this.lines.push(...expandTable(input, this.tables, this.lines.length + 1));
  }
}

/** Reads an HTML page into lines: table rows as cells, other blocks as one-cell lines. */
export function readHtml(html: string): SourceDocument {
  const dom = parseDocument(html, {
    decodeEntities: true,
    lowerCaseTags: true,
    lowerCaseAttributeNames: true,
  });
  const out = new HtmlLines();
  out.walk(dom as unknown as DomNode);
  out.flush();
  return { kind: 'html', lines: out.lines, positional: false, explicitBlanks: true };
}
