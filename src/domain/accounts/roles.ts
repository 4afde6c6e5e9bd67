/**
 * Back-office roles and what each may do, as data: one closed list of roles, one closed list of
 * actions, one table role → actions. Where a role reaches is its scope: the agency it is
 * anchored at, or for a county administrator that agency and everything below it.
 */

export const ROLES = [
  'clerk', // 经办人：登记、办理申请，维护目录
  'reviewer', // 审核人：审核、签发答复
  'agency_admin', // 机关管理员：本机关的全部工作和账号
  'county_admin', // 县级管理员：本级及下级机关
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  clerk: '经办人',
  reviewer: '审核人',
  agency_admin: '机关管理员',
  county_admin: '县级管理员',
};

export const ACTIONS = [
  'applications.view', // 查看依申请公开案件（含申请人个人信息）
  'applications.edit', // 登记、办理申请
  'replies.review', // 审核、签发答复
  'catalogue.manage', // 维护主动公开目录
  'reports.publish', // 发布年度报告
  'users.manage', // 管理账号
] as const;
export type Action = (typeof ACTIONS)[number];

export const ACTION_LABELS: Record<Action, string> = {
  'applications.view': '查看申请',
  'applications.edit': '办理申请',
  'replies.review': '审核答复',
  'catalogue.manage': '维护目录',
  'reports.publish': '发布年报',
  'users.manage': '管理账号',
};

/** The permission table. A reviewer signs off what a clerk prepared and does not prepare it. */
export const PERMISSIONS: Record<Role, readonly Action[]> = {
  clerk: ['applications.view', 'applications.edit', 'catalogue.manage'],
  reviewer: ['applications.view', 'replies.review'],
  agency_admin: ACTIONS,
  county_admin: ACTIONS,
};

/** How far a role reaches from the agency it is anchored at. */
export type Reach = 'agency' | 'subtree';

export function reachOf(role: Role): Reach {
  switch (role) {
    case 'clerk':
    case 'reviewer':
    case 'agency_admin':
      return 'agency';
    case 'county_admin':
      return 'subtree';
    default:
      return role satisfies never;
  }
}

/** True when the role may do the action somewhere (before asking where). */
export function roleAllows(role: Role, action: Action): boolean {
  return PERMISSIONS[role].includes(action);
}

/**
 * Which roles an administrator may give: an agency administrator up to its own rank, a county
 * administrator any. Others give none. (Where is checked separately, by scope.)
 */
export function assignableRoles(role: Role): readonly Role[] {
  switch (role) {
    case 'county_admin':
      return ROLES;
    case 'agency_admin':
      return ['clerk', 'reviewer', 'agency_admin'];
    case 'clerk':
    case 'reviewer':
      return [];
    default:
      return role satisfies never;
  }
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
