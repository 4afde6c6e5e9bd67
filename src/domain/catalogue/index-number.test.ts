import { describe, expect, it } from 'vitest';
import {
  formatIndexNumber,
  INDEX_NUMBER_PATTERN,
  normalizeOrgCode,
  parseIndexNumber,
} from './index-number.ts';

describe('generating index numbers', () => {
  it('gives the guideline’s 20-character form with a five-digit serial', () => {
    const n = formatIndexNumber('00272001X', 2024, 7);
    expect(n).toBe('00272001X/2024-00007');
    expect(n).toHaveLength(20);
    expect(n).toMatch(INDEX_NUMBER_PATTERN);
  });

  it('refuses a serial past 99999 and a front part that is not 9 characters', () => {
    expect(() => formatIndexNumber('00272001X', 2024, 100_000)).toThrow(RangeError);
    expect(() => formatIndexNumber('01424668-5', 2024, 1)).toThrow(RangeError);
  });

  it('takes an organisation code with its hyphen, or the code inside a unified social credit code', () => {
    expect(normalizeOrgCode('01424668-5')).toBe('014246685');
    expect(normalizeOrgCode(' 00272001x ')).toBe('00272001X');
    expect(normalizeOrgCode('11341702486344515H')).toBe('486344515');
    expect(normalizeOrgCode('宁海县')).toBeNull();
    expect(normalizeOrgCode('12345')).toBeNull();
  });
});

describe('parsing index numbers as portals print them (glossary §5.2)', () => {
  const parsed = (s: string) => parseIndexNumber(s).value;

  it('the guideline form of www.gov.cn', () => {
    const r = parseIndexNumber('000014349/2017-00110');
    expect(r.value).toMatchObject({
      frontKind: 'organisation_code',
      orgCode: '000014349',
      year: 2017,
      month: null,
      serial: 110,
      isGuidelineForm: true,
    });
    expect(r.findings).toEqual([]);
  });

  it('an organisation code that keeps its hyphen (江苏 启东)', () => {
    expect(parsed('01424668-5/2021-00063')).toMatchObject({
      orgCode: '014246685',
      year: 2021,
      serial: 63,
      isGuidelineForm: false,
    });
  });

  it('a unified social credit code and a year with its month (安徽 宁国)', () => {
    expect(parsed('11341702486344515H/202110-00013')).toMatchObject({
      frontKind: 'credit_code',
      orgCode: '486344515',
      year: 2021,
      month: 10,
      serial: 13,
    });
  });

  it('a pinyin agency code and a seven-digit serial (山东 临沂兰山)', () => {
    expect(parsed('lanshanquczj/2020-0000077')).toMatchObject({
      frontKind: 'local',
      front: 'lanshanquczj',
      orgCode: null,
      year: 2020,
      serial: 77,
    });
  });

  it('a hyphen instead of the slash and a six-digit serial (云南 怒江)', () => {
    expect(parsed('01527918X-2020-153077')).toMatchObject({
      orgCode: '01527918X',
      year: 2020,
      serial: 153077,
    });
  });

  it('full-width characters and spaces around the number', () => {
    expect(parsed(' ００００１４３４９／２０１７－００１１０ ')).toMatchObject({
      serial: 110,
      isGuidelineForm: true,
    });
  });

  it('keeps a string it cannot read, with a warning instead of an exception', () => {
    const r = parseIndexNumber('宁海县-第12号');
    expect(r.value).toBeNull();
    expect(r.findings[0]).toMatchObject({ rule: 'index_number.unparsed', severity: 'warning' });
    expect(parseIndexNumber('000014349/202113-00001').value).toBeNull();
  });
});
