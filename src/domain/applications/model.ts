/**
 * Closed lists of the application domain (glossary §3): channels (art. 31), applicant types
 * (= table-3 columns), outcomes (= table-3 result rows). Everything imports these unions.
 */
import {
  type FormatKey,
  TABLE3_COLUMN_LABELS,
  TABLE3_COLUMNS,
  type Table3Column,
} from '../report/formats/index.ts';

/** 申请渠道, art. 31: the receipt date depends on it. */
export const CHANNELS = [
  'in_person',
  'post_signed',
  'post_unsigned',
  'online',
  'email',
  'fax',
  'oral',
] as const;
export type Channel = (typeof CHANNELS)[number];
export const CHANNEL_LABELS: Record<Channel, string> = {
  in_person: '当面提交',
  post_signed: '邮寄（需签收）',
  post_unsigned: '邮寄（平常信函）',
  online: '网络平台',
  email: '电子邮件',
  fax: '传真',
  oral: '口头提出',
};

/** 申请人类型 = the applicant columns of table 3 (every column but 总计). */
export type ApplicantType = Exclude<Table3Column, 'total'>;
export const APPLICANT_TYPES = TABLE3_COLUMNS.filter((c): c is ApplicantType => c !== 'total');
/** The table's labels, but 其他 said in full where it stands alone on a form. */
export const APPLICANT_TYPE_LABELS: Record<ApplicantType, string> = {
  ...(Object.fromEntries(APPLICANT_TYPES.map((t) => [t, TABLE3_COLUMN_LABELS[t]])) as Record<
    ApplicantType,
    string
  >),
  other: '其他组织',
};

/** 办理结果: exactly one per answered application; the keys are table-3 row keys. */
export const OUTCOMES_2019 = [
  'granted',
  'partial',
  'denied_1',
  'denied_2',
  'denied_3',
  'denied_4',
  'denied_5',
  'denied_6',
  'denied_7',
  'denied_8',
  'unable_1',
  'unable_2',
  'unable_3',
  'not_processed_1',
  'not_processed_2',
  'not_processed_3',
  'not_processed_4',
  'not_processed_5',
] as const;
export const OUTCOMES = [...OUTCOMES_2019, 'other_1', 'other_2', 'other_3'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/**
 * The table-3 row an outcome is counted in for a report of `format`: format2019 has a single
 * （六）其他处理 row that takes all three `other_N` outcomes.
 */
export function outcomeRow(outcome: Outcome, format: FormatKey): string {
  if (format === '2019' && outcome.startsWith('other_')) return 'other';
  return outcome;
}
