import { expect, it } from 'vitest';
import { TABLE3_COLUMNS, TABLE4_COLUMNS, TABLE4_GROUPS } from '../../src/domain/report/formats/index.ts';
import { importText } from '../../src/import/index.ts';
import { loadDemo } from '../../src/services/demo/load-demo.ts';
import { buildReport } from '../../src/services/reports/build-report.ts';
import { buildDeps } from '../helpers/builders.ts';
import { describeEachEngine } from '../helpers/databases.ts';
import { readNinghai } from '../helpers/fixtures.ts';

describeEachEngine('the demo records', (ctx) => {
  it('load, and building 宁海县人民政府办公室 2020 from them gives every number of the published report', async () => {
    const deps = buildDeps(ctx.db, '2026-11-25');
    const summary = await loadDemo(deps);
    expect(summary.applications).toBeGreaterThan(300);

    const { report, findings } = await buildReport(deps, {
      agency: '宁海县人民政府办公室',
      year: 2020,
      format: '2019',
    });
    const published = importText(readNinghai()).report;
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(report.format).toBe('2019');
    // A blank printed cell is 0 in a report built from records (nothing of that kind happened).
    for (const [row, cells] of Object.entries(published.table3)) {
      for (const column of TABLE3_COLUMNS)
        expect(report.table3[row]?.[column], `${row}.${column}`).toBe(cells[column] ?? 0);
    }
    for (const group of TABLE4_GROUPS) {
      for (const column of TABLE4_COLUMNS)
        expect(report.table4[group][column]).toBe(published.table4[group][column] ?? 0);
    }
    expect(report.table2).toEqual(published.table2);
  }, 120_000);

  it('carries 2020’s two open cases into 2021 and builds a 2021-format report', async () => {
    const deps = buildDeps(ctx.db, '2026-11-25');
    const { report, findings } = await buildReport(deps, { agency: '330226-01', year: 2021 });
    expect(report.format).toBe('2021');
    expect(report.table3.carried_over?.total).toBe(2);
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    const county = await buildReport(deps, { agency: '宁海县人民政府', year: 2021, rollup: true });
    expect(county.report.table3.new_received?.total).toBeGreaterThan(report.table3.new_received?.total ?? 0);
  });
});
