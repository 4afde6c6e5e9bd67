import { parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { finding } from '../../src/domain/report/finding.ts';
import { renderReportHtml } from '../../src/render/html.ts';
import { buildReport, ninghaiReport } from './reports.ts';

type Node = {
  type: string;
  name?: string;
  attribs?: Record<string, string>;
  children?: Node[];
  data?: string;
};

function elements(node: Node, name: string): Node[] {
  const found: Node[] = [];
  const walk = (n: Node) => {
    if (n.name === name) found.push(n);
    for (const child of n.children ?? []) walk(child);
  };
  walk(node);
  return found;
}

function text(node: Node): string {
  return node.type === 'text' ? (node.data ?? '') : (node.children ?? []).map(text).join('');
}

function tables(html: string): Node[] {
  return elements(parseDocument(html) as unknown as Node, 'table');
}

/** The header or data cell whose text is `label`. */
function cellByText(table: Node, label: string): Node {
  const cell = [...elements(table, 'th'), ...elements(table, 'td')].find((c) => text(c) === label);
  if (!cell) throw new Error(`no cell ${label}`);
  return cell;
}

/** Grid width of each row, counting the slots taken by rowspans from the rows above. */
function rowWidths(table: Node): number[] {
  const rows = elements(table, 'tr');
  const carried = new Map<number, number>();
  return rows.map((row, r) => {
    let width = carried.get(r) ?? 0;
    for (const cell of (row.children ?? []).filter((c) => c.name === 'th' || c.name === 'td')) {
      const colspan = Number(cell.attribs?.colspan ?? 1);
      const rowspan = Number(cell.attribs?.rowspan ?? 1);
      width += colspan;
      for (let below = r + 1; below < r + rowspan; below++)
        carried.set(below, (carried.get(below) ?? 0) + colspan);
    }
    return width;
  });
}

describe('renderReportHtml', () => {
  it('merges the label column of table 3 like the printed form', () => {
    const [, table3] = tables(renderReportHtml(ninghaiReport()));
    if (!table3) throw new Error('no table 3');
    expect(cellByText(table3, '三、本年度办理结果').attribs).toMatchObject({
      rowspan: '20',
      scope: 'rowgroup',
    });
    expect(cellByText(table3, '（三）不予公开').attribs?.rowspan).toBe('8');
    expect(cellByText(table3, '（四）无法提供').attribs?.rowspan).toBe('3');
    expect(cellByText(table3, '（五）不予处理').attribs?.rowspan).toBe('5');
    expect(cellByText(table3, '一、本年新收政府信息公开申请数量').attribs).toMatchObject({
      colspan: '3',
      scope: 'row',
    });
    expect(cellByText(table3, '（一）予以公开').attribs?.colspan).toBe('2');
    expect(cellByText(table3, '1.属于国家秘密').attribs?.colspan).toBeUndefined();
  });

  it('puts the three header rows of table 3 in thead with their merged cells', () => {
    const [, table3] = tables(renderReportHtml(ninghaiReport()));
    if (!table3) throw new Error('no table 3');
    const [thead] = elements(table3, 'thead');
    expect(elements(thead as Node, 'tr')).toHaveLength(3);
    expect(
      cellByText(table3, '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）').attribs,
    ).toMatchObject({
      rowspan: '3',
      colspan: '3',
    });
    expect(cellByText(table3, '申请人情况').attribs).toMatchObject({ colspan: '7', scope: 'colgroup' });
    expect(cellByText(table3, '法人或其他组织').attribs).toMatchObject({ colspan: '5', scope: 'colgroup' });
    expect(cellByText(table3, '自然人').attribs).toMatchObject({ rowspan: '2', scope: 'col' });
    expect(cellByText(table3, '总计').attribs).toMatchObject({ rowspan: '2', scope: 'col' });
  });

  it('merges 22 result rows and （六）其他处理 over its three sub-rows in a format2021 report', () => {
    const [, table3] = tables(renderReportHtml(buildReport('2021')));
    if (!table3) throw new Error('no table 3');
    expect(cellByText(table3, '三、本年度办理结果').attribs?.rowspan).toBe('22');
    expect(cellByText(table3, '（六）其他处理').attribs?.rowspan).toBe('3');
    expect(text(table3)).toContain(
      '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    );
  });

  it('fills the same number of grid columns on every row of every table', () => {
    for (const report of [ninghaiReport(), buildReport('2021')]) {
      const widths = tables(renderReportHtml(report)).map((t) => new Set(rowWidths(t)));
      expect(widths.map((w) => [...w])).toEqual([[5], [10], [15]]);
    }
  });

  it('prints table 4 as three header rows and one row of 15 cells, blanks empty', () => {
    const [, , table4] = tables(renderReportHtml(ninghaiReport()));
    if (!table4) throw new Error('no table 4');
    expect(elements(elements(table4, 'thead')[0] as Node, 'tr')).toHaveLength(3);
    expect(cellByText(table4, '行政复议').attribs?.colspan).toBe('5');
    expect(cellByText(table4, '行政诉讼').attribs?.colspan).toBe('10');
    expect(cellByText(table4, '未经复议直接起诉').attribs?.colspan).toBe('5');
    expect(cellByText(table4, '结果维持').attribs?.rowspan).toBe('2');
    const cells = elements(table4, 'td');
    expect(cells).toHaveLength(15);
    expect(cells.map(text)).toEqual(['', '', '', '', '0', '', '', '', '', '0', '', '', '', '', '0']);
  });

  it('leaves blank cells empty instead of printing 0', () => {
    const html = renderReportHtml(ninghaiReport());
    expect(html).toContain('data-cell="table3.partial.natural_person"></td>');
    expect(html).toContain('data-cell="table3.new_received.natural_person">31</td>');
    expect(html).toMatch(/data-cell="table2\.procurement\.items"[^>]*>167<\/td>/);
    expect(html).toMatch(/data-cell="table2\.procurement\.amount"[^>]*>38<\/td>/);
  });

  it('gives every header cell a scope', () => {
    const headers = tables(renderReportHtml(ninghaiReport())).flatMap((t) => elements(t, 'th'));
    expect(headers.length).toBeGreaterThan(60);
    expect(headers.filter((h) => !h.attribs?.scope)).toEqual([]);
  });

  it('prints the chapters with their headings and paragraphs', () => {
    const html = renderReportHtml(ninghaiReport());
    for (const heading of [
      '一、总体情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '六、其他需要报告的事项',
    ]) {
      expect(html).toContain(`<h2>${heading}</h2>`);
    }
    expect(html).toContain('<p>本年度无其他需要报告的事项。</p>');
    expect(html).toContain('<h1>2020年宁海县人民政府办公室信息公开工作年度报告</h1>');
  });

  it('escapes text from the report', () => {
    const html = renderReportHtml(
      buildReport('2021', {
        title: '<script>alert(1)</script>',
        chapters: { overview: { heading: '一、总体情况', text: 'a & b "c"' } },
      }),
    );
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('a &amp; b &quot;c&quot;');
  });

  it('lists findings with rule id, severity and message, and marks the cell', () => {
    const report = ninghaiReport();
    const html = renderReportHtml(report, {
      findings: [
        finding({
          rule: 't3.row_total',
          severity: 'error',
          table: 'table3',
          row: 'granted',
          column: 'total',
          message: '表三“（一）予以公开”总计应为10，实际为<11>',
        }),
      ],
    });
    expect(html).toContain('<code>t3.row_total</code>');
    expect(html).toContain('错误');
    expect(html).toContain('表三“（一）予以公开”总计应为10，实际为&lt;11&gt;');
    expect(html).toMatch(/<td class="gk-num gk-flagged" data-cell="table3\.granted\.total"/);
  });

  it('makes a whole A4 print document when standalone and a bare fragment otherwise', () => {
    const report = ninghaiReport();
    const page = renderReportHtml(report, { standalone: true });
    expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(page).toContain('<html lang="zh-CN">');
    expect(page).toContain('<meta charset="utf-8">');
    expect(page).toContain('@media print');
    expect(page).toContain('size: A4');
    const fragment = renderReportHtml(report, { standalone: false });
    expect(fragment.startsWith('<article class="gk-report" lang="zh-CN">')).toBe(true);
    expect(fragment).not.toContain('<html');
    expect(fragment).not.toContain('<style>');
  });
});
