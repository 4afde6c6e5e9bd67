/**
 * Profiling helper for the import pipeline.
 *
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx scripts/profile-import.ts text 5
 *     imports the fixture files of one kind (text, html, docx, pdf) in a loop for 5 seconds,
 *     so a CPU profile shows where the time goes, and prints the time per file;
 *   npx tsx scripts/profile-import.ts html-floor
 *     splits HTML import into decoding, tokenizing (our tokenizer, and htmlparser2 for
 *     comparison), reading lines and the rest (CPU time per file, best of 30 batches after a
 *     4 s warm-up), for bench/RESULTS.md.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Parser, parseDocument } from 'htmlparser2';
import { importBytes } from '../src/import/index.ts';
import { decodeText } from '../src/import/read-file.ts';
import { readHtml } from '../src/import/readers/html.ts';
import { parseHtmlTree } from '../src/import/readers/html-tokenizer.ts';

const kind = process.argv[2] ?? 'text';
const seconds = Number(process.argv[3] ?? 5);
const fixtures = join(import.meta.dirname, '..', 'tests/fixtures/reports');
const extension: Record<string, RegExp> = {
  text: /^source\.(txt|layout\.txt)$/,
  html: /^source\.html$/,
  'html-floor': /^source\.html$/,
  docx: /^source\.docx$/,
  pdf: /^source\.pdf$/,
};
const files = readdirSync(fixtures).flatMap((dir) =>
  readdirSync(join(fixtures, dir))
    .filter((name) => extension[kind]?.test(name))
    .map((name) => ({ name: `${dir}/${name}`, bytes: readFileSync(join(fixtures, dir, name)) })),
);

async function loop(): Promise<void> {
  const spent = new Map<string, number>();
  let rounds = 0;
  const start = performance.now();
  while (performance.now() - start < seconds * 1000) {
    for (const f of files) {
      const t = performance.now();
      await importBytes(f.bytes, f.name);
      spent.set(f.name, (spent.get(f.name) ?? 0) + performance.now() - t);
    }
    rounds += 1;
  }
  const total = [...spent.values()].reduce((a, b) => a + b, 0);
  console.log(
    `${kind}: ${files.length} files × ${rounds} rounds, ${((files.length * rounds * 1000) / total).toFixed(0)} files/s`,
  );
  for (const [name, ms] of [...spent].sort((a, b) => b[1] - a[1])) {
    console.log(`  ${(ms / rounds).toFixed(3).padStart(8)} ms  ${name}`);
  }
}

async function htmlFloor(): Promise<void> {
  const texts = files.map((f) => decodeText(f.bytes));
  const options = { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true };
  const stages: [string, () => unknown][] = [
    ['decode (strict UTF-8)', () => files.map((f) => decodeText(f.bytes))],
    ['htmlparser2 Parser, no callbacks', () => texts.map((t) => new Parser({}, options).end(t))],
    [
      'htmlparser2 Parser, empty callbacks',
      () => texts.map((t) => new Parser({ onopentag() {}, onclosetag() {}, ontext() {} }, options).end(t)),
    ],
    ['parseDocument (DomHandler tree)', () => texts.map((t) => parseDocument(t, options))],
    ['parseHtmlTree (our tokenizer + tree)', () => texts.map((t) => parseHtmlTree(t))],
    ['readHtml (parse + lines)', () => texts.map((t) => readHtml(t))],
    ['importBytes (all of it)', () => Promise.all(files.map((f) => importBytes(f.bytes)))],
  ];
  const until = performance.now() + 4000;
  while (performance.now() < until) for (const [, run] of stages) await run();
  for (const [name, run] of stages) {
    let best = Number.POSITIVE_INFINITY;
    for (let r = 0; r < 30; r += 1) {
      const before = process.cpuUsage();
      for (let i = 0; i < 5; i += 1) await run();
      const used = process.cpuUsage(before);
      best = Math.min(best, (used.user + used.system) / 5 / files.length);
    }
    console.log(`${name.padEnd(40)} ${best.toFixed(0).padStart(6)} µs CPU per file`);
  }
}

await (kind === 'html-floor' ? htmlFloor() : loop());
