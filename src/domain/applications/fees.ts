/**
 * 信息处理费 (information-processing fee): Regulation art. 42 and 《政府信息公开信息处理费管理办法》
 * (国办函〔2020〕109号), as set out in shared/domain/fees.md.
 *
 * - Art. 3: two progressive scales, 按件 (per application) and 按量 (per page); one of them is
 *   chosen for each application, never both.
 * - Art. 4: per application, by the applicant's ordinal number within a calendar month:
 *   1–10 free, 11–30 100 元 each, from 31 every band of 10 costs 100 元 more per application.
 *   One letter asking for several things may count as several applications (一事一申请).
 * - Art. 5: per volume, only where paper, e-mail or copied electronic data is asked for:
 *   1–30 pages free, 31–100 10 元/page, 101–200 20 元/page, from 201 40 元/page.
 * - Applied from 2021-01-01: nothing is charged for an application received before then.
 * - The applicant pays within 20 working days from the day after receiving the notice
 *   (provincial notices restating 109号); unpaid → deemed abandoned (outcome other_2).
 * Amounts are whole yuan.
 */
import { addWorkingDays, type Calendar, type CalendarResult, type IsoDate } from '../calendar/index.ts';
import { PAUSE_RULES } from './deadline-facts.ts';

/** The day from which 国办函〔2020〕109号 is applied (黑龙江省财政厅, fees.md "Sources"). */
export const FEE_RULES_IN_FORCE = '2021-01-01';
export const FEE_BASIS = '《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）';
/** Working days the applicant has to pay, the same window as the deadline pause (deadline-facts.ts). */
export const FEE_PAYMENT_WORKING_DAYS = PAUSE_RULES.fee_payment.windowWorkingDays;

/** Art. 3: 按件计收 or 按量计收. */
export const FEE_SCALES = ['per_item', 'per_volume'] as const;
export type FeeScale = (typeof FEE_SCALES)[number];
export const FEE_SCALE_LABELS: Record<FeeScale, string> = {
  per_item: '按件计收',
  per_volume: '按量计收',
};

/** Art. 4 (一): applications 1–10 of a month are free. */
export const FREE_ITEMS_PER_MONTH = 10;
/** Art. 5 (一): the first 30 pages of an application are free. */
export const FREE_PAGES = 30;

/**
 * Decisions the texts leave open (fees.md "Implementation decisions"): which date places an
 * application in a month, and whether applications to other agencies count too.
 */
export interface FeePolicy {
  /** Receipt date (art. 31) or the day the applicant submitted it. */
  countingDate: 'received_on' | 'submitted_on';
  /** Count only applications to the agency that charges, or to every agency in the database. */
  applicantScope: 'agency' | 'all_agencies';
}
export const DEFAULT_FEE_POLICY: FeePolicy = { countingDate: 'received_on', applicantScope: 'agency' };

/** One band of a calculation: "第11—30件 20件 × 100元 = 2000元". */
export interface FeeLine {
  band: string;
  quantity: number;
  unitPrice: number;
  amount: number;
}

export interface FeeCalculation {
  scale: FeeScale;
  /** The calendar month the application is counted in, 'YYYY-MM'. */
  month: string;
  /** Items (after 一事一申请 splitting) the applicant made earlier in that month. */
  earlierItems: number;
  /** Items this application counts as. */
  items: number;
  /** The ordinals this application takes in the month: earlierItems + 1 … earlierItems + items. */
  firstOrdinal: number;
  lastOrdinal: number;
  pages: number | null;
  lines: FeeLine[];
  /** The standard amount under the chosen scale, whole yuan. */
  amount: number;
  basis: string;
}

/** Art. 4: the price of the applicant's n-th application of a calendar month. */
export function perItemPrice(n: number): number {
  if (n <= FREE_ITEMS_PER_MONTH) return 0;
  if (n <= 30) return 100;
  return 100 + 100 * Math.ceil((n - 30) / 10);
}

function perItemBand(n: number): string {
  if (n <= FREE_ITEMS_PER_MONTH) return `第1—${FREE_ITEMS_PER_MONTH}件`;
  if (n <= 30) return '第11—30件';
  const upper = 30 + 10 * Math.ceil((n - 30) / 10);
  return `第${upper - 9}—${upper}件`;
}

/** Art. 4: applications number `first` … `first + count − 1` of a month, priced band by band. */
export function perItemLines(first: number, count: number): FeeLine[] {
  const lines: FeeLine[] = [];
  for (let n = first; n < first + count; n += 1) {
    const band = perItemBand(n);
    const price = perItemPrice(n);
    const last = lines[lines.length - 1];
    if (last && last.band === band) {
      last.quantity += 1;
      last.amount += price;
    } else lines.push({ band, quantity: 1, unitPrice: price, amount: price });
  }
  return lines;
}

/** Art. 4: what one applicant pays for `count` applications in a month, all charged per application. */
export function perItemMonthTotal(count: number): number {
  return sum(perItemLines(1, count));
}

const PAGE_BANDS = [
  { from: 1, to: FREE_PAGES, unitPrice: 0 },
  { from: 31, to: 100, unitPrice: 10 },
  { from: 101, to: 200, unitPrice: 20 },
  { from: 201, to: Number.POSITIVE_INFINITY, unitPrice: 40 },
] as const;

/** Art. 5: one application of `pages` pages, band by band. */
export function perVolumeLines(pages: number): FeeLine[] {
  return PAGE_BANDS.filter((b) => pages >= b.from).map((b) => {
    const quantity = Math.min(pages, b.to) - b.from + 1;
    const band = Number.isFinite(b.to) ? `${b.from}—${b.to}页` : `${b.from}页以上`;
    return { band, quantity, unitPrice: b.unitPrice, amount: quantity * b.unitPrice };
  });
}

