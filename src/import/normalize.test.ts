import { describe, expect, it } from 'vitest';
import { normalizeLabel, normalizeText, parseValue } from './normalize.ts';

describe('normalizeText', () => {
  it('keeps the full-width punctuation of prose as printed', () => {
    expect(normalizeText('内容，以打造（一）“阳光政府”：是；')).toBe('内容，以打造（一）“阳光政府”：是；');
  });

  it('folds full-width digits, Kangxi radicals and the ⺠ radical', () => {
    expect(normalizeText('３１件，⼈⺠政府')).toBe('31件，人民政府');
  });
});

describe('normalizeLabel', () => {
  it('makes labels with brackets of either width and stray spaces compare equal', () => {
    expect(normalizeLabel('（三）不予 公开')).toBe(normalizeLabel('(三)不予公开'));
  });
});

describe('parseValue', () => {
  it('reads numbers with units, signs and thousands separators, and blank marks', () => {
    expect(parseValue('251000元')).toEqual({ kind: 'number', value: 251000, unit: '元' });
    expect(parseValue('+1036')).toMatchObject({ kind: 'number', value: 1036 });
    expect(parseValue('1,234')).toMatchObject({ kind: 'number', value: 1234 });
    expect(parseValue('／')).toEqual({ kind: 'blank', mark: '／' });
    expect(parseValue('自然人')).toEqual({ kind: 'text' });
  });
});
