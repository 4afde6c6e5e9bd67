/**
 * Demo back-office accounts, one per role, all with the documented password DEMO_PASSWORD.
 * Only for the demo database: anyone who reads the README knows the password.
 */
import type { Role } from '../../domain/accounts/roles.ts';

export const DEMO_PASSWORD = 'gongkai-demo-2020';

export interface DemoAccount {
  login: string;
  displayName: string;
  role: Role;
  /** Agency code (demo-agencies.ts). */
  agency: string;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { login: 'ninghai.clerk', displayName: '王经办（演示）', role: 'clerk', agency: '330226-01' },
  { login: 'ninghai.reviewer', displayName: '李审核（演示）', role: 'reviewer', agency: '330226-01' },
  { login: 'ninghai.admin', displayName: '张管理（演示）', role: 'agency_admin', agency: '330226-01' },
  { login: 'ninghai.county', displayName: '陈县级管理（演示）', role: 'county_admin', agency: '330226' },
  { login: 'fgj.clerk', displayName: '刘经办（演示）', role: 'clerk', agency: '330226-12' },
  { login: 'xidian.clerk', displayName: '赵经办（演示）', role: 'clerk', agency: '330226-42' },
];
