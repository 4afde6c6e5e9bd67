/**
 * 法定主动公开内容: the fifteen kinds of information Regulation art. 20 has every agency publish
 * proactively, each with how many public items fall under it and the newest of them.
 */
import { catalogueBrowseRepository, type ItemSummary } from '../../db/repositories/catalogue-browse.ts';
import { ART20_ITEM_LABELS } from '../../domain/catalogue/model.ts';
import type { Deps } from '../deps.ts';

export interface StatutoryKind {
  /** 1–15, the art. 20 item (一)…(十五). */
  number: number;
  /** The statute's wording. */
  label: string;
  count: number;
  latest: ItemSummary[];
}

/** Every art. 20 item with its count and up to `perItem` newest public items. */
export async function statutoryOverview(deps: Deps, perItem = 5): Promise<StatutoryKind[]> {
  const browse = catalogueBrowseRepository(deps.db.db);
  const counts = await browse.countsByArt20();
  const kinds: StatutoryKind[] = [];
  for (let number = 1; number <= 15; number += 1) {
    const count = counts.get(number) ?? 0;
    // Counted above already: only the newest items are read.
    const latest = count > 0 ? await browse.page({ art20: number }, { limit: perItem, offset: 0 }) : [];
    kinds.push({ number, label: ART20_ITEM_LABELS[number] ?? '', count, latest });
  }
  return kinds;
}

/** 一 … 十五, as the Regulation numbers its items. */
export function chineseNumeral(n: number): string {
  const digits = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (n < 10) return digits[n] ?? String(n);
  if (n < 20) return `十${digits[n - 10] ?? ''}`;
  return `${digits[Math.floor(n / 10)] ?? ''}十${digits[n % 10] ?? ''}`;
}
