/**
 * Runs a suite once per real engine: SQLite (a temporary file) always, PostgreSQL when
 * TEST_DATABASE_URL is set (CI sets it), each suite in its own schema that is dropped after.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { type Db, openDatabase } from '../../src/db/connection.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';

export interface EngineCase {
  name: 'sqlite' | 'postgres';
  open(): Promise<{ db: Db; dispose(): Promise<void> }>;
}

export function testEngines(): EngineCase[] {
  const cases: EngineCase[] = [
    {
      name: 'sqlite',
      async open() {
        const dir = mkdtempSync(join(tmpdir(), 'gongkai-test-'));
        const db = openDatabase({ engine: 'sqlite', path: join(dir, 'test.sqlite') });
        await migrateToLatest(db.db);
        return {
          db,
          async dispose() {
            await db.close();
            rmSync(dir, { recursive: true, force: true });
          },
        };
      },
    },
  ];
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    cases.push({
      name: 'postgres',
      async open() {
        const schema = `t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
        const admin = new pg.Client({ connectionString: url });
        await admin.connect();
        await admin.query(`create schema ${schema}`);
        await admin.end();
        const db = openDatabase({ engine: 'postgres', url }, { schema, poolSize: 4 });
        await migrateToLatest(db.db);
        return {
          db,
          async dispose() {
            await db.close();
            const c = new pg.Client({ connectionString: url });
            await c.connect();
            await c.query(`drop schema ${schema} cascade`);
            await c.end();
          },
        };
      },
    });
  }
  return cases;
}

/** `describe` once per engine; `ctx.db` is a migrated, empty database of that engine. */
export function describeEachEngine(title: string, body: (ctx: { readonly db: Db }) => void): void {
  for (const engine of testEngines()) {
    describe(`${title} [${engine.name}]`, () => {
      let opened: Awaited<ReturnType<EngineCase['open']>> | undefined;
      const ctx = {
        get db(): Db {
          if (!opened) throw new Error('database not opened yet');
          return opened.db;
        },
      };
      beforeAll(async () => {
        opened = await engine.open();
      });
      afterAll(async () => {
        await opened?.dispose();
      });
      body(ctx);
    });
  }
}
