/**
 * What a reply letter cites for each outcome (regulation.md §3 "The seven answers",
 * annual-report-formats.md §3 table 3) and the remedies every letter states (regulation.md §5).
 */
import type { Outcome } from '../applications/model.ts';

export const REGULATION = '《中华人民共和国政府信息公开条例》';

/** The articles of the Regulation an outcome rests on; null where no article applies. */
export const OUTCOME_ARTICLES: Record<Outcome, string | null> = {
  granted: '第三十六条第（一）项、第（二）项',
  partial: '第三十七条',
  denied_1: '第十四条、第三十六条第（三）项',
  denied_2: '第十四条、第三十六条第（三）项',
  denied_3: '第十四条、第三十六条第（三）项',
  denied_4: '第十五条、第三十二条、第三十六条第（三）项',
  denied_5: '第十六条第一款、第三十六条第（三）项',
  denied_6: '第十六条第二款、第三十六条第（三）项',
  denied_7: '第十六条第二款、第三十六条第（三）项',
  denied_8: '第三十六条第（七）项',
  unable_1: '第三十六条第（四）项',
  unable_2: '第三十八条',
  unable_3: '第三十条',
  not_processed_1: '第三十九条第一款',
  not_processed_2: '第三十六条第（六）项',
  not_processed_3: '第三十九条第二款',
  not_processed_4: '第三十五条',
  // The report format has this row but the Regulation no article of its own: what is asked for
  // is not 政府信息 to be obtained in the sense of art. 2.
  not_processed_5: '第二条',
  other_1: '第三十条',
  other_2: '第四十二条',
  // A withdrawal rests on the applicant's own act.
  other_3: null,
};

/** The full citation the {{basis}} placeholder is filled with ('' when the outcome cites none). */
export function basisText(outcome: Outcome): string {
  const articles = OUTCOME_ARTICLES[outcome];
  if (articles === null) return '';
  const regulation = `${REGULATION}${articles}`;
  return outcome === 'other_2'
    ? `${regulation}和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）`
    : regulation;
}

/**
 * Regulation art. 51 and the periods of regulation.md §5: reconsideration within 60 days
 * (《行政复议法》2023 art. 20), a lawsuit within 6 months (《行政诉讼法》art. 46), or within
 * 15 days of the reconsideration decision (《行政诉讼法》art. 45). Natural days and months.
 */
export const REMEDIES_TEXT =
  '如对本答复不服，可以自收到本答复之日起60日内依法申请行政复议，或者自收到本答复之日起6个月内依法向人民法院提起行政诉讼；' +
  '对行政复议决定不服的，可以自收到行政复议决定书之日起15日内依法向人民法院提起行政诉讼。';
