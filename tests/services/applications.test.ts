import { expect, it } from 'vitest';
import { applicationsRepository } from '../../src/db/repositories/applications.ts';
import { actOnApplication } from '../../src/services/applications/act-on-application.ts';
import { registerApplication } from '../../src/services/applications/register-application.ts';
import { buildAgency, buildApplicationInput, buildDeps } from '../helpers/builders.ts';
import { describeEachEngine } from '../helpers/databases.ts';

describeEachEngine('disclosure applications', (ctx) => {
  it('registers an application with a tracking number and the art. 33 due date', async () => {
    const agency = await buildAgency(ctx.db);
    const app = await registerApplication(buildDeps(ctx.db), buildApplicationInput(agency.name));
    expect(app.trackingNumber).toMatch(/^20200928-[2-9A-Z]{6}$/);
    expect(app.checkCode).toMatch(/^\d{6}$/);
    expect(app.receivedOn).toBe('2020-09-28');
    // holidays.md example 1: 20 working days after Mon 2020-09-28, across National Day.
    expect(app.dueOn).toBe('2020-11-02');
    const events = await applicationsRepository(ctx.db.db).events(app.id);
    expect(events.map((e) => e.type)).toEqual(['register']);
  });

  it('takes an online application’s receipt date from the day both sides confirmed', async () => {
    const agency = await buildAgency(ctx.db);
    const app = await registerApplication(
      buildDeps(ctx.db),
      buildApplicationInput(agency.code, {
        channel: 'online',
        submittedOn: '2020-09-26',
        confirmedOn: '2020-09-28',
      }),
    );
    expect(app.receivedOn).toBe('2020-09-28');
  });

  it('refuses bad input with a Chinese message and a stable code, storing nothing', async () => {
    const agency = await buildAgency(ctx.db);
    const deps = buildDeps(ctx.db);
    const attempts = [
      [buildApplicationInput(agency.name, { description: '' }), 'validation.invalid', 'description'],
      [
        buildApplicationInput(agency.name, { submittedOn: '2021-02-30' }),
        'validation.invalid',
        'submittedOn',
      ],
      [buildApplicationInput('不存在的机关'), 'agency.not_found', 'agency'],
      [
        buildApplicationInput(agency.name, { channel: 'post_signed' }),
        'application.receipt_date',
        'signedOn',
      ],
      [buildApplicationInput(agency.name, { phone: '' }), 'validation.invalid', 'phone'],
    ] as const;
    for (const [input, code, field] of attempts) {
      await expect(registerApplication(deps, input)).rejects.toMatchObject({
        code,
        field,
        message: expect.stringMatching(/[\u4e00-\u9fff]/),
      });
    }
    const count = await ctx.db.db
      .selectFrom('applications')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('agency_id', '=', agency.id)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('takes a case through correction, extension, review and reply, with every step in its history', async () => {
    const agency = await buildAgency(ctx.db);
    const deps = buildDeps(ctx.db, '2020-12-31');
    const app = await registerApplication(
      deps,
      buildApplicationInput(agency.name, { submittedOn: '2020-01-22' }),
    );
    const act = (action: string, extra: Record<string, unknown> = {}) =>
      actOnApplication(deps, { applicationId: app.id, action, actor: '李科员', ...extra });

    let now = await act('request_correction', { effectiveOn: '2020-02-05', correctionDueOn: '2020-02-20' });
    expect(now.state).toBe('correction_requested');
    expect(now.dueOn).toBeNull();
    await expect(act('send_reply', { effectiveOn: '2020-02-06' })).rejects.toMatchObject({
      code: 'application.illegal_transition',
    });
    now = await act('receive_correction', { effectiveOn: '2020-02-10' });
    // The count restarts from the corrected application's receipt (art. 30).
    expect(now.state).toBe('registered');
    expect(now.dueOn).toBe('2020-03-09');
    await expect(act('request_correction', { effectiveOn: '2020-02-11' })).rejects.toMatchObject({
      code: 'application.correction_once',
    });
    now = await act('approve_extension', {
      effectiveOn: '2020-03-02',
      workingDays: 20,
      reason: '需调取档案',
    });
    expect(now.dueOn).toBe('2020-04-07');
    await expect(
      act('approve_extension', { effectiveOn: '2020-03-03', workingDays: 5, reason: '再延' }),
    ).rejects.toMatchObject({
      code: 'application.extension_once',
    });
    await expect(act('draft_reply', { effectiveOn: '2020-03-20' })).rejects.toMatchObject({
      code: 'application.outcome_required',
    });
    await act('draft_reply', { effectiveOn: '2020-03-20', outcome: 'granted' });
    await act('approve_reply', { effectiveOn: '2020-03-23' });
    now = await act('send_reply', { effectiveOn: '2020-03-24' });
    expect(now).toMatchObject({ state: 'replied', outcome: 'granted', closedOn: '2020-03-24' });
    const events = await applicationsRepository(ctx.db.db).events(app.id);
    expect(events.map((e) => e.type)).toEqual([
      'register',
      'request_correction',
      'receive_correction',
      'approve_extension',
      'draft_reply',
      'approve_reply',
      'send_reply',
    ]);
    expect(events.every((e) => e.actor.length > 0)).toBe(true);
  });

  it('closes a withdrawn case with the outcome 其他 (other_3)', async () => {
    const agency = await buildAgency(ctx.db);
    const deps = buildDeps(ctx.db);
    const app = await registerApplication(deps, buildApplicationInput(agency.name));
    const done = await actOnApplication(deps, {
      applicationId: app.id,
      action: 'withdraw',
      effectiveOn: '2020-10-09',
    });
    expect(done).toMatchObject({ state: 'withdrawn', outcome: 'other_3', closedOn: '2020-10-09' });
  });
});
