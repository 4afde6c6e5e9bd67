/** Prints the findings of importing one file (a debugging aid). */
import { importFile } from '../src/import/index.ts';

const r = await importFile(process.argv[2]!);
for (const f of r.findings) console.log(f.severity, f.rule, f.row ?? '', f.column ?? '', f.message);
