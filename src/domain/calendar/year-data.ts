/**
 * The shape of a holiday data file (holidays.md "The data file"): an object keyed by the
 * year of the State Council General Office notice 《国务院办公厅关于YYYY年部分节假日安排的通知》.
 * The bundled national file and every extra file an administrator adds (`GONGKAI_HOLIDAYS_DIR`)
 * share this schema, so both are checked the same way.
 */
import { z } from 'zod';
import { type IsoDate, isIsoDate, yearOf } from './iso-date.ts';

const IsoDateSchema = z.custom<IsoDate>((value) => isIsoDate(value), {
  message: '日期应为存在的“年-月-日”，例如 2025-10-09',
});

const FestivalSchema = z.object({
  name: z.string().min(1),
  notice_text: z.string().optional(),
  off: z.array(IsoDateSchema),
  workdays: z.array(IsoDateSchema),
});

export const NoticeYearSchema = z.object({
  /** Every date the notice declares off (放假/放假调休). */
  holidays: z.array(IsoDateSchema),
  /** Weekend dates the notice declares working days (调休上班). */
  workdays: z.array(IsoDateSchema),
  source: z.string().optional(),
  sources: z.array(z.string()).optional(),
  document_no: z.string().optional(),
  text_checked_at: z.array(z.string()).optional(),
  note: z.string().optional(),
  festivals: z.array(FestivalSchema).optional(),
});
export type NoticeYear = z.infer<typeof NoticeYearSchema>;

/**
 * A notice for year Y fixes dates of year Y and, for the New Year span, the last days of
 * December of Y-1 (the 2019 notice fixes 2018-12-29…31). Anything else is a mistyped key.
 */
function isWithinNoticeReach(date: IsoDate, noticeYear: number): boolean {
  const year = yearOf(date);
  return year === noticeYear || (year === noticeYear - 1 && date.slice(5, 7) === '12');
}

export const HolidayFileSchema = z.record(z.string(), NoticeYearSchema).superRefine((file, ctx) => {
  for (const [key, entry] of Object.entries(file)) {
    if (!/^\d{4}$/.test(key)) {
      ctx.addIssue({ code: 'custom', path: [key], message: `键“${key}”应为通知所属年份（四位数字）` });
      continue;
    }
    const noticeYear = Number(key);
    const off = new Set(entry.holidays);
    entry.workdays.forEach((date, i) => {
      if (off.has(date)) {
        ctx.addIssue({
          code: 'custom',
          path: [key, 'workdays', i],
          message: `${date} 同时列为放假日和调休上班日`,
        });
      }
    });
    for (const list of ['holidays', 'workdays'] as const) {
      entry[list].forEach((date, i) => {
        if (!isWithinNoticeReach(date, noticeYear)) {
          ctx.addIssue({
            code: 'custom',
            path: [key, list, i],
            message: `${date} 不属于${key}年的节假日安排（只能是${key}年的日期或${noticeYear - 1}年12月的日期）`,
          });
        }
      });
    }
  }
});
export type HolidayFile = z.infer<typeof HolidayFileSchema>;

/**
 * Checks untrusted data (an administrator's file) against `HolidayFileSchema`; problems come
 * back as Chinese lines `位置：说明`, never as an exception.
 */
export function parseHolidayFile(
  data: unknown,
): { ok: true; file: HolidayFile } | { ok: false; problems: string[] } {
  const parsed = HolidayFileSchema.safeParse(data, { error: z.locales.zhCN().localeError });
  if (parsed.success) return { ok: true, file: parsed.data };
  const problems = parsed.error.issues.map((issue) => {
    const where = issue.path
      .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
      .join('')
      .slice(1);
    return where ? `${where}：${issue.message}` : issue.message;
  });
  return { ok: false, problems };
}
