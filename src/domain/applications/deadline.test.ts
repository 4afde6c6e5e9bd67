/**
 * The reply deadline from stored facts: holidays.md examples 2, 5, 6 and 9 (fees.md 7), and
 * the boundary cases of corrections, pauses and extensions.
 */
import { describe, expect, it } from 'vitest';
import { type CalendarResult, type IsoDate, nationalCalendar, toIsoDate } from '../calendar/index.ts';
import { DomainError } from '../errors.ts';
import { computeDeadline } from './deadline.ts';
import type { DeadlineFacts, DeadlinePause, PauseKind } from './deadline-facts.ts';

const calendar = nationalCalendar();
const d = (s: string) => toIsoDate(s);

interface FactsInput {
  receivedOn: string;
  correction?: { requestedOn: string; correctionDueOn?: string; correctedReceivedOn?: string };
  pauses?: { kind?: PauseKind; from: string; to?: string; counterpartReceivedOn?: string }[];
  extension?: { approvedOn: string; workingDays: number };
  closedOn?: string;
}

/** Facts from short literals; everything not given is absent. */
function buildFacts(input: FactsInput): DeadlineFacts {
  const opt = (s: string | undefined) => (s === undefined ? null : d(s));
  return {
    receivedOn: d(input.receivedOn),
    correction: input.correction
      ? {
          requestedOn: d(input.correction.requestedOn),
          correctionDueOn: opt(input.correction.correctionDueOn),
          correctedReceivedOn: opt(input.correction.correctedReceivedOn),
        }
      : null,
    pauses: (input.pauses ?? []).map(
      (p): DeadlinePause => ({
        kind: p.kind ?? 'third_party_consultation',
        from: d(p.from),
        to: opt(p.to),
        counterpartReceivedOn: opt(p.counterpartReceivedOn),
      }),
    ),
    extension: input.extension
      ? { approvedOn: d(input.extension.approvedOn), workingDays: input.extension.workingDays }
      : null,
    closedOn: opt(input.closedOn),
  };
}

const compute = (input: FactsInput, asOf: string) => computeDeadline(buildFacts(input), calendar, d(asOf));

function settled(result: CalendarResult<IsoDate> | null): IsoDate | null {
  if (result === null) return null;
  if (result.isProvisional) throw new Error(`expected a settled date: ${result.reason}`);
  return result.value;
}

const dueOf = (input: FactsInput, asOf: string) => settled(compute(input, asOf).due);
const texts = (input: FactsInput, asOf: string) => compute(input, asOf).steps.map((s) => s.text);

