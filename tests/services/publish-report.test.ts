import { expect, it } from 'vitest';
import { auditEventsRepository } from '../../src/db/repositories/audit-events.ts';
import type { Role } from '../../src/domain/accounts/roles.ts';
import type { Agency } from '../../src/domain/agencies/model.ts';
import { toSignedInUser } from '../../src/services/accounts/access.ts';
import { createUser } from '../../src/services/accounts/create-user.ts';
import type { SignedInUser } from '../../src/services/accounts/model.ts';
import { registerApplication } from '../../src/services/applications/register-application.ts';
import type { Deps } from '../../src/services/deps.ts';
import { prepareReport } from '../../src/services/reports/prepare-report.ts';
import {
  latestPublication,
  listReportPublications,
  publicationHistory,
  publishReport,
  reportStatus,
} from '../../src/services/reports/publish-report.ts';
import { saveReportDraft } from '../../src/services/reports/save-draft.ts';
import { buildAgency, buildApplicationInput, buildDeps } from '../helpers/builders.ts';
import { describeEachEngine } from '../helpers/databases.ts';

let logins = 0;
async function user(deps: Deps, role: Role, agency: Agency): Promise<SignedInUser> {
  logins += 1;
  const record = await createUser(
    deps,
    {
      login: `pub.${role.replace('_', '')}.${logins}`,
      displayName: `测试${role}${logins}`,
      role,
      agency: agency.code,
      password: 'Correct-horse-9',
    },
    { system: 'cli' },
  );
  return toSignedInUser(deps, record);
}

/** An agency with one application received in 2021, and a draft whose typed figure breaks 表三's row total. */
async function agencyWithErrors(deps: Deps): Promise<Agency> {
  const agency = await buildAgency(deps.db);
  await registerApplication(deps, buildApplicationInput(agency.name, { submittedOn: '2021-03-01' }));
  await saveReportDraft(deps, {
    agency: agency.code,
    year: 2021,
    chapters: { problems: '一是栏目设置有待优化。' },
    cells: { 'table3.new_received.natural_person': 5 },
  });
  return agency;
}

