/** Prints the lines and cells a reader produced for a file (a debugging aid). */
import { readFileSync } from 'node:fs';
import { findRegions } from '../src/import/extract/regions.ts';
import { readDocument } from '../src/import/read-file.ts';

const doc = await readDocument(readFileSync(process.argv[2]!), process.argv[2]);
const regions = findRegions(doc);
console.log(JSON.stringify({ ...regions, chapters: regions.chapters.map((c) => `${c.key}@${c.line}`) }));
const from = Number(process.argv[3] ?? 0);
const to = Number(process.argv[4] ?? doc.lines.length);
doc.lines.slice(from, to).forEach((l, i) => {
  console.log(
    from + i,
    l.isTableRow ? 'T' : ' ',
    l.cells.map((c) => `[${c.text.slice(0, 30)}${c.x !== undefined ? `@${c.x}` : ''}]`).join(''),
  );
});
