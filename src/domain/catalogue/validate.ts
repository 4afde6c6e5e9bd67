/**
 * Consistency of an item's dates and fields (glossary §5.4), as plain functions: each problem
 * names its field and says what is wrong in Chinese. The use cases turn the first into a
 * DomainError; forms can show them all.
 */
import type { IsoDate } from '../calendar/index.ts';

export interface ItemProblem {
  field: string;
  message: string;
}

export interface ItemDates {
  madeOn: IsoDate;
  changedOn: IsoDate | null;
  publishedOn: IsoDate | null;
  effectiveOn: IsoDate | null;
  repealedOn: IsoDate | null;
}

/** Date order: made ≤ changed, published, effective ≤ repealed; nothing formed or published after `asOf`. */
export function itemDateProblems(dates: ItemDates, asOf: IsoDate): ItemProblem[] {
  const problems: ItemProblem[] = [];
  const add = (field: string, message: string) => problems.push({ field, message });
  if (dates.madeOn > asOf) add('madeOn', `成文日期${dates.madeOn}晚于今天（${asOf}），请核对`);
  if (dates.changedOn !== null) {
    if (dates.changedOn < dates.madeOn) add('changedOn', '变更日期不能早于成文日期');
    if (dates.changedOn > asOf) add('changedOn', `变更日期${dates.changedOn}晚于今天（${asOf}），请核对`);
  }
  if (dates.publishedOn !== null) {
    if (dates.publishedOn < dates.madeOn) add('publishedOn', '发布日期不能早于成文日期');
    if (dates.publishedOn > asOf)
      add('publishedOn', `发布日期${dates.publishedOn}晚于今天（${asOf}），请核对`);
  }
  if (dates.effectiveOn !== null && dates.effectiveOn < dates.madeOn) {
    add('effectiveOn', '实施日期不能早于成文日期');
  }
  if (dates.repealedOn !== null) {
    if (dates.repealedOn < dates.madeOn) add('repealedOn', '废止日期不能早于成文日期');
    if (dates.effectiveOn !== null && dates.repealedOn < dates.effectiveOn) {
      add('repealedOn', '废止日期不能早于实施日期');
    }
    if (dates.repealedOn > asOf) add('repealedOn', `废止日期${dates.repealedOn}晚于今天（${asOf}），请核对`);
  }
  return problems;
}

/** 主题词: one list from text separated by commas, 、, semicolons or spaces; duplicates dropped. */
export function splitKeywords(text: string | readonly string[]): string[] {
  const parts = typeof text === 'string' ? text.split(/[,，;；、\s]+/) : text;
  const seen = new Set<string>();
  for (const part of parts) {
    const word = part.trim();
    if (word) seen.add(word);
  }
  return [...seen];
}

/**
 * Whether an item can be linked as the interpretation (政策解读) of another: not itself, and
 * the policy is not itself an interpretation (a 解读 explains a policy, not another 解读).
 */
export function interpretationProblem(
  interpretation: { id: number },
  policy: { id: number; interpretationOf: number | null },
): ItemProblem | null {
  if (interpretation.id === policy.id) return { field: 'policyItemId', message: '一条信息不能解读它自己' };
  if (policy.interpretationOf !== null) {
    return { field: 'policyItemId', message: '所选信息本身是一篇政策解读，请选择被解读的政策文件' };
  }
  return null;
}
