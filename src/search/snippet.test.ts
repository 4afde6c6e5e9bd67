import { describe, expect, it } from 'vitest';
import { escapeHtml, highlight, snippet, wordsPattern } from './snippet.ts';

describe('highlight', () => {
  it('escapes the text and marks every match, adjacent ones in one mark', () => {
    expect(highlight('受理依申请公开<b>', wordsPattern(['依', '申请', '公开']))).toBe(
      '受理<mark>依申请公开</mark>&lt;b&gt;',
    );
  });

  it('never marks inside an entity it produced', () => {
    expect(highlight('a < b', wordsPattern(['lt']))).toBe('a &lt; b');
  });

  it('marks a number only where it stands alone', () => {
    expect(highlight('2012年第12号', wordsPattern(['12']))).toBe('2012年第<mark>12</mark>号');
  });

  it('marks Latin words whatever their case', () => {
    expect(highlight('COVID-19 防控', wordsPattern(['covid']))).toBe('<mark>COVID</mark>-19 防控');
  });
});

describe('snippet', () => {
  const body =
    '一、总体要求。'.repeat(30) + '二、主要任务：深化政务公开，做好政策解读。' + '三、保障措施。'.repeat(30);

  it('starts at the clause before the passage with the most matched words', () => {
    const text = snippet([body], wordsPattern(['政务', '公开', '政策', '解读']));
    expect(text).toMatch(/^…[一二]、/);
    expect(text).toContain('二、主要任务：深化<mark>政务公开</mark>，做好<mark>政策解读</mark>。');
    expect(text.endsWith('…')).toBe(true);
  });

  it('falls back to the attachments, then to the start of the body', () => {
    expect(snippet(['正文', '附件：统计表'], wordsPattern(['统计表']))).toBe('附件：<mark>统计表</mark>');
    expect(snippet(['正文内容', ''], wordsPattern(['标题词']))).toBe('正文内容');
    expect(snippet(['', ''], wordsPattern(['词']))).toBe('');
  });
});

describe('escapeHtml', () => {
  it('escapes the five HTML specials', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
