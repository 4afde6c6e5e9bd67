/**
 * Published reports known to the server: every file in a folder, imported and validated once
 * at start-up. (The records issue replaces the folder with the database.)
 */
import { readdir } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { type ImportResult, importFile } from '../../import/index.ts';

export interface PublishedReport {
  id: string;
  file: string;
  result: ImportResult;
}

export async function loadPublishedReports(dir: string): Promise<PublishedReport[]> {
  const names = (await readdir(dir)).filter((n) => !n.startsWith('.')).sort();
  const reports: PublishedReport[] = [];
  for (const name of names) {
    const file = join(dir, name);
    const result = await importFile(file);
    reports.push({ id: name.slice(0, name.length - extname(name).length), file, result });
  }
  return reports.sort(
    (a, b) => (b.result.report.year ?? 0) - (a.result.report.year ?? 0) || a.id.localeCompare(b.id),
  );
}
