/**
 * An AnnualReport filled from counted records (ARCHITECTURE: "compute-from-counts"). The SQL
 * aggregations live in the repository; this turns their rows into the report model, so
 * validation passes by construction: every total is computed here, never typed.
 */
import { type ApplicantType, type Outcome, outcomeRow } from '../applications/model.ts';
import {
  FORMATS,
  type FormatKey,
  TABLE3_COLUMNS,
  TABLE4_COLUMNS,
  type Table4Column,
  type Table4Group,
} from './formats/index.ts';
import { type AnnualReport, emptyReport } from './model.ts';

export interface ApplicantCount {
  applicantType: ApplicantType;
  n: number;
}

export interface RecordCounts {
  /** 一、本年新收: received in the year. */
  received: ApplicantCount[];
  /** 二、上年结转: received before the year and still open on its first day. */
  carriedOver: ApplicantCount[];
  /** Closed in the year, by outcome. */
  closed: (ApplicantCount & { outcome: Outcome })[];
  /** 四、结转下年度: received by the year's end and still open after it. */
  carriedForward: ApplicantCount[];
  /** Table 4: appeals filed in the year, by kind and result at the year's end. */
  appeals: { kind: Table4Group; result: Exclude<Table4Column, 'total'>; n: number }[];
  /** Table 2 rows from the catalogue (rules, normative documents), by column key of the format. */
  catalogue: Record<'rules' | 'normative_documents', Record<string, number>>;
  /** Yearly figures an agency enters (licensing.decisions, procurement.amount …). */
  figures: { cell: string; value: number }[];
}

export interface BuildInput {
  format: FormatKey;
  agency: string;
  year: number;
  counts: RecordCounts;
}

export function reportFromCounts({ format, agency, year, counts }: BuildInput): AnnualReport {
  const report = emptyReport(format, { agency, year, title: `${agency}${year}年政府信息公开工作年度报告` });
  const spec = FORMATS[format];

  // Table 3: every cell is a count, so blanks become 0 and totals are sums.
  for (const row of spec.table3.rows) {
    for (const column of TABLE3_COLUMNS) report.table3[row.key]![column] = 0;
  }
  const add = (row: string, type: ApplicantType, n: number) => {
    const cells = report.table3[row];
    if (!cells) return;
    cells[type] = (cells[type] ?? 0) + n;
    cells.total = (cells.total ?? 0) + n;
  };
  for (const c of counts.received) add('new_received', c.applicantType, c.n);
  for (const c of counts.carriedOver) add('carried_over', c.applicantType, c.n);
  for (const c of counts.carriedForward) add('carried_forward', c.applicantType, c.n);
  for (const c of counts.closed) {
    add(outcomeRow(c.outcome, format), c.applicantType, c.n);
    add('total', c.applicantType, c.n);
  }

  for (const group of ['reconsideration', 'litigation_direct', 'litigation_after_reconsideration'] as const) {
    for (const column of TABLE4_COLUMNS) report.table4[group][column] = 0;
  }
  for (const a of counts.appeals) {
    report.table4[a.kind][a.result] = (report.table4[a.kind][a.result] ?? 0) + a.n;
    report.table4[a.kind].total = (report.table4[a.kind].total ?? 0) + a.n;
  }

  for (const row of ['rules', 'normative_documents'] as const) {
    for (const [column, value] of Object.entries(counts.catalogue[row])) {
      if (report.table2[row] && column in report.table2[row]) report.table2[row][column] = value;
    }
  }
  for (const f of counts.figures) {
    const [row, column] = f.cell.split('.') as [string, string];
    if (report.table2[row] && column in report.table2[row]) report.table2[row][column] = f.value;
  }
  return report;
}

/** The table-2 cells an agency enters by hand each year (the rest come from the catalogue). */
export function enteredFigureCells(format: FormatKey): string[] {
  const cells: string[] = [];
  for (const group of FORMATS[format].table2) {
    for (const row of group.rows) {
      if (row.key === 'rules' || row.key === 'normative_documents') continue;
      for (const column of group.columns) cells.push(`${row.key}.${column.key}`);
    }
  }
  return cells;
}
