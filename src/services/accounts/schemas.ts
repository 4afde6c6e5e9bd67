/** Input schemas of the account use cases (forms, CLI); messages are Chinese. */
import { z } from 'zod';
import { ROLES } from '../../domain/accounts/roles.ts';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

/** How many of: upper-case letters, lower-case letters, digits, other characters. */
function characterClasses(password: string): number {
  return [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
}

/**
 * Password rules in the spirit of GB/T 22239-2019 (等保2.0, 身份鉴别: 口令有复杂度要求):
 * at least 10 characters and three kinds of characters.
 */
export const PasswordSchema = z
  .string({ error: '请填写密码' })
  .min(PASSWORD_MIN_LENGTH, { message: `密码至少${PASSWORD_MIN_LENGTH}位` })
  .max(PASSWORD_MAX_LENGTH, { message: `密码不能超过${PASSWORD_MAX_LENGTH}位` })
  .refine((v) => characterClasses(v) >= 3, {
    message: '密码须包含大写字母、小写字母、数字和符号中的至少三种',
  });

export const LoginNameSchema = z
  .string({ error: '请填写用户名' })
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,39}$/, {
    message: '用户名为3至40位小写字母、数字或“. _ -”，以字母或数字开头',
  });

export const CreateUserSchema = z
  .object({
    login: LoginNameSchema,
    displayName: z
      .string({ error: '请填写姓名' })
      .trim()
      .min(1, { message: '请填写姓名' })
      .max(50, { message: '姓名不能超过50个字' }),
    password: PasswordSchema,
    role: z.enum(ROLES, { error: '角色无效，应为 clerk、reviewer、agency_admin 或 county_admin' }),
    /** Agency code or exact name. */
    agency: z.string({ error: '请选择所属机关' }).trim().min(1, { message: '请选择所属机关' }),
  })
  .superRefine((v, ctx) => {
    if (v.password.toLowerCase().includes(v.login)) {
      ctx.addIssue({ code: 'custom', path: ['password'], message: '密码不能包含用户名' });
    }
  });
export type CreateUserInput = z.input<typeof CreateUserSchema>;
