/** Every migration, in order. Add new files at the end; never edit a landed one. */
import type { Migration } from 'kysely';
import * as m0001 from './2026-11-25-0001-initial.ts';

export const MIGRATIONS: Record<string, Migration> = {
  '2026-11-25-0001-initial': m0001,
};
