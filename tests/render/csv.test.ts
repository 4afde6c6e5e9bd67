import { describe, expect, it } from 'vitest';
import { FORMATS, TABLE3_COLUMNS, TABLE4_COLUMNS } from '../../src/domain/report/formats/index.ts';
import type { AnnualReport } from '../../src/domain/report/model.ts';
import { renderReportCsv } from '../../src/render/csv.ts';
import { buildReport, ninghaiReport } from './reports.ts';

/** A small RFC 4180 reader, enough for the round trip. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let isQuoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (isQuoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') isQuoted = false;
      else field += ch;
    } else if (ch === '"') isQuoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  return rows;
}

/** Rebuilds the three tables from the CSV lines. */
function tablesFromCsv(csv: string): Pick<AnnualReport, 'table2' | 'table3' | 'table4'> {
  const tables: Record<string, Record<string, Record<string, number | null>>> = {
    table2: {},
    table3: {},
    table4: {},
  };
  for (const [table, row, column, , , value] of parseCsv(csv.slice(1)).slice(1)) {
    const rows = tables[table ?? ''] ?? {};
    rows[row ?? ''] = { ...rows[row ?? ''], [column ?? '']: value === '' ? null : Number(value) };
  }
  return tables as unknown as Pick<AnnualReport, 'table2' | 'table3' | 'table4'>;
}

describe('renderReportCsv', () => {
  it('starts with a byte-order mark and the header line', () => {
    const csv = renderReportCsv(ninghaiReport());
    expect(csv.startsWith('\uFEFFtable,row,column,row_label,column_label,value\r\n')).toBe(true);
  });

  it('has one line per cell of the format', () => {
    const report = ninghaiReport();
    const format = FORMATS[report.format];
    const cells =
      format.table2.reduce((n, g) => n + g.rows.length * g.columns.length, 0) +
      format.table3.rows.length * TABLE3_COLUMNS.length +
      3 * TABLE4_COLUMNS.length;
    expect(renderReportCsv(report).trimEnd().split('\r\n')).toHaveLength(1 + cells);
  });

  it('round-trips every cell, blanks as empty values', () => {
    for (const report of [ninghaiReport(), buildReport('2021')]) {
      expect(tablesFromCsv(renderReportCsv(report))).toEqual({
        table2: report.table2,
        table3: report.table3,
        table4: report.table4,
      });
    }
  });

  it('labels each line with the printed row and column names', () => {
    const csv = renderReportCsv(ninghaiReport());
    expect(csv).toContain(
      '\r\ntable3,new_received,natural_person,一、本年新收政府信息公开申请数量,自然人,31\r\n',
    );
    expect(csv).toContain('\r\ntable3,denied_3,total,（三）不予公开3.危及“三安全一稳定”,总计,\r\n');
    expect(csv).toContain('\r\ntable4,litigation_direct,total,未经复议直接起诉,总计,0\r\n');
    expect(csv).toContain('\r\ntable2,procurement,amount,政府集中采购,采购总金额（万元）,38\r\n');
  });

  it('quotes a label that holds a comma or a quote', () => {
    const csv = renderReportCsv(ninghaiReport());
    // 部分公开's label has only full-width commas, which need no quoting.
    expect(csv).toContain(',（二）部分公开（区分处理的，只计这一情形，不计其他情形）,');
    const parsed = parseCsv(csv.slice(1));
    expect(new Set(parsed.map((r) => r.length))).toEqual(new Set([6]));
  });
});
