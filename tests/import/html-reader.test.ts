/** Quirks of portal pages the HTML reader must survive, each on a small page. */
import { describe, expect, it } from 'vitest';
import { readHtml } from '../../src/import/readers/html.ts';

const texts = (html: string) => readHtml(html).lines.map((l) => l.cells.map((c) => c.text));

describe('readHtml', () => {
  it('skips scripts, styles and navigation chrome so the title comes first', () => {
    const html = `<html><head><title>门户</title><style>p{}</style></head><body>
      <div class="nav"><a>首页</a><a>政务公开</a></div><nav><a>当前位置</a></nav>
      <script>var a = "一、总体情况";</script>
      <h1>2020年某县人民政府政府信息公开工作年度报告</h1><p>正文</p>
      <div class="footer">版权所有</div></body></html>`;
    expect(texts(html)).toEqual([['2020年某县人民政府政府信息公开工作年度报告'], ['正文']]);
  });

  it('reads a layout table holding the report table as blocks, and the inner table as rows', () => {
    const html = `<table><tr><td><p>一、总体情况</p><table>
      <tr><td>行政复议</td><td colspan="2">行政诉讼</td></tr><tr><td>1</td><td>2</td><td>3</td></tr>
      </table></td></tr></table>`;
    const doc = readHtml(html);
    expect(doc.lines.map((l) => l.isTableRow)).toEqual([false, true, true]);
    expect(doc.lines[1]!.cells.map((c) => c.text)).toEqual(['行政复议', '行政诉讼', '行政诉讼']);
    expect(doc.lines[1]!.cells[1]!.origin).toBe(doc.lines[1]!.cells[2]!.origin);
    expect(doc.lines[2]!.cells[2]!.where).toBe('表格1第2行第3列');
  });

  it('places a cell after a rowspan in the next free column', () => {
    const html = `<table><tr><td rowspan="2">（三）不予公开</td><td>1.属于国家秘密</td><td>0</td></tr>
      <tr><td>2.其他法律行政法规禁止公开</td><td>&nbsp;</td></tr></table>`;
    expect(texts(html)).toEqual([
      ['（三）不予公开', '1.属于国家秘密', '0'],
      ['（三）不予公开', '2.其他法律行政法规禁止公开', ''],
    ]);
  });

  it('joins a label split over <span>s and <br> inside one cell without spaces', () => {
    expect(
      texts(
        '<table><tr><td><span>申请人情</span><span>况</span></td><td>本年新<br/>制作数量</td></tr></table>',
      ),
    ).toEqual([['申请人情况', '本年新制作数量']]);
  });
});
