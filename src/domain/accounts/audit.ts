/**
 * What an audit event can record: one closed list. Every change and every view of personal
 * data writes one (ARCHITECTURE "Security at the edges"); features add their actions here.
 */

export const AUDIT_ACTIONS = [
  'auth.login', // 登录成功
  'auth.login_failed', // 登录失败（用户名不存在、密码错误或账号停用；只记在 login:<名称> 名下）
  'auth.logout', // 退出登录
  'user.created', // 创建账号
  'user.disabled', // 停用账号
  'user.password_changed', // 修改密码
  'personal_data.viewed', // 查看申请人个人信息
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** A subject as `kind:key`, e.g. `user:3`, `application:17`, `login:ninghai.clerk`. */
export type AuditSubject = `${string}:${string}`;

export interface AuditEvent {
  actorId: number | null;
  /** Login name of the actor, or 'cli' / 'system' / 'anonymous'. */
  actor: string;
  action: AuditAction;
  subject: AuditSubject;
  agencyId?: number | null;
  detail?: Record<string, unknown>;
}