describeEachEngine('publishing an annual report', (ctx) => {
  it('refuses while error findings remain, unless an administrator records a reason, which is published', async () => {
    const deps = buildDeps(ctx.db, '2022-01-20');
    const agency = await agencyWithErrors(deps);
    const prepared = await prepareReport(deps, { agency: agency.code, year: 2021 });
    expect(prepared.report.table3.new_received?.natural_person).toBe(5);
    expect(prepared.findings).toContainEqual(
      expect.objectContaining({ rule: 't3.row_total', severity: 'error', row: 'new_received' }),
    );
    const admin = await user(deps, 'agency_admin', agency);
    const clerk = await user(deps, 'clerk', agency);

    await expect(publishReport(deps, { agency: agency.code, year: 2021 }, admin)).rejects.toMatchObject({
      code: 'report.has_errors',
      field: 'reason',
      message: expect.stringContaining('错误'),
    });
    await expect(
      publishReport(deps, { agency: agency.code, year: 2021, reason: '急' }, admin),
    ).rejects.toMatchObject({ code: 'validation.invalid', field: 'reason' });
    await expect(
      publishReport(deps, { agency: agency.code, year: 2021, reason: '原始台账如此，已核实。' }, clerk),
    ).rejects.toMatchObject({ code: 'auth.forbidden' });
    expect(await latestPublication(deps, agency.id, 2021, 'records')).toBeNull();

    const published = await publishReport(
      deps,
      { agency: agency.code, year: 2021, reason: '  原始台账如此，已核实。  ' },
      admin,
    );
    expect(published).toMatchObject({
      version: 1,
      reason: '原始台账如此，已核实。',
      publishedBy: admin.login,
      publishedByName: admin.displayName,
      agencyName: agency.name,
    });
    expect(published.errorCount).toBeGreaterThan(0);
    expect(published.report.chapters.problems?.text).toBe('一是栏目设置有待优化。');
    expect(published.findings.some((f) => f.rule === 't3.row_total')).toBe(true);
    const row = await ctx.db.db
      .selectFrom('annual_reports')
      .select(['status', 'publish_reason'])
      .where('agency_id', '=', agency.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'published', publish_reason: '原始台账如此，已核实。' });
    const trail = await auditEventsRepository(ctx.db.db).listForSubject(
      `annual_report:${agency.code}/2021/records`,
    );
    expect(trail).toEqual([
      expect.objectContaining({
        action: 'report.published',
        actor: admin.login,
        detail: expect.objectContaining({ version: 1, reason: '原始台账如此，已核实。' }),
      }),
    ]);
    expect(await listReportPublications(deps)).toContainEqual(
      expect.objectContaining({ agencyCode: agency.code, year: 2021, origin: 'records', version: 1 }),
    );
  });

  it('keeps the published snapshot when the records change, and keeps every version on republishing', async () => {
    const deps = buildDeps(ctx.db, '2022-01-20');
    const agency = await buildAgency(deps.db);
    await registerApplication(deps, buildApplicationInput(agency.name, { submittedOn: '2021-03-01' }));
    const admin = await user(deps, 'agency_admin', agency);
    // No errors: published without a reason, and no reason is kept.
    const first = await publishReport(deps, { agency: agency.code, year: 2021, reason: '无关' }, admin);
    expect(first).toMatchObject({ version: 1, reason: null, errorCount: 0 });
    expect(first.report.table3.new_received?.total).toBe(1);
    await expect(publishReport(deps, { agency: agency.code, year: 2021 }, admin)).rejects.toMatchObject({
      code: 'report.unchanged',
    });

    // A late-registered application of 2021: the records now say 2, the publication still 1.
    await registerApplication(deps, buildApplicationInput(agency.name, { submittedOn: '2021-11-02' }));
    const now = await prepareReport(deps, { agency: agency.code, year: 2021 });
    expect(now.report.table3.new_received?.total).toBe(2);
    const kept = await latestPublication(deps, agency.id, 2021, 'records');
    expect(kept?.report.table3.new_received?.total).toBe(1);
    expect(reportStatus(now, kept)).toBe('changed_since_published');

    const later = { ...deps, clock: buildDeps(ctx.db, '2022-03-01').clock };
    const second = await publishReport(later, { agency: agency.code, year: 2021 }, admin);
    expect(second.version).toBe(2);
    expect(second.report.table3.new_received?.total).toBe(2);
    expect(second.firstPublishedAt).toBe(first.publishedAt);
    expect(second.publishedAt > first.publishedAt).toBe(true);
    expect(reportStatus(await prepareReport(later, { agency: agency.code, year: 2021 }), second)).toBe(
      'published',
    );
    const history = await publicationHistory(deps, agency.id, 2021, 'records');
    expect(history.map((h) => h.version)).toEqual([2, 1]);
    const entries = (await listReportPublications(deps)).filter((e) => e.agencyId === agency.id);
    expect(entries).toEqual([expect.objectContaining({ version: 2, year: 2021 })]);
  });

  it('checks the edited chapter text, not only the generated one', async () => {
    const deps = buildDeps(ctx.db, '2022-01-20');
    const agency = await buildAgency(deps.db);
    await registerApplication(deps, buildApplicationInput(agency.name, { submittedOn: '2021-03-01' }));
    expect((await prepareReport(deps, { agency: agency.code, year: 2021 })).findings).toEqual([]);
    await saveReportDraft(deps, {
      agency: agency.code,
      year: 2021,
      chapters: { overview: '2021年共收到政府信息公开申请9件。' },
    });
    const prepared = await prepareReport(deps, { agency: agency.code, year: 2021 });
    expect(prepared.findings).toContainEqual(
      expect.objectContaining({ rule: 'narrative.figure', expected: 1, actual: 9 }),
    );
  });

  it('lets only an administrator who covers the whole subtree publish a rollup', async () => {
    const deps = buildDeps(ctx.db, '2022-01-20');
    const county = await buildAgency(deps.db, { type: 'government' });
    const child = await buildAgency(deps.db, { parentId: county.id });
    await registerApplication(deps, buildApplicationInput(child.name, { submittedOn: '2021-04-01' }));
    const agencyAdmin = await user(deps, 'agency_admin', county);
    const countyAdmin = await user(deps, 'county_admin', county);
    const childAdmin = await user(deps, 'agency_admin', child);
    await expect(
      publishReport(deps, { agency: county.code, year: 2021, rollup: true }, agencyAdmin),
    ).rejects.toMatchObject({ code: 'auth.forbidden' });
    await expect(publishReport(deps, { agency: county.code, year: 2021 }, childAdmin)).rejects.toMatchObject({
      code: 'auth.forbidden',
    });
    const rollup = await publishReport(deps, { agency: county.code, year: 2021, rollup: true }, countyAdmin);
    expect(rollup).toMatchObject({ origin: 'rollup', version: 1 });
    expect(rollup.report.table3.new_received?.total).toBe(1);
    expect(await latestPublication(deps, county.id, 2021, 'records')).toBeNull();
  });
});
