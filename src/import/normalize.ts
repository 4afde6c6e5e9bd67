/**
 * Text normalisation before label matching. PDFs set in Noto fonts carry Kangxi and CJK
 * radical code points (⼈⺠⼯); NFKC folds most, U+2EA0 ⺠ needs an explicit mapping
 * (ARCHITECTURE.md, known traps). Full-width digits fold to ASCII under NFKC.
 */

const RADICALS: Record<string, string> = {
  '\u2EA0': '民',
  '\u2E8B': '⺋',
  '\u2ED4': '门',
  '\u2EDA': '页',
  '\u2EE2': '马',
  '\u2EC5': '见',
  '\u2EC8': '讠',
  '\u2ECB': '车',
  '\u2ED3': '长',
  '\u2EA7': '⺧',
  '\u2F08': '人',
};

const RADICAL_RE = new RegExp(`[${Object.keys(RADICALS).join('')}]`, 'gu');

/**
 * Full-width and CJK punctuation (，；：（）“” …) is left as printed so that prose keeps its
 * typography; everything else goes through NFKC (full-width digits and letters, radicals,
 * compatibility ideographs). Label matching ignores punctuation of either width.
 */
const NOT_PUNCTUATION = /[^\u3000-\u303F\uFF01-\uFF0F\uFF1A-\uFF20\uFF3B-\uFF40\uFF5B-\uFF65]+/g;

/**
 * Characters NFKC or our fixes could change: anything outside ASCII, the unified ideographs and
 * the punctuation kept as printed. Most text has none, and is returned as it is.
 */
const MAY_CHANGE =
  /[^\t\n -\u007F\u4E00-\u9FFF\u3000-\u303F\uFF01-\uFF0F\uFF1A-\uFF20\uFF3B-\uFF40\uFF5B-\uFF65\u2018\u2019\u201C\u201D\u2014\u2026\u00B7]|\r/;

/** Characters NFKC never changes, alone or next to each other: ASCII and the unified ideographs. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the whole ASCII range, controls included, is NFKC-stable.
const NFKC_CHANGES = /[^\u0000-\u007F\u4E00-\u9FFF]/;

/**
 * NFKC of one run, skipped for runs of characters NFKC leaves as they are: one odd character
 * (a form feed, a full-width digit) sends the whole text here, but most of its runs are plain.
 */
function nfkc(run: string): string {
  return NFKC_CHANGES.test(run) ? run.normalize('NFKC') : run;
}

/** NFKC (but not on punctuation) plus radical fixes; keeps layout (spaces, tabs, newlines) intact. */
export function normalizeText(text: string): string {
  if (!MAY_CHANGE.test(text)) return text;
  return text
    .replace(RADICAL_RE, (ch) => RADICALS[ch] ?? ch)
    .replace(NOT_PUNCTUATION, nfkc)
    .replace(/\u00A0/g, ' ')
    .replace(/\r\n?/g, '\n');
}

/**
 * A label reduced to its words: no spaces, no punctuation, brackets or quotes, so that
 * "（三）不予 公开", "(三)不予公开" and "三、不予公开" compare equal.
 */
export function normalizeLabel(text: string): string {
  const cached = labelCache.get(text);
  if (cached !== undefined) return cached;
  const label = normalizeText(text)
    .replace(/[\s\u3000]+/g, '')
    .replace(/[()（）【】[\]、.．。,，:：;；“”"'‘’「」《》〈〉·•\-—_/／]/g, '');
  remember(labelCache, text, label);
  return label;
}

/** Labels and cell values repeat across documents (the same form): remember recent ones. */
const CACHE_LIMIT = 20_000;
const labelCache = new Map<string, string>();
const valueCache = new Map<string, ParsedValue>();
function remember<T>(cache: Map<string, T>, key: string, value: T): void {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
}

const NUMBER_RE = /^[+\-−－]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^[+\-−－]?\d+(?:\.\d+)?$/;
/** Cell texts printed for "nothing" in value cells. */
const BLANK_MARKS = new Set(['', '-', '—', '–', '/', '／', '无', '空', '\\', '——', '--', '－', '−', '×']);

export type ParsedValue =
  | { kind: 'blank'; mark: string }
  | { kind: 'number'; value: number; unit: string | null }
  | { kind: 'text' };

/** Reads a value cell: a number (with an optional unit such as 元 or 万元), a blank mark, or text. */
export function parseValue(raw: string): ParsedValue {
  const cached = valueCache.get(raw);
  if (cached !== undefined) return cached;
  const parsed = readValue(raw);
  remember(valueCache, raw, parsed);
  return parsed;
}

function readValue(raw: string): ParsedValue {
  const text = normalizeText(raw).replace(/[\s\u3000]+/g, '');
  if (BLANK_MARKS.has(text)) return { kind: 'blank', mark: text };
  const unitMatch = /^(.*?)(万元|元|件|项|个|条)$/.exec(text);
  const body = unitMatch ? unitMatch[1]! : text;
  if (!NUMBER_RE.test(body)) return { kind: 'text' };
  const value = Number(body.replace(/,/g, '').replace(/[−－]/, '-'));
  if (!Number.isFinite(value)) return { kind: 'text' };
  return { kind: 'number', value, unit: unitMatch ? unitMatch[2]! : null };
}

/** True when a cell holds a value (a number or a blank mark), not a label. */
export function isValueCell(raw: string): boolean {
  return parseValue(raw).kind !== 'text';
}