/** Art. 5: the fee for one application of `pages` pages. */
export function perVolumeFee(pages: number): number {
  return sum(perVolumeLines(pages));
}

const monthLabel = (month: string): string => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;

const sum = (lines: readonly FeeLine[]): number => lines.reduce((s, l) => s + l.amount, 0);

/** The facts one fee decision needs; the counts come from the database. */
export interface FeeFacts {
  /** The application's counting date (see FeePolicy), which fixes its month. */
  countedOn: IsoDate;
  /** The receipt date: applications received before 2021-01-01 are never charged. */
  receivedOn: IsoDate;
  scale: FeeScale;
  earlierItemsInMonth: number;
  /** 一事一申请 (art. 4 ¶1): how many items this application is split into; 1 unless split. */
  items: number;
  /** Pages to be provided (art. 5); required for per_volume. */
  pages: number | null;
  /** Art. 5 ¶1: the applicant asked for paper copies, e-mail or copied electronic data. */
  isCopyRequested: boolean;
}

export type FeeRefusal = 'before_rules' | 'free_band' | 'scale_not_applicable' | 'pages_missing';

export type FeeAssessment =
  | { isChargeable: true; calculation: FeeCalculation }
  | { isChargeable: false; reason: FeeRefusal; message: string; calculation: FeeCalculation | null };

/** Whether a fee may be charged for one application and, if so, the standard amount with its bands. */
export function assessFee(facts: FeeFacts): FeeAssessment {
  if (facts.receivedOn < FEE_RULES_IN_FORCE) {
    return {
      isChargeable: false,
      reason: 'before_rules',
      message: `该申请于${facts.receivedOn}收到，${FEE_BASIS}自2021年1月1日起执行，此前收到的申请不收取信息处理费`,
      calculation: null,
    };
  }
  const firstOrdinal = facts.earlierItemsInMonth + 1;
  const base = {
    scale: facts.scale,
    month: facts.countedOn.slice(0, 7),
    earlierItems: facts.earlierItemsInMonth,
    items: facts.items,
    firstOrdinal,
    lastOrdinal: facts.earlierItemsInMonth + facts.items,
    pages: facts.pages,
  };
  if (facts.scale === 'per_volume') {
    if (!facts.isCopyRequested) {
      return {
        isChargeable: false,
        reason: 'scale_not_applicable',
        message:
          '按量计收仅适用于申请人要求以提供纸质件、发送电子邮件、复制电子数据等方式获取政府信息的情形（国办函〔2020〕109号第五条）',
        calculation: null,
      };
    }
    if (facts.pages === null) {
      return {
        isChargeable: false,
        reason: 'pages_missing',
        message: '按量计收须填写提供政府信息的页数',
        calculation: null,
      };
    }
    const lines = perVolumeLines(facts.pages);
    const calculation = { ...base, lines, amount: sum(lines), basis: `${FEE_BASIS}第五条` };
    if (calculation.amount === 0) {
      return {
        isChargeable: false,
        reason: 'free_band',
        message: `提供的政府信息共${facts.pages}页，未超过${FREE_PAGES}页，不收取信息处理费（国办函〔2020〕109号第五条）`,
        calculation,
      };
    }
    return { isChargeable: true, calculation };
  }
  const lines = perItemLines(firstOrdinal, facts.items);
  const calculation = { ...base, lines, amount: sum(lines), basis: `${FEE_BASIS}第四条` };
  if (calculation.amount === 0) {
    const ordinal =
      facts.items === 1 ? `第${firstOrdinal}件` : `第${firstOrdinal}至${calculation.lastOrdinal}件`;
    return {
      isChargeable: false,
      reason: 'free_band',
      message: `该申请是同一申请人${monthLabel(base.month)}内累计${ordinal}申请，未超过${FREE_ITEMS_PER_MONTH}件，不收取信息处理费（国办函〔2020〕109号第四条）`,
      calculation,
    };
  }
  return { isChargeable: true, calculation };
}

/**
 * Art. 5 ¶1 read on the recorded delivery form and way (free text): paper, e-mail, electronic
 * data, copies or a carrier (disc, USB drive) count; inspection on site alone does not.
 */
export function isCopyRequested(deliveryForm: string, deliveryWay: string): boolean {
  return /纸|邮件|电子|复制|光盘|U盘|存储/.test(`${deliveryForm} ${deliveryWay}`);
}

/** The last day to pay: 20 working days from the day after the applicant received the notice (fees.md example 7). */
export function feePaymentDue(noticeReceivedOn: IsoDate, calendar: Calendar): CalendarResult<IsoDate> {
  return addWorkingDays(noticeReceivedOn, FEE_PAYMENT_WORKING_DAYS, calendar);
}

/** One line of Chinese explaining a calculation, for the event history and the fee notice. */
export function describeFee(c: FeeCalculation): string {
  const bands = c.lines
    .filter((l) => l.quantity > 0)
    .map(
      (l) => `${l.band}${l.quantity}${c.scale === 'per_item' ? '件' : '页'}×${l.unitPrice}元=${l.amount}元`,
    )
    .join('；');
  const scope =
    c.scale === 'per_item'
      ? `本月累计第${c.firstOrdinal}${c.items > 1 ? `至${c.lastOrdinal}` : ''}件`
      : `共${c.pages}页`;
  return `${FEE_SCALE_LABELS[c.scale]}，${scope}：${bands}；合计${c.amount}元（${c.basis}）`;
}
