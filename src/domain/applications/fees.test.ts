/** The worked examples of fees.md, one test each, and the refusals of assessFee. */
import { describe, expect, it } from 'vitest';
import { type IsoDate, nationalCalendar } from '../calendar/index.ts';
import {
  assessFee,
  describeFee,
  type FeeFacts,
  feePaymentDue,
  isCopyRequested,
  perItemLines,
  perItemMonthTotal,
  perItemPrice,
  perVolumeFee,
} from './fees.ts';
import { ACTION_OUTCOMES } from './workflow.ts';

const facts = (over: Partial<FeeFacts> = {}): FeeFacts => ({
  countedOn: '2021-03-15' as IsoDate,
  receivedOn: '2021-03-15' as IsoDate,
  scale: 'per_item',
  earlierItemsInMonth: 0,
  items: 1,
  pages: null,
  isCopyRequested: true,
  ...over,
});

describe('per application (art. 4)', () => {
  it('charges 3,000 yuan for 35 applications in March 2021 (fees.md example 1)', () => {
    expect(perItemMonthTotal(35)).toBe(3000);
    expect(perItemLines(1, 35)).toEqual([
      { band: '第1—10件', quantity: 10, unitPrice: 0, amount: 0 },
      { band: '第11—30件', quantity: 20, unitPrice: 100, amount: 2000 },
      { band: '第31—40件', quantity: 5, unitPrice: 200, amount: 1000 },
    ]);
    expect([10, 11, 30, 31].map(perItemPrice)).toEqual([0, 100, 100, 200]);
  });

  it('raises the price by 100 yuan for every band of 10 above 30 (fees.md example 2)', () => {
    expect(perItemMonthTotal(45)).toBe(5500);
    expect(perItemMonthTotal(50)).toBe(7000);
    expect(perItemMonthTotal(51)).toBe(7400);
    expect(perItemPrice(51)).toBe(400);
    expect(perItemMonthTotal(60)).toBe(11000);
    expect([40, 41, 50, 60, 61].map(perItemPrice)).toEqual([200, 300, 300, 400, 500]);
  });

  it('restarts the count every calendar month: 10 in March and 10 in April cost nothing (fees.md example 3)', () => {
    // The repository counts within the month of the counting date; the 10th of each month is free.
    const march = assessFee(facts({ earlierItemsInMonth: 9 }));
    const april = assessFee(facts({ countedOn: '2021-04-30' as IsoDate, earlierItemsInMonth: 9 }));
    expect(march).toMatchObject({ isChargeable: false, reason: 'free_band' });
    expect(april).toMatchObject({ isChargeable: false, reason: 'free_band' });
    expect(perItemMonthTotal(10)).toBe(0);
  });

  it('prices the 12th application of a month at 100 yuan, with its ordinal and bands recorded', () => {
    const result = assessFee(facts({ earlierItemsInMonth: 11 }));
    expect(result).toMatchObject({
      isChargeable: true,
      calculation: { month: '2021-03', firstOrdinal: 12, lastOrdinal: 12, amount: 100 },
    });
    if (result.isChargeable) {
      expect(describeFee(result.calculation)).toBe(
        '按件计收，本月累计第12件：第11—30件1件×100元=100元；合计100元（《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）第四条）',
      );
    }
  });

  it('counts a letter split into several items (一事一申请) as that many applications', () => {
    const result = assessFee(facts({ earlierItemsInMonth: 8, items: 4 }));
    // Items 9-12: two free, two at 100.
    expect(result).toMatchObject({ isChargeable: true, calculation: { firstOrdinal: 9, lastOrdinal: 12 } });
    if (result.isChargeable) expect(result.calculation.amount).toBe(200);
  });

  it('refuses a fee within the ten free applications with a Chinese message naming the ordinal', () => {
    const result = assessFee(facts({ earlierItemsInMonth: 3 }));
    expect(result).toMatchObject({ isChargeable: false, reason: 'free_band' });
    if (!result.isChargeable) expect(result.message).toContain('2021年3月内累计第4件申请，未超过10件');
  });
});

describe('per volume (art. 5)', () => {
  it('charges 4,700 yuan for one application of 250 pages (fees.md example 4)', () => {
    expect(perVolumeFee(250)).toBe(4700);
    const table: [number, number][] = [
      [30, 0],
      [31, 10],
      [100, 700],
      [101, 720],
      [150, 1700],
      [200, 2700],
      [201, 2740],
      [300, 6700],
    ];
    for (const [pages, fee] of table) expect(perVolumeFee(pages), `${pages} pages`).toBe(fee);
  });

  it('applies only where copies are asked for, not to inspection on site', () => {
    expect(isCopyRequested('纸质', '邮寄')).toBe(true);
    expect(isCopyRequested('电子数据', '自行领取')).toBe(true);
    expect(isCopyRequested('其他', '电子邮件')).toBe(true);
    expect(isCopyRequested('查阅', '当场阅读')).toBe(false);
    const result = assessFee(facts({ scale: 'per_volume', pages: 80, isCopyRequested: false }));
    expect(result).toMatchObject({ isChargeable: false, reason: 'scale_not_applicable' });
  });

  it('refuses a fee for 30 pages or fewer and asks for the page count', () => {
    expect(assessFee(facts({ scale: 'per_volume', pages: 30 }))).toMatchObject({
      isChargeable: false,
      reason: 'free_band',
    });
    expect(assessFee(facts({ scale: 'per_volume', pages: null }))).toMatchObject({
      isChargeable: false,
      reason: 'pages_missing',
    });
  });
});

describe('choosing a scale (art. 3)', () => {
  it('prices the 12th application of 50 pages at 100 per application or 200 per volume, never 300 (fees.md example 5)', () => {
    const perItem = assessFee(facts({ earlierItemsInMonth: 11, pages: 50 }));
    const perVolume = assessFee(facts({ earlierItemsInMonth: 11, pages: 50, scale: 'per_volume' }));
    expect(perItem).toMatchObject({ isChargeable: true, calculation: { amount: 100, scale: 'per_item' } });
    expect(perVolume).toMatchObject({
      isChargeable: true,
      calculation: { amount: 200, scale: 'per_volume' },
    });
  });
});

describe('when the rules apply', () => {
  it('charges nothing for an application received on 2020-12-31, however many that month (fees.md example 6)', () => {
    const result = assessFee(
      facts({
        receivedOn: '2020-12-31' as IsoDate,
        countedOn: '2020-12-31' as IsoDate,
        earlierItemsInMonth: 99,
      }),
    );
    expect(result).toMatchObject({ isChargeable: false, reason: 'before_rules', calculation: null });
    expect(perItemPrice(100)).toBeGreaterThan(0);
  });

  it('gives a notice received Fri 2025-09-26 until Thu 2025-10-30 to pay; unpaid is other_2 (fees.md example 7)', () => {
    expect(feePaymentDue('2025-09-26' as IsoDate, nationalCalendar())).toEqual({
      isProvisional: false,
      value: '2025-10-30',
    });
    expect(ACTION_OUTCOMES.fee_lapsed).toBe('other_2');
  });
});
