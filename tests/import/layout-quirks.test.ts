/**
 * General reading rules behind the real-report fixtures, on small made-up texts: Markdown
 * tables read by their own headers, values with units in run-together text, and positional
 * columns that shift at a page break (warned about and left blank, never guessed).
 */
import { describe, expect, it } from 'vitest';
import { importText } from '../../src/import/index.ts';

const importWarnings = <F extends { rule: string; severity: string }>(findings: readonly F[]) =>
  findings.filter((f) => f.rule.startsWith('import.') && f.severity !== 'info');

describe('table 4 printed as one small Markdown table per group', () => {
  const group = (title: string, values: string) => [
    `### ${title}`,
    '| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |',
    '|---|---|---|---|---|',
    `| ${values} |`,
  ];
  const text = [
    '## 四、政府信息公开行政复议、行政诉讼情况',
    ...group('行政复议', '2 | 1 | 0 | 0 | 3'),
    ...group('行政诉讼（未经复议直接起诉）', '1 |  | 0 | 0 | 1'),
    ...group('行政诉讼（复议后起诉）', '0 | 0 | 0 | 4 | 4'),
    '## 五、存在的主要问题及改进情况',
    '无。',
  ].join('\n');

  it('puts each value under its own header, blank cells stay blank', () => {
    const { report, findings } = importText(text);
    expect(report.table4).toEqual({
      reconsideration: { upheld: 2, corrected: 1, other: 0, pending: 0, total: 3 },
      litigation_direct: { upheld: 1, corrected: null, other: 0, pending: 0, total: 1 },
      litigation_after_reconsideration: { upheld: 0, corrected: 0, other: 0, pending: 4, total: 4 },
    });
    expect(importWarnings(findings)).toEqual([]);
  });
});

describe('run-together web text', () => {
  it('reads “1个246900元” as two values and a misnumbered chapter heading as a heading', () => {
    const { report } = importText(
      '第二十条第（九）项信息内容采购项目数量采购总金额政府集中采购3个125000元二、收到和处理政府信息公开申请情况' +
        '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况',
    );
    expect(report.table2.procurement).toEqual({ items: 3, amount: 12.5 });
  });
});

describe('pdftotext -layout table 3 continued on a page whose columns shifted', () => {
  const at = (...parts: [number, string][]) => {
    let s = '';
    for (const [x, t] of parts) s = s.padEnd(x, ' ') + t;
    return s;
  };
  const columns = [40, 50, 60, 70, 80, 90, 100];
  const row = (label: string, values: (string | null)[], shift = 0) =>
    at(
      [0, label],
      ...values.flatMap((v, i): [number, string][] => (v === null ? [] : [[columns[i]! + shift, v]])),
    );
  const text = (shift: number) =>
    [
      '三、收到和处理政府信息公开申请情况',
      at([60, '申请人情况']),
      at([0, '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）'], [75, '法人或其他组织']),
      at(
        [40, '自然人'],
        [50, '商业企业'],
        [60, '科研机构'],
        [70, '社会公益组织'],
        [80, '法律服务机构'],
        [90, '其他'],
        [100, '总计'],
      ),
      row('一、本年新收政府信息公开申请数量', ['9', null, null, null, null, null, '9']),
      row('二、上年结转政府信息公开申请数量', ['0', null, null, null, null, null, '0']),
      row('三、本年度办理结果 （一）予以公开', ['5', null, null, null, null, null, '5']),
      `\f${row('         1.本机关不掌握相关政府信息', ['4', null, null, null, null, null, null], shift)}`,
      row('         （七）总计', ['9', null, null, null, null, null, '9'], shift),
      row('四、结转下年度继续办理', ['0', null, null, null, null, null, '0'], shift),
      '四、政府信息公开行政复议、行政诉讼情况',
    ].join('\n');

  it('reads the next page by position when its numbers still sit under the header', () => {
    const { report, findings } = importText(text(0));
    expect(report.table3.unable_1).toMatchObject({ natural_person: 4, commercial: null, total: null });
    expect(report.table3.total).toMatchObject({ natural_person: 9, total: 9 });
    expect(importWarnings(findings)).toEqual([]);
  });

  it('does not place a number that merely happens to fit a header of a shifted page', () => {
    const { report, findings } = importText(text(8));
    // 4 would fall under 商业企业; the (七)总计 row on the same page shows the page has shifted.
    expect(Object.values(report.table3.unable_1 ?? {}).every((v) => v === null)).toBe(true);
    expect(report.table3.new_received).toMatchObject({ natural_person: 9, total: 9 });
    const rows = importWarnings(findings)
      .filter((f) => f.rule === 'import.ambiguous_columns')
      .map((f) => f.row);
    expect(rows).toEqual(['unable_1', 'total', 'carried_forward']);
  });
});
