/**
 * A small HTML tokenizer and tree builder for the HTML reader, in place of htmlparser2: the
 * portal pages we import are 1,300 to 3,100 tags each, and htmlparser2's character-by-character
 * state machine spent more time on them than all the rest of the import. This one finds each
 * `<` with `indexOf`, reads a tag with `charCodeAt`, and keeps only what the reader uses:
 * element names, six attributes, and text.
 *
 * It builds the tree htmlparser2's Parser (HTML mode, entities decoded, names lower-cased) gives
 * the reader, rule for rule, so that a page reads the same as before (tests/import/
 * html-tokenizer.test.ts compares both on every fixture and on edge cases):
 * - comments, `<!DOCTYPE>`, `<?…>`, `<![CDATA[…]]>` (text inside <svg>/<math>) and other
 *   `<!…>` are skipped; a `<` that starts none of these or a tag is text;
 * - the text of script, style, xmp, iframe, noembed, noframes (raw) and title, textarea
 *   (entities decoded) runs to the matching end tag; after `<plaintext>` all is text;
 * - htmlparser2's implied ends: `<td>` closes an open td/th/thead, `<tr>` an open tr/td/th,
 *   `<p>`, `<div>`, `<table>`… close an open p, `<li>` an open li, and so on (OPEN_CLOSES);
 *   an end tag closes everything opened after its element; one with no open element is
 *   ignored, except `</p>` (an empty p) and `</br>` (a br);
 * - void elements (br, img, input, meta, hr…) have no children; `/>` closes an element only
 *   inside <svg>/<math>, as in HTML; a <form> inside a form is dropped;
 * - at the end of the page everything still open is closed; an unfinished tag is dropped.
 *
 * Text is kept as one string per run between tags, where htmlparser2 cut it at each entity:
 * the reader only ever joins the pieces.
 */
import { decodeReference, decodeText } from './html-entities.ts';

/**
 * An element of the page, as small as the reader needs: no sibling or parent links, no
 * positions, no comments. Text is kept as plain strings.
 */
export interface HtmlElement {
  name: string;
  /** Only the attributes in KEPT_ATTRIBUTES, first occurrence wins. */
  attribs: Readonly<Record<string, string>>;
  children: HtmlNode[];
  /** Some descendant is a <table> (a table holding tables is page layout). */
  hasTable: boolean;
  /** Some descendant is a <nav> or <ul> (a <header> holding one is the portal's menu). */
  hasMenu: boolean;
}

export type HtmlNode = HtmlElement | string;

/** The attributes the reader looks at: hidden content, chrome marks, and cell spans. */
export const KEPT_ATTRIBUTES: ReadonlySet<string> = new Set([
  'style',
  'hidden',
  'class',
  'id',
  'colspan',
  'rowspan',
]);

/** Shared by every element with none of the kept attributes (never written to). */
const NO_ATTRIBUTES: Readonly<Record<string, string>> = Object.freeze({});

const P = new Set(['p']);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p']);
const FORM_CONTROLS = new Set(['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea']);
const DD_DT = new Set(['dd', 'dt']);
const RT_RP = new Set(['rt', 'rp']);
const TABLE_SECTIONS = new Set(['thead', 'tbody']);

