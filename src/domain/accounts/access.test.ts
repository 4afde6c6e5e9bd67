import { describe, expect, it } from 'vitest';
import { isAllowed } from './access.ts';
import { ACTIONS, assignableRoles, PERMISSIONS, ROLES, reachOf, roleAllows } from './roles.ts';

describe('roles and permissions', () => {
  it('gives administrators every action and a reviewer no editing', () => {
    expect(PERMISSIONS.agency_admin).toEqual(ACTIONS);
    expect(PERMISSIONS.county_admin).toEqual(ACTIONS);
    expect(roleAllows('reviewer', 'replies.review')).toBe(true);
    expect(roleAllows('reviewer', 'applications.edit')).toBe(false);
    expect(roleAllows('clerk', 'replies.review')).toBe(false);
    expect(roleAllows('clerk', 'users.manage')).toBe(false);
  });

  it('lets only a county administrator reach below its agency', () => {
    expect(ROLES.filter((r) => reachOf(r) === 'subtree')).toEqual(['county_admin']);
  });

  it('lets an agency administrator give roles up to its own, never county administrator', () => {
    expect(assignableRoles('agency_admin')).not.toContain('county_admin');
    expect(assignableRoles('county_admin')).toEqual(ROLES);
    expect(assignableRoles('clerk')).toEqual([]);
  });

  it('allows an action only inside the scope', () => {
    const clerk = { role: 'clerk' as const, agencyId: 4, agencyIds: [4] };
    expect(isAllowed(clerk, 'applications.edit', 4)).toBe(true);
    expect(isAllowed(clerk, 'applications.edit', 5)).toBe(false);
    expect(isAllowed(clerk, 'reports.publish', 4)).toBe(false);
  });
});
