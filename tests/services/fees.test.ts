import { expect, it } from 'vitest';
import { applicationsRepository } from '../../src/db/repositories/applications.ts';
import { actOnApplication } from '../../src/services/applications/act-on-application.ts';
import { registerApplication } from '../../src/services/applications/register-application.ts';
import type { RegisterApplicationInput } from '../../src/services/applications/schemas.ts';
import type { Deps } from '../../src/services/deps.ts';
import { buildAgency, buildApplicationInput, buildDeps } from '../helpers/builders.ts';
import { describeEachEngine } from '../helpers/databases.ts';

/** Registers `count` applications of one applicant on the given days, in order. */
async function registerMany(
  deps: Deps,
  agency: string,
  days: string[],
  over: Partial<RegisterApplicationInput> = {},
) {
  const apps = [];
  for (const submittedOn of days) {
    apps.push(await registerApplication(deps, buildApplicationInput(agency, { submittedOn, ...over })));
  }
  return apps;
}

const marchDays = (n: number) =>
  Array.from({ length: n }, (_, i) => `2021-03-${String(1 + (i % 28)).padStart(2, '0')}`);

describeEachEngine('information-processing fees (国办函〔2020〕109号)', (ctx) => {
  it('charges the 12th application of a month 100 yuan and stores the calculation with the notice', async () => {
    const agency = await buildAgency(ctx.db);
    const deps = buildDeps(ctx.db, '2021-03-31');
    // Ten by the same ID number under a slightly different name, then two more: matched on identity, not name.
    const apps = [
      ...(await registerMany(deps, agency.name, marchDays(10), { applicantName: '张  某' })),
      ...(await registerMany(deps, agency.name, ['2021-03-15', '2021-03-15'])),
    ];
    // Another person's and another month's applications do not count.
    await registerMany(deps, agency.name, marchDays(5), { idDocumentNumber: '330226199202020022' });
    await registerMany(deps, agency.name, ['2021-02-26', '2021-02-27']);

    const twelfth = apps[11]!;
    const after = await actOnApplication(deps, {
      applicationId: twelfth.id,
      action: 'issue_fee_notice',
      effectiveOn: '2021-03-17',
      applicantReceivedOn: '2021-03-18',
      actor: '李科员',
    });
    expect(after.state).toBe('awaiting_fee');
    const events = await applicationsRepository(ctx.db.db).events(twelfth.id);
    const notice = events.find((e) => e.type === 'issue_fee_notice')!;
    expect(notice.data).toMatchObject({
      feeAmount: 100,
      standardAmount: 100,
      isReduced: false,
      applicantReceivedOn: '2021-03-18',
      paymentDueOn: '2021-04-16',
      calculation: {
        scale: 'per_item',
        month: '2021-03',
        earlierItems: 11,
        firstOrdinal: 12,
        lines: [{ band: '第11—30件', quantity: 1, unitPrice: 100, amount: 100 }],
      },
    });
    expect(notice.data.explanation).toContain('本月累计第12件');

    const paid = await actOnApplication(deps, {
      applicationId: twelfth.id,
      action: 'fee_paid',
      effectiveOn: '2021-03-22',
    });
    expect(paid.state).toBe('registered');
    const history = await applicationsRepository(ctx.db.db).events(twelfth.id);
    expect(history.at(-1)).toMatchObject({ type: 'fee_paid', data: { feeAmount: 100 } });
  });

  it('counts an earlier application split into several items (一事一申请) toward the ordinal', async () => {
    const agency = await buildAgency(ctx.db);
    const deps = buildDeps(ctx.db, '2021-03-31');
    const apps = await registerMany(deps, agency.name, [...marchDays(10), '2021-03-20', '2021-03-21']);
    // The 11th letter asks for three unrelated things: items 11-13, 300 yuan.
    await actOnApplication(deps, {
      applicationId: apps[10]!.id,
      action: 'issue_fee_notice',
      effectiveOn: '2021-03-22',
      items: 3,
    });
    await actOnApplication(deps, {
      applicationId: apps[11]!.id,
      action: 'issue_fee_notice',
      effectiveOn: '2021-03-22',
    });
    const events = await applicationsRepository(ctx.db.db).events(apps[11]!.id);
    expect(events.at(-1)?.data).toMatchObject({ feeAmount: 100, calculation: { firstOrdinal: 14 } });
    const first = await applicationsRepository(ctx.db.db).events(apps[10]!.id);
    expect(first.at(-1)?.data).toMatchObject({ feeAmount: 300, calculation: { lastOrdinal: 13 } });
  });

  it('refuses a fee notice the rules forbid, with a Chinese message and a stable code, storing nothing', async () => {
    const agency = await buildAgency(ctx.db);
    const deps = buildDeps(ctx.db, '2021-03-31');
    const [first] = await registerMany(deps, agency.name, ['2021-03-01']);
    const [old] = await registerMany(deps, agency.name, ['2020-12-31']);
    const act = (applicationId: number, extra: Record<string, unknown>) =>
      actOnApplication(deps, {
        applicationId,
        action: 'issue_fee_notice',
        effectiveOn: '2021-03-02',
        ...extra,
      });

    await expect(act(first!.id, {})).rejects.toMatchObject({
      code: 'fee.not_chargeable',
      message: expect.stringContaining('未超过10件'),
    });
    await expect(act(first!.id, { feeScale: 'per_volume', pages: 30 })).rejects.toMatchObject({
      code: 'fee.not_chargeable',
      message: expect.stringContaining('未超过30页'),
    });
    await expect(
      act(old!.id, { feeScale: 'per_volume', pages: 500, effectiveOn: '2021-01-04' }),
    ).rejects.toMatchObject({
      code: 'fee.not_chargeable',
      message: expect.stringContaining('2021年1月1日'),
    });
    // Received 2021-03-01, due 2021-03-29: a notice on 03-31 is too late.
    await expect(
      act(first!.id, { feeScale: 'per_volume', pages: 40, effectiveOn: '2021-03-31' }),
    ).rejects.toMatchObject({ code: 'fee.notice_late' });
    // 40 pages cost 100 yuan per volume: more is refused, less needs a reason.
    await expect(act(first!.id, { feeScale: 'per_volume', pages: 40, feeAmount: 150 })).rejects.toMatchObject(
      {
        code: 'fee.above_standard',
      },
    );
    await expect(act(first!.id, { feeScale: 'per_volume', pages: 40, feeAmount: 50 })).rejects.toMatchObject({
      code: 'validation.invalid',
      field: 'reason',
    });
    const unchanged = await applicationsRepository(ctx.db.db).findById(first!.id);
    expect(unchanged?.state).toBe('registered');
    expect((await applicationsRepository(ctx.db.db).events(first!.id)).map((e) => e.type)).toEqual([
      'register',
    ]);
  });

  it('waives a fee only with a reason, resuming the count and recording the amount waived', async () => {
    const agency = await buildAgency(ctx.db);
    const deps = buildDeps(ctx.db, '2021-03-31');
    const [app] = await registerMany(deps, agency.name, ['2021-03-01']);
    await actOnApplication(deps, {
      applicationId: app!.id,
      action: 'issue_fee_notice',
      effectiveOn: '2021-03-02',
      feeScale: 'per_volume',
      pages: 250,
    });
    await expect(
      actOnApplication(deps, { applicationId: app!.id, action: 'fee_waived', effectiveOn: '2021-03-03' }),
    ).rejects.toMatchObject({ code: 'validation.invalid', field: 'reason' });
    const waived = await actOnApplication(deps, {
      applicationId: app!.id,
      action: 'fee_waived',
      effectiveOn: '2021-03-03',
      actor: '王主任',
      reason: '申请人系低保对象，经负责人批准免收',
    });
    expect(waived.state).toBe('registered');
    expect(waived.dueOn).not.toBeNull();
    const last = (await applicationsRepository(ctx.db.db).events(app!.id)).at(-1);
    expect(last).toMatchObject({
      type: 'fee_waived',
      actor: '王主任',
      data: { waivedAmount: 4700, feeAmount: 0 },
    });
  });

  it('treats an unpaid fee as abandoned (other_2) only after the 20 working days to pay', async () => {
    const agency = await buildAgency(ctx.db);
    const deps = buildDeps(ctx.db, '2025-12-31');
    const [app] = await registerMany(deps, agency.name, ['2025-09-22']);
    await actOnApplication(deps, {
      applicationId: app!.id,
      action: 'issue_fee_notice',
      effectiveOn: '2025-09-25',
      applicantReceivedOn: '2025-09-26',
      feeScale: 'per_volume',
      pages: 31,
    });
    // fees.md example 7: pay by Thu 2025-10-30.
    await expect(
      actOnApplication(deps, { applicationId: app!.id, action: 'fee_lapsed', effectiveOn: '2025-10-30' }),
    ).rejects.toMatchObject({
      code: 'fee.payment_window_open',
      message: expect.stringContaining('2025-10-30'),
    });
    const closed = await actOnApplication(deps, {
      applicationId: app!.id,
      action: 'fee_lapsed',
      effectiveOn: '2025-10-31',
    });
    expect(closed).toMatchObject({ state: 'abandoned', outcome: 'other_2', closedOn: '2025-10-31' });
  });
});
