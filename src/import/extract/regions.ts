/**
 * Finding where things are: the title, the six chapter headings, and the line ranges of
 * tables 2, 3 and 4. Tables are found by their own labels, not by chapter headings, because
 * many published copies drop or reword the headings.
 */
import { CHAPTERS } from '../../domain/report/formats/common.ts';
import type { ChapterKey } from '../../domain/report/formats/index.ts';
import { normalizeLabel } from '../normalize.ts';
import type { SourceDocument } from '../source.ts';
import { factsOf } from './facts.ts';

export interface Range {
  from: number;
  to: number;
}

export interface Regions {
  table2: Range | null;
  table3: Range | null;
  table4: Range | null;
  chapters: { key: ChapterKey; line: number; heading: string }[];
}

const NUMERALS = '一二三四五六';

/** A chapter heading: "二、主动公开政府信息情况" (number, then the words), short, alone on its line. */
export function matchChapterHeading(text: string): ChapterKey | null {
  const label = normalizeLabel(text);
  if (label.length === 0 || label.length > 32) return null;
  const index = NUMERALS.indexOf(label[0] ?? '');
  if (index < 0) return null;
  const chapter = CHAPTERS[index];
  if (!chapter) return null;
  return chapter.match.some((m) => label.includes(m)) ? chapter.key : null;
}

function findLine(labels: readonly string[][], from: number, test: (label: string) => boolean): number {
  for (let i = from; i < labels.length; i += 1) {
    if (labels[i]!.some(test)) return i;
  }
  return -1;
}

export function findRegions(doc: SourceDocument): Regions {
  const { texts, labels } = factsOf(doc);
  const chapters: Regions['chapters'] = [];
  let last = -1;
  doc.lines.forEach((line, i) => {
    if (line.isTableRow) return;
    const text = texts[i]!;
    const key = matchChapterHeading(text);
    if (!key) return;
    const order = CHAPTERS.findIndex((c) => c.key === key);
    if (order > last) {
      chapters.push({ key, line: i, heading: text.trim() });
      last = order;
    }
  });

  const t2 = findLine(labels, 0, (l) => /^第二十条第[一二三四五六七八九]项/.test(l) || l === '信息内容');
  const t3 = findLine(
    labels,
    Math.max(t2, 0),
    (l) => l.length < 60 && (/本年新收/.test(l) || /^申请人情况$/.test(l) || /勾稽关系/.test(l)),
  );
  const t4 = findLine(labels, Math.max(t3, t2, 0), (l) => l === '行政复议' || /^行政复议行政诉讼$/.test(l));

  const chapterAfter = (line: number) => chapters.find((c) => c.line > line)?.line ?? doc.lines.length;
  const endOf = (start: number, next: number) =>
    Math.min(next >= 0 ? next : doc.lines.length, chapterAfter(start));

  return {
    table2: t2 >= 0 ? { from: t2, to: endOf(t2, t3 > t2 ? t3 : -1) } : null,
    table3: t3 >= 0 ? { from: Math.max(t3 - 1, 0), to: endOf(t3, t4 > t3 ? t4 : -1) } : null,
    table4: t4 >= 0 ? { from: t4, to: endOf(t4, -1) } : null,
    chapters,
  };
}
