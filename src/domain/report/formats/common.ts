/**
 * Parts shared by both official formats (annual-report-formats.md §1 and §3):
 * the six chapters and the table-3 rows other than （六）其他处理.
 * `match` phrases are compared after label normalisation (see normalize-label.ts).
 */
import type { ChapterSpec, Table3RowSpec } from './types.ts';

export const CHAPTERS: readonly ChapterSpec[] = [
  {
    key: 'overview',
    number: '一',
    heading: '一、总体情况',
    variants: ['一、概述'],
    match: ['总体情况', '概述'],
  },
  {
    key: 'proactive',
    number: '二',
    heading: '二、主动公开政府信息情况',
    variants: [],
    match: ['主动公开政府信息情况', '主动公开情况', '主动公开政府信息'],
  },
  {
    key: 'applications',
    number: '三',
    heading: '三、收到和处理政府信息公开申请情况',
    variants: [],
    match: ['收到和处理政府信息公开申请', '收到和处理', '依申请公开'],
  },
  {
    key: 'appeals',
    number: '四',
    heading: '四、政府信息公开行政复议、行政诉讼情况',
    variants: ['四、因政府信息公开工作被申请行政复议和提起行政诉讼情况'],
    match: ['行政复议', '行政诉讼'],
  },
  {
    key: 'problems',
    number: '五',
    heading: '五、存在的主要问题及改进情况',
    variants: ['五、政府信息公开工作存在的主要问题及改进情况'],
    match: ['存在的主要问题', '主要问题', '改进情况'],
  },
  {
    key: 'other_matters',
    number: '六',
    heading: '六、其他需要报告的事项',
    variants: [],
    match: ['其他需要报告', '需要报告的事项', '其他事项'],
  },
];

const DENIED = '（三）不予公开';
const UNABLE = '（四）无法提供';
const NOT_PROCESSED = '（五）不予处理';

/** Rows from 一、本年新收 to （五）不予处理 5., identical in both formats. */
export const TABLE3_LEADING_ROWS: readonly Table3RowSpec[] = [
  { key: 'new_received', label: '一、本年新收政府信息公开申请数量', match: ['本年新收'], isResult: false },
  { key: 'carried_over', label: '二、上年结转政府信息公开申请数量', match: ['上年结转'], isResult: false },
  { key: 'granted', label: '（一）予以公开', match: ['予以公开'], article: '36(一)(二)', isResult: true },
  {
    key: 'partial',
    label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
    match: ['部分公开'],
    article: '37',
    isResult: true,
  },
  {
    key: 'denied_1',
    parent: DENIED,
    label: '1.属于国家秘密',
    match: ['国家秘密'],
    article: '14',
    isResult: true,
  },
  {
    key: 'denied_2',
    parent: DENIED,
    label: '2.其他法律行政法规禁止公开',
    match: ['法律行政法规禁止', '法规禁止公开'],
    article: '14',
    isResult: true,
  },
  {
    key: 'denied_3',
    parent: DENIED,
    label: '3.危及“三安全一稳定”',
    match: ['三安全一稳定', '危及'],
    article: '14',
    isResult: true,
  },
  {
    key: 'denied_4',
    parent: DENIED,
    label: '4.保护第三方合法权益',
    match: ['第三方合法权益', '保护第三方'],
    article: '15, 32',
    isResult: true,
  },
  {
    key: 'denied_5',
    parent: DENIED,
    label: '5.属于三类内部事务信息',
    match: ['内部事务'],
    article: '16 ¶1',
    isResult: true,
  },
  {
    key: 'denied_6',
    parent: DENIED,
    label: '6.属于四类过程性信息',
    match: ['过程性信息'],
    article: '16 ¶2',
    isResult: true,
  },
  {
    key: 'denied_7',
    parent: DENIED,
    label: '7.属于行政执法案卷',
    match: ['行政执法案卷', '执法案卷'],
    article: '16 ¶2',
    isResult: true,
  },
  {
    key: 'denied_8',
    parent: DENIED,
    label: '8.属于行政查询事项',
    match: ['行政查询事项', '查询事项'],
    article: '36(七)',
    isResult: true,
  },
  {
    key: 'unable_1',
    parent: UNABLE,
    label: '1.本机关不掌握相关政府信息',
    match: ['不掌握'],
    article: '36(四)(五)',
    isResult: true,
  },
  {
    key: 'unable_2',
    parent: UNABLE,
    label: '2.没有现成信息需要另行制作',
    match: ['另行制作', '没有现成信息'],
    article: '38',
    isResult: true,
  },
  {
    key: 'unable_3',
    parent: UNABLE,
    label: '3.补正后申请内容仍不明确',
    match: ['仍不明确', '补正后申请内容'],
    article: '30',
    isResult: true,
  },
  {
    key: 'not_processed_1',
    parent: NOT_PROCESSED,
    label: '1.信访举报投诉类申请',
    match: ['信访举报投诉', '信访'],
    article: '39 ¶1',
    isResult: true,
  },
  {
    key: 'not_processed_2',
    parent: NOT_PROCESSED,
    label: '2.重复申请',
    match: ['重复申请'],
    article: '36(六)',
    isResult: true,
  },
  {
    key: 'not_processed_3',
    parent: NOT_PROCESSED,
    label: '3.要求提供公开出版物',
    match: ['公开出版物'],
    article: '39 ¶2',
    isResult: true,
  },
  {
    key: 'not_processed_4',
    parent: NOT_PROCESSED,
    label: '4.无正当理由大量反复申请',
    match: ['大量反复申请', '大量反复'],
    article: '35',
    isResult: true,
  },
  {
    key: 'not_processed_5',
    parent: NOT_PROCESSED,
    label: '5.要求行政机关确认或重新出具已获取信息',
    match: ['重新出具', '确认或重新'],
    isResult: true,
  },
];

export const TABLE3_TRAILING_ROWS: readonly Table3RowSpec[] = [
  { key: 'total', label: '（七）总计', match: ['七总计$', '总计$'], isResult: false },
  {
    key: 'carried_forward',
    label: '四、结转下年度继续办理',
    match: ['结转下年度', '结转下年'],
    isResult: false,
  },
];