/** htmlparser2's implied ends: opening the key closes open elements of these names, innermost first. */
const OPEN_CLOSES: ReadonlyMap<string, ReadonlySet<string>> = new Map<string, ReadonlySet<string>>([
  ['tr', new Set(['tr', 'th', 'td'])],
  ['th', new Set(['th'])],
  ['td', new Set(['thead', 'th', 'td'])],
  ['body', new Set(['head', 'link', 'script'])],
  ['a', new Set(['a'])],
  ['li', new Set(['li'])],
  ['p', P],
  ['h1', HEADINGS],
  ['h2', HEADINGS],
  ['h3', HEADINGS],
  ['h4', HEADINGS],
  ['h5', HEADINGS],
  ['h6', HEADINGS],
  ['select', FORM_CONTROLS],
  ['input', FORM_CONTROLS],
  ['output', FORM_CONTROLS],
  ['button', FORM_CONTROLS],
  ['datalist', FORM_CONTROLS],
  ['textarea', FORM_CONTROLS],
  ['option', new Set(['option'])],
  ['optgroup', new Set(['optgroup', 'option'])],
  ['dd', DD_DT],
  ['dt', DD_DT],
  ...[
    'address',
    'article',
    'aside',
    'blockquote',
    'details',
    'div',
    'dl',
    'fieldset',
    'figcaption',
    'figure',
    'footer',
    'form',
    'header',
    'hr',
    'main',
    'nav',
    'ol',
    'pre',
    'section',
    'table',
    'ul',
  ].map((name): [string, ReadonlySet<string>] => [name, P]),
  ['rt', RT_RP],
  ['rp', RT_RP],
  ['tbody', TABLE_SECTIONS],
  ['tfoot', TABLE_SECTIONS],
]);

