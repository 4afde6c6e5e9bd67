import { expect, it } from 'vitest';
import { auditEventsRepository } from '../../src/db/repositories/audit-events.ts';
import { DomainError } from '../../src/domain/errors.ts';
import { toSignedInUser } from '../../src/services/accounts/access.ts';
import { authenticate } from '../../src/services/accounts/authenticate.ts';
import { createUser } from '../../src/services/accounts/create-user.ts';
import { disableUser } from '../../src/services/accounts/disable-user.ts';
import { listUsers } from '../../src/services/accounts/list-users.ts';
import { resetPassword } from '../../src/services/accounts/reset-password.ts';
import { listApplications, PAGE_SIZE } from '../../src/services/applications/list-applications.ts';
import { registerApplication } from '../../src/services/applications/register-application.ts';
import { buildAgency, buildApplicationInput, buildDeps } from '../helpers/builders.ts';
import { describeEachEngine } from '../helpers/databases.ts';

const PASSWORD = 'Correct-horse-9';

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return 'accepted';
}

describeEachEngine('the back office’s lists', (ctx) => {
  it('filters cases by name, tracking number, channel, year and deadline, a page at a time', async () => {
    const agency = await buildAgency(ctx.db);
    const other = await buildAgency(ctx.db);
    // Today 2025-10-20: received 2025-09-01 is overdue; the fax cases (received 10-16) are due 11-13.
    const deps = buildDeps(ctx.db, '2025-10-20');
    const old = await registerApplication(
      deps,
      buildApplicationInput(agency.name, { applicantName: '百分_号%先生', submittedOn: '2025-09-01' }),
    );
    for (let i = 0; i < PAGE_SIZE + 2; i += 1) {
      await registerApplication(
        deps,
        buildApplicationInput(agency.name, {
          applicantName: `批量${i}`,
          channel: 'fax',
          submittedOn: '2025-10-15',
          confirmedOn: '2025-10-16',
        }),
      );
    }
    await registerApplication(deps, buildApplicationInput(other.name, { applicantName: '百分之百' }));

    const ids = [agency.id];
    // LIKE wildcards typed by the user are literal.
    let list = await listApplications(deps, ids, { q: '_号%' });
    expect(list.lines.map((l) => l.id)).toEqual([old.id]);
    expect(list.lines[0]!.applicant).toBe('百***');
    expect((await listApplications(deps, ids, { q: '%' })).total).toBe(1);
    expect((await listApplications(deps, ids, { q: old.trackingNumber.toLowerCase() })).total).toBe(1);
    // Another agency's cases are not in the scope.
    expect((await listApplications(deps, ids, { q: '百分' })).total).toBe(1);

    expect((await listApplications(deps, ids, { due: 'overdue' })).lines.map((l) => l.id)).toEqual([old.id]);
    expect((await listApplications(deps, ids, { due: 'due_soon' })).total).toBe(0);
    expect((await listApplications(deps, ids, { channel: 'fax' })).total).toBe(PAGE_SIZE + 2);
    expect((await listApplications(deps, ids, { year: 2024 })).total).toBe(0);
    list = await listApplications(deps, ids, { channel: 'fax', page: 2 });
    expect(list).toMatchObject({ total: PAGE_SIZE + 2, page: 2, pages: 2 });
    expect(list.lines).toHaveLength(2);
    // Days later the fax cases are within five working days of their due date.
    const later = buildDeps(ctx.db, '2025-11-10');
    expect((await listApplications(later, ids, { due: 'due_soon' })).total).toBe(PAGE_SIZE + 2);
  });

  it('lists accounts with their last sign-in, and refuses changes to one’s own account', async () => {
    const agency = await buildAgency(ctx.db);
    const deps = buildDeps(ctx.db, '2026-11-25');
    const adminRecord = await createUser(
      deps,
      {
        login: 'q.admin',
        displayName: '管理员',
        password: PASSWORD,
        role: 'agency_admin',
        agency: agency.code,
      },
      { system: 'cli' },
    );
    const admin = await toSignedInUser(deps, adminRecord);
    const clerk = await createUser(
      deps,
      { login: 'q.clerk', displayName: '经办人', password: PASSWORD, role: 'clerk', agency: agency.code },
      admin,
    );
    await authenticate(deps, { login: 'q.clerk', password: PASSWORD });
    const lines = await listUsers(deps, [agency.id]);
    expect(lines.map((l) => [l.login, l.agencyName, l.lastSignInAt !== null])).toEqual([
      ['q.admin', agency.name, false],
      ['q.clerk', agency.name, true],
    ]);

    expect(await refusal(disableUser(deps, admin.id, admin))).toBe('user.own_account');
    expect(await refusal(resetPassword(deps, { userId: admin.id, password: 'New-password-1' }, admin))).toBe(
      'user.own_account',
    );
    expect(await refusal(resetPassword(deps, { userId: clerk.id, password: 'weak' }, admin))).toBe(
      'validation.invalid',
    );
    await resetPassword(deps, { userId: clerk.id, password: 'New-password-1' }, admin);
    expect((await authenticate(deps, { login: 'q.clerk', password: 'New-password-1' })).id).toBe(clerk.id);
    const events = await auditEventsRepository(ctx.db.db).listForSubject(`user:${clerk.id}`);
    expect(events[0]).toMatchObject({
      action: 'user.password_changed',
      actor: 'q.admin',
      detail: { reset: true },
    });
  });
});
