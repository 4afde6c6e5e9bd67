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
  'user.email_changed', // 修改提醒邮箱（每日待办提醒）
  'personal_data.viewed', // 查看申请人个人信息
  'catalogue.created', // 新建主动公开信息（草稿）
  'catalogue.saved', // 修改主动公开信息
  'catalogue.published', // 发布主动公开信息
  'catalogue.repealed', // 标记废止或失效
  'catalogue.attachment_added', // 上传附件
  'catalogue.interpretation_linked', // 关联或取消政策解读
  'agency.org_code_set', // 设置组织机构代码（索引号前段码）
  'portal_page.saved', // 保存信息公开指南或制度页面
  'report.published', // 发布年度报告（含带错误发布的理由）
  'imported_report.uploaded', // 导入他机关已发布的年度报告
  'imported_report.corrected', // 更正导入年报的数字
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
