/**
 * A catalogue item in the back office: its state, the R-26 check of its publication (Regulation
 * art. 26, 20 working days), the forms to publish, repeal, attach files and link it as a 政策解读,
 * and the form of its fields. Every form is an ordinary POST with the CSRF token.
 */

import type { CatalogueItem } from '../../../db/repositories/catalogue.ts';
import type { AttachmentKind } from '../../../domain/catalogue/attachment-type.ts';
import { ITEM_STATUS_LABELS, isPublic, VALIDITY_LABELS } from '../../../domain/catalogue/model.ts';
import type { OfficeAttachment, OfficeItem, PublicationDelay } from '../../../services/catalogue/office.ts';
import { ErrorSummary } from '../form.tsx';
import { renderAdminPage } from './admin-layout.tsx';
import { FileField, ITEM_FIELD_LABELS, ItemForm, type ItemFormProps } from './item-form.tsx';
import type { SignedInView } from './items-list.tsx';

const WARNING_STYLE = 'border:2px solid #8a5a00;background:#fff8e1;padding:.5rem 1rem;margin:1rem 0';
const NOTICE_STYLE = 'border-left:4px solid #11652b;background:#e1f5e6;padding:.5rem 1rem;margin:1rem 0';

/** Which form an error message belongs to. */
export type ItemAction = 'publish' | 'repeal' | 'upload' | 'link';
const ACTION_NAMES: Record<ItemAction, string> = {
  publish: '发布',
  repeal: '废止或失效',
  upload: '上传附件',
  link: '政策解读关联',
};

export interface ItemPageProps {
  user: SignedInView;
  csrf: string;
  item: CatalogueItem;
  agencyName: string;
  attachments: readonly OfficeAttachment[];
  interpretationOf: CatalogueItem | null;
  interpretations: readonly CatalogueItem[];
  /** The R-26 check of the publication made (published items). */
  delay: PublicationDelay | null;
  /** The R-26 check of a publication today (items awaiting publication). */
  ifPublishedToday: PublicationDelay | null;
  today: string;
  notice: string | null;
  actionError: { action: ItemAction; message: string } | null;
  form: Pick<ItemFormProps, 'values' | 'errors' | 'agencies' | 'vocabulary'>;
  policyQuery: string;
  candidates: readonly OfficeItem[] | null;
}

const kindOf = (mediaType: string): AttachmentKind =>
  mediaType === 'application/pdf' ? 'pdf' : mediaType.startsWith('image/') ? 'image' : 'docx';
