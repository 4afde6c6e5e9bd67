import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addWorkingDays, toIsoDate } from '../../domain/calendar/index.ts';
import { DomainError } from '../../domain/errors.ts';
import { loadCalendar, loadHolidayDir } from './load-calendar.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gongkai-holidays-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const year2027 = { '2027': { holidays: ['2027-01-01'], workdays: [], document_no: '测试' } };

async function failure(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('loading extra holiday files', () => {
  it('uses the national calendar alone when no directory is configured', async () => {
    const calendar = await loadCalendar(null);
    expect([...calendar.noticeYears]).not.toContain(2027);
  });

  it('adds a year from a file in the directory, so counts into it are settled', async () => {
    await writeFile(join(dir, '2027.json'), JSON.stringify(year2027));
    await writeFile(join(dir, 'README.txt'), 'not data');
    const calendar = await loadCalendar(dir);
    expect(addWorkingDays(toIsoDate('2026-12-31'), 1, calendar)).toEqual({
      isProvisional: false,
      value: '2027-01-04',
    });
    expect(calendar.sources.find((s) => s.noticeYear === 2027)?.origin).toBe('2027.json');
  });

  it('returns nothing for an empty directory', async () => {
    expect(await loadHolidayDir(dir)).toBeNull();
  });

  it('merges files in name order, the later file winning on a date', async () => {
    await writeFile(
      join(dir, 'a.json'),
      JSON.stringify({ '2027': { holidays: ['2027-02-06'], workdays: [] } }),
    );
    await writeFile(
      join(dir, 'b.json'),
      JSON.stringify({ '2027': { holidays: [], workdays: ['2027-02-06'] } }),
    );
    const calendar = await loadHolidayDir(dir);
    expect(calendar?.makeUpWorkdays.has(toIsoDate('2027-02-06'))).toBe(true);
    expect(calendar?.offDays.has(toIsoDate('2027-02-06'))).toBe(false);
  });

  it('reports every problem of every bad file at once, in Chinese, with the code calendar.invalid', async () => {
    await writeFile(
      join(dir, '2027.json'),
      JSON.stringify({ '2027': { holidays: ['2027-02-30'], workdays: [] } }),
    );
    await writeFile(join(dir, 'broken.json'), '{ "2028": ');
    await writeFile(join(dir, 'ok.json'), JSON.stringify(year2027));
    const error = await failure(loadCalendar(dir));
    expect(error.code).toBe('calendar.invalid');
    expect(error.message).toContain('节假日数据文件有误');
    expect(error.message).toContain('2027.json：2027.holidays[0]：日期应为存在的“年-月-日”');
    expect(error.message).toContain('broken.json：不是有效的 JSON');
    expect(error.message).not.toContain('ok.json');
  });

  it('says so in Chinese when the directory does not exist', async () => {
    const error = await failure(loadCalendar(join(dir, 'missing')));
    expect(error.code).toBe('calendar.invalid');
    expect(error.message).toMatch(/节假日数据目录 .*missing：目录不存在/);
  });
});
