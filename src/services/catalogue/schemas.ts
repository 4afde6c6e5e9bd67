/**
 * Input schemas of the catalogue use cases, shared by the back-office forms, the API and the
 * CLI. Messages are Chinese; a failure becomes DomainError('validation.invalid') with the field
 * (parseInput of the application schemas).
 */
import { z } from 'zod';
import { CATALOGUE_KINDS, DISCLOSURE_MODES, GENRES, ITEM_STATUSES } from '../../domain/catalogue/model.ts';
import { splitKeywords } from '../../domain/catalogue/validate.ts';
import { IsoDateSchema } from '../applications/schemas.ts';

const optionalText = (max: number, label: string) =>
  z
    .string({ error: `${label}应为文字` })
    .trim()
    .max(max, { message: `${label}不能超过${max}个字` })
    .nullish()
    .transform((v) => (v ? v : null));

const optionalDate = IsoDateSchema.nullish().transform((v) => v ?? null);

const ItemId = (label: string) =>
  z.coerce
    .number({ error: `${label}无效` })
    .int({ message: `${label}无效` })
    .positive({ message: `${label}无效` });

/** An item as the back office saves it (glossary §5.4). `id` present = edit of that item. */
export const SaveItemSchema = z.object({
  id: ItemId('信息编号').optional(),
  agency: z.string({ error: '请选择发布机构' }).trim().min(1, { message: '请选择发布机构' }),
  title: z
    .string({ error: '请填写标题' })
    .trim()
    .min(1, { message: '请填写标题' })
    .max(200, { message: '标题不能超过200个字' }),
  kind: z.enum(CATALOGUE_KINDS, { error: '文件类别应为规章、行政规范性文件或其他' }),
  genre: z
    .enum(GENRES, {
      error: `体裁应为${GENRES.filter((g) => g !== 'other').join('、')}之一，或“other”（其他）`,
    })
    .nullish()
    .transform((v) => v ?? null),
  subject: optionalText(100, '主题分类'),
  catalogueCategory: optionalText(100, '目录分类'),
  madeOn: IsoDateSchema,
  changedOn: optionalDate,
  effectiveOn: optionalDate,
  /** Only for items imported as already published (their date as printed); otherwise publishItem. */
  publishedOn: optionalDate,
  docNumber: optionalText(60, '发文字号'),
  summary: optionalText(500, '内容概述'),
  body: optionalText(200_000, '正文'),
  art20Item: z.coerce
    .number({ error: '《条例》第二十条事项应为1至15' })
    .int({ message: '《条例》第二十条事项应为1至15' })
    .min(1, { message: '《条例》第二十条事项应为1至15' })
    .max(15, { message: '《条例》第二十条事项应为1至15' })
    .nullish()
    .transform((v) => v ?? null),
  disclosureMode: z
    .enum(DISCLOSURE_MODES, { error: '公开方式应为主动公开、依申请公开或不予公开' })
    .default('proactive'),
  keywords: z
    .union([z.string(), z.array(z.string())], { error: '主题词应为文字' })
    .optional()
    .transform((v) => (v === undefined ? [] : splitKeywords(v)))
    .refine((v) => v.length <= 20, { message: '主题词不能超过20个' }),
  /** An index number printed elsewhere, kept as printed (import); new items otherwise get one. */
  indexNumber: optionalText(60, '索引号'),
});
export type SaveItemInput = z.input<typeof SaveItemSchema>;

export const PublishItemSchema = z.object({
  itemId: ItemId('信息编号'),
  /** Today when absent. */
  publishedOn: IsoDateSchema.optional(),
});
export type PublishItemInput = z.input<typeof PublishItemSchema>;

export const RepealItemSchema = z.object({
  itemId: ItemId('信息编号'),
  /** Today when absent. */
  repealedOn: IsoDateSchema.optional(),
  /** 废止 (repealed by an act) or 失效 (lapsed, e.g. at the end of its term). */
  validity: z.enum(['repealed', 'expired'], { error: '有效性应为废止或失效' }).default('repealed'),
});
export type RepealItemInput = z.input<typeof RepealItemSchema>;

export const LinkInterpretationSchema = z.object({
  itemId: ItemId('解读信息编号'),
  /** The policy interpreted; null removes the link. */
  policyItemId: ItemId('被解读信息编号').nullable(),
});
export type LinkInterpretationInput = z.input<typeof LinkInterpretationSchema>;

export const ListItemsSchema = z.object({
  /** Code or exact name; the agency and every agency below it. */
  agency: z.string().trim().min(1).optional(),
  category: z.string().trim().min(1).optional(),
  year: z.coerce.number({ error: '年份无效' }).int({ message: '年份无效' }).min(1949).max(2999).optional(),
  genre: z.string().trim().min(1).optional(),
  kind: z.enum(CATALOGUE_KINDS, { error: '文件类别无效' }).optional(),
  status: z.enum(ITEM_STATUSES, { error: '状态无效' }).optional(),
  /** The portal sees only public items; the back office passes false to see drafts too. */
  isPublicOnly: z.boolean().default(true),
  page: z.coerce.number({ error: '页码无效' }).int().min(1, { message: '页码无效' }).default(1),
  pageSize: z.coerce
    .number({ error: '每页条数无效' })
    .int()
    .min(1)
    .max(100, { message: '每页最多100条' })
    .default(20),
});
export type ListItemsInput = z.input<typeof ListItemsSchema>;
