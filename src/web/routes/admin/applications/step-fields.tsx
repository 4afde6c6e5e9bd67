/**
 * The fields of each workflow step's form on the case page, besides its date and note. A form
 * that was refused comes back with what was typed in it (`values`).
 */
import { FEE_PAYMENT_WORKING_DAYS } from '../../../../domain/applications/fees.ts';
import { OUTCOMES, type Outcome } from '../../../../domain/applications/model.ts';
import type { Action } from '../../../../domain/applications/workflow.ts';
import { formatForYear } from '../../../../domain/report/formats/index.ts';
import { table3RowShortLabel } from '../../../../domain/report/labels.ts';

/** The outcome as the current format names it (format 2021 splits （六）其他处理 in three). */
export const outcomeLabel = (o: Outcome, year: number): string =>
  table3RowShortLabel(formatForYear(Math.max(year, 2021)), o);

/** Every input name a step form may send; the route forwards only these. */
export const STEP_INPUTS = [
  'effectiveOn',
  'reason',
  'correctionDueOn',
  'consultationKind',
  'counterpartReceivedOn',
  'workingDays',
  'feeScale',
  'items',
  'pages',
  'feeAmount',
  'applicantReceivedOn',
  'outcome',
] as const;

/** What the step's date means (the default: the day the step was taken). */
export const DATE_LABELS: Partial<Record<Action, string>> = {
  request_correction: '补正告知书发出之日',
  receive_correction: '收到补正材料之日',
  start_consultation: '征求意见书发出之日',
  end_consultation: '收到意见（或期满）之日',
  approve_extension: '延期批准之日',
  issue_fee_notice: '收费通知发出之日',
  fee_paid: '缴费之日',
  fee_waived: '减免决定之日',
  fee_lapsed: '认定逾期未缴费之日',
  send_reply: '答复送达之日',
  withdraw: '申请人撤回之日',
};

/** What the note field asks for, where it is more than a remark. */
export const REASON_LABELS: Partial<Record<Action, string>> = {
  request_correction: '需补正的内容（一次性告知）',
  approve_extension: '延期理由（必填）',
  issue_fee_notice: '说明（低于标准金额收费时必填减收理由）',
  fee_paid: '说明（如财政票据号码）',
  fee_waived: '减免理由（必填）',
  draft_reply: '答复要点',
  return_draft: '退回意见',
};

type Values = Record<string, string>;

export function StepFields({ action, year, values }: { action: Action; year: number; values: Values }) {
  const id = (name: string) => `${action}-${name}`;
  const hintId = (name: string) => `${action}-${name}-hint`;
  const date = (name: string, label: string, hint?: string) => (
    <div class="field">
      <label for={id(name)}>{label}</label>
      <input
        id={id(name)}
        name={name}
        type="date"
        value={values[name] ?? ''}
        aria-describedby={hint ? hintId(name) : undefined}
      />
      {hint ? (
        <p class="hint" id={hintId(name)}>
          {hint}
        </p>
      ) : null}
    </div>
  );
  const number = (name: string, label: string, hint: string, value = '', min = 1) => (
    <div class="field">
      <label for={id(name)}>{label}</label>
      <input
        id={id(name)}
        name={name}
        type="number"
        min={min}
        value={values[name] ?? value}
        aria-describedby={hintId(name)}
      />
      <p class="hint" id={hintId(name)}>
        {hint}
      </p>
    </div>
  );
  switch (action) {
    case 'request_correction':
      return date('correctionDueOn', '补正期限', '补正告知书载明的合理期限（条例第三十条）');
    case 'start_consultation':
      return (
        <>
          <div class="field">
            <label for={id('kind')}>征求对象</label>
            <select id={id('kind')} name="consultationKind">
              <option value="third_party_consultation">第三方（条例第三十二条）</option>
              <option
                value="agency_consultation"
                selected={values.consultationKind === 'agency_consultation'}
              >
                其他机关（条例第三十四条）
              </option>
            </select>
          </div>
          {date('counterpartReceivedOn', '对方收到征求意见书之日', '对方的15个工作日自收到次日起计算')}
        </>
      );
    case 'approve_extension':
      return number('workingDays', '延长工作日数', '最长不超过20个工作日（条例第三十三条第二款）', '20');
    case 'issue_fee_notice':
      return (
        <>
          <div class="field">
            <label for={id('scale')}>收费方式</label>
            <select id={id('scale')} name="feeScale" aria-describedby={hintId('scale')}>
              <option value="per_item">按件计收（第四条）</option>
              <option value="per_volume" selected={values.feeScale === 'per_volume'}>
                按量计收（第五条）
              </option>
            </select>
            <p class="hint" id={hintId('scale')}>
              每件申请只能选择一种标准，不得同时按两种标准重复计算（国办函〔2020〕109号第三条）
            </p>
          </div>
          {number('items', '件数', '按“一事一申请”原则拆分后本申请计为几件（第四条第一款）；未拆分为1', '1')}
          {number('pages', '页数', '按量计收时必填：向申请人提供的政府信息页数（第五条）')}
          {number(
            'feeAmount',
            '收费金额（元）',
            '留空即按标准金额收取；减收时填写，不得高于标准金额，并说明理由',
            '',
            1,
          )}
          {date(
            'applicantReceivedOn',
            '申请人收到收费通知之日',
            `申请人应在收到次日起${FEE_PAYMENT_WORKING_DAYS}个工作日内缴纳；逾期未缴纳的视为放弃申请`,
          )}
        </>
      );
    case 'draft_reply':
    case 'answer_on_the_spot':
      return (
        <div class="field">
          <label for={id('outcome')}>办理结果</label>
          <select id={id('outcome')} name="outcome">
            {OUTCOMES.map((o) => (
              <option value={o} selected={values.outcome === o}>
                {outcomeLabel(o, year)}
              </option>
            ))}
          </select>
        </div>
      );
    default:
      return null;
  }
}
