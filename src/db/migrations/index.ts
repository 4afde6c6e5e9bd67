/** Every migration, in order. Add new files at the end; never edit a landed one. */
import type { Migration } from 'kysely';
import * as m0001 from './2026-11-25-0001-initial.ts';
import * as m0003search from './2026-11-25-0003-search.ts';
import * as m0002 from './2026-12-01-0002-letter-templates.ts';
import * as m0003 from './2026-12-01-0003-report-indexes.ts';

export const MIGRATIONS: Record<string, Migration> = {
  '2026-11-25-0001-initial': m0001,
  '2026-12-01-0002-letter-templates': m0002,
  '2026-12-01-0003-report-indexes': m0003,
  '2026-11-25-0003-search': m0003search,
};
