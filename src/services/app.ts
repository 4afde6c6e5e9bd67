/**
 * Opening the application for a command or the server: the database named by the config
 * (migrated on open), the working-day calendar with any extra years, and the system clock.
 */
import type { Config } from '../config.ts';
import { openDatabase } from '../db/connection.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { loadCalendar } from './calendar/load-calendar.ts';
import { type Clock, type Deps, systemClock } from './deps.ts';

export interface App {
  deps: Deps;
  /** Migrations applied while opening. */
  migrated: string[];
  close(): Promise<void>;
}

export async function openApp(config: Config, clock: Clock = systemClock()): Promise<App> {
  const db = openDatabase(config.database);
  try {
    const migrated = await migrateToLatest(db.db);
    const calendar = await loadCalendar(config.holidaysDir);
    return {
      deps: { db, calendar, clock, uploadsDir: config.uploadsDir },
      migrated,
      close: () => db.close(),
    };
  } catch (error) {
    await db.close();
    throw error;
  }
}

/** True when no agency exists yet: a fresh install, where `npm start` loads the demo. */
export async function isEmpty(deps: Deps): Promise<boolean> {
  const row = await deps.db.db.selectFrom('agencies').select('id').limit(1).executeTakeFirst();
  return row === undefined;
}