/** Elements that never have children (htmlparser2's list). */
const VOID = new Set([
  'area',
  'base',
  'basefont',
  'br',
  'col',
  'command',
  'embed',
  'frame',
  'hr',
  'img',
  'input',
  'isindex',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);

/** Elements whose text runs to their end tag, unparsed; title and textarea decode entities. */
const RAW_TEXT = new Set(['script', 'style', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);
const ESCAPABLE_RAW_TEXT = new Set(['title', 'textarea']);

/** Inside <svg> and <math> (foreign content) `/>` closes and raw-text elements are not raw. */
const HTML_CONTEXT = 0;
const SVG_CONTEXT = 1;
const MATH_CONTEXT = 2;
/** Elements inside foreign content whose content is HTML again. */
const INTEGRATION_POINTS = new Set([
  'mi',
  'mo',
  'mn',
  'ms',
  'mtext',
  'annotation-xml',
  'foreignObject',
  'desc',
  'title',
]);

/** SVG element names with capitals, which htmlparser2 restores inside <svg>. */
const SVG_NAMES: ReadonlyMap<string, string> = new Map(
  [
    'altGlyph',
    'altGlyphDef',
    'altGlyphItem',
    'animateColor',
    'animateMotion',
    'animateTransform',
    'clipPath',
    'feBlend',
    'feColorMatrix',
    'feComponentTransfer',
    'feComposite',
    'feConvolveMatrix',
    'feDiffuseLighting',
    'feDisplacementMap',
    'feDistantLight',
    'feDropShadow',
    'feFlood',
    'feFuncA',
    'feFuncB',
    'feFuncG',
    'feFuncR',
    'feGaussianBlur',
    'feImage',
    'feMerge',
    'feMergeNode',
    'feMorphology',
    'feOffset',
    'fePointLight',
    'feSpecularLighting',
    'feSpotLight',
    'feTile',
    'feTurbulence',
    'foreignObject',
    'glyphRef',
    'linearGradient',
    'radialGradient',
    'textPath',
  ].map((name) => [name.toLowerCase(), name]),
);

const TAB = 0x09;
const NEWLINE = 0x0a;
const FORM_FEED = 0x0c;
const RETURN = 0x0d;
const SPACE = 0x20;
const BANG = 0x21;
const DOUBLE_QUOTE = 0x22;
const AMPERSAND = 0x26;
const SINGLE_QUOTE = 0x27;
const DASH = 0x2d;
const SLASH = 0x2f;
const LT = 0x3c;
const EQUALS = 0x3d;
const GT = 0x3e;
const QUESTION = 0x3f;
const OPEN_BRACKET = 0x5b;

function isWhitespace(c: number): boolean {
  return c === SPACE || c === NEWLINE || c === TAB || c === FORM_FEED || c === RETURN;
}

/** Ends a tag or attribute name. */
function endsName(c: number): boolean {
  return c === SLASH || c === GT || isWhitespace(c);
}

function endsAttributeName(c: number): boolean {
  return c === EQUALS || endsName(c);
}

/** An unquoted attribute value runs up to white space or ">" ("/" is part of it). */
function endsUnquotedValue(c: number): boolean {
  return c === GT || isWhitespace(c);
}

function isAsciiLetter(c: number): boolean {
  const lower = c | 0x20;
  return lower >= 0x61 && lower <= 0x7a;
}

/**
 * What the rules need to know about an element name, worked out once per name: the tokenizer
 * interns one Tag per name (see tagOf), so a tag costs no Set or Map lookup.
 */
interface Tag {
  /** Lower-cased, and with SVG capitals inside <svg>. */
  readonly name: string;
  readonly isVoid: boolean;
  /** Text up to the end tag, unparsed ('raw') or with entities decoded ('escapable'). */
  readonly rawText: 'raw' | 'escapable' | undefined;
  /** The foreign-content context the element opens (svg, math, or HTML again), if any. */
  readonly context: number | undefined;
  /** Open elements its start tag closes (OPEN_CLOSES). */
  readonly closes: ReadonlySet<string> | undefined;
  readonly isTable: boolean;
  readonly isMenu: boolean;
}

function describe(name: string): Tag {
  return {
    name,
    isVoid: VOID.has(name),
    rawText: RAW_TEXT.has(name) ? 'raw' : ESCAPABLE_RAW_TEXT.has(name) ? 'escapable' : undefined,
    context:
      name === 'svg'
        ? SVG_CONTEXT
        : name === 'math'
          ? MATH_CONTEXT
          : INTEGRATION_POINTS.has(name)
            ? HTML_CONTEXT
            : undefined,
    closes: OPEN_CLOSES.get(name),
    isTable: name === 'table',
    isMenu: name === 'nav' || name === 'ul',
  };
}

/** Tags of names that are not interned (beyond ASCII, long) or renamed (SVG capitals, <img>). */
const otherTags = new Map<string, Tag>();

function tagNamed(name: string): Tag {
  let tag = otherTags.get(name);
  if (tag === undefined) {
    tag = describe(name);
    if (otherTags.size < 1000) otherTags.set(name, tag);
  }
  return tag;
}

const ROOT_TAG = describe('');
const IMG_TAG = describe('img');

/** The open elements (the root first) and the rules that depend on them. */
class TreeBuilder {
  readonly root: HtmlElement = newElement('', NO_ATTRIBUTES);
  private readonly stack: HtmlElement[] = [this.root];
  /** The Tag of each open element. */
  private readonly tags: Tag[] = [ROOT_TAG];
  /** Foreign-content contexts, the innermost last. */
  private readonly contexts: number[] = [HTML_CONTEXT];

  get inForeignContent(): boolean {
    return this.contexts[this.contexts.length - 1] !== HTML_CONTEXT;
  }

  text(text: string): void {
    if (text.length > 0) this.stack[this.stack.length - 1]!.children.push(text);
  }

  /** A tag as htmlparser2 names the element: SVG capitals inside <svg>, <image> as <img>. */
  elementTag(tag: Tag): Tag {
    const context = this.contexts[this.contexts.length - 1];
    if (context === SVG_CONTEXT) {
      const svgName = SVG_NAMES.get(tag.name);
      return svgName === undefined ? tag : tagNamed(svgName);
    }
    if (this.contexts.length > 1) {
      // An end tag of an SVG element from inside one of its integration points.
      const svgName = SVG_NAMES.get(tag.name);
      if (svgName !== undefined && this.isOpen(svgName)) return tagNamed(svgName);
    }
    return context === HTML_CONTEXT && tag.name === 'image' ? IMG_TAG : tag;
  }

  private isOpen(name: string): boolean {
    for (let i = this.stack.length - 1; i > 0; i -= 1) if (this.stack[i]!.name === name) return true;
    return false;
  }

  /**
   * A start tag's name has been read: closes what it implies (before its attributes are read,
   * so an unfinished last tag still does). False when the tag is dropped: a form inside a form.
   */
  startTag(tag: Tag): boolean {
    if (tag.name === 'form' && this.isOpen('form')) return false;
    const { closes } = tag;
    if (closes !== undefined) {
      while (this.stack.length > 1 && closes.has(this.stack[this.stack.length - 1]!.name)) this.pop();
    }
    return true;
  }

  /** A start tag is complete: the element opens (a void element is added, with no children). */
  open(tag: Tag, attribs: Readonly<Record<string, string>>, selfClosing: boolean): void {
    const element = newElement(tag.name, attribs);
    this.stack[this.stack.length - 1]!.children.push(element);
    if (tag.isVoid) return;
    this.stack.push(element);
    this.tags.push(tag);
    if (tag.context !== undefined) this.contexts.push(tag.context);
    // `/>` means something in foreign content only (the element's own context counts).
    if (selfClosing && this.inForeignContent) this.pop();
  }

  /** An end tag: closes its element and all opened after it; `</p>` and `</br>` alone add one. */
  end(tag: Tag): void {
    if (tag.isVoid) {
      if (tag.name === 'br')
        this.stack[this.stack.length - 1]!.children.push(newElement('br', NO_ATTRIBUTES));
      return;
    }
    const { name } = tag;
    for (let i = this.stack.length - 1; i > 0; i -= 1) {
      if (this.stack[i]!.name === name) {
        while (this.stack.length > i) this.pop();
        return;
      }
    }
    if (tag.name === 'p') this.stack[this.stack.length - 1]!.children.push(newElement('p', NO_ATTRIBUTES));
  }

  /** The end of the page closes everything. */
  finish(): HtmlElement {
    while (this.stack.length > 1) this.pop();
    return this.root;
  }

  private pop(): void {
    const element = this.stack.pop()!;
    const tag = this.tags.pop()!;
    const parent = this.stack[this.stack.length - 1]!;
    parent.hasTable ||= element.hasTable || tag.isTable;
    parent.hasMenu ||= element.hasMenu || tag.isMenu;
    if (tag.context !== undefined) this.contexts.pop();
  }
}

function newElement(name: string, attribs: Readonly<Record<string, string>>): HtmlElement {
  return { name, attribs, children: [], hasTable: false, hasMenu: false };
}

/** Parses a whole page into the reader's tree. */
export function parseHtmlTree(html: string): HtmlElement {
  return new Tokenizer(html).run();
}

/** Where a construct ends when the page ends inside it: nothing more is read. */
const AT_END = -1;

class Tokenizer {
  private readonly tree = new TreeBuilder();
  private readonly length: number;
  /** The first `&` at or after the last place asked about (-1: none left): see ampersandFrom. */
  private ampersand: number;

  constructor(private readonly html: string) {
    this.length = html.length;
    this.ampersand = html.indexOf('&');
  }

  /** The first `&` at or after `from`; the page is read forwards, so each is searched for once. */
  private ampersandFrom(from: number): number {
    if (this.ampersand !== -1 && this.ampersand < from) this.ampersand = this.html.indexOf('&', from);
    return this.ampersand;
  }

  run(): HtmlElement {
    const { html, length } = this;
    // Text runs from textStart to the next tag or comment; stray '<'s are part of it.
    let textStart = 0;
    let from = 0;
    for (;;) {
      const lt = html.indexOf('<', from);
      if (lt === -1 || lt === length - 1) break;
      const c = html.charCodeAt(lt + 1);
      let next: number;
      if (isAsciiLetter(c)) {
        this.flushText(textStart, lt);
        next = this.startTag(lt);
      } else if (c === SLASH) {
        if (lt + 2 === length) break; // "</" at the very end is text
        this.flushText(textStart, lt);
        next = this.endTag(lt);
      } else if (c === BANG) {
        this.flushText(textStart, lt);
        next = this.markupDeclaration(lt);
      } else if (c === QUESTION) {
        // A processing instruction is a comment in HTML.
        this.flushText(textStart, lt);
        next = this.skipPastGt(lt + 2);
      } else {
        from = lt + 1;
        continue;
      }
      if (next === AT_END) return this.tree.finish();
      textStart = next;
      from = next;
    }
    this.flushText(textStart, length);
    return this.tree.finish();
  }

  private flushText(from: number, to: number): void {
    if (to > from) this.tree.text(decodeText(this.html, from, to, false, this.ampersandFrom(from)));
  }

  /** The index after the first ">" at or after `from`, or AT_END. */
  private skipPastGt(from: number): number {
    const at = this.html.indexOf('>', from);
    return at === -1 ? AT_END : at + 1;
  }

  /** The page ends inside a tag where htmlparser2 reports its last character as text. */
  private lastCharacterAsText(): number {
    this.tree.text(this.html.slice(this.length - 1));
    return AT_END;
  }

  /** `<!…`: a comment, a doctype, CDATA or a bogus comment. Returns the index after it. */
  private markupDeclaration(lt: number): number {
    const { html } = this;
    const c = html.charCodeAt(lt + 2);
    if (c === DASH && html.charCodeAt(lt + 3) === DASH) {
      const start = lt + 4;
      // "<!-->" and "<!--->" are (empty) comments too.
      if (html.charCodeAt(start) === GT) return start + 1;
      if (html.charCodeAt(start) === DASH && html.charCodeAt(start + 1) === GT) return start + 2;
      const dashes = html.indexOf('-->', start);
      const bang = html.indexOf('--!>', start);
      if (dashes === -1 && bang === -1) return AT_END;
      if (bang === -1 || (dashes !== -1 && dashes < bang)) return dashes + 3;
      return bang + 4;
    }
    if (c === OPEN_BRACKET && html.startsWith('CDATA[', lt + 3)) {
      const start = lt + 9;
      const end = html.indexOf(']]>', start);
      if (end === AT_END) return AT_END;
      // CDATA is text in foreign content, a comment anywhere else.
      if (this.tree.inForeignContent) this.tree.text(html.slice(start, end));
      return end + 3;
    }
    // <!DOCTYPE …>, <!> and any other "<!…>" end at the first ">".
    return this.skipPastGt(lt + 2);
  }

  /** `</name …>`, or a bogus comment. Returns the index after it. */
  private endTag(lt: number): number {
    const { html, length } = this;
    const c = html.charCodeAt(lt + 2);
    if (c === GT) return lt + 3; // "</>" is nothing
    if (!isAsciiLetter(c)) return this.skipPastGt(lt + 2); // "</ x>", "</3>": comments
    let i = lt + 3;
    while (i < length && !endsName(html.charCodeAt(i))) i += 1;
    if (i === length) return AT_END;
    this.tree.end(this.tree.elementTag(tagOf(html, lt + 2, i)));
    return this.afterEndTagName(i);
  }

  /** Anything after an end tag's name up to ">" is ignored. */
  private afterEndTagName(i: number): number {
    if (this.html.charCodeAt(i) === GT) return i + 1;
    const next = this.skipPastGt(i + 1);
    return next === AT_END ? this.lastCharacterAsText() : next;
  }

  /** `<name attributes…>` and, for raw-text elements, their text and end tag. Returns the index after it. */
  private startTag(lt: number): number {
    const { html, length, tree } = this;
    let i = lt + 2;
    while (i < length && !endsName(html.charCodeAt(i))) i += 1;
    // Raw-text elements are told apart at the "<", before the name ends.
    const inForeignContent = tree.inForeignContent;
    if (i === length) {
      // htmlparser2 gives the name of a raw-text element, or the start of one, as text.
      if (!inForeignContent && startsRawTextName(html.slice(lt + 1).toLowerCase()))
        tree.text(html.slice(lt + 1));
      return AT_END;
    }
    const lowerTag = tagOf(html, lt + 1, i);
    const rawText = inForeignContent ? undefined : lowerTag.rawText;
    const tag = tree.elementTag(lowerTag);
    const kept = tree.startTag(tag);

    let attribs = NO_ATTRIBUTES;
    let selfClosing = false;
    for (;;) {
      while (i < length && isWhitespace(html.charCodeAt(i))) i += 1;
      if (i === length) return AT_END;
      const c = html.charCodeAt(i);
      if (c === GT) break;
      if (c === SLASH) {
        i += 1;
        while (i < length && isWhitespace(html.charCodeAt(i))) i += 1;
        if (i === length) return this.lastCharacterAsText();
        if (html.charCodeAt(i) === GT) {
          selfClosing = true;
          break;
        }
        continue;
      }
      // An attribute name: anything up to "=", white space, "/" or ">" ("=" too if it comes first).
      const nameStart = i;
      i += 1;
      while (i < length && !endsAttributeName(html.charCodeAt(i))) i += 1;
      const nameEnd = i;
      while (i < length && isWhitespace(html.charCodeAt(i))) i += 1;
      if (i === length) return AT_END;
      let valueStart = i;
      let valueEnd = i;
      if (html.charCodeAt(i) === EQUALS) {
        i += 1;
        while (i < length && isWhitespace(html.charCodeAt(i))) i += 1;
        if (i === length) return AT_END;
        const quote = html.charCodeAt(i);
        if (quote === DOUBLE_QUOTE || quote === SINGLE_QUOTE) {
          valueStart = i + 1;
          valueEnd = html.indexOf(quote === DOUBLE_QUOTE ? '"' : "'", valueStart);
          if (valueEnd === -1) return AT_END;
          i = valueEnd + 1;
        } else {
          // Unquoted: up to white space or ">" ("/" is part of it).
          valueStart = i;
          while (i < length && !endsUnquotedValue(html.charCodeAt(i))) i += 1;
          if (i === length) return AT_END;
          valueEnd = i;
        }
      }
      const attributeName = kept ? keptAttribute(html, nameStart, nameEnd) : undefined;
      if (attributeName !== undefined) {
        if (!Object.hasOwn(attribs, attributeName)) {
          if (attribs === NO_ATTRIBUTES) attribs = {};
          const amp = this.ampersandFrom(valueStart);
          (attribs as Record<string, string>)[attributeName] = decodeText(
            html,
            valueStart,
            valueEnd,
            true,
            amp,
          );
        }
      }
    }
    // html[i] is the ">".
    if (kept) tree.open(tag, attribs, selfClosing);
    if (rawText === undefined) return i + 1;
    if (lowerTag.name === 'plaintext') {
      tree.text(html.slice(i + 1));
      return AT_END;
    }
    return this.rawText(i + 1, lowerTag.name, rawText === 'escapable');
  }

  /**
   * The text of a raw-text element up to its end tag ("</script" in any case, then white
   * space, "/" or ">"), matched the way htmlparser2 does, character codes folded with `| 0x20`.
   * Returns the index after the end tag.
   */
  private rawText(start: number, name: string, escapable: boolean): number {
    const { html, length } = this;
    const sequence = `</${name}`;
    let decoded = '';
    let pieceStart = start;
    let matched = 0;
    let i = start;
    while (i < length) {
      const c = html.charCodeAt(i);
      if (matched === sequence.length) {
        if (endsName(c)) {
          const textEnd = i - sequence.length;
          this.tree.text(escapable ? decoded + html.slice(pieceStart, textEnd) : html.slice(start, textEnd));
          this.tree.end(this.tree.elementTag(tagOf(html, textEnd + 2, i)));
          return this.afterEndTagName(i);
        }
        matched = 0;
      }
      if ((c | 0x20) === sequence.charCodeAt(matched)) {
        matched += 1;
        i += 1;
      } else if (matched > 0) {
        matched = c === LT ? 1 : 0;
        i += 1;
      } else if (escapable) {
        // title and textarea decode entities, but not one right after a partial end tag.
        const reference = c === AMPERSAND ? decodeReference(html, i, false) : undefined;
        if (reference !== undefined) {
          decoded += html.slice(pieceStart, i) + reference.text;
          pieceStart = i = reference.end;
        } else i += 1;
      } else {
        const next = html.indexOf('<', i + 1);
        if (next === -1) break;
        matched = 1;
        i = next + 1;
      }
    }
    // No end tag: the rest of the page is the element's text.
    this.tree.text(escapable ? decoded + html.slice(pieceStart) : html.slice(start));
    return AT_END;
  }
}

/** The kept attributes by length (none shares a length and first letter with another). */
const KEPT_BY_LENGTH: readonly (readonly string[])[] = (() => {
  const byLength: string[][] = [];
  for (const name of KEPT_ATTRIBUTES) {
    const sameLength = byLength[name.length] ?? [];
    sameLength.push(name);
    byLength[name.length] = sameLength;
  }
  return byLength;
})();

/**
 * The attribute name html[from, to), lower-cased, when it is one of KEPT_ATTRIBUTES (the
 * constant itself); undefined otherwise. Compares character codes: most names are not kept,
 * and none of them is sliced.
 */
function keptAttribute(html: string, from: number, to: number): string | undefined {
  const candidates = KEPT_BY_LENGTH[to - from];
  if (candidates === undefined) return undefined;
  for (const name of candidates) if (sameLowerName(name, html, from, to)) return name;
  return undefined;
}

/**
 * Whether html[from, to) lower-cased is `name` (lower-case ASCII). Only A to Z are folded:
 * beyond ASCII no character lower-cases to one of these names' letters (the Kelvin sign's
 * "k" is in none of them), and tagOf sends such names to toLowerCase anyway.
 */
function sameLowerName(name: string, html: string, from: number, to: number): boolean {
  if (to - from !== name.length) return false;
  for (let i = from; i < to; i += 1) {
    const c = html.charCodeAt(i);
    const lower = c >= 0x41 && c <= 0x5a ? c | 0x20 : c;
    if (lower !== name.charCodeAt(i - from)) return false;
  }
  return true;
}

/**
 * Interned tags, by a hash of their lower-cased names. A tag name found here is not sliced or
 * lower-cased again and its Tag is at hand. A slot holds the last tag that landed in it; the
 * table keeps its tags between pages.
 */
const TAG_SLOTS = 2048;
const internedTags: (Tag | undefined)[] = new Array(TAG_SLOTS).fill(undefined);

function tagSlot(hash: number): number {
  return (hash ^ (hash >>> 11)) & (TAG_SLOTS - 1);
}

function hashName(name: string): number {
  let hash = 0;
  for (let i = 0; i < name.length; i += 1) hash = (Math.imul(hash, 31) + name.charCodeAt(i)) | 0;
  return hash;
}

/** The Tag of the name html[from, to), lower-cased as htmlparser2 does (`toLowerCase`). */
function tagOf(html: string, from: number, to: number): Tag {
  let hash = 0;
  for (let i = from; i < to; i += 1) {
    const c = html.charCodeAt(i);
    // Beyond ASCII, toLowerCase has rules of its own ("\u212A" is a "k").
    if (c >= 0x80) return tagNamed(html.slice(from, to).toLowerCase());
    hash = (Math.imul(hash, 31) + (c >= 0x41 && c <= 0x5a ? c | 0x20 : c)) | 0;
  }
  const slot = tagSlot(hash);
  const known = internedTags[slot];
  if (known !== undefined && sameLowerName(known.name, html, from, to)) return known;
  const name = html.slice(from, to).toLowerCase();
  if (name.length > 24) return tagNamed(name);
  const tag = describe(name);
  internedTags[slot] = tag;
  return tag;
}

/** The names the rules test, and the commonest others, interned from the start. */
for (const name of [
  ...OPEN_CLOSES.keys(),
  ...VOID,
  ...RAW_TEXT,
  ...ESCAPABLE_RAW_TEXT,
  ...'html head body span font b i u strong em a tbody thead tfoot caption colgroup label small'.split(' '),
  ...'center sub sup s strike big nobr o:p svg math nav header aside footer noscript template'.split(' '),
]) {
  internedTags[tagSlot(hashName(name))] ??= describe(name);
}

/** A raw-text element's name, or the start of one as htmlparser2 matches them ("s", "scri", "tex"). */
function startsRawTextName(name: string): boolean {
  for (const rawName of [...RAW_TEXT, ...ESCAPABLE_RAW_TEXT]) if (rawName.startsWith(name)) return true;
  return false;
}
