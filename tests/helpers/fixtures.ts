/** Paths to the real documents the tests read. */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SHARED = resolve(REPO_ROOT, '../shared');
export const NINGHAI_2020 = join(SHARED, 'fixtures/ninghai-2020-annual-report.txt');
export const REPORT_FIXTURES = join(REPO_ROOT, 'tests/fixtures/reports');

export function readNinghai(): string {
  return readFileSync(NINGHAI_2020, 'utf8');
}
