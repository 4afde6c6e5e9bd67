import { describe, expect, it } from 'vitest';
import { noConstraint, splitFused, table3RowConstraint, table4RowConstraint } from './fused.ts';

describe('splitFused', () => {
  it('cuts a table-3 row whose seven cells ran together, using 总计 = sum of the columns', () => {
    expect(splitFused(['640020470'], 7, table3RowConstraint)).toEqual([[64, 0, 0, 2, 0, 4, 70]]);
    expect(splitFused(['0000000'], 7, table3RowConstraint)).toEqual([[0, 0, 0, 0, 0, 0, 0]]);
  });

  it('keeps a space that survived as a forced cut', () => {
    expect(splitFused(['500000', '5'], 7, table3RowConstraint)).toEqual([[5, 0, 0, 0, 0, 0, 5]]);
  });

  it('never reads a leading zero as part of a number', () => {
    expect(splitFused(['000'], 3, noConstraint)).toEqual([[0, 0, 0]]);
  });

  it('returns every cut when the digits alone cannot decide', () => {
    expect(splitFused(['693665'], 3, noConstraint).length).toBeGreaterThan(1);
  });

  it('cuts table 4 with a sum check in each of its three groups', () => {
    const solutions = splitFused(['10203120001200000'], 15, table4RowConstraint);
    for (const s of solutions) expect(table4RowConstraint(s)).toBe(true);
    expect(solutions.length).toBeGreaterThan(0);
  });
});

describe('splitFused with signs and decimals', () => {
  it('starts a new number at a sign and keeps the decimal point in the last number of a run', () => {
    expect(splitFused(['20', '+17'], 2, noConstraint)).toEqual([[20, 17]]);
    expect(splitFused(['1357.5'], 2, noConstraint)).toEqual([
      [1, 357.5],
      [13, 57.5],
      [135, 7.5],
    ]);
  });
});
