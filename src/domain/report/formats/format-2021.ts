/**
 * 《中华人民共和国政府信息公开工作年度报告格式》, issued with 国办公开办函〔2021〕30号 (2021-09-26);
 * used for the reports on 2021 and later (annual-report-formats.md §2 format2021, §3).
 */
import { CHAPTERS, TABLE3_LEADING_ROWS, TABLE3_TRAILING_ROWS } from './common.ts';
import type { ReportFormat } from './types.ts';

const OTHER = '（六）其他处理';
const DECISIONS = {
  key: 'decisions',
  label: '本年处理决定数量',
  aliases: ['处理决定数量'],
  kind: 'count',
} as const;

export const FORMAT_2021 = {
  key: '2021',
  name: '中华人民共和国政府信息公开工作年度报告格式',
  issuedBy: '国办公开办函〔2021〕30号',
  appliesTo: { from: 2021, to: null },
  chapters: CHAPTERS,
  table2: [
    {
      key: 'art20_1',
      label: '第二十条第（一）项',
      columns: [
        { key: 'issued', label: '本年制发件数', aliases: ['本年制作数量', '本年新制发件数'], kind: 'count' },
        { key: 'repealed', label: '本年废止件数', kind: 'count' },
        { key: 'in_force', label: '现行有效件数', kind: 'count' },
      ],
      rows: [
        { key: 'rules', label: '规章' },
        { key: 'normative_documents', label: '行政规范性文件', aliases: ['规范性文件'] },
      ],
    },
    {
      key: 'art20_5',
      label: '第二十条第（五）项',
      columns: [DECISIONS],
      rows: [{ key: 'licensing', label: '行政许可' }],
    },
    {
      key: 'art20_6',
      label: '第二十条第（六）项',
      columns: [DECISIONS],
      rows: [
        { key: 'penalty', label: '行政处罚' },
        { key: 'coercion', label: '行政强制' },
      ],
    },
    {
      key: 'art20_8',
      label: '第二十条第（八）项',
      columns: [
        {
          key: 'amount',
          label: '本年收费金额（单位：万元）',
          aliases: ['本年收费金额', '本年收费金额(单位:万元)'],
          kind: 'amount',
        },
      ],
      rows: [{ key: 'admin_fees', label: '行政事业性收费' }],
    },
  ],
  table3: {
    rows: [
      ...TABLE3_LEADING_ROWS,
      {
        key: 'other_1',
        parent: OTHER,
        label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
        match: ['逾期不补正', '申请人无正当理由'],
        article: '30',
        isResult: true,
      },
      {
        key: 'other_2',
        parent: OTHER,
        label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
        match: ['缴纳费用', '收费通知', '申请人逾期未按'],
        article: '42',
        isResult: true,
      },
      { key: 'other_3', parent: OTHER, label: '3.其他', match: ['3其他$'], isResult: true },
      ...TABLE3_TRAILING_ROWS,
    ],
  },
  otherRows: ['other_1', 'other_2', 'other_3'],
} as const satisfies ReportFormat;
