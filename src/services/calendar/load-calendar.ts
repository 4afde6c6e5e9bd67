/**
 * The working-day calendar in use: the bundled national data plus any extra year files an
 * administrator keeps in a directory (`GONGKAI_HOLIDAYS_DIR`, read by config.ts): a new
 * year's notice, or a local calendar (holidays.md). Each `*.json` file has the shape of
 * holidays.json; files are merged in name order, a later file winning on a date.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  buildCalendar,
  type Calendar,
  mergeCalendars,
  nationalCalendar,
  parseHolidayFile,
} from '../../domain/calendar/index.ts';
import { DomainError } from '../../domain/errors.ts';

/**
 * The calendar built from every `*.json` file in `dir`, or null when there is none. Throws
 * one `calendar.invalid` DomainError listing, in Chinese, every problem of every bad file.
 */
export async function loadHolidayDir(dir: string): Promise<Calendar | null> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.json') && !n.startsWith('.')).sort();
  } catch (error) {
    const code = (error as { code?: string }).code;
    const why =
      code === 'ENOENT' ? '目录不存在' : code === 'ENOTDIR' ? '不是目录' : `无法读取（${code ?? error}）`;
    throw new DomainError('calendar.invalid', `节假日数据目录 ${dir}：${why}`, dir);
  }
  const problems: string[] = [];
  let merged: Calendar | null = null;
  for (const name of names) {
    const path = join(dir, name);
    let data: unknown;
    try {
      data = JSON.parse(await readFile(path, 'utf8'));
    } catch (error) {
      problems.push(`${name}：不是有效的 JSON（${(error as Error).message}）`);
      continue;
    }
    const parsed = parseHolidayFile(data);
    if (!parsed.ok) {
      problems.push(...parsed.problems.map((p) => `${name}：${p}`));
      continue;
    }
    const calendar = buildCalendar(parsed.file, name);
    merged = merged ? mergeCalendars(merged, calendar) : calendar;
  }
  if (problems.length > 0) {
    throw new DomainError(
      'calendar.invalid',
      `节假日数据文件有误（目录 ${dir}）：\n  ${problems.join('\n  ')}`,
      dir,
    );
  }
  return merged;
}

/** The national calendar, merged with the extra files of `holidaysDir` when one is configured. */
export async function loadCalendar(holidaysDir: string | null): Promise<Calendar> {
  const national = nationalCalendar();
  if (!holidaysDir) return national;
  const extra = await loadHolidayDir(holidaysDir);
  return extra ? mergeCalendars(national, extra) : national;
}