const KIND_NAMES: Record<AttachmentKind, string> = { pdf: 'PDF', docx: 'Word文档', image: '图片' };

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes}字节`;
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function textState(a: OfficeAttachment): string {
  if (a.textChars > 0) return `已提取文字（${a.textChars}字），可全文检索`;
  return kindOf(a.mediaType) === 'image' ? '图片，无文字可提取' : '未能提取文字（可能为扫描件或加密文件）';
}

function needsPublication(item: CatalogueItem): boolean {
  if (item.status === 'draft') return true;
  return (
    item.status === 'published' &&
    item.changedOn !== null &&
    item.publishedOn !== null &&
    item.changedOn > item.publishedOn
  );
}

/** The R-26 result of the publication made, prominent when late. */
function PublicationCheck({ item, delay }: { item: CatalogueItem; delay: PublicationDelay }) {
  const { check, workingDays, allowedWorkingDays } = delay;
  const from = check.startOn === item.madeOn ? '成文日期' : '变更日期';
  const provisional = check.isProvisional ? '（暂定）' : '';
  if (!check.isLate) {
    return (
      <p id="r26">
        按期公开：自{from}
        {check.startOn}至发布日期{item.publishedOn}共{workingDays}个工作日{provisional}
        ，在条例第二十六条规定的
        {allowedWorkingDays}个工作日内。
      </p>
    );
  }
  return (
    <section id="r26" class="warning" aria-labelledby="r26-heading" style={WARNING_STYLE}>
      <h2 id="r26-heading">发布超期提醒</h2>
      <p>
        <strong>
          自{from}
          {check.startOn}至发布日期{item.publishedOn}共{workingDays}个工作日{provisional}
          ，超过条例第二十六条规定的
          {allowedWorkingDays}个工作日。
        </strong>
      </p>
      <p>{check.warning}</p>
    </section>
  );
}

export function renderItemPage(props: ItemPageProps): string {
  const { item, csrf, today } = props;
  const base = `/admin/items/${item.id}`;
  const republish = item.status === 'published';
  return renderAdminPage({
    title: item.title,
    path: '/admin/items',
    signedIn: { displayName: props.user.displayName, csrfToken: csrf, role: props.user.role },
    children: (
      <>
        <p>
          <a href="/admin/items">返回目录列表</a>
        </p>
        <h1>{item.title}</h1>
        {props.notice ? (
          <p class="notice" role="status" id="notice" style={NOTICE_STYLE}>
            {props.notice}
          </p>
        ) : null}
        {props.actionError ? (
          <div class="errors" role="alert" id="action-error">
            <h2>{ACTION_NAMES[props.actionError.action]}未完成</h2>
            <p>{props.actionError.message}</p>
          </div>
        ) : null}
        {props.delay ? <PublicationCheck item={item} delay={props.delay} /> : null}
        <dl class="meta">
          <dt>索引号</dt>
          <dd id="index-number">{item.indexNumber}</dd>
          <dt>发布机构</dt>
          <dd>{props.agencyName}</dd>
          <dt>状态</dt>
          <dd id="status">{ITEM_STATUS_LABELS[item.status]}</dd>
          <dt>有效性</dt>
          <dd>{VALIDITY_LABELS[item.validity]}</dd>
          <dt>成文日期</dt>
          <dd>{item.madeOn}</dd>
          <dt>发布日期</dt>
          <dd id="published-on">{item.publishedOn ?? '—'}</dd>
          {item.repealedOn ? (
            <>
              <dt>废止（失效）日期</dt>
              <dd>{item.repealedOn}</dd>
            </>
          ) : null}
          <dt>门户网站</dt>
          <dd>
            {isPublic(item) ? (
              <a href={`/items/${item.id}`}>查看公开页面</a>
            ) : item.status === 'draft' ? (
              '草稿，尚未公开'
            ) : (
              '非主动公开，不在门户网站显示'
            )}
          </dd>
        </dl>

        {needsPublication(item) ? (
          <section aria-labelledby="publish-heading">
            <h2 id="publish-heading">{republish ? '重新发布' : '发布'}</h2>
            {props.ifPublishedToday ? (
              <p
                id="publish-due"
                style={props.ifPublishedToday.check.isLate ? WARNING_STYLE : undefined}
                class={props.ifPublishedToday.check.isLate ? 'warning' : undefined}
              >
                按条例第二十六条，应于
                {props.ifPublishedToday.check.dueOn}
                {props.ifPublishedToday.check.isProvisional ? '（暂定）' : ''}前公开
                {props.ifPublishedToday.check.isLate
                  ? `；今天（${today}）发布将超过20个工作日（已过${props.ifPublishedToday.workingDays}个工作日），发布后会记录超期提醒。`
                  : '。'}
              </p>
            ) : null}
            <form method="post" action={`${base}/publish`} aria-label={republish ? '重新发布' : '发布'}>
              <input type="hidden" name="_csrf" value={csrf} />
              <div class="field">
                <label for="publishedOn">发布日期</label>
                <input id="publishedOn" name="publishedOn" type="date" value={today} />
              </div>
              <button type="submit">{republish ? '重新发布' : '发布'}</button>
            </form>
          </section>
        ) : null}

        {item.status === 'published' ? (
          <section aria-labelledby="repeal-heading">
            <h2 id="repeal-heading">废止或失效</h2>
            <form method="post" action={`${base}/repeal`} aria-label="废止或失效">
              <input type="hidden" name="_csrf" value={csrf} />
              <div class="field">
                <label for="repealedOn">废止（失效）日期</label>
                <input id="repealedOn" name="repealedOn" type="date" value={today} />
              </div>
              <div class="field">
                <label for="validity">原因</label>
                <select id="validity" name="validity" aria-describedby="validity-hint">
                  <option value="repealed">废止（被新的文件明令废止）</option>
                  <option value="expired">失效（有效期届满或适用情形消失）</option>
                </select>
                <p class="hint" id="validity-hint">
                  废止或失效后信息仍在门户网站公开，并标明有效性
                </p>
              </div>
              <button type="submit">确认废止或失效</button>
            </form>
          </section>
        ) : null}

        <section aria-labelledby="attachments-heading">
          <h2 id="attachments-heading">附件</h2>
          {props.attachments.length === 0 ? (
            <p>暂无附件。</p>
          ) : (
            <table class="list" id="attachments">
              <caption class="visually-hidden">附件</caption>
              <thead>
                <tr>
                  <th scope="col">文件名</th>
                  <th scope="col">类型</th>
                  <th scope="col">大小</th>
                  <th scope="col">全文检索</th>
                </tr>
              </thead>
              <tbody>
                {props.attachments.map((a) => (
                  <tr>
                    <td>
                      <a href={`${base}/attachments/${a.id}`}>{a.fileName}</a>
                    </td>
                    <td>{KIND_NAMES[kindOf(a.mediaType)]}</td>
                    <td>{size(a.sizeBytes)}</td>
                    <td>{textState(a)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <form
            method="post"
            action={`${base}/attachments`}
            enctype="multipart/form-data"
            aria-label="上传附件"
          >
            <input type="hidden" name="_csrf" value={csrf} />
            <FileField errors={{}} />
            <button type="submit">上传附件</button>
          </form>
        </section>

        <section aria-labelledby="link-heading">
          <h2 id="link-heading">政策解读关联</h2>
          {props.interpretationOf ? (
            <form method="post" action={`${base}/interpretation`} aria-label="取消解读关联">
              <p id="interprets">
                本信息是
                <a href={`/admin/items/${props.interpretationOf.id}`}>{props.interpretationOf.title}</a>（
                {props.interpretationOf.indexNumber}）的政策解读。
              </p>
              <input type="hidden" name="_csrf" value={csrf} />
              <input type="hidden" name="policyItemId" value="" />
              <button type="submit">取消关联</button>
            </form>
          ) : null}
          {props.interpretations.length > 0 ? (
            <>
              <p>本信息的政策解读：</p>
              <ul id="interpretations">
                {props.interpretations.map((i) => (
                  <li>
                    <a href={`/admin/items/${i.id}`}>{i.title}</a>（{i.indexNumber}）
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {props.interpretations.length === 0 ? (
            <>
              <p>如本信息是对某一政策文件的解读（政策解读、图解），请按索引号或标题查找该文件并关联。</p>
              <form method="get" action={base} aria-label="查找被解读的文件">
                <div class="field">
                  <label for="policyQuery">被解读文件的索引号或标题</label>
                  <input id="policyQuery" name="policyQuery" type="search" value={props.policyQuery} />
                </div>
                <button type="submit">查找</button>
              </form>
              {props.candidates !== null ? (
                props.candidates.length === 0 ? (
                  <p id="candidates">没有找到可关联的文件。</p>
                ) : (
                  <form method="post" action={`${base}/interpretation`} aria-label="关联为政策解读">
                    <input type="hidden" name="_csrf" value={csrf} />
                    <fieldset id="candidates">
                      <legend>选择被解读的文件</legend>
                      {props.candidates.map((c, i) => (
                        <div>
                          <input
                            type="radio"
                            id={`policy-${c.id}`}
                            name="policyItemId"
                            value={String(c.id)}
                            checked={i === 0}
                          />{' '}
                          <label for={`policy-${c.id}`}>
                            {c.title}（{c.indexNumber}，{c.agencyName}，{ITEM_STATUS_LABELS[c.status]}）
                          </label>
                        </div>
                      ))}
                    </fieldset>
                    <button type="submit">关联为其政策解读</button>
                  </form>
                )
              ) : null}
            </>
          ) : null}
        </section>

        <section aria-labelledby="edit-heading">
          <h2 id="edit-heading">修改信息</h2>
          {item.status !== 'draft' ? (
            <p class="hint">
              已发布信息的内容变更后，请填写变更日期并重新发布（条例第二十六条：自变更之日起20个工作日内公开）。
            </p>
          ) : null}
          <ErrorSummary errors={props.form.errors} labels={ITEM_FIELD_LABELS} />
          <ItemForm action={base} isNew={false} csrf={csrf} {...props.form} />
        </section>
      </>
    ),
  });
}
