/**
 * Import + validation throughput over the real fixture corpus (tests/fixtures/reports and the
 * Ninghai text), on one core, per file type. Baseline: decoding the same bytes and counting
 * their numbers with one regex — the floor any reader pays — reported as a ratio.
 *
 *   npx tsx bench/import.ts [--seconds 3]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { importBytes } from '../src/import/index.ts';

const root = join(import.meta.dirname, '..');
const seconds = Number(process.argv[process.argv.indexOf('--seconds') + 1]) || 3;

type Kind = 'text' | 'html' | 'docx' | 'pdf';
const files: { name: string; kind: Kind; bytes: Uint8Array }[] = [];
const fixtures = join(root, 'tests/fixtures/reports');
for (const dir of readdirSync(fixtures)) {
  for (const name of readdirSync(join(fixtures, dir))) {
    const m = /^source\.(txt|layout\.txt|html|docx|pdf)$/.exec(name);
    if (!m) continue;
    const kind: Kind = m[1] === 'html' ? 'html' : m[1] === 'docx' ? 'docx' : m[1] === 'pdf' ? 'pdf' : 'text';
    files.push({ name: `${dir}/${name}`, kind, bytes: readFileSync(join(fixtures, dir, name)) });
  }
}

async function measure(run: () => Promise<void> | void): Promise<{ perSecond: number; count: number }> {
  // Warm up, then run for the time budget.
  for (let i = 0; i < 3; i += 1) await run();
  let count = 0;
  const start = performance.now();
  while (performance.now() - start < seconds * 1000) {
    await run();
    count += 1;
  }
  return { perSecond: (count * 1000) / (performance.now() - start), count };
}

const decoder = new TextDecoder();
console.log(`import + validation, ${seconds}s per figure, Node ${process.version}`);
for (const kind of ['text', 'html', 'docx', 'pdf'] as const) {
  const group = files.filter((f) => f.kind === kind);
  if (group.length === 0) continue;
  const bytes = group.reduce((n, f) => n + f.bytes.length, 0);
  const real = await measure(async () => {
    for (const f of group) await importBytes(f.bytes, f.name);
  });
  const base = await measure(() => {
    for (const f of group) decoder.decode(f.bytes).match(/\d+/g);
  });
  const reportsPerSecond = real.perSecond * group.length;
  console.log(
    `${kind.padEnd(5)} ${group.length} files, ${(bytes / 1024).toFixed(0)} KiB: ${reportsPerSecond.toFixed(0)} reports/s ` +
      `(baseline decode+regex ${(base.perSecond * group.length).toFixed(0)} files/s; ratio ${(reportsPerSecond / (base.perSecond * group.length)).toFixed(3)})`,
  );
}
