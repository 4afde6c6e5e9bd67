/**
 * The running order of a rendered report, shared by every document renderer: title, then the
 * six chapters of the format (annual-report-formats.md §1), each table printed in its chapter.
 */
import { FORMATS } from '../domain/report/formats/index.ts';
import type { AnnualReport } from '../domain/report/model.ts';
import { TABLE_CHAPTERS } from './form-text.ts';
import { reportGrids, type TableGrid } from './grid.ts';

export interface ChapterBlock {
  key: string;
  heading: string;
  paragraphs: string[];
  /** The tables printed at the end of this chapter. */
  tables: TableGrid[];
}

/** The report's title as printed, or the conventional one built from agency and year. */
export function reportTitle(report: AnnualReport): string {
  if (report.title) return report.title;
  const year = report.year === null ? '' : `${report.year}年`;
  return `${report.agency ?? ''}${year}政府信息公开工作年度报告`;
}

/** Splits chapter text into paragraphs: one per non-empty line. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

/** The chapters in the format's order with their text and tables. */
export function chapterBlocks(report: AnnualReport): ChapterBlock[] {
  const grids = reportGrids(report);
  return FORMATS[report.format].chapters.map((spec) => {
    const chapter = report.chapters[spec.key];
    return {
      key: spec.key,
      heading: chapter?.heading || spec.heading,
      paragraphs: paragraphs(chapter?.text ?? ''),
      tables: grids.filter((grid) => TABLE_CHAPTERS[grid.key] === spec.key),
    };
  });
}
