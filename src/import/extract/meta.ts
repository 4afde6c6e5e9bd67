/**
 * Title, year and agency of a report, read from the document itself: the title line
 * ("宁海县人民政府办公室2020年政府信息公开工作年度报告", "2020年宁海县…年度报告"), else the
 * statistics period ("统计期限为2020年1月1日至12月31日"), else the signature at the end.
 */
import { normalizeText } from '../normalize.ts';
import type { SourceDocument } from '../source.ts';
import { factsOf } from './facts.ts';

export interface ReportMeta {
  title: string | null;
  year: number | null;
  agency: string | null;
}

const TITLE_RE = /(政府信息公开|政务公开).{0,6}(年度报告|年报)|信息公开工作年度报告|年度报告$/;
/** The caption in front of a title in crawled or portal metadata: "标题:", "名称：". */
const TITLE_CAPTION_RE = /^(?:标题|名称|题目|文章标题|信息名称)[:：]?/;
const SUFFIX_RE = /(的)?(政府信息公开|信息公开|政务公开).*$/;

export function readMeta(doc: SourceDocument, maxLines = 40): ReportMeta {
  const { texts } = factsOf(doc);
  const head = doc.lines
    .slice(0, maxLines)
    .map((line, i) => ({ line, text: texts[i]! }))
    .filter((l) => !l.line.isTableRow);
  // A title may be split over lines: join the first few short lines and look again.
  let title: string | null = null;
  for (let i = 0; i < head.length && !title; i += 1) {
    const one = head[i]!.text.trim();
    const two = `${one}${(head[i + 1]?.text ?? '').trim()}`;
    // A portal's metadata row prints the title in a cell beside its caption ("名称 | …年度报告").
    const cells = head[i]!.line.cells.length > 1 ? head[i]!.line.cells.map((c) => c.text) : [];
    for (const candidate of [...cells, one, two]) {
      const compact = candidate.replace(/\s+/g, '').replace(TITLE_CAPTION_RE, '');
      if (compact.length <= 60 && TITLE_RE.test(compact)) {
        title = compact;
        break;
      }
    }
  }

  let year: number | null = null;
  const fromTitle = title ? /((?:19|20)\d{2})\s*年/.exec(title) : null;
  if (fromTitle) year = Number(fromTitle[1]);
  // The whole text is needed only when the title does not give the year.
  const all = year === null ? texts.join('\n') : '';
  if (year === null) {
    const period = /(?:统计期限|统计时限|统计时间|数据统计)[^。\n]{0,12}?((?:19|20)\d{2})年\s*1月\s*1日/.exec(
      all,
    );
    if (period) year = Number(period[1]);
  }
  if (year === null) {
    const any = /((?:19|20)\d{2})\s*年度?/.exec(all);
    if (any) year = Number(any[1]);
  }

  let agency: string | null = null;
  if (title) {
    const stripped = title
      .replace(/^关于/, '')
      .replace(/[（(][^）)]*[）)]/g, '')
      .replace(/(?:19|20)\d{2}\s*年度?/g, '')
      .replace(SUFFIX_RE, '')
      .replace(/^[：:、，,\s]+|[：:、，,\s]+$/g, '');
    if (stripped.length >= 2) agency = stripped;
  }
  if (!agency) agency = signature(doc);
  return { title, year, agency: agency ? normalizeText(agency) : null };
}

/** The agency named in the last lines: a short line ending in an agency word, before a date. */
function signature(doc: SourceDocument): string | null {
  const tail = factsOf(doc)
    .texts.slice(-12)
    .map((t) => t.trim());
  for (let i = tail.length - 1; i >= 0; i -= 1) {
    const t = tail[i]!.replace(/\s+/g, '');
    if (t.length <= 30 && /(人民政府|办公室|办公厅|局|委员会|厅|部|署|街道办事处|镇|乡|中心|委)$/.test(t))
      return t;
  }
  return null;
}
