/**
 * Chinese word segmentation for the search index (ARCHITECTURE.md, known traps): neither
 * FTS5 nor PostgreSQL can split Chinese into words, so both index jieba's output and read
 * queries through the same function. Tokens are normalised (NFKC, radicals, lower case) and
 * cut at anything that is not a letter or a digit, so `COVID-19` is `covid 19` on both engines
 * and no token carries a character either engine's tokenizer would treat differently.
 */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { normalizeText } from '../import/normalize.ts';

/** Loading the dictionary takes about a quarter of a second, so it happens once, on first use. */
let jieba: Jieba | undefined;
function instance(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

const NON_WORD = /[^\p{L}\p{N}]+/u;

/**
 * Function words that carry no meaning in a query (结构助词, 连词, 介词). Left in the index,
 * where they cost little; dropped from queries, where they would only demand a match.
 */
const STOP_WORDS: ReadonlySet<string> = new Set([
  ...'的 地 得 了 着 过 和 与 及 以及 或 或者 而 并 并且 在 是 对 于 为 以 将 把 被 由 从 向 等'.split(' '),
  ...'之 其 该 此 这 那 也 都 就 又 还 the of and or a an'.split(' '),
]);

function normalizedTokens(words: readonly string[]): string[] {
  const out: string[] = [];
  for (const word of words) {
    for (const part of word.toLowerCase().split(NON_WORD)) if (part) out.push(part);
  }
  return out;
}

/**
 * Text for indexing: jieba's search-engine mode, space-joined. It emits the words of the
 * sentence and the dictionary words inside longer ones (宁海县 → 宁海 宁海县), so a query
 * for a part of a compound still finds it.
 */
export function segment(text: string): string {
  if (!text) return '';
  return normalizedTokens(instance().cutForSearch(normalizeText(text), true)).join(' ');
}

/** The words of a query, in order, once each: punctuation and stop words dropped. */
export function queryTokens(q: string): string[] {
  const tokens = normalizedTokens(instance().cut(normalizeText(q), true));
  return [...new Set(tokens.filter((t) => !STOP_WORDS.has(t)))];
}

/**
 * The two-character dictionary words inside a longer query word (年度报告 → 年度 报告). The
 * same word can be cut differently in a document's context (2024年度/报告), so a query word
 * also matches when all of these are present.
 */
export function wordParts(word: string): string[] {
  if ([...word].length < 3) return [];
  const parts = normalizedTokens(instance().cutForSearch(word, true));
  return [...new Set(parts.filter((p) => p !== word && [...p].length === 2))];
}
