/**
 * The shortcuts the readers take for speed (bench/RESULTS.md, import section) must read exactly
 * what the plain way read: labels found by one trie walk instead of one regex per label, HTML
 * read from a light tree built by our own tokenizer (readers/html-tokenizer.ts, checked against
 * htmlparser2 in html-tokenizer.test.ts), cell text joined without
 * cutting it into pieces, NFKC skipped for runs it cannot change, and cuts of run-together
 * digits remembered between rows.
 */
import { describe, expect, it } from 'vitest';
import { noConstraint, table3RowConstraint, unfuseCells } from '../../src/import/extract/fused.ts';
import { readDocument } from '../../src/import/index.ts';
import { normalizeText } from '../../src/import/normalize.ts';
import { readHtml } from '../../src/import/readers/html.ts';
import { segmentAtLabels } from '../../src/import/readers/segment.ts';
import { readText } from '../../src/import/readers/text.ts';

const texts = (html: string) => readHtml(html).lines.map((l) => l.cells.map((c) => c.text));

describe('cutting run-together text at labels (one trie walk per position)', () => {
  it('matches a label with spaces and punctuation between its characters, and an enumerator before it', () => {
    expect(segmentAtLabels('（七）总 计630020469四、结转下年度继续办理1000001')).toEqual({
      lead: '',
      segments: [
        { label: '（七）总 计', isHeading: false, rest: '630020469' },
        { label: '四、结转下年度继续办理', isHeading: false, rest: '1000001' },
      ],
    });
  });

  it('lets the longer label win over a shorter one inside it, and keeps characters beyond the BMP as text', () => {
    expect(segmentAtLabels('1.属于国家秘密0 2.其他法律行政法规禁止公开0𠀀其他0')).toEqual({
      lead: '',
      segments: [
        { label: '1.属于国家秘密', isHeading: false, rest: '0 ' },
        { label: '2.其他法律行政法规禁止公开', isHeading: false, rest: '0𠀀' },
        { label: '其他', isHeading: false, rest: '0' },
      ],
    });
  });

  it('does not cut at a label followed by neither a number nor another label', () => {
    const cut = segmentAtLabels('规·章000行政规范性文件 “693”665（六）其他处理2其他3');
    expect(cut?.segments.map((s) => s.label)).toEqual(['规·章', '（六）其他处理', '其他']);
    expect(cut?.segments[0]?.rest).toBe('000行政规范性文件 “693”665');
  });
});

describe('HTML read from a light tree', () => {
  it('skips a <header> that holds a menu, but reads one that holds only the title', () => {
    expect(
      texts(
        '<header><ul><li>首页</li></ul><h1>菜单标题</h1></header>' +
          '<header><h1>2020年某县政府信息公开工作年度报告</h1></header><p>正文</p>',
      ),
    ).toEqual([['2020年某县政府信息公开工作年度报告'], ['正文']]);
  });

  it('reads the CDATA of <math> as text, as the parser hands it over in HTML mode', () => {
    expect(texts('<p>前<math><![CDATA[中]]>后</math></p>')).toEqual([['前中后']]);
  });

  it('joins the blocks of a cell without a break and collapses the other white space', () => {
    expect(
      texts(
        '<table><tr><td><p> 本年 </p>\n<p>新制作\t 数量</p></td><td>\n<p>0</p>\n</td><td>1&nbsp; 2</td></tr></table>',
      ),
    ).toEqual([['本年新制作 数量', '0', '1 2']]);
  });

  it('skips the hidden and chrome cells of a layout table', () => {
    expect(
      texts(
        '<table><tr><td style="display:none"><table><tr><td>隐</td></tr></table></td>' +
          '<td class="menu"><p>菜</p></td><td><p>正文</p></td></tr></table>',
      ),
    ).toEqual([['正文']]);
  });

  it('survives markup that closes more than it opened', () => {
    expect(texts('</td></tr></table></div></p>正文</body></html>')).toEqual([['正文']]);
  });
});

describe('normalisation and reading shortcuts', () => {
  it('still folds every run of a text with one odd character, and composes across ASCII', () => {
    // The form feed sends the text through NFKC; runs without odd characters are skipped,
    // runs with one are folded whole (e + combining acute → é).
    expect(normalizeText('规章\f３１件，e\u0301；⼈⺠')).toBe('规章\f31件，é；人民');
  });

  it('sniffs %PDF- only within the first 1024 bytes', async () => {
    const late = new TextEncoder().encode(`${'一二三四五六七八九十\n'.repeat(40)}%PDF-1.7`);
    expect((await readDocument(late)).kind).toBe('text');
  });

  it('gives the cells of each text document their own origins, counted from the start', () => {
    const a = readText('规章  0\n行政许可  1');
    const b = readText('规章  0');
    const origins = a.lines.flatMap((l) => l.cells.map((c) => c.origin));
    expect(new Set(origins).size).toBe(origins.length);
    expect(b.lines[0]!.cells[0]!.origin).toBe(a.lines[0]!.cells[0]!.origin);
  });

  it('cuts the same run-together row the same way when it comes again, from what it remembered', () => {
    const cells = [{ text: '640020470', where: '第1行', origin: 'x' }];
    expect(unfuseCells(cells, 7, table3RowConstraint)).toMatchObject({
      kind: 'cut',
      solution: [64, 0, 0, 2, 0, 4, 70],
    });
    const row = [{ text: '693665', where: '第2行', origin: 'y' }];
    const first = unfuseCells(row, 3, noConstraint);
    const again = unfuseCells(row, 3, noConstraint);
    expect(first.kind).toBe('ambiguous');
    if (first.kind !== 'ambiguous' || again.kind !== 'ambiguous') return;
    // The second row is not enumerated again: it gets the cuts found for the first.
    expect(again.solutions).toBe(first.solutions);
    expect(first.solutions).toContainEqual([69, 366, 5]);
  });
});
