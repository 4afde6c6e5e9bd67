/**
 * The fee part of the case page (art. 42, 国办函〔2020〕109号, fees.md): where the case stands,
 * the calculation a notice stated, and — while a notice can still be sent — a trial
 * calculation by the fee rules (a GET form, so it works without JavaScript) showing the
 * scale, the applicant's count in the month or the pages, each band, and the free bands.
 */
import {
  FEE_PAYMENT_WORKING_DAYS,
  FEE_RULES_IN_FORCE,
  FEE_SCALE_LABELS,
  type FeeCalculation,
  FREE_ITEMS_PER_MONTH,
  FREE_PAGES,
} from '../../../../domain/applications/fees.ts';
import {
  describeFeeStatus,
  type FeePreview,
  type FeePreviewInput,
  type FeeStatus,
} from '../../../../services/applications/fee-status.ts';

function CalculationTable({ c, caption }: { c: FeeCalculation; caption: string }) {
  const unit = c.scale === 'per_item' ? '件' : '页';
  return (
    <table class="list fee-lines">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">档次</th>
          <th scope="col">数量</th>
          <th scope="col">单价</th>
          <th scope="col">金额</th>
        </tr>
      </thead>
      <tbody>
        {c.lines.map((l) => (
          <tr>
            <th scope="row">{l.band}</th>
            <td>
              {l.quantity}
              {unit}
            </td>
            <td>{l.unitPrice}元</td>
            <td>{l.amount}元</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row" colSpan={3}>
            标准金额（{FEE_SCALE_LABELS[c.scale]}）
          </th>
          <td id="fee-standard-amount">{c.amount}元</td>
        </tr>
      </tfoot>
    </table>
  );
}

function Preview({ preview, input }: { preview: FeePreview; input: FeePreviewInput }) {
  if (preview.isApplicantUnidentified) {
    return (
      <p id="fee-preview">
        该申请未记录申请人身份证明，无法按同一申请人累计当月申请件数，不能收取信息处理费。
      </p>
    );
  }
  const a = preview.assessment;
  if (!a) return null;
  const scope =
    input.feeScale === 'per_item'
      ? `该申请人当月此前已有${preview.earlierItems}件申请（按“一事一申请”拆分后），本申请计${input.items}件。`
      : `提供政府信息${input.pages ?? '（未填写）'}页。`;
  return (
    <div id="fee-preview">
      <p>
        {FEE_SCALE_LABELS[input.feeScale]}：{scope}
      </p>
      {a.calculation ? <CalculationTable c={a.calculation} caption="试算结果" /> : null}
      <p id="fee-preview-result">
        {a.isChargeable
          ? `可收取信息处理费，标准金额${a.calculation.amount}元（${a.calculation.basis}）。`
          : a.message}
      </p>
    </div>
  );
}

export interface FeeSectionProps {
  appId: number;
  status: FeeStatus;
  /** The trial calculation, when a fee notice may be sent now. */
  preview: { result: FeePreview; input: FeePreviewInput } | null;
  /** The last notice's calculation, when one was sent. */
  noticeCalculation: FeeCalculation | null;
}

export function FeeSection({ appId, status, preview, noticeCalculation }: FeeSectionProps) {
  return (
    <section aria-labelledby="fee-heading" id="fee">
      <h2 id="fee-heading">信息处理费</h2>
      <p>
        依据：《中华人民共和国政府信息公开条例》第四十二条、《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）。
      </p>
      <dl class="meta">
        <dt>收费状态</dt>
        <dd id="fee-status-detail">{describeFeeStatus(status)}</dd>
        {status.kind !== 'none' ? (
          <>
            <dt>收费通知</dt>
            <dd>
              {status.noticeOn} 发出
              {status.applicantReceivedOn
                ? `，申请人${status.applicantReceivedOn}收到`
                : '，申请人收到之日未记录'}
            </dd>
            <dt>收费金额</dt>
            <dd id="fee-amount">
              {status.amount}元
              {status.isReduced ? `（标准金额${status.standardAmount}元，已减收）` : '（标准金额）'}
            </dd>
            <dt>计算方法</dt>
            <dd>{status.explanation}</dd>
            <dt>缴费期限</dt>
            <dd>
              {status.paymentDueOn}（收到收费通知次日起{FEE_PAYMENT_WORKING_DAYS}个工作日
              {status.isPaymentDueEstimated ? '；收到之日未记录，按发出之日计算' : ''}）
            </dd>
          </>
        ) : null}
      </dl>
      {noticeCalculation ? <CalculationTable c={noticeCalculation} caption="收费通知的计算" /> : null}
      {preview ? (
        <>
          <h3>收费试算</h3>
          <p>
            免收情形：{FEE_RULES_IN_FORCE}前收到的申请不收费；按件计收时同一申请人一个自然月内第1—
            {FREE_ITEMS_PER_MONTH}件不收费；按量计收时{FREE_PAGES}
            页以下（含）不收费，且仅适用于要求提供纸质件、 电子邮件或复制电子数据的申请（本申请
            {preview.result.isCopyRequested ? '适用' : '不适用'}）。
            低于标准金额收取或全部免收的，须由决定人说明理由。
          </p>
          <form method="get" action={`/admin/applications/${appId}#fee`} class="fee-preview">
            <div class="field">
              <label for="preview-scale">收费方式</label>
              <select id="preview-scale" name="feeScale">
                <option value="per_item">按件计收</option>
                <option value="per_volume" selected={preview.input.feeScale === 'per_volume'}>
                  按量计收
                </option>
              </select>
            </div>
            <div class="field">
              <label for="preview-items">件数</label>
              <input
                id="preview-items"
                name="items"
                type="number"
                min={1}
                value={String(preview.input.items)}
              />
            </div>
            <div class="field">
              <label for="preview-pages">页数</label>
              <input
                id="preview-pages"
                name="pages"
                type="number"
                min={1}
                value={preview.input.pages === null ? '' : String(preview.input.pages)}
              />
            </div>
            <button type="submit">试算</button>
          </form>
          <Preview preview={preview.result} input={preview.input} />
        </>
      ) : null}
    </section>
  );
}
