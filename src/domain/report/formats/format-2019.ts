/**
 * 《中华人民共和国政府信息公开工作年度报告格式（试行）》, issued with 国办公开办函〔2019〕60号;
 * used for the reports on 2019 and 2020 (annual-report-formats.md §2 format2019, §3).
 */
import { CHAPTERS, TABLE3_LEADING_ROWS, TABLE3_TRAILING_ROWS } from './common.ts';
import type { ColumnSpec, ReportFormat } from './types.ts';

const ITEM_COLUMNS: readonly ColumnSpec[] = [
  { key: 'prev_items', label: '上一年项目数量', kind: 'count' },
  { key: 'change', label: '本年增/减', aliases: ['本年增减'], kind: 'change' },
  { key: 'decisions', label: '处理决定数量', kind: 'count' },
];

export const FORMAT_2019 = {
  key: '2019',
  name: '中华人民共和国政府信息公开工作年度报告格式（试行）',
  issuedBy: '国办公开办函〔2019〕60号',
  appliesTo: { from: 2019, to: 2020 },
  chapters: CHAPTERS,
  table2: [
    {
      key: 'art20_1',
      label: '第二十条第（一）项',
      columns: [
        { key: 'made', label: '本年新制作数量', kind: 'count' },
        { key: 'published', label: '本年新公开数量', kind: 'count' },
        { key: 'public_total', label: '对外公开总数量', kind: 'count' },
      ],
      rows: [
        { key: 'rules', label: '规章' },
        { key: 'normative_documents', label: '规范性文件', aliases: ['行政规范性文件'] },
      ],
    },
    {
      key: 'art20_5',
      label: '第二十条第（五）项',
      columns: ITEM_COLUMNS,
      rows: [
        { key: 'licensing', label: '行政许可' },
        { key: 'other_services', label: '其他对外管理服务事项' },
      ],
    },
    {
      key: 'art20_6',
      label: '第二十条第（六）项',
      columns: ITEM_COLUMNS,
      rows: [
        { key: 'penalty', label: '行政处罚' },
        { key: 'coercion', label: '行政强制' },
      ],
    },
    {
      key: 'art20_8',
      label: '第二十条第（八）项',
      columns: ITEM_COLUMNS.slice(0, 2),
      rows: [{ key: 'admin_fees', label: '行政事业性收费' }],
    },
    {
      key: 'art20_9',
      label: '第二十条第（九）项',
      columns: [
        { key: 'items', label: '采购项目数量', kind: 'count' },
        {
          key: 'amount',
          label: '采购总金额',
          aliases: ['采购总金额(万元)', '采购总金额（万元）'],
          kind: 'amount',
        },
      ],
      rows: [{ key: 'procurement', label: '政府集中采购' }],
    },
  ],
  table3: {
    rows: [
      ...TABLE3_LEADING_ROWS,
      { key: 'other', label: '（六）其他处理', match: ['其他处理$'], isResult: true },
      ...TABLE3_TRAILING_ROWS,
    ],
  },
  otherRows: ['other'],
} as const satisfies ReportFormat;
