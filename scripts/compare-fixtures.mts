import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
/** Prints, per fixture source file, the cells that differ from expected.json (a debugging aid). */
import { importFile } from '../src/import/index.ts';

const root = '/work/main/tests/fixtures/reports';
const only = process.argv[2];
for (const dir of readdirSync(root)) {
  if (only && !dir.includes(only)) continue;
  const exp = JSON.parse(readFileSync(join(root, dir, 'expected.json'), 'utf8'));
  for (const f of readdirSync(join(root, dir))) {
    if (!f.startsWith('source.')) continue;
    const r = await importFile(join(root, dir, f));
    const diffs: string[] = [];
    for (const t of ['table2', 'table3', 'table4'] as const) {
      for (const [row, cols] of Object.entries(exp[t] as Record<string, Record<string, number | null>>)) {
        for (const [col, v] of Object.entries(cols)) {
          const got = (r.report[t] as Record<string, Record<string, number | null>>)[row]?.[col] ?? null;
          if (got !== v) diffs.push(`${t}.${row}.${col}=${got}≠${v}`);
        }
      }
    }
    const meta = [
      r.report.format === exp.format ? '' : `format ${r.report.format}`,
      r.report.year === exp.year ? '' : `year ${r.report.year}`,
      r.report.agency === exp.agency ? '' : `agency ${r.report.agency}≠${exp.agency}`,
    ].filter(Boolean);
    const flagged = r.findings.filter((f) => f.rule.startsWith('import.')).length;
    console.log(
      `${dir}/${f}: ${diffs.length} diffs ${meta.join(' ')} [import findings ${flagged}] ${diffs.slice(0, 6).join(' ')}`,
    );
  }
}
