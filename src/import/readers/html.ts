/**
 * HTML reader for reports published as web pages on government portals. Tables keep their
 * grid (rowspan/colspan expanded, copies share an origin); everything else becomes one line
 * per block (paragraph, heading, list item). Scripts, styles and the portal's navigation
 * chrome are skipped so the report's own title is among the first lines. The page is parsed
 * by our own tokenizer (html-tokenizer.ts), which builds the tree htmlparser2 built, faster.
 */
import { normalizeText } from '../normalize.ts';
import type { SourceDocument, SourceLine } from '../source.ts';
import { expandTable, type TableCellInput } from './grid.ts';
import { type HtmlElement, type HtmlNode, parseHtmlTree } from './html-tokenizer.ts';

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

const HIDDEN_RE = /display\s*:\s*none|visibility\s*:\s*hidden/i;

function isHidden(node: HtmlElement): boolean {
  const style = node.attribs.style;
  return (style !== undefined && HIDDEN_RE.test(style)) || node.attribs.hidden !== undefined;
}

/** Chrome marks are words of the class or id; an element with neither has none. */
function hasChromeMarks(node: HtmlElement): boolean {
  const { class: className, id } = node.attribs;
  if (className === undefined && id === undefined) return false;
  return CHROME_RE.test(`${className ?? ''} ${id ?? ''}`);
}

function isChrome(node: HtmlElement): boolean {
  if (SKIP_TAGS.has(node.name) || isHidden(node)) return true;
  if (node.name === 'header' && node.hasMenu) return true;
  return hasChromeMarks(node);
}

const CJK = '\\u2E80-\\u9FFF\\uF900-\\uFAFF\\uFF00-\\uFFEF';
const CJK_BREAK_RE = new RegExp(`([${CJK}])[ \\t\\r\\f]*\\n\\s*([${CJK}])`, 'g');

/** HTML whitespace rules: runs collapse to one space; a source line break between two CJK characters vanishes. */
function collapse(text: string): string {
  return normalizeText(text).replace(CJK_BREAK_RE, '$1$2').replace(SPACES_RE, ' ').trim();
}

const SPACES_RE = /\s+/g;
const SPACE_RE = /\s/;
const SPACE_NOT_NEWLINE_RE = /[^\S\n]/;
const NEWLINES_RE = /\n/g;
/** Anything but white space; normalisation maps white space to white space only. */
const CONTENT_RE = /\S/;

/**
 * The text of a cell's subtree, a "\n" where a block or `<br>` starts. A "\n" before any text
 * or right after another one is left out: it would only join or end a run of white space that
 * holds a line break already, which cellText drops either way.
 */
function collectCellText(node: HtmlElement, parts: string[]): void {
  for (const c of node.children) {
    if (typeof c === 'string') {
      parts.push(c);
      continue;
    }
    if (SKIP_TAGS.has(c.name) || isHidden(c)) continue;
    if ((BLOCK_TAGS.has(c.name) || c.name === 'br') && parts.length > 0 && parts[parts.length - 1] !== '\n') {
      parts.push('\n');
    }
    collectCellText(c, parts);
  }
}

/** Text of a table cell: `<br>` and inner paragraphs join without a break ("本年新<br>制作数量"). */
function cellText(node: HtmlElement): string {
  const only = node.children.length === 1 ? node.children[0] : undefined;
  let raw: string;
  // Most cells hold one run of text: nothing to collect.
  if (typeof only === 'string') raw = only;
  else {
    const parts: string[] = [];
    collectCellText(node, parts);
    raw = parts.length === 1 ? parts[0]! : parts.join('');
  }
  const text = normalizeText(raw);
  // Most cells ("0", "规章") have no white space at all: nothing to collapse, trim or join.
  if (!SPACE_RE.test(text)) return text;
  // Without line breaks there is nothing to join, only spaces to collapse.
  if (!text.includes('\n')) return text.replace(SPACES_RE, ' ').trim();
  // Blocks inside the cell ("<p>本年新</p><p>制作数量</p>") and no other white space: the
  // pieces need no collapsing or trimming, only joining.
  if (!SPACE_NOT_NEWLINE_RE.test(text)) return text.replace(NEWLINES_RE, '');
  // Line breaks inside a cell are wrapping, not separators: a run of white space holding one
  // vanishes, any other run becomes one space (the same as cutting the text at each "\n",
  // collapsing and trimming each piece, and joining them, without the pieces).
  return text.replace(SPACES_RE, (run) => (run.includes('\n') ? '' : ' ')).trim();
}

