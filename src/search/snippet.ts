/**
 * Highlighted snippets, built from the stored original text so both engines give the same
 * one. Matching runs on the raw text and every piece is escaped on its way out, which is
 * "escape, then wrap" without the trap of matching inside an entity (a word `lt` in `&lt;`).
 */

const SNIPPET_LENGTH = 120;
/** Characters of context kept before the first match in the snippet. */
const LEAD = 24;
/** Enough matches to choose a good window; a document full of one word needs no more. */
const MAX_MATCHES = 200;

const CLAUSE_BREAK = /[。；！？，、：\n]/;

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text made safe to place in HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch] ?? ch);
}

/**
 * One regular expression for all words, longest first. Latin words and numbers must stand
 * alone (`12` does not light up inside `2012`); Chinese has no word boundaries to honour.
 */
export function wordsPattern(words: readonly string[]): RegExp | null {
  if (words.length === 0) return null;
  const alternatives = [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => {
      const escaped = w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      return /^[a-z0-9]+$/.test(w) ? `(?<![a-z0-9])${escaped}(?![a-z0-9])` : escaped;
    });
  return new RegExp(alternatives.join('|'), 'giu');
}

/** The whole text, escaped, with <mark> around every match. */
export function highlight(text: string, pattern: RegExp | null): string {
  if (!pattern) return escapeHtml(text);
  // Adjacent matches (依|申请|公开) share one <mark>.
  const spans: [number, number][] = [];
  for (const m of text.matchAll(pattern)) {
    const previous = spans.at(-1);
    if (previous && previous[1] === m.index) previous[1] = m.index + m[0].length;
    else spans.push([m.index, m.index + m[0].length]);
  }
  let out = '';
  let last = 0;
  for (const [start, end] of spans) {
    out += escapeHtml(text.slice(last, start)) + '<mark>' + escapeHtml(text.slice(start, end)) + '</mark>';
    last = end;
  }
  return out + escapeHtml(text.slice(last));
}

/**
 * A passage of about SNIPPET_LENGTH characters from the first text that has a match (body,
 * then attachments), placed where it holds the most distinct words; the start of the first
 * non-empty text when the match was only in the title.
 */
export function snippet(texts: readonly string[], pattern: RegExp | null): string {
  const withText = texts.filter((t) => t.trim() !== '');
  for (const text of withText) {
    const start = pattern ? bestWindowStart(text, pattern) : null;
    if (start !== null) return passage(text, start, pattern);
  }
  return withText[0] === undefined ? '' : passage(withText[0], 0, pattern);
}

function bestWindowStart(text: string, pattern: RegExp): number | null {
  const matches: { index: number; word: string }[] = [];
  for (const m of text.matchAll(pattern)) {
    matches.push({ index: m.index, word: m[0].toLowerCase() });
    if (matches.length >= MAX_MATCHES) break;
  }
  let best: { index: number; distinct: number } | null = null;
  for (let i = 0; i < matches.length; i++) {
    const first = matches[i]!;
    const words = new Set<string>();
    for (let j = i; j < matches.length && matches[j]!.index < first.index + SNIPPET_LENGTH - LEAD; j++) {
      words.add(matches[j]!.word);
    }
    if (!best || words.size > best.distinct) best = { index: first.index, distinct: words.size };
  }
  if (!best) return null;
  // Start after the first clause break in the lead-in: the passage begins with a phrase and
  // keeps as much context as that allows.
  const from = Math.max(0, best.index - LEAD);
  if (from === 0) return 0;
  const clauseBreak = text.slice(from, best.index).search(CLAUSE_BREAK);
  return clauseBreak >= 0 ? from + clauseBreak + 1 : from;
}

function passage(text: string, from: number, pattern: RegExp | null): string {
  const start = avoidSurrogateSplit(text, from);
  const end = avoidSurrogateSplit(text, Math.min(text.length, start + SNIPPET_LENGTH));
  const piece = text.slice(start, end).replace(/\s+/g, ' ').trim();
  return (start > 0 ? '…' : '') + highlight(piece, pattern) + (end < text.length ? '…' : '');
}

/** Moves a cut off the second half of a surrogate pair (CJK Extension B and beyond). */
function avoidSurrogateSplit(text: string, at: number): number {
  const code = text.charCodeAt(at);
  return code >= 0xdc00 && code <= 0xdfff ? at - 1 : at;
}
