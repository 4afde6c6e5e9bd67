/**
 * Checks on the chapters' text (annual-report-formats.md §6): narrative.figure,
 * fees.reported (format2021 chapter 六) and government.art50_4 (Regulation art. 50(四)).
 */
import { type Finding, finding } from '../finding.ts';
import type { AnnualReport } from '../model.ts';

interface FigurePattern {
  /** Matches a sentence stating the figure; group 1 is the number. */
  pattern: RegExp;
  row: string;
  label: string;
}

// "共收到依申请公开31件", "新收政府信息公开申请31件", "受理…申请31件"; "办结29件".
const FIGURES: readonly FigurePattern[] = [
  {
    pattern:
      /(?:共收到|收到|新收|新接收|受理)(?:了)?(?:各类)?(?:政府信息)?(?:公开)?(?:依申请公开|申请)(?:公开)?(?:申请)?(?:共|总计)?(\d+)\s*(?:件|个|份|条)/g,
    row: 'new_received',
    label: '本年新收政府信息公开申请数量',
  },
  { pattern: /(?:办结|答复|已办结)(?:了)?(?:申请)?(\d+)\s*(?:件|个|份)/g, row: 'total', label: '（七）总计' },
];

export function validateNarrative(report: AnnualReport): Finding[] {
  const findings: Finding[] = [];
  const overview = report.chapters.overview?.text ?? '';
  for (const figure of FIGURES) {
    const table = report.table3[figure.row]?.total ?? null;
    if (table === null) continue;
    const stated = [...overview.matchAll(figure.pattern)].map((m) => Number(m[1]));
    // Only the first statement counts: later ones often give sub-totals ("其中…").
    const first = stated[0];
    if (first !== undefined && first !== table) {
      findings.push(
        finding({
          rule: 'narrative.figure',
          severity: 'warning',
          table: 'narrative',
          row: figure.row,
          column: 'total',
          expected: table,
          actual: first,
          message: `正文“一、总体情况”所述${first}件与表三“${figure.label}”总计${table}不一致`,
        }),
      );
    }
  }

  const allText = Object.values(report.chapters)
    .map((c) => c?.text ?? '')
    .join('\n');
  const hasChapters = allText.trim().length > 0;
  if (report.format === '2021' && hasChapters) {
    const other = `${report.chapters.other_matters?.text ?? ''}`;
    if (!/信息处理费|收费/.test(other)) {
      findings.push(
        finding({
          rule: 'fees.reported',
          severity: 'warning',
          table: 'narrative',
          row: 'other_matters',
          message: '“六、其他需要报告的事项”未说明本年度收取信息处理费的情况',
        }),
      );
    }
  }
  if (hasChapters && report.agency !== null && /人民政府$/.test(report.agency)) {
    if (!/考核|社会评议|责任追究/.test(allText)) {
      findings.push(
        finding({
          rule: 'government.art50_4',
          severity: 'warning',
          table: 'narrative',
          message: '人民政府的年度报告未报告工作考核、社会评议和责任追究结果情况（条例第五十条第四项）',
        }),
      );
    }
  }
  return findings;
}
