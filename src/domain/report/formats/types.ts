/**
 * The shape of an official annual-report format (年度报告格式), as data.
 * Regulation art. 50 requires a uniform format; each issued format is one data file
 * beside this one (format-2019.ts, format-2021.ts). Labels are verbatim as printed.
 */

export const FORMAT_KEYS = ['2019', '2021'] as const;
export type FormatKey = (typeof FORMAT_KEYS)[number];

export const CHAPTER_KEYS = [
  'overview',
  'proactive',
  'applications',
  'appeals',
  'problems',
  'other_matters',
] as const;
export type ChapterKey = (typeof CHAPTER_KEYS)[number];

/** Kinds of value a table-2 column holds; they decide the value rules (annual-report-formats.md §5). */
export type ValueKind = 'count' | 'change' | 'amount';

export interface ColumnSpec {
  key: string;
  label: string;
  /** Other wordings seen in published reports. */
  aliases?: readonly string[];
  kind: ValueKind;
}

export interface RowSpec {
  key: string;
  label: string;
  aliases?: readonly string[];
}

export interface Table2GroupSpec {
  key: string;
  /** e.g. 第二十条第（一）项 */
  label: string;
  columns: readonly ColumnSpec[];
  rows: readonly RowSpec[];
}

export interface Table3RowSpec extends RowSpec {
  /** Printed parent cell for numbered sub-rows, e.g. （三）不予公开. */
  parent?: string;
  /** Article of the Regulation that the outcome rests on, for letters and help text. */
  article?: string;
  /** Distinctive phrases (normalised) that identify the row in any layout; a trailing `$` means "ends with". */
  match: readonly string[];
  /** Rows summed into （七）总计 (t3.results_total). */
  isResult: boolean;
}

export interface ChapterSpec {
  key: ChapterKey;
  number: string;
  heading: string;
  variants: readonly string[];
  /** Distinctive phrases that identify the heading (normalised). */
  match: readonly string[];
}

export interface ReportFormat {
  key: FormatKey;
  name: string;
  issuedBy: string;
  /** Report years the format applies to, inclusive; `to: null` means still in force. */
  appliesTo: { from: number; to: number | null };
  chapters: readonly ChapterSpec[];
  table2: readonly Table2GroupSpec[];
  table3: { rows: readonly Table3RowSpec[] };
  /** Extra result rows used by `other_total`: the keys that make up （六）其他处理. */
  otherRows: readonly string[];
}

export const TABLE3_COLUMNS = [
  'natural_person',
  'commercial',
  'research',
  'social',
  'legal',
  'other',
  'total',
] as const;
export type Table3Column = (typeof TABLE3_COLUMNS)[number];

export const TABLE3_COLUMN_LABELS: Record<Table3Column, string> = {
  natural_person: '自然人',
  commercial: '商业企业',
  research: '科研机构',
  social: '社会公益组织',
  legal: '法律服务机构',
  other: '其他',
  total: '总计',
};

export const TABLE4_GROUPS = [
  'reconsideration',
  'litigation_direct',
  'litigation_after_reconsideration',
] as const;
export type Table4Group = (typeof TABLE4_GROUPS)[number];
export const TABLE4_COLUMNS = ['upheld', 'corrected', 'other', 'pending', 'total'] as const;
export type Table4Column = (typeof TABLE4_COLUMNS)[number];

export const TABLE4_GROUP_LABELS: Record<Table4Group, string> = {
  reconsideration: '行政复议',
  litigation_direct: '未经复议直接起诉',
  litigation_after_reconsideration: '复议后起诉',
};
export const TABLE4_COLUMN_LABELS: Record<Table4Column, string> = {
  upheld: '结果维持',
  corrected: '结果纠正',
  other: '其他结果',
  pending: '尚未审结',
  total: '总计',
};

export const TABLE_KEYS = ['table2', 'table3', 'table4', 'narrative'] as const;
export type TableKey = (typeof TABLE_KEYS)[number];
