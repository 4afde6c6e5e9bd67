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
