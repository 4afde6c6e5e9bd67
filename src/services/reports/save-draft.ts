/**
 * A clerk's working copy of a report built from records: edited chapter text and, where a
 * clerk types a table figure by hand, that figure. Building the report again keeps the text
 * and reports every typed figure the records do not give (`records.mismatch`).
 */
import { z } from 'zod';
import { DomainError } from '../../domain/errors.ts';
import { CHAPTER_KEYS } from '../../domain/report/formats/index.ts';
import { findAgency } from '../agencies/find-agency.ts';
import { parseInput } from '../applications/schemas.ts';
import type { Deps } from '../deps.ts';
import { buildReport, type SavedDraft } from './build-report.ts';

export const SaveDraftSchema = z.object({
  agency: z.string().trim().min(1, { message: '请选择机关' }),
  year: z.coerce.number().int().min(2008).max(2100),
  rollup: z.boolean().default(false),
  /** Chapter key → edited text. */
  chapters: z
    .partialRecord(z.enum(CHAPTER_KEYS), z.string().max(50_000, { message: '正文过长' }))
    .default({}),
  /** `table3.row.column` → a figure typed by hand; absent: the saved draft's stay as they are. */
  cells: z
    .record(
      z.string().regex(/^table3\.[a-z_0-9]+\.[a-z_]+$/, { message: '单元格地址无效' }),
      z.number().int().min(0),
    )
    .optional(),
  actor: z.string().trim().min(1).default('system'),
});

export async function saveReportDraft(deps: Deps, input: unknown): Promise<void> {
  const v = parseInput(SaveDraftSchema, input);
  const agency = await findAgency(deps, v.agency);
  const built = await buildReport(deps, { agency: agency.code, year: v.year, rollup: v.rollup });
  const { report } = built;
  const typed = v.cells ?? built.typed ?? {};
  for (const [key, text] of Object.entries(v.chapters)) {
    const chapter = report.chapters[key as (typeof CHAPTER_KEYS)[number]];
    if (chapter) chapter.text = text;
  }
  for (const [address, value] of Object.entries(typed)) {
    const [, row, column] = address.split('.') as [string, string, string];
    const cells = report.table3[row] as Record<string, number | null> | undefined;
    if (!cells || !(column in cells))
      throw new DomainError('validation.invalid', `表三没有单元格“${address}”`, `cells.${address}`);
    cells[column] = value;
  }
  const now = deps.clock.now().toISOString();
  const origin = v.rollup ? 'rollup' : 'records';
  const row = {
    agency_id: agency.id,
    year: v.year,
    format: report.format,
    origin,
    report: JSON.stringify({ report, typed } satisfies SavedDraft),
    status: 'draft',
    updated_at: now,
  };
  await deps.db.db
    .insertInto('annual_reports')
    .values({ ...row, created_at: now })
    .onConflict((oc) =>
      oc
        .columns(['agency_id', 'year', 'origin'])
        .doUpdateSet({ report: row.report, format: row.format, updated_at: now }),
    )
    .execute();
}
