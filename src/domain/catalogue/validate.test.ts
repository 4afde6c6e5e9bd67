import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../calendar/index.ts';
import { interpretationProblem, itemDateProblems, splitKeywords } from './validate.ts';

const d = (s: string) => s as IsoDate;
const dates = (over: Partial<Record<string, string | null>> = {}) => ({
  madeOn: d(over.madeOn ?? '2024-03-01'),
  changedOn: (over.changedOn ?? null) as IsoDate | null,
  publishedOn: (over.publishedOn ?? null) as IsoDate | null,
  effectiveOn: (over.effectiveOn ?? null) as IsoDate | null,
  repealedOn: (over.repealedOn ?? null) as IsoDate | null,
});

describe('item dates', () => {
  it('accepts a document made, published, in force and repealed in order', () => {
    const ok = dates({ publishedOn: '2024-03-05', effectiveOn: '2024-04-01', repealedOn: '2025-01-01' });
    expect(itemDateProblems(ok, d('2025-06-30'))).toEqual([]);
  });

  it('names the field of each date out of order', () => {
    const bad = dates({ publishedOn: '2024-02-01', effectiveOn: '2024-05-01', repealedOn: '2024-04-01' });
    expect(itemDateProblems(bad, d('2025-06-30')).map((p) => p.field)).toEqual(['publishedOn', 'repealedOn']);
  });

  it('refuses a document made after today', () => {
    expect(itemDateProblems(dates({ madeOn: '2024-03-02' }), d('2024-03-01'))[0]?.message).toContain(
      '晚于今天',
    );
  });
});

describe('keywords and interpretations', () => {
  it('splits 主题词 at Chinese and Latin separators and drops repeats', () => {
    expect(splitKeywords('政务公开，年度报告；政务公开 统计')).toEqual(['政务公开', '年度报告', '统计']);
    expect(splitKeywords(['  教育 ', ''])).toEqual(['教育']);
  });

  it('does not link an item to itself or to another interpretation', () => {
    expect(interpretationProblem({ id: 1 }, { id: 1, interpretationOf: null })).not.toBeNull();
    expect(interpretationProblem({ id: 2 }, { id: 3, interpretationOf: 9 })?.message).toContain('政策解读');
    expect(interpretationProblem({ id: 2 }, { id: 3, interpretationOf: null })).toBeNull();
  });
});