function cellInput(c: HtmlElement): TableCellInput {
  return {
    text: cellText(c),
    colSpan: Number.parseInt(c.attribs.colspan ?? '1', 10),
    rowSpan: Number.parseInt(c.attribs.rowspan ?? '1', 10),
  };
}

function elementChildren(node: HtmlElement): HtmlElement[] {
  const elements: HtmlElement[] = [];
  for (const c of node.children) if (typeof c !== 'string') elements.push(c);
  return elements;
}

/** The rows of a table, through thead/tbody/tfoot, not those of nested tables. */
function tableRows(table: HtmlElement): HtmlElement[] {
  const rows: HtmlElement[] = [];
  for (const child of elementChildren(table)) {
    if (child.name === 'tr') rows.push(child);
    else if (child.name === 'thead' || child.name === 'tbody' || child.name === 'tfoot') {
      rows.push(...elementChildren(child).filter((c) => c.name === 'tr'));
    }
  }
  return rows;
}

function rowCells(row: HtmlElement): HtmlElement[] {
  const cells: HtmlElement[] = [];
  for (const c of row.children)
    if (typeof c !== 'string' && (c.name === 'td' || c.name === 'th')) cells.push(c);
  return cells;
}

/** "第12段" and "段12", made once per number and shared by every page (see grid.ts slotNames). */
const PARAGRAPH_NAMES: { where: string; origin: string }[] = [];
function paragraphNames(index: number): { where: string; origin: string } {
  let names = PARAGRAPH_NAMES[index];
  if (!names) {
    names = { where: `第${index}段`, origin: `段${index}` };
    if (index < 10_000) PARAGRAPH_NAMES[index] = names;
  }
  return names;
}

class HtmlLines {
  readonly lines: SourceLine[] = [];
  private buffer = '';
  private tables = 0;

  text(data: string): void {
    this.buffer += data;
  }

  flush(): void {
    // Most flushes come between blocks, with nothing or only white space buffered.
    const text = CONTENT_RE.test(this.buffer) ? collapse(this.buffer) : '';
    this.buffer = '';
    if (!text) return;
    const index = this.lines.length + 1;
    const { where, origin } = paragraphNames(index);
    this.lines.push({ cells: [{ text, where, origin }], isTableRow: false, index });
  }

  walk(node: HtmlNode): void {
    if (typeof node === 'string') {
      this.text(node);
      return;
    }
    if (isChrome(node)) return;
    if (node.name === 'br') {
      this.flush();
      return;
    }
    if (node.name === 'table') {
      this.table(node);
      return;
    }
    this.children(node, BLOCK_TAGS.has(node.name));
  }

  /** The document root: its children, with no chrome test of its own. */
  walkRoot(root: HtmlElement): void {
    this.children(root, false);
  }

  private children(node: HtmlElement, isBlock: boolean): void {
    if (isBlock) this.flush();
    for (const c of node.children) this.walk(c);
    if (isBlock) this.flush();
  }

  /**
   * A table whose cells hold tables is page layout: read its cells as blocks. Otherwise it
   * is a data table: one line per row.
   */
  private table(node: HtmlElement): void {
    this.flush();
    const rows = tableRows(node).map(rowCells);
    const isLayout = rows.some((cells) => cells.some((c) => c.hasTable));
    if (isLayout) {
      for (const cells of rows) {
        for (const c of cells) {
          // Each cell reads as a <div>: a block, skipped when hidden or marked as chrome.
          if (!isHidden(c) && !hasChromeMarks(c)) this.children(c, true);
        }
      }
      return;
    }
    const caption = elementChildren(node).find((c) => c.name === 'caption');
    if (caption) this.walk(caption);
    this.tables += 1;
    const input: TableCellInput[][] = rows.map((cells) => cells.map(cellInput));
    for (const line of expandTable(input, this.tables, this.lines.length + 1)) this.lines.push(line);
  }
}

/** Reads an HTML page into lines: table rows as cells, other blocks as one-cell lines. */
export function readHtml(html: string): SourceDocument {
  return readHtmlTree(parseHtmlTree(html));
}

/** The lines of a parsed page (exported for the test that parses pages with htmlparser2 too). */
export function readHtmlTree(root: HtmlElement): SourceDocument {
  const out = new HtmlLines();
  out.walkRoot(root);
  out.flush();
  return { kind: 'html', lines: out.lines, positional: false, explicitBlanks: true };
}
