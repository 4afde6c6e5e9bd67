import { beforeAll, expect, it } from 'vitest';
import { digestShowCommand, userEmailCommand } from '../../src/cli/commands/digest.ts';
import { agenciesRepository } from '../../src/db/repositories/agencies.ts';
import { auditEventsRepository } from '../../src/db/repositories/audit-events.ts';
import { type DigestRecipient, digestRepository } from '../../src/db/repositories/digest.ts';
import type { Role } from '../../src/domain/accounts/roles.ts';
import type { Agency } from '../../src/domain/agencies/model.ts';
import { addDays, addWorkingDays, type IsoDate, isWorkingDay } from '../../src/domain/calendar/index.ts';
import { digestHtml, digestSubject, digestText } from '../../src/mail/digest-message.tsx';
import { createUser } from '../../src/services/accounts/create-user.ts';
import { actOnApplication } from '../../src/services/applications/act-on-application.ts';
import { registerApplication } from '../../src/services/applications/register-application.ts';
import { saveItem } from '../../src/services/catalogue/index.ts';
import type { Deps } from '../../src/services/deps.ts';
import { buildDigest, type Digest, isEmptyDigest } from '../../src/services/digest/build-digest.ts';
import { setDigestEmail } from '../../src/services/digest/set-digest-email.ts';
import { buildAgency, buildApplicationInput, buildDeps, receiptDayFor } from '../helpers/builders.ts';
import { describeEachEngine } from '../helpers/databases.ts';

/**
 * Tuesday 2026-09-29. Then: Mid-Autumn Festival on Friday 09-25, National Day 10-01 to 10-07,
 * Saturday 10-10 a make-up working day. So "the next three working days" run to Friday 10-09
 * (09-30, 10-08, 10-09), not to Friday 10-02 as weekdays alone would give.
 */
const TODAY = '2026-09-29' as IsoDate;
const PASSWORD = 'Correct-horse-9';

const value = <T>(r: { isProvisional: boolean; value?: T; provisionalValue?: T }) =>
  (r.isProvisional ? r.provisionalValue : r.value) as T;

