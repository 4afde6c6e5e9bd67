/**
 * A finding: one problem (or note) about a report, from validation or import.
 * Rule ids are those of annual-report-formats.md §6, plus `import.*` ids for readers.
 */
import type { TableKey } from './formats/index.ts';

export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface Finding {
  rule: string;
  severity: Severity;
  /** null for findings about the whole document (format, year, unreadable file). */
  table: TableKey | null;
  row: string | null;
  column: string | null;
  expected: number | string | null;
  actual: number | string | null;
  message: string;
}

/** Builds a finding with the optional location fields defaulted to null. */
export function finding(
  f: Pick<Finding, 'rule' | 'severity' | 'message'> & Partial<Omit<Finding, 'rule' | 'severity' | 'message'>>,
): Finding {
  return {
    rule: f.rule,
    severity: f.severity,
    table: f.table ?? null,
    row: f.row ?? null,
    column: f.column ?? null,
    expected: f.expected ?? null,
    actual: f.actual ?? null,
    message: f.message,
  };
}

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
export function bySeverity(a: Finding, b: Finding): number {
  return SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity];
}
