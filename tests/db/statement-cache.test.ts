import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { expect, it } from 'vitest';
import { withStatementCache } from '../../src/db/connection.ts';

it('answers a statement already prepared for the same SQL, least recently used first out', () => {
  const raw = new SQLite(':memory:');
  const db = withStatementCache(raw, 2);
  raw.exec('create table t (a integer)');
  const first = db.prepare('select a from t');
  expect(db.prepare('select a from t')).toBe(first);
  db.prepare('select a + 1 from t');
  expect(db.prepare('select a from t')).toBe(first); // used again: now the most recent
  db.prepare('select a + 2 from t'); // the cache holds two: `a + 1` goes
  expect(db.prepare('select a from t')).toBe(first);
  expect(db.prepare('select a + 1 from t')).not.toBe(first);
  expect(db.open).toBe(true); // everything else is the connection's own
  raw.close();
});

it('runs Kysely queries through the cache, also after the schema changes', async () => {
  const raw = new SQLite(':memory:');
  const db = new Kysely<{ t: { a: number; b?: number } }>({
    dialect: new SqliteDialect({ database: withStatementCache(raw) }),
  });
  await sql`create table t (a integer)`.execute(db);
  await db.insertInto('t').values({ a: 1 }).execute();
  expect(await db.selectFrom('t').selectAll().execute()).toEqual([{ a: 1 }]);
  await sql`alter table t add column b integer default 7`.execute(db);
  expect(await db.selectFrom('t').selectAll().execute()).toEqual([{ a: 1, b: 7 }]);
  await db.destroy();
});
