/**
 * Input schemas of the application use cases, shared by forms, the API and the CLI.
 * Messages are Chinese; every failure becomes DomainError('validation.invalid') with the field.
 */
import { z } from 'zod';
import { APPLICANT_TYPES, CHANNELS, OUTCOMES } from '../../domain/applications/model.ts';
import { parseIsoDate } from '../../domain/calendar/index.ts';
import { DomainError } from '../../domain/errors.ts';

export const IsoDateSchema = z
  .string({ error: '请填写日期' })
  .refine((v) => parseIsoDate(v) !== null, { message: '日期无效，应为YYYY-MM-DD格式的真实日期' });

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: `不能超过${max}个字` })
    .optional()
    .transform((v) => (v ? v : null));

/** Art. 29: name, proof of identity, contact; the information requested; form and way of delivery. */
export const RegisterApplicationSchema = z
  .object({
    agency: z.string().trim().min(1, { message: '请选择受理机关' }),
    channel: z.enum(CHANNELS, { error: '申请渠道无效' }),
    applicantType: z.enum(APPLICANT_TYPES, { error: '申请人类型无效' }),
    applicantName: z.string().trim().min(1, { message: '请填写申请人姓名或名称' }).max(100),
    idDocumentType: optionalText(30),
    idDocumentNumber: optionalText(40),
    organisationCode: optionalText(40),
    contactPerson: optionalText(50),
    phone: optionalText(30),
    email: z
      .string()
      .trim()
      .optional()
      .transform((v) => (v ? v : null))
      .refine((v) => v === null || /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v), { message: '电子邮箱格式不正确' }),
    address: optionalText(200),
    postcode: optionalText(10),
    description: z
      .string()
      .trim()
      .min(1, { message: '请填写所需政府信息的名称、文号或者特征性描述' })
      .max(2000),
    purpose: optionalText(500),
    deliveryForm: z.string().trim().min(1, { message: '请选择获取信息的形式' }).max(30),
    deliveryWay: z.string().trim().min(1, { message: '请选择获取信息的途径' }).max(30),
    submittedOn: IsoDateSchema,
    signedOn: IsoDateSchema.optional(),
    confirmedOn: IsoDateSchema.optional(),
    actor: z.string().trim().min(1).default('system'),
  })
  .superRefine((v, ctx) => {
    if (!v.phone && !v.email && !v.address) {
      ctx.addIssue({
        code: 'custom',
        path: ['phone'],
        message: '请至少填写一种联系方式（电话、电子邮箱或通信地址）',
      });
    }
    if (v.applicantType === 'natural_person' && !v.idDocumentNumber) {
      ctx.addIssue({
        code: 'custom',
        path: ['idDocumentNumber'],
        message: '自然人申请须提供身份证明（证件号码）',
      });
    }
    if (v.applicantType !== 'natural_person' && !v.organisationCode) {
      ctx.addIssue({
        code: 'custom',
        path: ['organisationCode'],
        message: '法人或其他组织申请须提供统一社会信用代码等身份证明',
      });
    }
  });
export type RegisterApplicationInput = z.input<typeof RegisterApplicationSchema>;

export const OutcomeSchema = z.enum(OUTCOMES, { error: '办理结果无效' });

/** Parses input or throws DomainError('validation.invalid') naming the first bad field. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new DomainError('validation.invalid', issue.message, issue.path.join('.') || null);
}

/** Every problem of an input, by field, for forms that show all messages at once. */
export function inputProblems(schema: z.ZodType, input: unknown): Record<string, string> {
  const result = schema.safeParse(input);
  if (result.success) return {};
  const out: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.join('.') || '_';
    out[key] ??= issue.message;
  }
  return out;
}
