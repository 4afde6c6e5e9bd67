/**
 * The HTML reader parses pages with its own tokenizer (src/import/readers/html-tokenizer.ts)
 * instead of htmlparser2, for speed (bench/RESULTS.md, import section). It must read every page
 * exactly as htmlparser2's Parser made the reader read it: this test parses each HTML fixture
 * and a set of awkward snippets both ways and requires the same tree, the same lines and, for
 * the fixtures, the same import (report, findings, provenance).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { importBytes, importDocument } from '../../src/import/index.ts';
import { decodeText } from '../../src/import/read-file.ts';
import { readHtml, readHtmlTree } from '../../src/import/readers/html.ts';
import { NAMED } from '../../src/import/readers/html-entities.ts';
import {
  type HtmlElement,
  type HtmlNode,
  KEPT_ATTRIBUTES,
  parseHtmlTree,
} from '../../src/import/readers/html-tokenizer.ts';
import { renderReportHtml } from '../../src/render/html.ts';
import { ninghaiReport } from '../render/reports.ts';

/** The tree the reader used to build from htmlparser2's streaming Parser (its code before the switch). */
function htmlparser2Tree(html: string): HtmlElement {
  const root: HtmlElement = { name: '', attribs: {}, children: [], hasTable: false, hasMenu: false };
  const stack: HtmlElement[] = [root];
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        const element: HtmlElement = { name, attribs, children: [], hasTable: false, hasMenu: false };
        stack[stack.length - 1]!.children.push(element);
        stack.push(element);
      },
      onclosetag() {
        // The parser closes only elements it opened; the root stays whatever comes.
        if (stack.length === 1) return;
        const element = stack.pop()!;
        const parent = stack[stack.length - 1]!;
        parent.hasTable ||= element.hasTable || element.name === 'table';
        parent.hasMenu ||= element.hasMenu || element.name === 'nav' || element.name === 'ul';
      },
      ontext(data) {
        stack[stack.length - 1]!.children.push(data);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  return root;
}

/** A tree in a comparable form: adjacent texts joined (htmlparser2 cuts text at entities), kept attributes only. */
interface Comparable {
  name: string;
  attribs: Record<string, string>;
  children: (Comparable | string)[];
  hasTable: boolean;
  hasMenu: boolean;
}

function comparable(element: HtmlElement): Comparable {
  const children: (Comparable | string)[] = [];
  for (const child of element.children as HtmlNode[]) {
    if (typeof child === 'string') {
      const last = children.length - 1;
      if (typeof children[last] === 'string') children[last] += child;
      else children.push(child);
    } else children.push(comparable(child));
  }
  const attribs: Record<string, string> = {};
  for (const [name, value] of Object.entries(element.attribs))
    if (KEPT_ATTRIBUTES.has(name)) attribs[name] = value;
  return { name: element.name, attribs, children, hasTable: element.hasTable, hasMenu: element.hasMenu };
}

function expectSameAsHtmlparser2(html: string): void {
  expect(comparable(parseHtmlTree(html))).toEqual(comparable(htmlparser2Tree(html)));
  expect(readHtml(html)).toEqual(readHtmlTree(htmlparser2Tree(html)));
}

const fixtures = join(import.meta.dirname, '..', 'fixtures');

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return htmlFiles(path);
    return /\.html?$/i.test(entry.name) ? [path] : [];
  });
}

describe('the HTML tokenizer reads every fixture page as htmlparser2 did', () => {
  const files = htmlFiles(fixtures);

  it('finds the HTML fixtures', () => {
    expect(files.length).toBeGreaterThanOrEqual(5);
  });

  for (const file of files) {
    it(`gives the same tree, lines and import for ${relative(fixtures, file)}`, async () => {
      const bytes = readFileSync(file);
      const html = decodeText(bytes);
      expectSameAsHtmlparser2(html);
      const before = importDocument(readHtmlTree(htmlparser2Tree(html)));
      expect(await importBytes(bytes, 'source.html')).toEqual(before);
    });
  }
});

