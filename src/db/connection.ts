/**
 * Opens the database named by a DatabaseTarget with Kysely: better-sqlite3 for the embedded
 * default (WAL mode, foreign keys on) or pg for PostgreSQL. Both are real engines; tests run
 * every repository on both.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';
import type { DatabaseTarget } from './url.ts';

export type Engine = DatabaseTarget['engine'];

export interface Db {
  db: Kysely<Database>;
  engine: Engine;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** PostgreSQL schema to use (created if missing); tests give each run its own. */
  schema?: string;
  /** Pool size for PostgreSQL. */
  poolSize?: number;
}

export function openDatabase(target: DatabaseTarget, options: OpenOptions = {}): Db {
  if (target.engine === 'sqlite') {
    if (target.path !== ':memory:') mkdirSync(dirname(target.path), { recursive: true });
    const sqlite = new SQLite(target.path);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
    return { db, engine: 'sqlite', close: () => db.destroy() };
  }
  const pool = new pg.Pool({
    connectionString: target.url,
    max: options.poolSize ?? 10,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, engine: 'postgres', close: () => db.destroy() };
}

/** How many prepared statements a SQLite connection keeps (least recently used go first). */
const STATEMENT_CACHE_SIZE = 500;

/**
 * The connection as Kysely's SQLite driver sees it, with `prepare` answering a statement
 * already prepared for the same SQL text. The driver prepares every query it runs, and
 * preparing costs as much as running a point lookup (a tenth of an item page's time); the
 * portal runs the same few statements over and over. Safe because the driver runs one query
 * at a time on the connection, and SQLite prepares a statement again by itself after a schema
 * change. Statements with their values bound (`?`) are the same text whatever the values.
 */
export function withStatementCache(sqlite: SQLite.Database, size = STATEMENT_CACHE_SIZE): SQLite.Database {
  const prepared = new Map<string, SQLite.Statement>();
  const prepare = sqlite.prepare.bind(sqlite);
  return new Proxy(sqlite, {
    get(target, property, receiver) {
      if (property !== 'prepare') return Reflect.get(target, property, receiver);
      return (source: string) => {
        let statement = prepared.get(source);
        if (statement) {
          prepared.delete(source);
        } else {
          statement = prepare(source);
          if (prepared.size >= size) prepared.delete(prepared.keys().next().value!);
        }
        prepared.set(source, statement);
        return statement;
      };
    },
  });
}
