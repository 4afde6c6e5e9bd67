/**
 * The legal receipt date (收到申请之日), Regulation art. 31 — the day every reply clock starts:
 * (一) 当面提交 → the day of submission; (二) 邮寄 → the day the agency signs for it; a letter
 * that needs no signature → the day the office confirms with the applicant, which it must do
 * on arrival; (三) 网络/电子邮件/传真 → the day both sides confirm. Oral applications (art. 29,
 * the office fills in the form) count as in person on the day the form is completed.
 */
import type { Channel } from './model.ts';

export interface ReceiptFacts {
  channel: Channel;
  /** The day the application arrived or was handed in. */
  submittedOn: string;
  /** 签收之日, for post that needs a signature. */
  signedOn?: string | null;
  /** 确认之日, for unsigned post, online, e-mail and fax. */
  confirmedOn?: string | null;
}

export type ReceiptResult =
  | { ok: true; receivedOn: string; rule: string }
  | { ok: false; code: 'application.receipt_date'; field: 'signedOn' | 'confirmedOn'; message: string };

export function receiptDate(f: ReceiptFacts): ReceiptResult {
  const need = (field: 'signedOn' | 'confirmedOn', message: string): ReceiptResult => {
    const value = f[field];
    if (!value) return { ok: false, code: 'application.receipt_date', field, message };
    if (value < f.submittedOn) {
      return { ok: false, code: 'application.receipt_date', field, message: '收到申请之日不能早于提交之日' };
    }
    return { ok: true, receivedOn: value, rule: '' };
  };
  switch (f.channel) {
    case 'in_person':
      return {
        ok: true,
        receivedOn: f.submittedOn,
        rule: '当面提交的，以提交之日为收到申请之日（条例第三十一条第一项）',
      };
    case 'oral':
      return {
        ok: true,
        receivedOn: f.submittedOn,
        rule: '口头提出、代为填写的，以填写申请之日为收到申请之日（条例第二十九条）',
      };
    case 'post_signed': {
      const r = need('signedOn', '邮寄申请需填写行政机关签收之日');
      return r.ok
        ? { ...r, rule: '以邮寄方式提交的，以行政机关签收之日为收到申请之日（条例第三十一条第二项）' }
        : r;
    }
    case 'post_unsigned': {
      const r = need('confirmedOn', '平常信函等无需签收的邮件，需填写与申请人确认之日');
      return r.ok
        ? { ...r, rule: '无需签收的邮件，以与申请人确认之日为收到申请之日（条例第三十一条第二项）' }
        : r;
    }
    case 'online':
    case 'email':
    case 'fax': {
      const r = need('confirmedOn', '通过互联网渠道或者传真提交的，需填写双方确认之日');
      return r.ok
        ? { ...r, rule: '通过互联网渠道或者传真提交的，以双方确认之日为收到申请之日（条例第三十一条第三项）' }
        : r;
    }
    default: {
      const never: never = f.channel;
      return never;
    }
  }
}