/** Snippets that exercise one rule each; every one must parse as htmlparser2 parses it. */
const EDGE_CASES: Record<string, string> = {
  'uppercase tags and attributes': '<TABLE><TR><TD COLSPAN=2 ROWSPAN="3">a</TD></TR></TABLE>',
  'quoted values holding > and <': '<td class="a>b" style=\'x<y\' id="">c</td>',
  'unquoted values, a slash inside one': '<td colspan=2 class=a/b>x</td><p id=c/>y',
  'attributes with no value, spaces around =, repeated names':
    '<div hidden class = "a" CLASS="b" id= c style =d>x</div><p hidden/>y',
  'odd attribute names': '<div =x class="a"b="c" "q"=1 \'r\'>z</div>',
  'entities in attribute values':
    '<td class="a&amp;b &lt;c &copy=1 &copyx &copy; &#65;&#x42;" style="&amp">x</td>',
  'self-closing syntax outside foreign content': '<div/>a<span/>b<br/>c<td/>d',
  'void elements never hold children': '<p>a<br>b<img src=x>c<input>d<hr>e<wbr>f<col>g<meta>h</p>',
  'stray < in text': 'a < b <3 c<<d>e</ x> f </3> g <> h <=',
  'comments, doctype, processing instructions, CDATA':
    '<!DOCTYPE html><!-- c -->a<!---->b<!-->c<!--->d<!-- x --!>e<!-- y --->f<?xml v?>g<![CDATA[h]]>i<!x>j<!>k',
  'CDATA inside svg and math': '<p>a<svg><![CDATA[b<c>]]></svg><math><![CDATA[d]]></math>e</p>',
  'raw text: script, style, xmp, iframe, noembed, noframes':
    '<script>if (a<b && c>d) "</td>"</script>x<style>td{}</STYLE >y<xmp><b>z</b></xmp><iframe><p>q</iframe>' +
    '<noembed><td></noembed><noframes>&amp;</noframes>w',
  'script end tags that do not end it':
    '<script>a</scriptx b</scrip </<script</script/x>c<script>d<</script>e',
  'escapable raw text: title and textarea decode entities':
    '<title>a&amp;b</title x><textarea>&lt;p&gt;</textarea>c',
  'entities after a partial end tag in title': '<title></&amp;</t&amp;</TITLE&amp;</titl&lt;x</title>',
  'plaintext takes the rest of the page': '<p>a<plaintext>b</plaintext><td>c',
  'td and th close open cells, tr closes open rows': '<table><tr><td>a<td>b<th>c<tr><td>d</table>e',
  '</table> closes open rows and cells': '<table><tr><td><table><tr><td>x</table>y</td></tr></table>z',
  'p inside p, li inside li, headings, dd and dt':
    '<p>a<p>b<div>c</div><ul><li>d<li>e</ul><h1>f<h2>g<dl><dt>h<dd>i</dl>',
  'an end tag closes what was opened after its element': '<div><span><b>a</div>b</span>c',
  'end tags with no open element, </p> and </br>': '</span>a</p>b</br>c</img>d</td>',
  'a form inside a form is dropped': '<form id=a><form id=b class=c><p>x</form>y</form>z',
  'svg names, self-closing inside foreign content, integration points':
    '<svg><clipPath><rect/></clipPath><foreignObject><p/>x<table><td>y</td></table></foreignObject><title>t</title>' +
    '<desc><b/>d</desc></svg><image>z<math><mi/>m</math>',
  'an <image> is an <img>': '<p><image src=a>x</p>',
  'numeric references':
    '&#65;&#x4e00;&#X4E01;&#0;&#128;&#x80;&#150;&#x110000;&#xD800;&#99999999999999999999;&#;&#x;&#12a &#x2g',
  'named references, with and without ;':
    '&nbsp;&amp;&lt;&gt;&quot;&apos;&ensp;&emsp;&middot;&hellip;&ldquo;&rdquo;&mdash;&times;&yen;',
  'legacy names without ;, unknown names':
    '&nbspx &ampamp; &notit; &notin; &copy2 &Amp; &AMP &bogus; &constructor; &#',
  'head, body and the implied closes of body':
    '<head><title>t</title><script>s</script><link></head><body><p>b</body>',
  'a table as a layout table': '<table><tr><td><table><tr><td>1</td></tr></table></td></tr></table>',
  'menus in headers and chrome marks':
    '<header><ul><li>m</ul></header><div class="nav x">n</div><p style="display:none">h</p>',
  'text in raw-text elements nested in cells': '<table><tr><td>a<script>b</script>c<br>d</td></tr></table>',
  'white space and line breaks in cells':
    '<table><tr><td>\n 本年新<br>\n制作数量 </td><td><p>a</p><p>b</p></td></tr></table>',
  'tags with white space and line breaks inside': '<td\ncolspan\n=\n"2"\n>a</td\n>',
};

