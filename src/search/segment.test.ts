import { describe, expect, it } from 'vitest';
import { queryTokens, segment, wordParts } from './segment.ts';

describe('segment', () => {
  it('indexes 政府信息公开 so that 政府 and 信息公开 both find it', () => {
    const tokens = segment('政府信息公开').split(' ');
    expect(tokens).toEqual(expect.arrayContaining(['政府', '信息', '公开']));
  });

  it('adds the dictionary words inside a compound (search-engine mode)', () => {
    expect(segment('宁海县人民政府').split(' ')).toEqual(
      expect.arrayContaining(['宁海', '宁海县', '人民', '政府', '人民政府']),
    );
  });

  it('drops punctuation and splits Latin words at hyphens, lower-cased', () => {
    expect(segment('关于做好COVID-19疫情防控工作的通知（第2号）')).toBe(
      '关于 做好 covid 19 疫情 防控 工作 的 通知 第 2 号',
    );
  });

  it('folds full-width characters and PDF radicals before cutting', () => {
    expect(segment('⼈⺠政府２０２４年')).toBe(segment('人民政府2024年'));
  });

  it('returns an empty string for empty text', () => {
    expect(segment('')).toBe('');
  });
});

describe('queryTokens', () => {
  it('keeps the parts of a 文号 and drops its brackets', () => {
    expect(queryTokens('浙政发〔2024〕12号')).toEqual(['浙', '政发', '2024', '12', '号']);
  });

  it('drops stop words and repeats', () => {
    expect(queryTokens('政府的信息和政府的公开')).toEqual(['政府', '信息', '公开']);
  });

  it('reads query syntax as nothing', () => {
    expect(queryTokens('"*:()^-+ OR AND NOT')).toEqual(['not']);
    expect(queryTokens('，。！？《》')).toEqual([]);
  });
});

describe('wordParts', () => {
  it('splits a long word into its two-character dictionary words', () => {
    expect(wordParts('年度报告')).toEqual(['年度', '报告']);
  });

  it('has no parts for a two-character word', () => {
    expect(wordParts('公开')).toEqual([]);
  });
});