function domainError(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('the reply deadline (art. 33 ¶2)', () => {
  it('is 20 working days after receipt: Mon 2020-09-28 → Mon 2020-11-02 (holidays.md example 1)', () => {
    const deadline = compute({ receivedOn: '2020-09-28' }, '2020-09-28');
    expect(settled(deadline.due)).toBe('2020-11-02');
    expect(deadline.countStart).toBe('2020-09-28');
    expect(deadline.regime).toBe('2019');
  });

  it('skips the extended 2020 Spring Festival: Wed 2020-01-22 → Thu 2020-02-27 (example 2)', () => {
    expect(dueOf({ receivedOn: '2020-01-22' }, '2020-01-22')).toBe('2020-02-27');
  });

  it('gives the art. 30 correction-notice deadline of that application as 2020-02-10 (example 2)', () => {
    expect(settled(compute({ receivedOn: '2020-01-22' }, '2020-01-22').correctionNoticeDue)).toBe(
      '2020-02-10',
    );
  });

  it('names the skipped holidays and the counted make-up days in its explanation', () => {
    const steps = texts({ receivedOn: '2020-09-28' }, '2020-09-28');
    expect(steps).toEqual([
      '2020-09-28（星期一） 收到申请（条例第三十一条）。',
      '答复期限为自2020-09-28次日起20个工作日（条例第三十三条第二款；开始的当日不计入，《民法典》第二百零一条）。',
      '自2020-09-28次日起计算20个工作日：第1日2020-09-29（星期二），第20日2020-11-02（星期一）。其间放假不计：2020-10-01至10-08（国庆节、中秋节）；调休上班日计入：2020-10-10（星期六）。',
      '答复期限：2020-11-02（星期一）。',
    ]);
  });

  it('applies the 2007 text (15 working days) to an application received on 2019-05-14', () => {
    const deadline = compute({ receivedOn: '2019-05-14' }, '2019-05-14');
    expect(deadline.regime).toBe('2007');
    expect(settled(deadline.due)).toBe('2019-06-04');
    expect(deadline.correctionNoticeDue).toBeNull();
  });

  it('applies the 2019 text (20 working days) from 2019-05-15, skipping the Dragon Boat Festival', () => {
    expect(dueOf({ receivedOn: '2019-05-15' }, '2019-05-15')).toBe('2019-06-13');
  });

  it('returns a due date running into 2027 as provisional, with the reason among the steps', () => {
    const deadline = compute({ receivedOn: '2026-12-15' }, '2026-12-16');
    expect(deadline.due).toMatchObject({
      isProvisional: true,
      provisionalValue: '2027-01-12',
      missingNoticeYears: [2027],
    });
    expect(deadline.status).toBe('on_time');
    expect(deadline.steps.map((s) => s.text)).toContain('答复期限：2027-01-12（星期二）（暂定）。');
    const last = deadline.steps.at(-1);
    expect(last?.isWarning).toBe(true);
    expect(last?.text).toMatch(/^计算用到的日期尚无.*2027年部分节假日安排通知/);
  });
});

describe('derived status on asOf', () => {
  const received = { receivedOn: '2020-09-28' };
  it.each([
    ['2020-09-28', 'on_time', 20],
    ['2020-10-23', 'on_time', 6],
    ['2020-10-26', 'due_soon', 5],
    ['2020-11-02', 'due_soon', 0],
    ['2020-11-03', 'overdue', null],
  ])('on %s an open application due 2020-11-02 is %s with %s working days left', (asOf, status, left) => {
    const deadline = compute(received, asOf);
    expect(deadline.status).toBe(status);
    expect(deadline.workingDaysLeft).toBe(left);
  });

  it('is closed once answered, and says whether the answer was in time', () => {
    const deadline = compute({ ...received, closedOn: '2020-10-30' }, '2020-11-20');
    expect(deadline.status).toBe('closed');
    expect(deadline.steps.at(-1)).toEqual({
      date: '2020-10-30',
      text: '2020-10-30（星期五） 办结，在答复期限内。',
      isWarning: false,
    });
  });

  it('flags an answer given after the due date', () => {
    const step = compute({ ...received, closedOn: '2020-11-05' }, '2020-11-20').steps.at(-1);
    expect(step?.isWarning).toBe(true);
    expect(step?.text).toBe('2020-11-05（星期四） 办结，晚于答复期限2020-11-02。');
  });

  it('reads a closing after asOf as not yet happened', () => {
    expect(compute({ ...received, closedOn: '2020-11-05' }, '2020-11-04').status).toBe('overdue');
  });

  it('takes the due-soon threshold as an option', () => {
    const deadline = computeDeadline(buildFacts(received), calendar, d('2020-10-23'), {
      dueSoonWorkingDays: 10,
    });
    expect(deadline.status).toBe('due_soon');
  });
});

describe('correction (art. 30): a restart, not a pause', () => {
  const example5 = {
    receivedOn: '2023-04-28',
    correction: { requestedOn: '2023-05-10', correctedReceivedOn: '2023-05-15' },
  };

  it('restarts the 20 days from the corrected application: received 2023-05-15 → due 2023-06-12 (example 5)', () => {
    const deadline = compute(example5, '2023-05-20');
    expect(deadline.countStart).toBe('2023-05-15');
    expect(settled(deadline.due)).toBe('2023-06-12');
    expect(settled(deadline.correctionNoticeDue)).toBe('2023-05-11');
    expect(deadline.steps.some((s) => s.isWarning)).toBe(false);
  });

  it('adds the maximum extension of 20 working days: due Tue 2023-07-11 (example 5)', () => {
    const input = { ...example5, extension: { approvedOn: '2023-06-09', workingDays: 20 } };
    expect(dueOf(input, '2023-06-20')).toBe('2023-07-11');
    expect(texts(input, '2023-06-20')).toContain(
      '自2023-06-12次日起计算20个工作日：第1日2023-06-13（星期二），第20日2023-07-11（星期二）。其间放假不计：2023-06-22至06-24（端午节）；调休上班日计入：2023-06-25（星期日）。',
    );
  });

  it('warns when the correction notice went out after the 7th working day', () => {
    const deadline = compute(
      { ...example5, correction: { ...example5.correction, requestedOn: '2023-05-12' } },
      '2023-05-20',
    );
    const warning = deadline.steps.find((s) => s.isWarning);
    expect(warning?.text).toBe(
      '告知补正晚于条例第三十条的期限：应自收到申请之日起7个工作日内，即在2023-05-11（星期四）前告知。',
    );
  });

  it('stops the count while the corrected application is awaited', () => {
    const deadline = compute(
      { receivedOn: '2023-04-28', correction: { requestedOn: '2023-05-10' } },
      '2023-05-20',
    );
    expect(deadline.due).toBeNull();
    expect(deadline.countStart).toBeNull();
    expect(deadline.stoppedBy).toEqual({ reason: 'correction' });
    expect(deadline.status).toBe('paused');
  });

  it('counts from the next working day when the corrected application arrives during the 2020 Spring Festival', () => {
    const input = {
      receivedOn: '2020-01-20',
      correction: { requestedOn: '2020-01-21', correctedReceivedOn: '2020-01-25' },
    };
    expect(dueOf(input, '2020-02-03')).toBe('2020-02-28');
  });

  it('moves a correction period that ends on a holiday to the next working day before treating it as lapsed', () => {
    const input = {
      receivedOn: '2024-09-20',
      correction: { requestedOn: '2024-09-23', correctionDueOn: '2024-10-01' },
    };
    const during = compute(input, '2024-10-08');
    expect(during.steps.map((s) => s.text)).toContain(
      '补正期限的最后一日是休息日，顺延至2024-10-08（星期二）（《民法典》第二百零三条）。',
    );
    expect(during.steps.some((s) => s.isWarning)).toBe(false);
    const after = compute(input, '2024-10-09');
    expect(after.status).toBe('paused');
    expect(after.steps.find((s) => s.isWarning)?.text).toMatch(/^补正期限已过：.*视为放弃申请/);
  });

  it('ignores a pause that ended before the corrected application arrived', () => {
    const input = { ...example5, pauses: [{ from: '2023-05-05', to: '2023-05-08' }] };
    expect(dueOf(input, '2023-05-20')).toBe('2023-06-12');
    expect(texts(input, '2023-05-20')).toContain(
      '征求第三方意见（2023-05-05至2023-05-08）在2023-05-15之前已结束，不影响答复期限。',
    );
  });
});

describe('pauses (art. 33 ¶3, fees.md): the holidays.md convention', () => {
  const example6 = { receivedOn: '2021-09-30', pauses: [{ from: '2021-10-12', to: '2021-10-20' }] };

  it('uses days up to the letter, skips days to the answer, and resumes: due Thu 2021-11-11 (example 6)', () => {
    expect(dueOf(example6, '2021-10-25')).toBe('2021-11-11');
    expect(dueOf({ receivedOn: '2021-09-30' }, '2021-10-25')).toBe('2021-11-03');
    expect(texts(example6, '2021-10-25')).toEqual([
      '2021-09-30（星期四） 收到申请（条例第三十一条）。',
      '答复期限为自2021-09-30次日起20个工作日（条例第三十三条第二款；开始的当日不计入，《民法典》第二百零一条）。',
      '2021-10-12（星期二） 发出征求第三方意见书（条例第三十二条、第三十三条第三款）：自2021-09-30次日起至该日已用4个工作日，尚余16个工作日。其间放假不计：2021-10-01至10-07（国庆节）；调休上班日计入：2021-10-09（星期六）。',
      '2021-10-20（星期三） 收到第三方意见。征求第三方意见期间不计入答复期限（条例第三十二条、第三十三条第三款），自次日起继续计算剩余16个工作日。',
      '自2021-10-20次日起计算16个工作日：第1日2021-10-21（星期四），第16日2021-11-11（星期四）。',
      '答复期限：2021-11-11（星期四）。',
    ]);
  });

  it('is paused from the day the letter is sent to the day the answer arrives', () => {
    expect(compute(example6, '2021-10-12').status).toBe('paused');
    expect(compute(example6, '2021-10-20').status).toBe('paused');
    expect(compute(example6, '2021-10-21').status).toBe('on_time');
  });

  it.each([
    ['Mon 2024-09-30, a working day', '2024-09-30'],
    ['Tue 2024-10-01, a holiday', '2024-10-01'],
    ['Mon 2024-10-07, the last day of the holiday', '2024-10-07'],
  ])('resumes on the next working day when the pause ends on %s: due 2024-10-24 either way', (_name, end) => {
    const input = { receivedOn: '2024-09-02', pauses: [{ from: '2024-09-10', to: end }] };
    expect(dueOf(input, '2024-10-10')).toBe('2024-10-24');
  });

  it('stops the count while an answer is awaited and says when the consultee’s 15 working days end', () => {
    const input = {
      receivedOn: '2021-09-30',
      pauses: [{ from: '2021-10-12', counterpartReceivedOn: '2021-10-13' }],
    };
    const deadline = compute(input, '2021-10-20');
    expect(deadline.due).toBeNull();
    expect(deadline.status).toBe('paused');
    expect(deadline.stoppedBy).toEqual({
      reason: 'third_party_consultation',
      since: '2021-10-12',
      remainingWorkingDays: 16,
      latestEnd: '2021-11-03',
    });
    expect(deadline.steps.at(-1)?.text).toBe(
      '征求第三方意见尚未结束，答复期限暂停计算。对方期限至2021-11-03（星期三）；若届时仍未结束，答复期限为2021-11-25（星期四）（不计其后的延期或暂停）。',
    );
  });

  it('ends a consultation without an answer when the consultee’s 15 working days run out (art. 32)', () => {
    const input = {
      receivedOn: '2021-09-30',
      pauses: [{ from: '2021-10-12', counterpartReceivedOn: '2021-10-13' }],
    };
    const deadline = compute(input, '2021-11-04');
    expect(settled(deadline.due)).toBe('2021-11-25');
    expect(deadline.status).toBe('on_time');
    expect(deadline.steps.map((s) => s.text).join('\n')).toContain('由行政机关依照条例规定决定是否公开');
  });

  it('counts an answer that arrives after the consultee’s window only up to the window’s end', () => {
    const input = {
      receivedOn: '2021-09-30',
      pauses: [{ from: '2021-10-12', to: '2021-11-10', counterpartReceivedOn: '2021-10-13' }],
    };
    expect(dueOf(input, '2021-11-12')).toBe('2021-11-25');
    expect(texts(input, '2021-11-12').join('\n')).toContain('2021-11-10才收到意见，晚于对方期限');
  });

  it('treats an agency consultation’s silence as consent (art. 34)', () => {
    const input = {
      receivedOn: '2021-09-30',
      pauses: [
        { kind: 'agency_consultation' as const, from: '2021-10-12', counterpartReceivedOn: '2021-10-13' },
      ],
    };
    expect(texts(input, '2021-11-04').join('\n')).toContain('视为同意公开（条例第三十四条）');
  });

  it('applies overlapping consultations as one pause ending with the later answer', () => {
    const input = {
      receivedOn: '2021-09-30',
      pauses: [
        { from: '2021-10-12', to: '2021-10-20' },
        { kind: 'agency_consultation' as const, from: '2021-10-15', to: '2021-10-25' },
      ],
    };
    expect(dueOf(input, '2021-10-26')).toBe('2021-11-16');
  });

  it('cannot deduct a consultation started after the due date had passed', () => {
    const input = { receivedOn: '2020-09-28', pauses: [{ from: '2020-11-05', to: '2020-11-10' }] };
    const deadline = compute(input, '2020-11-06');
    expect(settled(deadline.due)).toBe('2020-11-02');
    expect(deadline.status).toBe('overdue');
    expect(deadline.steps.find((s) => s.isWarning)?.text).toBe(
      '2020-11-05（星期四） 发出征求第三方意见书时答复期限（2020-11-02）已届满，该期间不能从答复期限中扣除。',
    );
  });

  it('moves the due date to the first working day after the pause when the letter went out on the last day', () => {
    const input = { receivedOn: '2024-09-02', pauses: [{ from: '2024-09-30', to: '2024-10-03' }] };
    const deadline = compute(input, '2024-10-05');
    expect(settled(deadline.due)).toBe('2024-10-08');
    expect(deadline.steps.map((s) => s.text)).toContain(
      '剩余0个工作日：期限为暂停结束之日，该日不是工作日的顺延至其后第一个工作日（《民法典》第二百零三条），即2024-10-08（星期二）。',
    );
  });
});

describe('the fee-payment pause (fees.md)', () => {
  const notice = { kind: 'fee_payment' as const, from: '2025-09-26', counterpartReceivedOn: '2025-09-26' };

  it('resumes the count when the fee is paid: used 9, 11 left from Fri 2025-10-10 → due 2025-10-24', () => {
    const input = { receivedOn: '2025-09-15', pauses: [{ ...notice, to: '2025-10-10' }] };
    expect(dueOf(input, '2025-10-13')).toBe('2025-10-24');
    expect(texts(input, '2025-10-13').join('\n')).toContain('已用9个工作日，尚余11个工作日');
  });

  it('waits for payment until Thu 2025-10-30 for a notice received Fri 2025-09-26 (fees.md example 7)', () => {
    const deadline = compute({ receivedOn: '2025-09-15', pauses: [notice] }, '2025-10-30');
    expect(deadline.status).toBe('paused');
    expect(deadline.stoppedBy).toMatchObject({ reason: 'fee_payment', latestEnd: '2025-10-30' });
    expect(deadline.steps.some((s) => s.isWarning)).toBe(false);
  });

  it('says the application is deemed abandoned once the payment window has passed unpaid', () => {
    const deadline = compute({ receivedOn: '2025-09-15', pauses: [notice] }, '2025-10-31');
    expect(deadline.due).toBeNull();
    expect(deadline.status).toBe('paused');
    expect(deadline.steps.find((s) => s.isWarning)?.text).toBe(
      '2025-10-30（星期四） 缴费期限届满：申请人逾期未缴费，视为放弃申请，行政机关不再处理（办理结果“其他处理”）。',
    );
  });

  it('flags a payment made after the window but resumes the count from it', () => {
    const input = { receivedOn: '2025-09-15', pauses: [{ ...notice, to: '2025-11-03' }] };
    const deadline = compute(input, '2025-11-04');
    expect(deadline.steps.some((s) => s.isWarning && s.text.includes('晚于缴费期限2025-10-30'))).toBe(true);
    expect(settled(deadline.due)).toBe('2025-11-18');
  });
});

describe('extension (art. 33 ¶2)', () => {
  it('is added after the pauses: example 6 extended by 10 → due 2021-11-25', () => {
    const input = {
      receivedOn: '2021-09-30',
      pauses: [{ from: '2021-10-12', to: '2021-10-20' }],
      extension: { approvedOn: '2021-11-10', workingDays: 10 },
    };
    expect(dueOf(input, '2021-11-12')).toBe('2021-11-25');
  });

  it('lets a consultation started during the extended period pause the count too', () => {
    const input = {
      receivedOn: '2020-09-28',
      extension: { approvedOn: '2020-10-30', workingDays: 5 },
      pauses: [{ from: '2020-11-04', to: '2020-11-06' }],
    };
    // 11-02 + 5 = 11-09; letter 11-04 uses 2, answer 11-06, 3 left → 11-11.
    expect(dueOf(input, '2020-11-10')).toBe('2020-11-11');
  });

  it('is not counted when approved after the due date had passed', () => {
    const deadline = compute(
      { receivedOn: '2020-09-28', extension: { approvedOn: '2020-11-03', workingDays: 20 } },
      '2020-11-04',
    );
    expect(settled(deadline.due)).toBe('2020-11-02');
    expect(deadline.status).toBe('overdue');
    expect(deadline.steps.find((s) => s.isWarning)?.text).toMatch(
      /批准的延期晚于答复期限2020-11-02，不予计入/,
    );
  });

  it('may be approved on the due date itself', () => {
    expect(
      dueOf(
        { receivedOn: '2020-09-28', extension: { approvedOn: '2020-11-02', workingDays: 1 } },
        '2020-11-02',
      ),
    ).toBe('2020-11-03');
  });

  it('refuses more than 20 working days with application.extension_too_long', () => {
    const error = domainError(() =>
      compute(
        { receivedOn: '2020-09-28', extension: { approvedOn: '2020-10-09', workingDays: 21 } },
        '2020-10-09',
      ),
    );
    expect(error.code).toBe('application.extension_too_long');
    expect(error.message).toBe('延长的期限最长不得超过20个工作日（条例第三十三条第二款）');
  });

  it('refuses more than 15 working days under the 2007 text', () => {
    const error = domainError(() =>
      compute(
        { receivedOn: '2019-05-06', extension: { approvedOn: '2019-05-10', workingDays: 16 } },
        '2019-05-10',
      ),
    );
    expect(error.code).toBe('application.extension_too_long');
  });
});

describe('contradictory facts', () => {
  it('refuses a corrected application received before the correction was requested', () => {
    const error = domainError(() =>
      compute(
        {
          receivedOn: '2023-04-28',
          correction: { requestedOn: '2023-05-10', correctedReceivedOn: '2023-05-09' },
        },
        '2023-05-20',
      ),
    );
    expect(error.code).toBe('application.date_order');
    expect(error.field).toBe('correction.correctedReceivedOn');
  });

  it('refuses a pause that ends before it starts', () => {
    const error = domainError(() =>
      compute({ receivedOn: '2023-04-28', pauses: [{ from: '2023-05-10', to: '2023-05-09' }] }, '2023-05-20'),
    );
    expect(error).toMatchObject({ code: 'application.date_order', field: 'pauses.0.to' });
  });

  it('refuses an extension of zero days', () => {
    const error = domainError(() =>
      compute(
        { receivedOn: '2023-04-28', extension: { approvedOn: '2023-05-10', workingDays: 0 } },
        '2023-05-20',
      ),
    );
    expect(error.code).toBe('validation.invalid');
  });
});

describe('calendar version', () => {
  it('is returned with the deadline so it can be stored beside the due date', () => {
    expect(compute({ receivedOn: '2020-09-28' }, '2020-09-28').calendarVersion).toMatch(
      /^2019-2026:[0-9a-f]{8}$/,
    );
  });
});