/** Unfinished constructs at the very end of the page. */
const ENDINGS = [
  '<',
  '</',
  '<div',
  '<div ',
  '<div class',
  '<div class=',
  '<div class="a',
  '<div class=a',
  '<div /',
  '<div / ',
  '<div class="a"/',
  '<div a /x',
  '</div',
  '</div ',
  '</div x',
  '</div/',
  '<s',
  '<scri',
  '<script',
  '<t',
  '<tex',
  '<scx',
  '<script>abc',
  '<script>abc</scr',
  '<script>abc</script',
  '<script>abc</script ',
  '<title>a&amp',
  '<title>a&#66',
  '<plaintext>',
  '<!',
  '<!-',
  '<!--',
  '<!-- abc --',
  '<![CDATA[',
  '<![CDATA[abc',
  '<svg><![CDATA[abc',
  '<!DOCTYPE',
  '<?php',
  'a&amp',
  'a&nbsp',
  'a&#',
  'a&#x',
  'a&#x41',
  'a&',
  '<td><tr',
  '<p><div',
  '<table><tr><td>a<td',
];

describe('the HTML tokenizer reads the pages gongkai renders as htmlparser2 did', () => {
  it('gives the same tree, lines and import for a rendered annual report', async () => {
    const html = renderReportHtml(ninghaiReport(), { standalone: true });
    expectSameAsHtmlparser2(html);
    const before = importDocument(readHtmlTree(htmlparser2Tree(html)));
    expect(await importBytes(new TextEncoder().encode(html), 'report.html')).toEqual(before);
  });
});

describe('the HTML tokenizer follows htmlparser2 on awkward markup', () => {
  for (const [name, html] of Object.entries(EDGE_CASES)) {
    it(name, () => {
      expectSameAsHtmlparser2(`<div>${html}</div>`);
      expectSameAsHtmlparser2(html);
    });
  }

  it('ends the page inside a tag, a comment, a raw-text element or a reference as htmlparser2 does', () => {
    for (const ending of ENDINGS) {
      expectSameAsHtmlparser2(`<p>x</p><div><p>y ${ending}`);
      expectSameAsHtmlparser2(ending);
    }
  });

  it('decodes every named reference it knows as htmlparser2 does, with and without ;, in text and attributes', () => {
    for (const name of NAMED.keys()) {
      const text = `&${name};|&${name}|&${name}x|&${name}=|<i title="&${name}">a</i>`;
      expectSameAsHtmlparser2(`<p class="&${name};" id="&${name}" style="&${name}=">${text}</p>`);
    }
  });

  it('reads random tag soup as htmlparser2 does', () => {
    // A fixed-seed generator of pieces that combine into odd markup: every run is the same.
    const pieces = [
      '<td>',
      '<tr>',
      '<th>',
      '</td>',
      '</tr>',
      '<table>',
      '</table>',
      '<tbody>',
      '<thead>',
      '<p>',
      '</p>',
      '<div class="a">',
      '</div>',
      '<li>',
      '<ul>',
      '</ul>',
      '<br>',
      '</br>',
      '<br/>',
      '<span>',
      '</span>',
      '<script>',
      '</script>',
      '<title>',
      '</title>',
      '<svg>',
      '</svg>',
      '<math>',
      '<rect/>',
      '<form>',
      '</form>',
      '<!--',
      '-->',
      '<![CDATA[',
      ']]>',
      '<!',
      '<?',
      '>',
      '<',
      '</',
      '/',
      '=',
      '"',
      "'",
      ' ',
      '\n',
      'a',
      '文字',
      '&amp;',
      '&nbsp',
      '&#65;',
      '&',
      '#',
      ';',
      'td',
      'x=1',
      'colspan=2',
      'style="display:none"',
      '<header>',
      '<nav>',
      '<image>',
      '<textarea>',
      '</textarea>',
      '<plaintext>',
      '<xmp>',
      '</xmp>',
    ];
    let seed = 20261125;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let round = 0; round < 1500; round += 1) {
      let html = '';
      const count = 1 + Math.floor(random() * 25);
      for (let i = 0; i < count; i += 1) html += pieces[Math.floor(random() * pieces.length)];
      expect(comparable(parseHtmlTree(html)), html).toEqual(comparable(htmlparser2Tree(html)));
    }
  });
});
