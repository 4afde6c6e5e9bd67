import { describe, expect, it } from 'vitest';
import { OUTCOMES } from '../applications/model.ts';
import { basisText, REMEDIES_TEXT } from './basis.ts';
import {
  chineseDate,
  composeLetter,
  DEFAULT_TEMPLATES,
  fillTemplate,
  type PlaceholderValues,
  statesRemedies,
  unknownPlaceholders,
} from './templates.ts';

const values = (over: Partial<PlaceholderValues> = {}): PlaceholderValues => ({
  agency_name: '宁海县测试局',
  applicant_name: '张某',
  tracking_number: '20210305-ABCDEF',
  received_on: '2021年3月5日',
  request: '2020年某路段改造工程的立项批复',
  reply_date: '2021年3月26日',
  outcome: '予以公开',
  basis: basisText('denied_5'),
  remedies: REMEDIES_TEXT,
  reason: '',
  ...over,
});

describe('default reply-letter templates', () => {
  it('exist for every outcome, use only known placeholders and state the remedies', () => {
    for (const outcome of OUTCOMES) {
      const t = DEFAULT_TEMPLATES[outcome];
      expect(unknownPlaceholders(`${t.title}${t.body}`), outcome).toEqual([]);
      expect(statesRemedies(t.body), outcome).toBe(true);
      // Every outcome but a withdrawal cites the article it rests on.
      expect(t.body.includes('{{basis}}'), outcome).toBe(outcome !== 'other_3');
    }
  });

  it('cite art. 16 ¶1 for internal-affairs information and 109号 for an unpaid fee', () => {
    expect(basisText('denied_5')).toBe(
      '《中华人民共和国政府信息公开条例》第十六条第一款、第三十六条第（三）项',
    );
    expect(basisText('other_2')).toContain('国办函〔2020〕109号');
    expect(basisText('unable_1')).toContain('第三十六条第（四）项');
    expect(basisText('other_3')).toBe('');
  });

  it('fill a letter: salutation, paragraphs with the article and the remedies, signature', () => {
    const letter = composeLetter(DEFAULT_TEMPLATES.denied_5, values());
    expect(letter.title).toBe('政府信息公开申请答复书');
    expect(letter.salutation).toBe('张某：');
    expect(letter.paragraphs[0]).toContain(
      '本机关于2021年3月5日收到您提出的政府信息公开申请（申请编号：20210305-ABCDEF）',
    );
    expect(letter.paragraphs[1]).toContain('第十六条第一款');
    expect(letter.paragraphs).toContain(REMEDIES_TEXT);
    expect(letter.signature).toEqual({ agency: '宁海县测试局', date: '2021年3月26日' });
  });

  it('name the unknown placeholders of a template, once each', () => {
    expect(unknownPlaceholders('{{applicant_name}}：{{ 联系电话 }}{{phone}}{{联系电话}}')).toEqual([
      '联系电话',
      'phone',
    ]);
  });

  it('put a multi-line request on one line and write dates the 公文 way', () => {
    expect(fillTemplate('“{{request}}”', values({ request: '甲\n乙' }))).toBe('“甲 乙”');
    expect(chineseDate('2021-03-05')).toBe('2021年3月5日');
  });

  it('accept a template that words the remedies itself', () => {
    expect(statesRemedies('可以依法申请行政复议或者提起行政诉讼。')).toBe(true);
    expect(statesRemedies('特此告知。')).toBe(false);
  });
});
