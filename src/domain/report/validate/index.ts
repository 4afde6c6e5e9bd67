/**
 * Validation of an AnnualReport against every consistency rule of annual-report-formats.md §6.
 * Pure: the previous year's report, when known, is passed in.
 */
import type { Finding } from '../finding.ts';
import type { AnnualReport } from '../model.ts';
import { validateContinuity } from './continuity.ts';
import { validateNarrative } from './narrative.ts';
import { validateTable3 } from './table3.ts';
import { validateTable4 } from './table4.ts';
import { validateValues } from './values.ts';

export interface ValidateOptions {
  /** The same agency's report on the previous year, for continuity.* rules. */
  previous?: AnnualReport | null;
}

export function validateReport(report: AnnualReport, options: ValidateOptions = {}): Finding[] {
  const findings = [
    ...validateValues(report),
    ...validateTable3(report),
    ...validateTable4(report),
    ...validateNarrative(report),
  ];
  if (options.previous) findings.push(...validateContinuity(report, options.previous));
  return findings;
}
