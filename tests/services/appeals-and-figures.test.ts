import { expect, it } from 'vitest';
import { decideAppeal, registerAppeal } from '../../src/services/appeals/appeals.ts';
import { registerApplication } from '../../src/services/applications/register-application.ts';
import { setYearlyFigures } from '../../src/services/figures/set-yearly-figures.ts';
import { buildReport } from '../../src/services/reports/build-report.ts';
import { buildAgency, buildApplicationInput, buildDeps } from '../helpers/builders.ts';
import { describeEachEngine } from '../helpers/databases.ts';

describeEachEngine('appeals and entered figures', (ctx) => {
  it('counts a reconsideration in the year filed, pending until decided within that year', async () => {
    const agency = await buildAgency(ctx.db);
    const deps = buildDeps(ctx.db, '2022-06-30');
    const app = await registerApplication(
      deps,
      buildApplicationInput(agency.name, { submittedOn: '2021-03-01' }),
    );
    const id = await registerAppeal(deps, {
      agency: agency.name,
      application: app.trackingNumber,
      kind: 'reconsideration',
      filedOn: '2021-05-10',
    });
    await registerAppeal(deps, {
      agency: agency.code,
      kind: 'litigation_direct',
      filedOn: '2021-06-01',
      result: 'upheld',
      decidedOn: '2021-11-20',
    });
    let built = await buildReport(deps, { agency: agency.name, year: 2021 });
    expect(built.report.table4.reconsideration).toEqual({
      upheld: 0,
      corrected: 0,
      other: 0,
      pending: 1,
      total: 1,
    });
    expect(built.report.table4.litigation_direct).toEqual({
      upheld: 1,
      corrected: 0,
      other: 0,
      pending: 0,
      total: 1,
    });
    // Decided in 2022: still 尚未审结 as at the end of 2021.
    await decideAppeal(deps, { id, result: 'corrected', decidedOn: '2022-02-01' });
    built = await buildReport(deps, { agency: agency.name, year: 2021 });
    expect(built.report.table4.reconsideration.pending).toBe(1);
  });

  it('refuses an impossible appeal with a Chinese message and stores nothing', async () => {
    const agency = await buildAgency(ctx.db);
    const deps = buildDeps(ctx.db, '2022-06-30');
    await expect(
      registerAppeal(deps, {
        agency: agency.name,
        kind: 'reconsideration',
        filedOn: '2021-05-10',
        result: 'upheld',
        decidedOn: '2021-04-01',
      }),
    ).rejects.toMatchObject({ code: 'validation.invalid', field: 'decidedOn' });
    await expect(
      registerAppeal(deps, { agency: agency.name, kind: 'appeal', filedOn: '2021-05-10' }),
    ).rejects.toMatchObject({
      code: 'validation.invalid',
      field: 'kind',
    });
    await expect(
      registerAppeal(deps, {
        agency: agency.name,
        application: '20210301-NOSUCH',
        kind: 'reconsideration',
        filedOn: '2021-05-10',
      }),
    ).rejects.toMatchObject({ code: 'application.not_found' });
    const built = await buildReport(deps, { agency: agency.name, year: 2021 });
    expect(built.report.table4.reconsideration.total).toBe(0);
  });

  it('puts entered figures into table 2 of the year’s format and refuses cells of the other format', async () => {
    const agency = await buildAgency(ctx.db);
    const deps = buildDeps(ctx.db, '2022-06-30');
    await setYearlyFigures(deps, {
      agency: agency.name,
      year: 2021,
      figures: { 'licensing.decisions': 120, 'admin_fees.amount': 3.5 },
      sourceNote: '行政审批系统导出',
    });
    await expect(
      setYearlyFigures(deps, {
        agency: agency.name,
        year: 2021,
        figures: { 'procurement.items': 3 },
        sourceNote: '台账',
      }),
    ).rejects.toMatchObject({ code: 'validation.invalid', field: 'figures.procurement.items' });
    await expect(
      setYearlyFigures(deps, {
        agency: agency.name,
        year: 2021,
        figures: { 'penalty.decisions': -2 },
        sourceNote: '台账',
      }),
    ).rejects.toMatchObject({ code: 'validation.invalid', message: expect.stringContaining('非负整数') });
    await expect(
      setYearlyFigures(deps, {
        agency: agency.name,
        year: 2021,
        figures: { 'penalty.decisions': 2 },
        sourceNote: '',
      }),
    ).rejects.toMatchObject({ field: 'sourceNote' });
    const built = await buildReport(deps, { agency: agency.name, year: 2021 });
    expect(built.report.table2.licensing).toEqual({ decisions: 120 });
    expect(built.report.table2.admin_fees).toEqual({ amount: 3.5 });
    expect(built.report.table2.penalty).toEqual({ decisions: null });
  });
});

describeEachEngine('a clerk’s draft of a report built from records', (ctx) => {
  it('keeps the edited chapter text and reports a typed figure the records do not give', async () => {
    const { saveReportDraft } = await import('../../src/services/reports/save-draft.ts');
    const agency = await buildAgency(ctx.db);
    const deps = buildDeps(ctx.db, '2022-06-30');
    await registerApplication(deps, buildApplicationInput(agency.name, { submittedOn: '2021-03-01' }));
    await saveReportDraft(deps, {
      agency: agency.name,
      year: 2021,
      chapters: { problems: '一是公开平台栏目设置有待优化。' },
      cells: { 'table3.new_received.total': 3 },
    });
    const built = await buildReport(deps, { agency: agency.name, year: 2021 });
    expect(built.report.chapters.problems?.text).toBe('一是公开平台栏目设置有待优化。');
    expect(built.report.table3.new_received?.total).toBe(1);
    expect(built.findings).toContainEqual(
      expect.objectContaining({
        rule: 'records.mismatch',
        row: 'new_received',
        column: 'total',
        expected: 1,
        actual: 3,
      }),
    );
    await expect(
      saveReportDraft(deps, { agency: agency.name, year: 2021, cells: { 'table3.nope.total': 1 } }),
    ).rejects.toMatchObject({
      code: 'validation.invalid',
    });
  });
});
