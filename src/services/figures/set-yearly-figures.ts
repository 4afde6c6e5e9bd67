/**
 * Table-2 figures an agency enters for a year (Regulation art. 20 (五)(六)(八)(九)): licences,
 * penalties, coercive measures, fees, procurement. Each comes with a source note; only the
 * cells of the year's format are accepted, with the value rules of annual-report-formats.md §5.
 */
import { z } from 'zod';
import { yearlyFiguresRepository } from '../../db/repositories/yearly-figures.ts';
import { DomainError } from '../../domain/errors.ts';
import { FORMATS, formatForYear } from '../../domain/report/formats/index.ts';
import { enteredFigureCells } from '../../domain/report/from-records.ts';
import { table2ColumnLabel, table2RowLabel } from '../../domain/report/labels.ts';
import { findAgency } from '../agencies/find-agency.ts';
import { parseInput } from '../applications/schemas.ts';
import type { Deps } from '../deps.ts';

export const SetYearlyFiguresSchema = z.object({
  agency: z.string().trim().min(1, { message: '请选择机关' }),
  year: z.coerce.number().int().min(2008, { message: '年度无效' }).max(2100, { message: '年度无效' }),
  /** `row.column` → value, e.g. { 'licensing.decisions': 12 }. */
  figures: z.record(z.string(), z.coerce.number({ error: '请填写数字' })),
  sourceNote: z.string().trim().min(1, { message: '请注明数据来源（如统计台账、业务系统）' }).max(500),
});

export async function setYearlyFigures(deps: Deps, input: unknown): Promise<void> {
  const v = parseInput(SetYearlyFiguresSchema, input);
  const agency = await findAgency(deps, v.agency);
  const format = formatForYear(v.year);
  const allowed = new Set(enteredFigureCells(format));
  const kinds = new Map<string, string>();
  for (const group of FORMATS[format].table2) {
    for (const row of group.rows)
      for (const column of group.columns) kinds.set(`${row.key}.${column.key}`, column.kind);
  }
  for (const [cell, value] of Object.entries(v.figures)) {
    if (!allowed.has(cell)) {
      throw new DomainError(
        'validation.invalid',
        `“${cell}”不是${v.year}年度报告表二中需填报的项目`,
        `figures.${cell}`,
      );
    }
    const [row, column] = cell.split('.') as [string, string];
    const name = `${table2RowLabel(format, row)}“${table2ColumnLabel(format, row, column)}”`;
    const kind = kinds.get(cell);
    if (!Number.isFinite(value))
      throw new DomainError('validation.invalid', `${name}应为数字`, `figures.${cell}`);
    if (kind === 'count' && (!Number.isInteger(value) || value < 0)) {
      throw new DomainError('validation.invalid', `${name}应为非负整数`, `figures.${cell}`);
    }
    if (kind === 'change' && !Number.isInteger(value)) {
      throw new DomainError('validation.invalid', `${name}应为整数（可为负数）`, `figures.${cell}`);
    }
    if (kind === 'amount' && value < 0)
      throw new DomainError('validation.invalid', `${name}不能为负数`, `figures.${cell}`);
  }
  const now = deps.clock.now().toISOString();
  await deps.db.db.transaction().execute((trx) =>
    yearlyFiguresRepository(trx).upsert(
      Object.entries(v.figures).map(([cell, value]) => ({
        agencyId: agency.id,
        year: v.year,
        cell,
        value,
        sourceNote: v.sourceNote,
      })),
      now,
    ),
  );
}
