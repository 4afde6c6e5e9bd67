/** Input of the portal-page use cases, with Chinese messages (back-office editor, demo, CLI). */
import { z } from 'zod';
import { PORTAL_PAGE_KINDS } from './model.ts';

export const SavePortalPageSchema = z.object({
  /** Agency code or exact name. */
  agency: z.string({ error: '请选择机关' }).trim().min(1, { message: '请选择机关' }),
  kind: z.enum(PORTAL_PAGE_KINDS, { error: '页面类型应为信息公开指南或信息公开制度' }),
  title: z
    .string({ error: '请填写标题' })
    .trim()
    .min(1, { message: '请填写标题' })
    .max(100, { message: '标题不能超过100个字' }),
  body: z
    .string({ error: '请填写正文' })
    .trim()
    .min(20, { message: '正文不能少于20个字' })
    .max(30_000, { message: '正文不能超过30000个字' })
    .refine((v) => !/<\s*\/?\s*[a-z!]/i.test(v), {
      message: '正文不能包含HTML标签；请用“## ”开头表示小标题，“- ”开头表示列表',
    }),
});
export type SavePortalPageInput = z.input<typeof SavePortalPageSchema>;
