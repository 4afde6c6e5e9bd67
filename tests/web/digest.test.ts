import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digestRepository } from '../../src/db/repositories/digest.ts';
import { usersRepository } from '../../src/db/repositories/users.ts';
import { isWorkingDay } from '../../src/domain/calendar/index.ts';
import { toSignedInUser } from '../../src/services/accounts/access.ts';
import { workOverview } from '../../src/services/dashboard/work-overview.ts';
import { buildDigest, isEmptyDigest } from '../../src/services/digest/build-digest.ts';
import { setDigestEmail } from '../../src/services/digest/set-digest-email.ts';
import { startSmtpSink } from '../helpers/smtp-sink.ts';
import { csrfIn, signIn, startTestApp, type TestApp } from '../helpers/web.ts';

describe('the back office’s morning digest page (/admin/digest)', () => {
  let app: FastifyInstance;
  let started: TestApp;
  beforeAll(async () => {
    started = await startTestApp();
    app = started.app;
  }, 120_000);
  afterAll(() => started.close());

  const page = async (cookie: string) => {
    const res = await app.inject({ url: '/admin/digest', headers: { cookie } });
    expect(res.statusCode).toBe(200);
    return res.body;
  };

  it('asks to sign in first', async () => {
    const res = await app.inject('/admin/digest');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/admin/login?next=%2Fadmin%2Fdigest');
  });

  it('shows a clerk today’s digest: the overdue cases of the 工作台, names masked, linked to each case', async () => {
    const cookie = await signIn(app, 'ninghai.clerk');
    const body = await page(cookie);
    expect(body).toContain('<h1>每日待办提醒</h1>');
    expect(body).toContain('aria-current="page">每日提醒</a>');
    // The same overdue cases as the 工作台 lists for the clerk's agency.
    const user = await usersRepository(started.deps.db.db).findByLogin('ninghai.clerk');
    const overview = await workOverview(started.deps, (await toSignedInUser(started.deps, user!)).agencyIds);
    for (const c of overview.overdue) {
      expect(body).toContain(`<a href="/admin/applications/${c.id}">${c.trackingNumber}</a>`);
    }
    const section = /<section aria-labelledby="digest-overdue">([\s\S]*?)<\/section>/.exec(body)?.[1] ?? '';
    expect(section.match(/href="\/admin\/applications\/\d+"/g)?.length ?? 0).toBe(overview.overdue.length);
    if (overview.overdue.length > 0)
      expect(body).toMatch(/id="digest-subject">【政府信息公开】\d{4}年\d+月\d+日待办提醒：逾期\d+件/);
    // Demo applicants are 某某: the page never shows more than the first character.
    expect(body).not.toMatch(/<td>[^<]某某<\/td>/);
    expect(body).toContain('本系统尚未配置邮件服务器（SMTP）');
  });

  it('tells a reviewer with nothing to review “今日无待办”', async () => {
    const body = await page(await signIn(app, 'ninghai.reviewer'));
    expect(body).toContain('今日无待办');
    expect(body).toContain('尚无发送记录');
  });

  it('sets the user’s own address, keeping a bad one typed with the problem listed, and refuses a form without its token', async () => {
    const cookie = await signIn(app, 'ninghai.admin');
    const form = await page(cookie);
    const bad = await app.inject({
      method: 'POST',
      url: '/admin/digest/email',
      headers: { cookie },
      payload: { _csrf: csrfIn(form), email: 'zhang@@example' },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('role="alert"');
    expect(bad.body).toContain('<a href="#email">提醒邮箱：请填写有效的电子邮箱地址');
    expect(bad.body).toContain('value="zhang@@example"');
    expect(bad.body).toContain('aria-invalid="true"');

    const forged = await app.inject({
      method: 'POST',
      url: '/admin/digest/email',
      headers: { cookie },
      payload: { email: 'forged@example.gov.cn' },
    });
    expect(forged.statusCode).toBe(403);

    const good = await app.inject({
      method: 'POST',
      url: '/admin/digest/email',
      headers: { cookie },
      payload: { _csrf: csrfIn(form), email: ' zhang@ninghai.example.gov.cn ' },
    });
    expect(good.statusCode).toBe(303);
    expect(good.headers.location).toBe('/admin/digest?saved=1');
    const saved = await app.inject({ url: '/admin/digest?saved=1', headers: { cookie } });
    expect(saved.body).toContain('提醒邮箱已保存');
    expect(saved.body).toContain('value="zhang@ninghai.example.gov.cn"');
    const stored = await digestRepository(started.deps.db.db).findRecipientByLogin('ninghai.admin');
    expect(stored!.email).toBe('zhang@ninghai.example.gov.cn');

    // Emptied: no more e-mail.
    await app.inject({
      method: 'POST',
      url: '/admin/digest/email',
      headers: { cookie },
      payload: { _csrf: csrfIn(form), email: '' },
    });
    expect(
      (await digestRepository(started.deps.db.db).findRecipientByLogin('ninghai.admin'))!.email,
    ).toBeNull();
  });
});

describe('the server with SMTP configured', () => {
  it('sends the missed morning digest on start-up, says so on the page, and stops its timer on close', async () => {
    const sink = await startSmtpSink();
    // 00:00: whenever the test runs, today's digest time has passed and no run has happened.
    const started = await startTestApp({
      SMTP_URL: sink.url,
      MAIL_FROM: 'gongkai@ninghai.example.gov.cn',
      DIGEST_TIME: '00:00',
    });
    try {
      const { deps } = started;
      const repo = digestRepository(deps.db.db);
      const clerk = (await repo.findRecipientByLogin('ninghai.clerk'))!;
      await setDigestEmail(deps, clerk.id, 'wang@ninghai.example.gov.cn', { system: 'cli' });
      await started.app.ready(); // the timer starts with the server
      const today = deps.clock.today();
      if (isWorkingDay(today, deps.calendar)) {
        await expect
          .poll(
            async () =>
              (
                await deps.db.db
                  .selectFrom('digest_runs')
                  .selectAll()
                  .where('run_date', '=', today)
                  .executeTakeFirst()
              )?.finished_at ?? null,
          )
          .not.toBeNull();
        const isDue = !isEmptyDigest(
          await buildDigest(deps, { ...clerk, email: 'wang@ninghai.example.gov.cn' }, today),
        );
        expect(sink.received.map((m) => m.to.join())).toEqual(isDue ? ['wang@ninghai.example.gov.cn'] : []);
      }
      const cookie = await signIn(started.app, 'ninghai.clerk');
      const res = await started.app.inject({ url: '/admin/digest', headers: { cookie } });
      expect(res.body).toContain('每个工作日00:00（北京时间）向 wang@ninghai.example.gov.cn 发送提醒邮件');
    } finally {
      await started.close();
      await sink.close();
    }
  }, 120_000);
});
