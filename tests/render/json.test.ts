import { describe, expect, it } from 'vitest';
import { finding } from '../../src/domain/report/finding.ts';
import { table3RowKeys } from '../../src/domain/report/formats/index.ts';
import { renderReportJson, stringifyReportJson } from '../../src/render/json.ts';
import { buildReport, ninghaiReport } from './reports.ts';

describe('renderReportJson', () => {
  it('has the keys of the --json object in order', () => {
    const json = renderReportJson(ninghaiReport(), [], 'ninghai.txt');
    expect(Object.keys(json)).toEqual([
      'file',
      'format',
      'year',
      'agency',
      'table2',
      'table3',
      'table4',
      'findings',
    ]);
    expect(json).toMatchObject({
      file: 'ninghai.txt',
      format: '2019',
      year: 2020,
      agency: '宁海县人民政府办公室',
    });
  });

  it('lists rows and columns in the printed order of the format', () => {
    const json = renderReportJson(ninghaiReport(), []);
    expect(Object.keys(json.table2)).toEqual([
      'rules',
      'normative_documents',
      'licensing',
      'other_services',
      'penalty',
      'coercion',
      'admin_fees',
      'procurement',
    ]);
    expect(Object.keys(json.table2.procurement ?? {})).toEqual(['items', 'amount']);
    expect(Object.keys(json.table3)).toEqual(table3RowKeys('2019'));
    expect(Object.keys(json.table3.granted ?? {})).toEqual([
      'natural_person',
      'commercial',
      'research',
      'social',
      'legal',
      'other',
      'total',
    ]);
    expect(Object.keys(json.table4)).toEqual([
      'reconsideration',
      'litigation_direct',
      'litigation_after_reconsideration',
    ]);
    expect(Object.keys(json.table4.reconsideration)).toEqual([
      'upheld',
      'corrected',
      'other',
      'pending',
      'total',
    ]);
    expect(Object.keys(renderReportJson(buildReport('2021'), []).table3)).toEqual(table3RowKeys('2021'));
  });

  it('keeps blank cells as null and figures as numbers', () => {
    const json = renderReportJson(ninghaiReport(), []);
    expect(json.table3.new_received).toEqual({
      natural_person: 31,
      commercial: null,
      research: null,
      social: null,
      legal: null,
      other: null,
      total: 31,
    });
    expect(json.table4.litigation_direct).toEqual({
      upheld: null,
      corrected: null,
      other: null,
      pending: null,
      total: 0,
    });
    expect(json.file).toBeNull();
  });

  it('writes each finding with its eight fields in order', () => {
    const f = finding({
      message: '表三“（七）总计”自然人列应为29',
      severity: 'error',
      rule: 't3.results_total',
      table: 'table3',
      row: 'total',
      column: 'natural_person',
      expected: 29,
      actual: 28,
    });
    const [written] = renderReportJson(ninghaiReport(), [f]).findings;
    expect(Object.keys(written ?? {})).toEqual([
      'rule',
      'severity',
      'table',
      'row',
      'column',
      'expected',
      'actual',
      'message',
    ]);
    expect(written).toEqual(f);
  });

  it('stringifies to parseable, indented JSON', () => {
    const text = stringifyReportJson(ninghaiReport(), [], 'a.txt');
    expect(JSON.parse(text)).toEqual(renderReportJson(ninghaiReport(), [], 'a.txt'));
    expect(text).toContain('\n  "format": "2019",');
  });
});
