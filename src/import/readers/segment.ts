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

/** Regex source matching `core` with any punctuation, brackets or spaces between its characters. */
function looseSource(core: string): string {
  const chars = [...core].filter((ch) => !/[\s\p{P}]/u.test(ch));
  return chars.map((ch) => ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\s\\p{P}]*');
}

const PATTERNS = LEXICON.map((e, priority) => {
  const chars = [...e.core].filter((ch) => !/[\s\p{P}]/u.test(ch));
  return {
    entry: e,
    /** Longer labels first (LEXICON is sorted so): a shorter label inside a longer one loses. */
    priority,
    re: new RegExp(`${looseSource(e.core)}[)）”」’"]*`, 'uy'),
    first: chars[0] ?? '',
  };
});

/** Patterns by the first character they can match: one pass over a line finds every candidate. */
const BY_FIRST = new Map<string, (typeof PATTERNS)[number][]>();
for (const p of PATTERNS) {
  const list = BY_FIRST.get(p.first) ?? [];
  list.push(p);
  BY_FIRST.set(p.first, list);
}

interface Match {
  start: number;
  end: number;
  entry: Entry;
}

/** `enumerator` is literal text, or a character class "[…]" standing for any one of its characters. */
function enumeratorBefore(text: string, at: number, enumerator: string): number | null {
  const before = text.slice(Math.max(0, at - 6), at);
  const escaped = /^\[[^\]]+\]$/.test(enumerator)
    ? enumerator
    : enumerator.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`(?:[（(]${escaped}[）)]|${escaped}[、.．])\\s*$`, 'u').exec(before);
  if (!m) return null;
  // "00000002." — the 2 belongs to the label only if the enumerator is a number we expect.
  return at - m[0].length;
}

/** Non-overlapping label matches in `text`, longest labels first. */
function findMatches(text: string): Match[] {
  const candidates: { start: number; end: number; pattern: (typeof PATTERNS)[number] }[] = [];
  for (let i = 0; i < text.length; i += 1) {
    const patterns = BY_FIRST.get(text[i]!);
    if (!patterns) continue;
    for (const pattern of patterns) {
      pattern.re.lastIndex = i;
      const m = pattern.re.exec(text);
      if (m) candidates.push({ start: i, end: i + m[0].length, pattern });
    }
  }
  candidates.sort((a, b) => a.pattern.priority - b.pattern.priority || a.start - b.start);
  const taken: Match[] = [];
  const overlaps = (s: number, e: number) => taken.some((m) => s < m.end && e > m.start);
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
