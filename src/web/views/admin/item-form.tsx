/**
 * The one form of a catalogue item (主动公开目录, glossary §5.4): every field the SaveItem use
 * case takes, each with its label, hint and error; what was typed is kept when the form comes
 * back with problems. A new item may carry its attachments in the same form (multipart).
 */
import {
  ART20_ITEM_LABELS,
  CATALOGUE_KIND_LABELS,
  CATALOGUE_KINDS,
  DISCLOSURE_MODE_LABELS,
  DISCLOSURE_MODES,
  GENRES,
} from '../../../domain/catalogue/model.ts';
import { Fieldset, SelectField, TextArea, TextField } from '../form.tsx';

/** The form's fields in the order shown; the labels name them in the error summary too. */
export const ITEM_FIELD_LABELS: Record<string, string> = {
  agency: '发布机构',
  title: '标题（名称）',
  docNumber: '文号',
  kind: '文件类别',
  genre: '体裁（文种）',
  subject: '主题分类',
  catalogueCategory: '目录分类',
  art20Item: '《条例》第二十条事项',
  disclosureMode: '公开方式',
  madeOn: '成文日期',
  changedOn: '变更日期',
  effectiveOn: '生效（实施）日期',
  keywords: '主题词',
  summary: '内容概述',
  body: '正文',
  indexNumber: '索引号',
  files: '附件',
};

export const ITEM_FIELDS = Object.keys(ITEM_FIELD_LABELS).filter((f) => f !== 'files');

export interface ItemFormProps {
  /** Where the form posts. */
  action: string;
  isNew: boolean;
  values: Record<string, string>;
  errors: Record<string, string>;
  /** The agencies the user may publish for (code, name). */
  agencies: readonly { code: string; name: string }[];
  vocabulary: { subjects: readonly string[]; categories: readonly string[] };
  csrf: string;
}

/** A text field with suggestions (a datalist works without script and allows any value). */
function SuggestField(props: {
  name: string;
  label: string;
  hint: string;
  values: Record<string, string>;
  errors: Record<string, string>;
  suggestions: readonly string[];
}) {
  const { name, label, hint, values, errors, suggestions } = props;
  const error = errors[name];
  const described = [`${name}-hint`, error ? `${name}-error` : null].filter(Boolean).join(' ');
  return (
    <div class="field">
      <label for={name}>{label}</label>
      <input
        id={name}
        name={name}
        value={values[name] ?? ''}
        list={`${name}-list`}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={described}
      />
      <datalist id={`${name}-list`}>
        {suggestions.map((s) => (
          <option value={s} />
        ))}
      </datalist>
      <p class="hint" id={`${name}-hint`}>
        {hint}
      </p>
      {error ? (
        <p class="error" id={`${name}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function ItemForm({ action, isNew, values, errors, agencies, vocabulary, csrf }: ItemFormProps) {
  const common = { values, errors };
  const label = (name: string) => ITEM_FIELD_LABELS[name]!;
  return (
    <form
      method="post"
      action={action}
      enctype="multipart/form-data"
      novalidate
      class="item-form"
      aria-label={isNew ? '新建信息' : '修改信息'}
    >
      <input type="hidden" name="_csrf" value={csrf} />
      <Fieldset legend="基本信息">
        <SelectField
          name="agency"
          label={label('agency')}
          required
          options={agencies.map((a) => [a.code, a.name] as const)}
          {...common}
        />
        <TextField name="title" label={label('title')} required {...common} />
        <TextField name="docNumber" label={label('docNumber')} hint="如：宁政办发〔2026〕12号" {...common} />
        <SelectField
          name="kind"
          label={label('kind')}
          required
          hint="年度报告第二项统计规章和行政规范性文件"
          options={CATALOGUE_KINDS.map((k) => [k, CATALOGUE_KIND_LABELS[k]] as const)}
          {...common}
        />
        <SelectField
          name="genre"
          label={label('genre')}
          hint="《党政机关公文处理工作条例》第八条规定的文种；数据、图解、解读等选“其他”"
          options={GENRES.map((g) => [g, g === 'other' ? '其他（非公文）' : g] as const)}
          {...common}
        />
        <SuggestField
          name="subject"
          label={label('subject')}
          hint="两级用“\”分隔，如：综合政务\政务公开"
          suggestions={vocabulary.subjects}
          {...common}
        />
        <SuggestField
          name="catalogueCategory"
          label={label('catalogueCategory')}
          hint="本机关主动公开目录中的栏目，如：政策文件、政策解读"
          suggestions={vocabulary.categories}
          {...common}
        />
        <SelectField
          name="art20Item"
          label={label('art20Item')}
          hint="属于《政府信息公开条例》第二十条所列哪一项主动公开内容"
          options={Object.entries(ART20_ITEM_LABELS).map(([n, text]) => [n, `（${n}）${text}`] as const)}
          {...common}
        />
        <SelectField
          name="disclosureMode"
          label={label('disclosureMode')}
          required
          hint="只有主动公开的信息在门户网站显示并可搜索"
          options={DISCLOSURE_MODES.map((m) => [m, DISCLOSURE_MODE_LABELS[m]] as const)}
          {...common}
        />
      </Fieldset>
      <Fieldset legend="日期">
        <TextField
          name="madeOn"
          label={label('madeOn')}
          type="date"
          required
          hint="信息形成之日（公文为签发日期）；《条例》第二十六条规定自此日起20个工作日内公开"
          {...common}
        />
        <TextField
          name="changedOn"
          label={label('changedOn')}
          type="date"
          hint="内容变更时填写；变更后须重新发布，20个工作日自变更之日重新起算"
          {...common}
        />
        <TextField name="effectiveOn" label={label('effectiveOn')} type="date" {...common} />
      </Fieldset>
      <Fieldset legend="内容">
        <TextField
          name="keywords"
          label={label('keywords')}
          hint="多个主题词用逗号、顿号或空格分隔，最多20个"
          {...common}
        />
        <TextArea name="summary" label={label('summary')} hint="不超过500字" {...common} />
        <TextArea name="body" label={label('body')} hint="正文全文，可被全文检索" {...common} />
      </Fieldset>
      {isNew ? (
        <Fieldset legend="索引号与附件">
          <TextField
            name="indexNumber"
            label={label('indexNumber')}
            hint="一般留空，保存时按“组织机构代码/年份-流水号”自动生成；仅迁移已有索引号的旧信息时填写"
            {...common}
          />
          <FileField errors={errors} />
        </Fieldset>
      ) : null}
      <button type="submit">{isNew ? '保存为草稿' : '保存修改'}</button>
    </form>
  );
}

/** The attachment picker: PDF, Word (.docx) or images; several at once. */
export function FileField({ errors }: { errors: Record<string, string> }) {
  const error = errors.files;
  return (
    <div class="field">
      <label for="files">{ITEM_FIELD_LABELS.files}</label>
      <input
        id="files"
        name="files"
        type="file"
        multiple
        accept=".pdf,.docx,.png,.jpg,.jpeg,.gif,.webp,application/pdf,image/*"
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? 'files-hint files-error' : 'files-hint'}
      />
      <p class="hint" id="files-hint">
        PDF、Word（.docx）文档或图片（PNG、JPEG、GIF、WebP），每个不超过20MB；PDF和Word文档的文字将用于全文检索。
        表单有误需重新填写时，请重新选择附件。
      </p>
      {error ? (
        <p class="error" id="files-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
