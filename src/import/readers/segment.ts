/**
 * Text run together. Some portals' page text loses every cell border:
 * "…（七）总计630020469四、结转下年度继续办理1000001…". The labels of the format are known,
 * so we cut the text where a label starts and read what follows it up to the next label as
 * that row's values. A cut is made only where a label is followed by a number or by another
 * label, so prose that merely mentions 行政许可 stays whole.
 */
import { CHAPTERS } from '../../domain/report/formats/common.ts';
import {
  FORMATS,
  TABLE3_COLUMN_LABELS,
  TABLE4_COLUMN_LABELS,
  TABLE4_GROUP_LABELS,
} from '../../domain/report/formats/index.ts';

interface Entry {
  core: string;
  /** Enumerator printed before the core in the format ("2", "七", "三"), if any. */
  enumerator: string | null;
  /** Short cores ("其他") are labels only right after their enumerator. */
  needsEnumerator: boolean;
  /** Headings and group labels cut wherever they stand. */
  alwaysCut: boolean;
  /** A chapter heading (一、总体情况 …), not a table label. */
  isHeading: boolean;
}

const ENUM_RE = /^(?:[（(]([一二三四五六七八九十]+)[）)]|([一二三四五六七八九十]+)、|(\d+)[.．、])/;

function entry(label: string, alwaysCut = false): Entry {
  const m = ENUM_RE.exec(label);
  const core = m ? label.slice(m[0].length) : label;
  const enumerator = m ? (m[1] ?? m[2] ?? m[3] ?? null) : null;
  return { core, enumerator, needsEnumerator: core.length <= 2, alwaysCut, isHeading: false };
}

