/**
 * The morning digest (每日待办提醒). FROZEN once landed; imports nothing from the application.
 * - users.email: where a back-office user's digest goes (null: no e-mail).
 * - digest_log: one row per user, digest date and channel, claimed by inserting it first
 *   (the unique key) so that several server processes and restarts send at most one digest
 *   per user and day; `status` is sending | sent | failed | skipped, `attempts` counts tries,
 *   `error` keeps the last failure. Failed rows are claimed again by the next run.
 * - digest_runs: one row per day the scheduled run was claimed, so that a process starting
 *   after the digest time knows whether today's run already happened.
 */
import { type Kysely, SqliteAdapter } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen against any schema.
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  const isSqlite = db.getExecutor().adapter instanceof SqliteAdapter;

  await db.schema.alterTable('users').addColumn('email', 'text').execute();

  await db.schema
    .createTable('digest_log')
    .addColumn('id', isSqlite ? 'integer' : 'serial', (c) =>
      isSqlite ? c.primaryKey().autoIncrement() : c.primaryKey(),
    )
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('digest_date', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('recipient', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('error', 'text')
    .addColumn('sent_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('digest_log_once', ['user_id', 'digest_date', 'channel'])
    .execute();
  await db.schema
    .createIndex('digest_log_date_status')
    .on('digest_log')
    .columns(['digest_date', 'status'])
    .execute();

  await db.schema
    .createTable('digest_runs')
    .addColumn('run_date', 'text', (c) => c.primaryKey())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('sent', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('failed', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('digest_runs').execute();
  await db.schema.dropTable('digest_log').execute();
  await db.schema.alterTable('users').dropColumn('email').execute();
}
