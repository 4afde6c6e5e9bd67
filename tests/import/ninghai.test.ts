import { describe, expect, it } from 'vitest';
import { TABLE3_COLUMNS, TABLE4_COLUMNS, TABLE4_GROUPS } from '../../src/domain/report/formats/index.ts';
import { importText } from '../../src/import/index.ts';
import { readNinghai } from '../helpers/fixtures.ts';

const text = readNinghai();

describe('the Ninghai 2020 report (DOCX text, one cell per line)', () => {
  const { report, findings, provenance } = importText(text);

  it('is read as format 2019, year 2020, by 宁海县人民政府办公室, with no error findings', () => {
    expect(report.format).toBe('2019');
    expect(report.year).toBe(2020);
    expect(report.agency).toBe('宁海县人民政府办公室');
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('gives table 2 exactly as published', () => {
    expect(report.table2).toEqual({
      rules: { made: 0, published: 0, public_total: 0 },
      normative_documents: { made: 12, published: 12, public_total: 117 },
      licensing: { prev_items: 0, change: 0, decisions: 0 },
      other_services: { prev_items: 0, change: 0, decisions: 0 },
      penalty: { prev_items: 0, change: 0, decisions: 0 },
      coercion: { prev_items: 0, change: 0, decisions: 0 },
      admin_fees: { prev_items: 0, change: 0 },
      procurement: { items: 167, amount: 38 },
    });
  });

  it('fills only the natural-person and total columns of table 3 and leaves every other cell blank', () => {
    const filled: Record<string, number> = {
      new_received: 31,
      carried_over: 0,
      granted: 10,
      unable_1: 10,
      other: 9,
      total: 29,
      carried_forward: 2,
    };
    for (const [row, cells] of Object.entries(report.table3)) {
      for (const column of TABLE3_COLUMNS) {
        const expected =
          (column === 'natural_person' || column === 'total') && row in filled ? filled[row] : null;
        expect(cells[column], `${row}.${column}`).toBe(expected);
      }
    }
  });

  it('fills only the three 总计 cells of table 4, with 0', () => {
    for (const group of TABLE4_GROUPS) {
      for (const column of TABLE4_COLUMNS) {
        expect(report.table4[group][column]).toBe(column === 'total' ? 0 : null);
      }
    }
  });

  it('keeps the source line and matched label of every number', () => {
    expect(provenance['table3.new_received.natural_person']).toMatchObject({
      text: '31',
      label: '一、本年新收政府信息公开申请数量',
    });
    expect(provenance['table2.procurement.amount']?.where).toMatch(/^第\d+行$/);
  });

  it('splits the chapters, with the overview stating the figures of table 3', () => {
    expect(report.chapters.overview?.text).toContain('共收到依申请公开31件');
    expect(report.chapters.other_matters?.text).toContain('本年度无其他需要报告的事项');
    expect(findings.some((f) => f.rule === 'narrative.figure')).toBe(false);
  });
});

describe('changing one number of table 3 or 4 in the Ninghai text', () => {
  const { provenance } = importText(text);
  const lines = text.split('\n');
  const cells = Object.entries(provenance).filter(
    ([id]) => id.startsWith('table3.') || id.startsWith('table4.'),
  );

  it.each(cells.map(([id, p]) => [id, p] as const))(
    '%s yields an error naming its rule, row and column',
    (id, p) => {
      const [, row, column] = id.split('.') as [string, string, string];
      const lineNo = Number(/第(\d+)行/.exec(p.where)?.[1]);
      const mutated = [...lines];
      mutated[lineNo - 1] = mutated[lineNo - 1]!.replace(p.text, String(Number(p.text) + 3));
      const { findings } = importText(mutated.join('\n'));
      const errors = findings.filter((f) => f.severity === 'error');
      expect(errors.length).toBeGreaterThan(0);
      for (const f of errors) {
        expect(f.rule).toMatch(/^t[34]\./);
        expect(f.message).toMatch(/表[三四]/);
      }
      expect(errors.some((f) => f.row === row && (f.column === column || f.column === 'total'))).toBe(true);
    },
  );
});
