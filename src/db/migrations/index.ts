/**
 * Every migration, in order. Kysely applies them by name, so a new file's name must sort after
 * every existing one; add it at the end here too. Never edit a landed one.
 */
import type { Migration } from 'kysely';
import * as m0001 from './2026-11-25-0001-initial.ts';
import * as m0002 from './2026-11-25-0002-letter-templates.ts';
import * as m0003 from './2026-11-25-0003-report-indexes.ts';
import * as m0004 from './2026-11-25-0004-search.ts';
import * as m0005 from './2026-11-25-0005-catalogue.ts';
import * as m0006 from './2026-11-25-0006-accounts.ts';
import * as m0007 from './2026-11-25-0007-portal-pages.ts';
import * as m0008 from './2026-11-25-0008-imported-reports.ts';
import * as m0009 from './2026-11-25-0009-digest.ts';
import * as m0010 from './2026-11-25-0010-search-scale.ts';
import * as m0011 from './2026-11-25-0011-report-publications.ts';
import * as m0012 from './2026-11-25-0012-search-narrow.ts';
import * as m0013 from './2026-11-25-0013-catalogue-latest.ts';

export const MIGRATIONS: Record<string, Migration> = {
  '2026-11-25-0001-initial': m0001,
  '2026-11-25-0002-letter-templates': m0002,
  '2026-11-25-0003-report-indexes': m0003,
  '2026-11-25-0004-search': m0004,
  '2026-11-25-0005-catalogue': m0005,
  '2026-11-25-0006-accounts': m0006,
  '2026-11-25-0007-portal-pages': m0007,
  '2026-11-25-0008-imported-reports': m0008,
  '2026-11-25-0009-digest': m0009,
  '2026-11-25-0010-search-scale': m0010,
  '2026-11-25-0011-report-publications': m0011,
  '2026-11-25-0012-search-narrow': m0012,
  '2026-11-25-0013-catalogue-latest': m0013,
};