function buildLexicon(): Entry[] {
  const entries: Entry[] = [];
  for (const format of Object.values(FORMATS)) {
    for (const group of format.table2) {
      entries.push(entry(group.label, true));
      for (const row of group.rows)
        entries.push(entry(row.label), ...(row.aliases ?? []).map((a) => entry(a)));
      for (const column of group.columns)
        entries.push(entry(column.label), ...(column.aliases ?? []).map((a) => entry(a)));
    }
    for (const row of format.table3.rows) {
      entries.push(entry(row.label));
      if (row.parent) entries.push(entry(row.parent));
    }
  }
  for (const chapter of CHAPTERS) {
    for (const heading of [chapter.heading, ...chapter.variants])
      entries.push({ ...entry(heading, true), needsEnumerator: true, isHeading: true });
  }
  for (const label of [
    '信息内容',
    '申请人情况',
    '法人或其他组织',
    '三、本年度办理结果',
    '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
    ...Object.values(TABLE3_COLUMN_LABELS),
    ...Object.values(TABLE4_GROUP_LABELS),
    ...Object.values(TABLE4_COLUMN_LABELS),
    '行政诉讼',
  ]) {
    entries.push(entry(label, label.length > 6));
  }
  const seen = new Set<string>();
  return entries
    .filter((e) => e.core.length > 0)
    .filter((e) => {
      const key = `${e.enumerator ?? ''}|${e.core}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => b.core.length - a.core.length);
}

const LEXICON = buildLexicon();

/**
 * Characters allowed between the characters of a label: spaces and punctuation of any width
 * ("（三）不予 公开", "行政·许可"). Decided once per code point; a table for the BMP.
 */
const SKIPPABLE_RE = /^[\s\p{P}]$/u;
const UNKNOWN = 0;
const SKIP = 1;
const KEEP = 2;
const bmpSkippable = new Uint8Array(0x10000);
function isSkippable(codePoint: number): boolean {
  if (codePoint > 0xffff) return SKIPPABLE_RE.test(String.fromCodePoint(codePoint));
  let known = bmpSkippable[codePoint]!;
  if (known === UNKNOWN) {
    known = SKIPPABLE_RE.test(String.fromCharCode(codePoint)) ? SKIP : KEEP;
    bmpSkippable[codePoint] = known;
  }
  return known === SKIP;
}

/** Closing marks a label may carry after its last character: "（四）…）" or a closing quote. */
const CLOSING = new Set([...')）”」’"'].map((ch) => ch.charCodeAt(0)));

interface Pattern {
  entry: Entry;
  /** Longer labels first (LEXICON is sorted so): a shorter label inside a longer one loses. */
  priority: number;
}

/**
 * Every label of the lexicon in one trie of its characters (spaces and punctuation left out).
 * Walking it from a position of a line finds every label that starts there in one pass, the
 * same matches as one loose regex per label (`规[\s\p{P}]*章[)）”」’"]*`) tried in turn, which
 * cost a fifth of all text import. The walk is deterministic: a label character is never
 * skippable, so skipping every space and punctuation mark before it cannot skip too far.
 */
interface TrieNode {
  /** Children by code point (numbers: reading a CJK character as a string would allocate one). */
  next: Map<number, TrieNode>;
  /** Labels that end at this node. */
  ends: Pattern[];
}

const TRIE: TrieNode = { next: new Map(), ends: [] };
LEXICON.forEach((entry, priority) => {
  const chars = [...entry.core].map((ch) => ch.codePointAt(0)!).filter((code) => !isSkippable(code));
  if (chars.length === 0) return;
  let node = TRIE;
  for (const ch of chars) {
    let child = node.next.get(ch);
    if (!child) {
      child = { next: new Map(), ends: [] };
      node.next.set(ch, child);
    }
    node = child;
  }
  node.ends.push({ entry, priority });
});

interface Match {
  start: number;
  end: number;
  entry: Entry;
}

/**
 * The trie's first level as an array indexed by BMP character: every position of a line
 * looks here, and most find nothing, so this lookup is an array load rather than a hash.
 * (A label never starts with a space or punctuation mark, so nothing is skipped before it.)
 */
const FIRST: (TrieNode | undefined)[] = new Array(0x10000).fill(undefined);
for (const [code, node] of TRIE.next) if (code <= 0xffff) FIRST[code] = node;

function codeAt(text: string, at: number): number {
  return text.codePointAt(at)!;
}

/** UTF-16 code units taken by a code point. */
function width(code: number): number {
  return code > 0xffff ? 2 : 1;
}

/** Every label starting at `start`: pushes one candidate per label found. */
function labelsAt(text: string, start: number, out: Candidate[]): void {
  const first = text.charCodeAt(start);
  let node: TrieNode | undefined;
  let at: number;
  // A high surrogate starts a character beyond the BMP: look it up by its code point.
  if (first >= 0xd800 && first <= 0xdbff) {
    const code = codeAt(text, start);
    node = TRIE.next.get(code);
    at = start + width(code);
  } else {
    node = FIRST[first];
    at = start + 1;
  }
  while (node) {
    if (node.ends.length > 0) {
      let end = at;
      while (end < text.length && CLOSING.has(text.charCodeAt(end))) end += 1;
      for (const pattern of node.ends) out.push({ start, end, pattern });
    }
    if (node.next.size === 0) return;
    // Spaces and punctuation between the characters of a label are skipped.
    let code = at < text.length ? codeAt(text, at) : -1;
    while (code >= 0 && isSkippable(code)) {
      at += width(code);
      code = at < text.length ? codeAt(text, at) : -1;
    }
    if (code < 0) return;
    node = node.next.get(code);
    at += width(code);
  }
}

interface Candidate {
  start: number;
  end: number;
  pattern: Pattern;
}

/** Enumerator patterns, built once per enumerator. */
const enumeratorPatterns = new Map<string, RegExp>();

/** `enumerator` is literal text, or a character class "[…]" standing for any one of its characters. */
function enumeratorBefore(text: string, at: number, enumerator: string): number | null {
  const before = text.slice(Math.max(0, at - 6), at);
  let re = enumeratorPatterns.get(enumerator);
  if (!re) {
    const escaped = /^\[[^\]]+\]$/.test(enumerator)
      ? enumerator
      : enumerator.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    re = new RegExp(`(?:[（(]${escaped}[）)]|${escaped}[、.．])\\s*$`, 'u');
    enumeratorPatterns.set(enumerator, re);
  }
  const m = re.exec(before);
  if (!m) return null;
  // "00000002." — the 2 belongs to the label only if the enumerator is a number we expect.
  return at - m[0].length;
}

/** Non-overlapping label matches in `text`, longest labels first. */
function findMatches(text: string): Match[] {
  const candidates: Candidate[] = [];
  for (let i = 0; i < text.length; i += 1) labelsAt(text, i, candidates);
  candidates.sort((a, b) => a.pattern.priority - b.pattern.priority || a.start - b.start);
  const taken: Match[] = [];
  // Characters already covered by a taken label. Every match covers at least one character,
  // so two matches overlap exactly when they share a covered character; a whole report run
  // together on one line has hundreds of labels, too many to compare pairwise.
  const covered = new Uint8Array(text.length);
  const overlaps = (s: number, e: number) => covered.subarray(s, e).includes(1);
  for (const { start: found, end, pattern } of candidates) {
    const e = pattern.entry;
    let start = found;
    if (e.enumerator) {
      // A chapter heading keeps its words when its number is misprinted ("二、收到和处理…" for 三).
      const withEnum = e.isHeading
        ? enumeratorBefore(text, start, '[一二三四五六七八九十]')
        : enumeratorBefore(text, start, e.enumerator);
      if (withEnum !== null) start = withEnum;
      else if (e.needsEnumerator) continue;
    }
    if (overlaps(start, end)) continue;
    taken.push({ start, end, entry: e });
    covered.fill(1, start, end);
  }
  return taken.sort((a, b) => a.start - b.start);
}

export interface Segment {
  label: string;
  isHeading: boolean;
  /** The text after the label up to the next cut (values, or prose). */
  rest: string;
}

/**
 * Cuts a run-together line at the labels it contains. Returns null when the line holds fewer
 * than two labels (nothing to cut: the ordinary readers handle it).
 */
export function segmentAtLabels(text: string): { lead: string; segments: Segment[] } | null {
  const matches = findMatches(text);
  const cuts = matches.filter((m, i) => {
    if (m.entry.alwaysCut) return true;
    const after = text.slice(m.end).trimStart();
    const next = matches[i + 1];
    const nextIsAdjacent = next !== undefined && text.slice(m.end, next.start).trim() === '';
    return /^[+\-−]?\d/.test(after) || nextIsAdjacent || after === '';
  });
  if (cuts.length < 2) return null;
  const segments: Segment[] = cuts.map((m, i) => ({
    label: text.slice(m.start, m.end),
    isHeading: m.entry.isHeading,
    rest: text.slice(m.end, cuts[i + 1]?.start ?? text.length),
  }));
  return { lead: text.slice(0, cuts[0]!.start), segments };
}
