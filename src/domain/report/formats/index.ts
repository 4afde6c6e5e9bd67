import { FORMAT_2019 } from './format-2019.ts';
import { FORMAT_2021 } from './format-2021.ts';
import type { FormatKey, ReportFormat } from './types.ts';

export * from './types.ts';

/** Every issued format; a future format is one more data file added here. */
export const FORMATS: Record<FormatKey, ReportFormat> = { '2019': FORMAT_2019, '2021': FORMAT_2021 };

/** The format that applies to reports on `year` (annual-report-formats.md, table at the top). */
export function formatForYear(year: number): FormatKey {
  for (const format of Object.values(FORMATS)) {
    if (year >= format.appliesTo.from && (format.appliesTo.to === null || year <= format.appliesTo.to)) {
      return format.key;
    }
  }
  return year < 2019 ? '2019' : '2021';
}

/** Table-3 row keys of a format, in printed order. */
export function table3RowKeys(format: FormatKey): string[] {
  return FORMATS[format].table3.rows.map((row) => row.key);
}

/** Years with a complete report as of `asOfYear`: from the first format's first year to last year, newest first. */
export function completedReportYears(asOfYear: number): number[] {
  const first = Math.min(...Object.values(FORMATS).map((f) => f.appliesTo.from));
  const years: number[] = [];
  for (let y = asOfYear - 1; y >= first; y -= 1) years.push(y);
  return years;
}
