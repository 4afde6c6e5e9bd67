/**
 * Words printed on the official form that are not cells of the report (headings of merged
 * header cells), and how the form lays out table 2's value columns. They are the same in both
 * formats (annual-report-formats.md §2-§4). They belong with the format data in
 * src/domain/report/formats/; they sit here, in the one module every renderer reads, until
 * they move there.
 */
import type { ChapterKey } from '../domain/report/formats/index.ts';

export type GridTableKey = 'table2' | 'table3' | 'table4';

export const FORM_TEXT = {
  /** Table 2: first cell of each group's header row. */
  table2RowHeader: '信息内容',
  /** Table 3: the top-left corner cell over the three header rows and three label columns. */
  table3Corner: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
  table3Applicants: '申请人情况',
  table3Organisations: '法人或其他组织',
  /** Table 3: merged label cell over the result rows. */
  table3ResultsHeading: '三、本年度办理结果',
  /** Table 4: header over 未经复议直接起诉 and 复议后起诉. */
  table4Litigation: '行政诉讼',
  shortNames: { table2: '表二', table3: '表三', table4: '表四' } satisfies Record<GridTableKey, string>,
} as const;

/** The chapter each table is printed in. */
export const TABLE_CHAPTERS: Record<GridTableKey, ChapterKey> = {
  table2: 'proactive',
  table3: 'applications',
  table4: 'appeals',
};

/**
 * Table 2 is four value slots wide. As printed (上海市 2019 report, format2019): three value
 * columns take 1 + 2 + 1 slots, two take 2 + 2, and one (format2021 （五）（六）（八）) spans all four.
 */
export function valueColumnSpans(count: number): number[] {
  switch (count) {
    case 1:
      return [4];
    case 2:
      return [2, 2];
    case 3:
      return [1, 2, 1];
    default:
      return Array(count).fill(1);
  }
}
