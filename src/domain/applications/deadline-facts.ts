/**
 * The stored facts the reply deadline is computed from (regulation.md §3, holidays.md,
 * fees.md), the closed list of pauses, and their checks. The workflow records these facts
 * as its events happen; deadline.ts derives the due date and status from them.
 */
import type { IsoDate } from '../calendar/index.ts';
import { DomainError } from '../errors.ts';

/**
 * What stops the count (art. 33 ¶3 and fees.md). Art. 17 ¶3 consultations of a secrecy
 * administration or competent department are deliberately absent: regulation.md treats
 * them as NOT excluded.
 */
export const PAUSE_KINDS = ['third_party_consultation', 'agency_consultation', 'fee_payment'] as const;
export type PauseKind = (typeof PAUSE_KINDS)[number];

export interface PauseRule {
  label: string;
  /** The counterpart's own window, in working days after it receives the letter or notice. */
  windowWorkingDays: number;
  basis: string;
  startText: string;
  endText: string;
  /** What silence until the window closes means. */
  lapseText: string;
}

export const PAUSE_RULES: Record<PauseKind, PauseRule> = {
  third_party_consultation: {
    label: '征求第三方意见',
    windowWorkingDays: 15,
    basis: '条例第三十二条、第三十三条第三款',
    startText: '发出征求第三方意见书',
    endText: '收到第三方意见',
    lapseText: '第三方逾期未提出意见，由行政机关依照条例规定决定是否公开（条例第三十二条）',
  },
  agency_consultation: {
    label: '征求其他机关意见',
    windowWorkingDays: 15,
    basis: '条例第三十四条、第三十三条第三款',
    startText: '发出征求其他机关意见书',
    endText: '收到被征求意见机关的意见',
    lapseText: '被征求意见机关逾期未提出意见，视为同意公开（条例第三十四条）',
  },
  fee_payment: {
    label: '等待缴纳信息处理费',
    windowWorkingDays: 20,
    basis: '国办函〔2020〕109号及各省转发文件（收费通知至缴费期间不计入答复期限为本项目约定）',
    startText: '发出收费通知',
    endText: '申请人缴费（或决定减免）',
    lapseText: '申请人逾期未缴费，视为放弃申请，行政机关不再处理（办理结果“其他处理”）',
  },
};

export interface DeadlinePause {
  kind: PauseKind;
  /** The day the letter or fee notice is sent; working days up to and including it are used. */
  from: IsoDate;
  /** The day the answer arrives, or the fee is paid or waived; null while waiting. */
  to: IsoDate | null;
  /**
   * The day the consultee received the letter, or the applicant the fee notice: day zero of
   * their own window (15 or 20 working days). Null when not known; then the pause lasts
   * until `to`.
   */
  counterpartReceivedOn: IsoDate | null;
}

export interface CorrectionFacts {
  /** The day the one correction notice was sent (art. 30). */
  requestedOn: IsoDate;
  /** 合理的补正期限 written in the notice, if recorded. */
  correctionDueOn: IsoDate | null;
  /** The day the corrected application was received; null while waiting. */
  correctedReceivedOn: IsoDate | null;
}

export interface ExtensionFacts {
  /** The day the head of the disclosure office approved it (notice to the applicant the same day). */
  approvedOn: IsoDate;
  workingDays: number;
}

export interface DeadlineFacts {
  /** 收到申请之日, art. 31 (see receipt.ts). */
  receivedOn: IsoDate;
  correction: CorrectionFacts | null;
  pauses: readonly DeadlinePause[];
  extension: ExtensionFacts | null;
  /** The day the application was answered or otherwise closed (办结); null while open. */
  closedOn: IsoDate | null;
}

/** The 2019 revision applies to applications received from 2019-05-15 (art. 56). */
export const REGULATION_2019_IN_FORCE = '2019-05-15';

export interface Regime {
  key: '2007' | '2019';
  replyWorkingDays: number;
  maxExtensionWorkingDays: number;
  text: string;
}

/** The text governing an application: the 2007 one (15 + 15 working days) before 2019-05-15. */
export function regimeFor(receivedOn: IsoDate): Regime {
  return receivedOn < REGULATION_2019_IN_FORCE
    ? {
        key: '2007',
        replyWorkingDays: 15,
        maxExtensionWorkingDays: 15,
        text: '2007年条例第二十四条（2019年5月15日前收到的申请）',
      }
    : { key: '2019', replyWorkingDays: 20, maxExtensionWorkingDays: 20, text: '条例第三十三条第二款' };
}

function notBefore(later: IsoDate | null, earlier: IsoDate, field: string, message: string): void {
  if (later !== null && later < earlier) throw new DomainError('application.date_order', message, field);
}

/** Throws a DomainError when the facts contradict each other (dates out of order, a bad extension). */
export function checkDeadlineFacts(facts: DeadlineFacts): void {
  const { receivedOn, correction, extension } = facts;
  if (correction) {
    notBefore(
      correction.requestedOn,
      receivedOn,
      'correction.requestedOn',
      '告知补正之日不能早于收到申请之日',
    );
    notBefore(
      correction.correctedReceivedOn,
      correction.requestedOn,
      'correction.correctedReceivedOn',
      '收到补正申请之日不能早于告知补正之日',
    );
  }
  facts.pauses.forEach((p, i) => {
    const label = PAUSE_RULES[p.kind].label;
    notBefore(p.from, receivedOn, `pauses.${i}.from`, `${label}的开始日不能早于收到申请之日`);
    notBefore(p.to, p.from, `pauses.${i}.to`, `${label}的结束日不能早于开始日`);
    notBefore(
      p.counterpartReceivedOn,
      p.from,
      `pauses.${i}.counterpartReceivedOn`,
      `${label}：对方收到之日不能早于发出之日`,
    );
  });
  if (extension) {
    const max = regimeFor(receivedOn).maxExtensionWorkingDays;
    if (!Number.isInteger(extension.workingDays) || extension.workingDays < 1) {
      throw new DomainError('validation.invalid', '延长的工作日数应为正整数', 'extension.workingDays');
    }
    if (extension.workingDays > max) {
      throw new DomainError(
        'application.extension_too_long',
        `延长的期限最长不得超过${max}个工作日（条例第三十三条第二款）`,
        'extension.workingDays',
      );
    }
    notBefore(extension.approvedOn, receivedOn, 'extension.approvedOn', '批准延期之日不能早于收到申请之日');
  }
  notBefore(facts.closedOn, receivedOn, 'closedOn', '办结之日不能早于收到申请之日');
}
