/**
 * Reply letters (告知书) as data: a title and a body with {{placeholders}}, one default per
 * outcome shipped here, which an agency may replace (letter_templates). The signature block
 * (agency and date, GB/T 9704-2012 §7.3.5) is not part of a template: every letter gets it.
 */
import type { Outcome } from '../applications/model.ts';

/** Every placeholder a template may use, with what it is filled with. */
export const PLACEHOLDERS = {
  agency_name: '机关名称',
  applicant_name: '申请人姓名或名称',
  tracking_number: '申请编号',
  received_on: '收到申请日期',
  request: '申请公开的政府信息',
  reply_date: '答复日期',
  outcome: '办理结果',
  basis: '所依据的条例条款',
  remedies: '救济途径（行政复议、行政诉讼及其期限）',
  reason: '答复稿载明的理由',
} as const;
export type Placeholder = keyof typeof PLACEHOLDERS;
export type PlaceholderValues = Record<Placeholder, string>;

export interface LetterTemplate {
  title: string;
  body: string;
}

const PATTERN = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** Names inside {{…}} that are not placeholders, in order of appearance, without repeats. */
export function unknownPlaceholders(text: string): string[] {
  const names = [...text.matchAll(PATTERN)].map((m) => m[1] ?? '');
  return [...new Set(names.filter((n) => !(n in PLACEHOLDERS)))];
}

/** A template must tell the applicant the remedies: the placeholder, or its own wording of both. */
export function statesRemedies(body: string): boolean {
  return /\{\{\s*remedies\s*\}\}/.test(body) || (body.includes('行政复议') && body.includes('行政诉讼'));
}

/** Replaces every placeholder; line breaks inside a value become spaces. */
export function fillTemplate(text: string, values: PlaceholderValues): string {
  return text.replace(PATTERN, (whole, name: string) =>
    name in PLACEHOLDERS ? values[name as Placeholder].replace(/\s*\r?\n\s*/g, ' ') : whole,
  );
}

/** 'YYYY-MM-DD' → '2021年3月5日', as 成文日期 is written (GB/T 9704-2012 §7.3.5.1). */
export function chineseDate(date: string): string {
  const [year, month, day] = date.split('-');
  return `${year}年${Number(month)}月${Number(day)}日`;
}

const OPENING =
  '{{applicant_name}}：\n本机关于{{received_on}}收到您提出的政府信息公开申请（申请编号：{{tracking_number}}），您申请获取“{{request}}”。现答复如下：';
const CLOSING = '{{remedies}}\n特此告知。';

const reply = (middle: string): LetterTemplate => ({
  title: '政府信息公开申请答复书',
  body: `${OPENING}\n${middle}\n${CLOSING}`,
});
const notice = (middle: string): LetterTemplate => ({
  title: '政府信息公开申请告知书',
  body: `${OPENING}\n${middle}\n${CLOSING}`,
});
const denied = (what: string, decision = '本机关决定不予公开。'): LetterTemplate =>
  reply(`经审查，您申请获取的政府信息${what}。根据{{basis}}的规定，${decision}`);

/** The shipped templates, one per outcome. */
export const DEFAULT_TEMPLATES: Record<Outcome, LetterTemplate> = {
  granted: reply(
    '经审查，您申请获取的政府信息属于公开范围。根据{{basis}}的规定，本机关向您提供该政府信息（见附件）；该信息已经主动公开的，您也可以通过本机关政府信息公开平台获取。',
  ),
  partial: reply(
    '经审查，您申请获取的政府信息中含有不应当公开或者不属于政府信息的内容，能够作区分处理。根据{{basis}}的规定，本机关向您提供可以公开的政府信息内容（见附件）；其余内容依法不予公开。',
  ),
  denied_1: denied('属于依法确定为国家秘密的政府信息'),
  denied_2: denied('属于法律、行政法规禁止公开的政府信息'),
  denied_3: denied('公开后可能危及国家安全、公共安全、经济安全、社会稳定'),
  denied_4: denied('涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害'),
  denied_5: denied('属于本机关人事管理、后勤管理、内部工作流程等方面的内部事务信息'),
  denied_6: denied('属于本机关履行行政管理职能过程中形成的讨论记录、过程稿、磋商信函、请示报告等过程性信息'),
  denied_7: denied('属于行政执法案卷信息'),
  denied_8: denied(
    '属于工商、不动产登记资料等信息，有关法律、行政法规对该类信息的获取有特别规定',
    '请您依照有关法律、行政法规的规定办理。',
  ),
  unable_1: reply('经检索，本机关没有您申请公开的政府信息。根据{{basis}}的规定，现告知您该政府信息不存在。'),
  unable_2: reply(
    '经审查，您申请获取的信息需要本机关对现有政府信息进行加工、分析方能形成。根据{{basis}}的规定，本机关不予提供。',
  ),
  unable_3: reply(
    '本机关已一次性告知您对申请作出补正，补正后的申请内容仍不明确，无法确定您所需的政府信息。根据{{basis}}的规定，本机关无法向您提供。',
  ),
  not_processed_1: notice(
    '经审查，您是以政府信息公开申请的形式进行信访、投诉、举报等活动。根据{{basis}}的规定，本机关不作为政府信息公开申请处理，请您通过相应渠道提出。',
  ),
  not_processed_2: notice(
    '经审查，本机关已就您此前提出的政府信息公开申请作出答复，您重复申请公开相同的政府信息。根据{{basis}}的规定，本机关不予重复处理。',
  ),
  not_processed_3: notice(
    '经审查，您申请获取的是政府公报、报刊、书籍等公开出版物。根据{{basis}}的规定，请您通过公开发行的渠道获取。',
  ),
  not_processed_4: notice(
    '您申请公开政府信息的数量、频次明显超过合理范围，本机关已要求您说明理由，经审查认为申请理由不合理。根据{{basis}}的规定，本机关不予处理。',
  ),
  not_processed_5: notice(
    '经审查，您的申请系要求本机关对您已获取的信息予以确认或者重新出具，不属于获取{{basis}}所称政府信息的申请，本机关不作为政府信息公开申请处理。',
  ),
  other_1: notice(
    '本机关已一次性告知您对申请作出补正，您无正当理由逾期未补正。根据{{basis}}的规定，视为您放弃申请，本机关不再处理该政府信息公开申请。',
  ),
  other_2: notice(
    '本机关已向您发出收费通知，您未在收到收费通知次日起20个工作日内缴纳信息处理费。根据{{basis}}的规定，视为您放弃申请，本机关不再处理该政府信息公开申请。',
  ),
  other_3: notice('您已撤回该政府信息公开申请，本机关终止办理。'),
};

/** A letter ready to lay out: every placeholder filled, the body split into paragraphs. */
export interface ReplyLetter {
  title: string;
  /** The salutation ("张某："), printed flush left. */
  salutation: string | null;
  paragraphs: string[];
  signature: { agency: string; date: string };
}

/** Fills a template and splits it; a first line ending in "：" is the salutation. */
export function composeLetter(template: LetterTemplate, values: PlaceholderValues): ReplyLetter {
  const lines = fillTemplate(template.body, values)
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  const first = lines[0];
  const hasSalutation = first !== undefined && /[:：]$/.test(first) && first.length <= 60;
  return {
    title: fillTemplate(template.title, values).trim(),
    salutation: hasSalutation ? first : null,
    paragraphs: hasSalutation ? lines.slice(1) : lines,
    signature: { agency: values.agency_name, date: values.reply_date },
  };
}
