/**
 * Import + validation throughput over the real fixture corpus (tests/fixtures/reports), on one
 * core, per file type. Baseline: decoding the same bytes and counting their numbers with one
 * regex — the floor any reader pays — measured in the same run and reported as a ratio.
 *
 *   npx tsx bench/import.ts [--seconds 2] [--runs 5] [--warmup 3] [--kinds text,html,docx,pdf]
 *
 * Each kind is first warmed up for `--warmup` seconds: V8 keeps optimising the import code for
 * about two seconds of work, and a figure taken before that measures the compiler, not the
 * importer (a report service imports for much longer than that). Then `--runs` rounds each
 * time the import, then the baseline, for `--seconds` each, so both see the same load. Every
 * figure is given as wall-clock rate and as rate per CPU-second of this process
 * (process.cpuUsage), which other processes on a shared machine disturb much less.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { importBytes } from '../src/import/index.ts';

const root = join(import.meta.dirname, '..');

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : Number.NaN;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

const seconds = option('seconds', 2);
const runs = option('runs', 5);
const warmup = option('warmup', 3);
const kindsAt = process.argv.indexOf('--kinds');
const kinds = (kindsAt >= 0 ? (process.argv[kindsAt + 1] ?? '') : 'text,html,docx,pdf').split(',');

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

interface Rate {
  /** Rounds per wall-clock second. */
  wall: number;
  /** Rounds per CPU-second of this process. */
  cpu: number;
}

/** Repeats `round` for `budget` seconds (at least once). */
async function measure(round: () => Promise<void> | void, budget: number): Promise<Rate> {
  let count = 0;
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  do {
    await round();
    count += 1;
  } while (performance.now() - start < budget * 1000);
  const wall = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpuStart);
  const cpu = (used.user + used.system) / 1e6;
  return { wall: count / wall, cpu: count / cpu };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const fmt = (n: number) => n.toFixed(n < 10 ? 1 : 0);
const decoder = new TextDecoder();
console.log(
  `import + validation, Node ${process.version}: warm-up ${warmup}s, then ${runs} runs × ${seconds}s (import, then baseline)`,
);
for (const kind of ['text', 'html', 'docx', 'pdf'] as const) {
  const group = files.filter((f) => f.kind === kind);
  if (group.length === 0 || !kinds.includes(kind)) continue;
  const bytes = group.reduce((n, f) => n + f.bytes.length, 0);
  const importAll = async () => {
    for (const f of group) await importBytes(f.bytes, f.name);
  };
  const baseline = () => {
    for (const f of group) decoder.decode(f.bytes).match(/\d+/g);
  };
  await measure(importAll, warmup);
  await measure(baseline, Math.min(warmup, 1));
  const real: Rate[] = [];
  const base: Rate[] = [];
  for (let r = 0; r < runs; r += 1) {
    real.push(await measure(importAll, seconds));
    base.push(await measure(baseline, seconds));
  }
  const n = group.length;
  const wall = real.map((r) => r.wall * n);
  const cpu = real.map((r) => r.cpu * n);
  const baseWall = base.map((r) => r.wall * n);
  const baseCpu = base.map((r) => r.cpu * n);
  console.log(
    `${kind.padEnd(4)} ${n} files, ${(bytes / 1024).toFixed(0)} KiB: ` +
      `${fmt(median(wall))} reports/s median, ${fmt(Math.max(...wall))} best ` +
      `(per CPU-second: ${fmt(median(cpu))} median, ${fmt(Math.max(...cpu))} best); ` +
      `baseline ${fmt(median(baseWall))} files/s median (${fmt(median(baseCpu))} per CPU-s); ` +
      `ratio ${(median(wall) / median(baseWall)).toFixed(3)} (CPU ${(median(cpu) / median(baseCpu)).toFixed(3)})`,
  );
}