describeEachEngine('the morning digest', (ctx) => {
  let deps: Deps;
  let office: Agency;
  let township: Agency;
  const tracking: Record<string, string> = {};
  const ids: Record<string, number> = {};
  let clerk: DigestRecipient;
  let reviewer: DigestRecipient;
  let townClerk: DigestRecipient;
  let idle: DigestRecipient;
  let draftDue: IsoDate;

  const receivedFor = (due: IsoDate): IsoDate => receiptDayFor(due, deps.calendar);

  const register = async (key: string, agency: Agency, due: IsoDate, name = '欧阳某某') => {
    const app = await registerApplication(
      deps,
      buildApplicationInput(agency.code, { submittedOn: receivedFor(due), applicantName: name }),
    );
    expect(app.dueOn).toBe(due);
    tracking[key] = app.trackingNumber;
    ids[key] = app.id;
    return app;
  };
  const act = (key: string, action: string, extra: Record<string, unknown>) =>
    actOnApplication(deps, { applicationId: ids[key], action, actor: '经办人', ...extra });
  const account = async (login: string, role: Role, agency: Agency) => {
    await createUser(
      deps,
      { login, displayName: `${login}（测试）`, role, agency: agency.code, password: PASSWORD },
      { system: 'cli' },
    );
    return (await digestRepository(ctx.db.db).findRecipientByLogin(login))!;
  };
  const numbers = (lines: readonly { trackingNumber: string }[]) => lines.map((l) => l.trackingNumber);
  const digestOf = (r: DigestRecipient) => buildDigest(deps, r, TODAY);

  beforeAll(async () => {
    deps = buildDeps(ctx.db, TODAY);
    office = await buildAgency(ctx.db, { name: '宁海县人民政府办公室（测试）', type: 'government' });
    township = await buildAgency(ctx.db, {
      name: '西店镇人民政府（测试）',
      type: 'township',
      parentId: office.id,
    });
    await agenciesRepository(ctx.db.db).setOrgCode(office.id, '002720027');

    await register('overdue', office, '2026-09-24' as IsoDate, '王某某');
    await register('today', office, '2026-09-29' as IsoDate);
    await register('tomorrow', office, '2026-09-30' as IsoDate);
    await register('afterHolidays', office, '2026-10-09' as IsoDate);
    // The make-up Saturday is the fourth working day: outside the digest's three.
    await register('makeUpSaturday', office, '2026-10-10' as IsoDate);
    await register('later', office, '2026-10-20' as IsoDate);
    await register('answered', office, '2026-09-28' as IsoDate);
    await act('answered', 'answer_on_the_spot', {
      effectiveOn: receivedFor('2026-09-28' as IsoDate),
      outcome: 'granted',
    });
    await register('drafted', office, '2026-10-08' as IsoDate);
    await act('drafted', 'draft_reply', { effectiveOn: '2026-09-28', outcome: 'granted' });
    // Paused cases: a correction period written in the notice, and consultations.
    await register('correction', office, '2026-10-12' as IsoDate);
    await act('correction', 'request_correction', {
      effectiveOn: '2026-09-28',
      correctionDueOn: '2026-10-08',
    });
    await register('correctionLater', office, '2026-10-13' as IsoDate);
    await act('correctionLater', 'request_correction', {
      effectiveOn: '2026-09-28',
      correctionDueOn: '2026-10-16',
    });
    await register('consultation', office, '2026-10-09' as IsoDate);
    // 15 working days after 09-08 (art. 32) end today, 09-29: the make-up Sunday 09-20 counts, the Mid-Autumn Friday does not.
    await act('consultation', 'start_consultation', {
      effectiveOn: '2026-09-08',
      consultationKind: 'third_party_consultation',
      counterpartReceivedOn: '2026-09-08',
    });
    await register('consultationLater', office, '2026-10-14' as IsoDate);
    await act('consultationLater', 'start_consultation', {
      effectiveOn: '2026-09-28',
      consultationKind: 'agency_consultation',
      counterpartReceivedOn: '2026-09-28',
    });
    // Another agency's case is not the office clerk's.
    await register('township', township, '2026-09-29' as IsoDate);

    // Catalogue drafts: one past the 20 working days of art. 26, one due on 10-09, one later.
    const item = (title: string, madeOn: string) =>
      saveItem(deps, {
        agency: office.code,
        title,
        kind: 'other',
        genre: '公告',
        subject: '综合政务\\政务公开',
        madeOn,
        body: `${title}。`,
      });
    await item('关于2026年夏季防汛工作的通告', '2026-08-03');
    await item('关于国庆期间办事安排的公告', '2026-09-10');
    await saveItem(deps, {
      agency: office.code,
      title: '已公开的公告',
      kind: 'other',
      genre: '公告',
      subject: '综合政务\\政务公开',
      madeOn: '2026-08-03',
      publishedOn: '2026-08-04',
      body: '已公开。',
    });
    for (let d = addDays(TODAY, -40); ; d = addDays(d, 1)) {
      if (
        isWorkingDay(d, deps.calendar) &&
        value<IsoDate>(addWorkingDays(d, 20, deps.calendar)) === '2026-10-09'
      ) {
        await item('关于秋季森林防火的通告', d);
        draftDue = '2026-10-09' as IsoDate;
        break;
      }
    }

    clerk = await account('office.clerk', 'clerk', office);
    reviewer = await account('office.reviewer', 'reviewer', office);
    townClerk = await account('town.clerk', 'clerk', township);
    idle = await account('idle.reviewer', 'reviewer', township);
  });

  it('lists a clerk’s overdue cases, those due today and those due within three working days, across National Day', async () => {
    const d = await digestOf(clerk);
    expect(d.horizon).toBe('2026-10-09');
    expect(numbers(d.overdue)).toEqual([tracking.overdue]);
    // Due Thursday 09-24, today Tuesday 09-29: two working days late (Friday 09-25 was a holiday).
    expect(d.overdue[0]).toMatchObject({ workingDaysLeft: -2, applicant: '王**', stage: '办理中' });
    expect(numbers(d.dueToday)).toEqual([tracking.today]);
    expect(numbers(d.dueSoon)).toEqual([tracking.tomorrow, tracking.drafted, tracking.afterHolidays]);
    expect(d.dueSoon.map((l) => l.workingDaysLeft)).toEqual([1, 2, 3]);
    const everything = [...d.overdue, ...d.dueToday, ...d.dueSoon, ...d.windows];
    for (const key of [
      'makeUpSaturday',
      'later',
      'answered',
      'township',
      'correctionLater',
      'consultationLater',
    ])
      expect(numbers(everything)).not.toContain(tracking[key]);
    // A clerk does not review replies.
    expect(d.awaitingReview).toEqual([]);
  });

  it('lists the correction and consultation windows that end by the third working day', async () => {
    const d = await digestOf(clerk);
    expect(d.windows.map((w) => [w.trackingNumber, w.kind, w.endsOn, w.workingDaysLeft])).toEqual([
      [tracking.consultation, 'third_party_consultation', '2026-09-29', 0],
      [tracking.correction, 'correction', '2026-10-08', 2],
    ]);
  });

  it('lists catalogue drafts past or nearing the 20 working days of art. 26', async () => {
    const d = await digestOf(clerk);
    expect(d.drafts.map((i) => [i.title, i.dueOn])).toEqual([
      [
        '关于2026年夏季防汛工作的通告',
        value<IsoDate>(addWorkingDays('2026-08-03' as IsoDate, 20, deps.calendar)),
      ],
      ['关于秋季森林防火的通告', draftDue],
    ]);
    expect(d.drafts[0]!.workingDaysLeft).toBeLessThan(0);
  });

  it('gives a reviewer only the replies awaiting review, and another agency’s clerk only its own cases', async () => {
    const r = await digestOf(reviewer);
    expect(numbers(r.awaitingReview)).toEqual([tracking.drafted]);
    expect([r.overdue, r.dueToday, r.dueSoon, r.windows, r.drafts].flat()).toEqual([]);
    const t = await digestOf(townClerk);
    expect(numbers(t.dueToday)).toEqual([tracking.township]);
    expect([t.overdue, t.dueSoon, t.windows, t.drafts].flat()).toEqual([]);
    expect(isEmptyDigest(await digestOf(idle))).toBe(true);
  });

  it('writes the subject and the bodies in Chinese, with masked names and links, and nothing personal beyond them', async () => {
    const d: Digest = await digestOf(clerk);
    expect(digestSubject(d)).toBe(
      '【政府信息公开】2026年9月29日待办提醒：逾期1件，今日到期1件，3个工作日内到期3件，补正等期限届满2件，待公开信息2件',
    );
    const text = digestText(d, 'https://gk.example.gov.cn');
    expect(text).toContain('office.clerk（测试），您好：');
    expect(text).toContain('一、已逾期（1件）');
    expect(text).toContain(`查询码${tracking.overdue}，申请人王**`);
    expect(text).toContain('答复期限：2026-09-24，已逾期2个工作日');
    expect(text).toContain(`https://gk.example.gov.cn/admin/applications/${ids.overdue}`);
    expect(text).toContain('答复期限在2026年10月9日（含）以前。');
    const html = digestHtml(d, 'https://gk.example.gov.cn');
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain(
      `<a href="https://gk.example.gov.cn/admin/applications/${ids.today}">${tracking.today}</a>`,
    );
    for (const body of [text, html]) {
      expect(body).not.toContain('欧阳某某');
      expect(body).not.toContain('王某某');
      expect(body).not.toContain('330226199001010011');
      expect(body).not.toContain('13800000000');
      expect(body).not.toContain('立项批复');
    }
    const empty = await digestOf(idle);
    expect(digestSubject(empty)).toBe('【政府信息公开】2026年9月29日待办提醒：今日无待办');
    expect(digestText(empty, '')).toContain('今日无待办');
  });

  it('sets a user’s own address, refuses a bad one with the field named, and audits the change', async () => {
    await expect(setDigestEmail(deps, clerk.id, 'not-an-address', { system: 'cli' })).rejects.toMatchObject({
      code: 'validation.invalid',
      field: 'email',
    });
    expect((await digestRepository(ctx.db.db).findRecipient(clerk.id))!.email).toBeNull();
    const me = {
      id: clerk.id,
      login: clerk.login,
      displayName: clerk.displayName,
      role: 'clerk' as const,
      agencyId: office.id,
      agencyIds: [office.id],
    };
    expect(await setDigestEmail(deps, clerk.id, '  clerk@ninghai.example.gov.cn ', me)).toBe(
      'clerk@ninghai.example.gov.cn',
    );
    // Someone else's address needs users.manage.
    await expect(setDigestEmail(deps, reviewer.id, 'x@ninghai.example.gov.cn', me)).rejects.toMatchObject({
      code: 'auth.forbidden',
    });
    const audit = await auditEventsRepository(ctx.db.db).countSince(
      `user:${clerk.id}`,
      'user.email_changed',
      '2000-01-01',
    );
    expect(audit).toBe(1);
  });

  it('prints a digest and sets an address through the command functions', async () => {
    let out = '';
    const write = (t: string) => {
      out += t;
    };
    await userEmailCommand({ deps, write }, 'town.clerk', 'town@ninghai.example.gov.cn', {});
    expect(out).toContain('已设置 town.clerk 的提醒邮箱：town@ninghai.example.gov.cn');
    out = '';
    await digestShowCommand(
      { deps, write, config: { mail: null, publicUrl: 'http://localhost:3000' }, setExit: () => {} },
      'town.clerk',
      { date: TODAY },
    );
    expect(out).toContain('收件人：town@ninghai.example.gov.cn');
    expect(out).toContain('主题：【政府信息公开】2026年9月29日待办提醒：今日到期1件');
    expect(out).toContain(`查询码${tracking.township}`);
    await userEmailCommand({ deps, write }, 'town.clerk', undefined, { clear: true });
    expect((await digestRepository(ctx.db.db).findRecipientByLogin('town.clerk'))!.email).toBeNull();
    await expect(
      digestShowCommand({ deps, write, config: { mail: null, publicUrl: '' }, setExit: () => {} }, 'nobody', {
        date: '2026-13-01',
      }),
    ).rejects.toMatchObject({ code: 'validation.invalid' });
  });
});
