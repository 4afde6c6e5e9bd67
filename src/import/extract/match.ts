/**
 * Matching printed labels (already normalised by normalizeLabel) to the keys of the formats.
 * Rows are found by distinctive phrases so that wrapped, abbreviated or re-punctuated labels
 * still match; the longest matching phrase wins.
 */
import { FORMAT_2019 } from '../../domain/report/formats/format-2019.ts';
import { FORMAT_2021 } from '../../domain/report/formats/format-2021.ts';
import { FORMATS, type FormatKey, type Table3RowSpec } from '../../domain/report/formats/index.ts';
import { normalizeLabel } from '../normalize.ts';

function phraseMatches(label: string, phrase: string): number {
  if (phrase.endsWith('$')) {
    const p = phrase.slice(0, -1);
    return label.endsWith(p) ? p.length : 0;
  }
  return label.includes(phrase) ? phrase.length : 0;
}

/** Every table-3 row of every format, each key once (2019's `other`, 2021's `other_1…3`). */
const TABLE3_ROWS: readonly Table3RowSpec[] = (() => {
  const seen = new Map<string, Table3RowSpec>();
  for (const row of [...FORMAT_2019.table3.rows, ...FORMAT_2021.table3.rows]) seen.set(row.key, row);
  return [...seen.values()];
})();

/**
 * Remembers a matcher's answers by label: the same labels come back in every table of every
 * report, and each answer is a search over all the formats' phrases. Answers are shared, so
 * callers must not change them.
 */
function memoized<T>(match: (label: string) => T): (label: string) => T {
  const answers = new Map<string, T>();
  return (label) => {
    if (answers.has(label)) return answers.get(label) as T;
    const answer = match(label);
    if (answers.size >= 20_000) answers.clear();
    answers.set(label, answer);
    return answer;
  };
}

/** The table-3 row a label names, or null. Labels longer than any row label are prose, not labels. */
export const matchTable3Row = memoized(table3Row);

function table3Row(label: string): string | null {
  if (label.length === 0 || label.length > 70) return null;
  let best: string | null = null;
  let bestLength = 0;
  for (const row of TABLE3_ROWS) {
    for (const phrase of row.match) {
      const n = phraseMatches(label, phrase);
      if (n > bestLength) {
        best = row.key;
        bestLength = n;
      }
    }
  }
  return best;
}

export interface Table2RowMatch {
  group: string;
  row: string;
}

const TABLE2_ROW_LABELS: { label: string; group: string; row: string }[] = [];
for (const format of Object.values(FORMATS)) {
  for (const group of format.table2) {
    for (const row of group.rows) {
      for (const label of [row.label, ...(row.aliases ?? [])]) {
        const norm = normalizeLabel(label);
        if (!TABLE2_ROW_LABELS.some((r) => r.label === norm)) {
          TABLE2_ROW_LABELS.push({ label: norm, group: group.key, row: row.key });
        }
      }
    }
  }
}
TABLE2_ROW_LABELS.sort((a, b) => b.label.length - a.label.length);

/** The table-2 row a label names: the label must end with the row's name (规章, 行政许可 …). */
export const matchTable2Row = memoized(table2Row);

function table2Row(label: string): Table2RowMatch | null {
  if (label.length === 0 || label.length > 24) return null;
  for (const r of TABLE2_ROW_LABELS) {
    if (label === r.label || (label.endsWith(r.label) && label.length <= r.label.length + 6)) {
      return { group: r.group, row: r.row };
    }
  }
  return null;
}

/** 第二十条第（一）项 → art20_1. */
export function matchTable2Group(label: string): string | null {
  const m = /第二十条第([一二三四五六七八九十]+)项/.exec(label);
  if (!m) return null;
  const n = '一二三四五六七八九十'.indexOf(m[1]!) + 1;
  return n > 0 && m[1]!.length === 1 ? `art20_${n}` : null;
}

export interface Table2ColumnMatch {
  column: string;
  /** The formats whose header uses this label; evidence for format detection. */
  formats: FormatKey[];
  /** Unit printed in the header, e.g. 万元 in 采购总金额(万元). */
  unit: string | null;
}

/** A table-2 header label → column key, with the formats that print it. */
export const matchTable2Column = memoized(table2Column);

function table2Column(label: string): Table2ColumnMatch | null {
  if (label.length === 0 || label.length > 24) return null;
  const found: Table2ColumnMatch[] = [];
  for (const format of Object.values(FORMATS)) {
    for (const group of format.table2) {
      for (const column of group.columns) {
        const names = [column.label, ...(column.aliases ?? [])].map(normalizeLabel);
        if (names.some((n) => label === n || label.startsWith(n) || (n.length >= 4 && n.startsWith(label)))) {
          const existing = found.find((f) => f.column === column.key);
          if (existing) {
            if (!existing.formats.includes(format.key)) existing.formats.push(format.key);
          } else {
            const unit = /万元/.test(label) ? '万元' : /元/.test(label) ? '元' : null;
            found.push({ column: column.key, formats: [format.key], unit });
          }
        }
      }
    }
  }
  // Prefer the most specific: a label matching several columns keeps the first exact one.
  return found[0] ?? null;
}
