import { describe, expect, it } from 'vitest';
import type { FormatKey } from '../formats/index.ts';
import { type AnnualReport, emptyReport } from '../model.ts';
import { validateReport } from './index.ts';

/** A balanced report: 5 received, 1 carried over, 3 granted + 2 unable_1, 1 carried forward. */
function buildReport(format: FormatKey = '2019', year = format === '2019' ? 2020 : 2022): AnnualReport {
  const r = emptyReport(format, { agency: '某县人民政府办公室', year });
  const set = (row: string, n: number) => {
    r.table3[row]!.natural_person = n;
    r.table3[row]!.total = n;
  };
  set('new_received', 5);
  set('carried_over', 1);
  set('granted', 3);
  set('unable_1', 2);
  set('total', 5);
  set('carried_forward', 1);
  for (const g of ['reconsideration', 'litigation_direct', 'litigation_after_reconsideration'] as const) {
    r.table4[g].total = 0;
  }
  return r;
}

const rules = (r: AnnualReport, previous?: AnnualReport) =>
  validateReport(r, { previous: previous ?? null }).map((f) => `${f.rule}:${f.row ?? ''}:${f.column ?? ''}`);

describe('validateReport', () => {
  it('finds nothing in a balanced report of either format', () => {
    expect(rules(buildReport('2019'))).toEqual([]);
    expect(rules(buildReport('2021'))).toEqual([]);
  });

  it('t3.row_total: a 总计 cell that is not the sum of the applicant columns', () => {
    const r = buildReport();
    r.table3.granted!.commercial = 1;
    expect(rules(r)).toContain('t3.row_total:granted:total');
  });

  it('t3.results_total: （七）总计 that is not the sum of the result rows, naming the column', () => {
    const r = buildReport();
    r.table3.total!.natural_person = 6;
    const findings = validateReport(r);
    const f = findings.find((x) => x.rule === 't3.results_total');
    expect(f).toMatchObject({
      row: 'total',
      column: 'natural_person',
      expected: 5,
      actual: 6,
      severity: 'error',
    });
    expect(f?.message).toBe('表三“（七）总计”自然人列应为5（各项办理结果之和），实际为6');
  });

  it('t3.results_total counts the three 其他处理 sub-rows of format 2021', () => {
    const r = buildReport('2021');
    r.table3.other_2!.natural_person = 1;
    r.table3.other_2!.total = 1;
    expect(rules(r)).toContain('t3.results_total:total:natural_person');
  });

  it('t3.balance: received plus carried over must equal handled plus carried forward', () => {
    const r = buildReport();
    r.table3.carried_forward!.natural_person = 2;
    r.table3.carried_forward!.total = 2;
    expect(rules(r)).toEqual([
      't3.balance:carried_forward:natural_person',
      't3.balance:carried_forward:total',
    ]);
  });

  it('value.blank_total: a blank 总计 beside filled cells is info, not an arithmetic error', () => {
    const r = buildReport();
    r.table3.granted!.total = null;
    const findings = validateReport(r);
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([['value.blank_total', 'info']]);
  });

  it('t4.group_total and value.blank_total in table 4', () => {
    const r = buildReport();
    r.table4.reconsideration.upheld = 2;
    r.table4.litigation_direct = { upheld: 1, corrected: null, other: null, pending: 1, total: null };
    expect(rules(r)).toEqual([
      't4.group_total:reconsideration:total',
      'value.blank_total:litigation_direct:total',
    ]);
  });

  it('value.integer: negative or fractional counts are errors, but a negative 本年增/减 is fine', () => {
    const r = buildReport();
    r.table3.granted!.natural_person = 2.5;
    r.table2.licensing!.change = -3;
    r.table2.penalty!.decisions = -1;
    const found = rules(r).filter((x) => x.startsWith('value.integer'));
    expect(found).toEqual(['value.integer:penalty:decisions', 'value.integer:granted:natural_person']);
  });

  it('t2.published_le_total warns when more was published this year than ever', () => {
    const r = buildReport();
    r.table2.normative_documents = { made: 3, published: 9, public_total: 5 };
    expect(rules(r)).toContain('t2.published_le_total:normative_documents:published');
  });

  it('format.year warns about a 2021 report in the 2019 format', () => {
    expect(rules(buildReport('2019', 2021))).toContain('format.year::');
    expect(rules(buildReport('2021', 2020))).toContain('format.year::');
  });

  it('continuity.carried_over compares with last year’s 结转下年度', () => {
    const previous = buildReport('2019', 2019);
    previous.table3.carried_forward!.natural_person = 4;
    previous.table3.carried_forward!.total = 4;
    const found = rules(buildReport('2019', 2020), previous).filter((x) => x.startsWith('continuity'));
    expect(found).toEqual([
      'continuity.carried_over:carried_over:natural_person',
      'continuity.carried_over:carried_over:total',
    ]);
  });

  it('t2.in_force_continuity (2021) and t2.items_continuity (2019) use the previous report', () => {
    const prev21 = buildReport('2021', 2021);
    prev21.table2.normative_documents = { issued: 2, repealed: 0, in_force: 10 };
    const now21 = buildReport('2021', 2022);
    now21.table2.normative_documents = { issued: 3, repealed: 1, in_force: 13 };
    expect(rules(now21, prev21)).toContain('t2.in_force_continuity:normative_documents:in_force');
    now21.table2.normative_documents.in_force = 12;
    expect(rules(now21, prev21).filter((x) => x.startsWith('t2.'))).toEqual([]);

    const prev19 = buildReport('2019', 2019);
    prev19.table2.licensing = { prev_items: 10, change: 2, decisions: 0 };
    const now19 = buildReport('2019', 2020);
    now19.table2.licensing = { prev_items: 11, change: 0, decisions: 0 };
    expect(rules(now19, prev19)).toContain('t2.items_continuity:licensing:prev_items');
  });

  it('narrative.figure: chapter 一 stating another number of applications than table 3', () => {
    const r = buildReport();
    r.chapters.overview = { heading: '一、总体情况', text: '2020年共收到依申请公开7件，办结5件。' };
    const f = validateReport(r).find((x) => x.rule === 'narrative.figure');
    expect(f).toMatchObject({
      table: 'narrative',
      row: 'new_received',
      expected: 5,
      actual: 7,
      severity: 'warning',
    });
  });

  it('fees.reported: a 2021-format report whose chapter 六 says nothing about 信息处理费', () => {
    const r = buildReport('2021');
    r.chapters.other_matters = { heading: '六、其他需要报告的事项', text: '无。' };
    expect(rules(r)).toContain('fees.reported:other_matters:');
    r.chapters.other_matters.text = '本年度未收取信息处理费。';
    expect(rules(r)).not.toContain('fees.reported:other_matters:');
  });

  it('government.art50_4: a people’s government report silent on 考核、社会评议、责任追究', () => {
    const r = buildReport();
    r.agency = '某县人民政府';
    r.chapters.overview = { heading: '一、总体情况', text: '我县认真落实条例。' };
    expect(rules(r)).toContain('government.art50_4::');
    r.chapters.overview.text = '我县将政务公开纳入绩效考核。';
    expect(rules(r)).not.toContain('government.art50_4::');
  });
});
