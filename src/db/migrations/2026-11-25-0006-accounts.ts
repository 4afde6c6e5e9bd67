/**
 * Back-office accounts. FROZEN once landed; imports nothing from the application.
 * - users: one person's sign-in. `role` is clerk | reviewer | agency_admin | county_admin;
 *   `agency_id` is the agency the role is anchored at (a county administrator's covers its
 *   subtree). `password_hash` is an argon2id PHC string. `disabled` is 0/1 on both engines.
 * - sessions: `id` is the SHA-256 (hex) of the random token in the cookie, so a copy of the
 *   table cannot be replayed; `csrf_secret` is the secret the session's form tokens derive from.
 * - audit_events: who did what to which subject and when, with a JSON detail. Every change and
 *   every view of personal data writes one; failed sign-ins are counted from it.
 */
import { type Kysely, SqliteAdapter } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen against any schema.
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  const isSqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  const id = (t: string) =>
    db.schema
      .createTable(t)
      .addColumn('id', isSqlite ? 'integer' : 'serial', (c) =>
        isSqlite ? c.primaryKey().autoIncrement() : c.primaryKey(),
      );

  await id('users')
    .addColumn('login', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('users_agency').on('users').column('agency_id').execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('csrf_secret', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();
  await db.schema.createIndex('sessions_expires').on('sessions').column('expires_at').execute();

  await id('audit_events')
    .addColumn('actor_id', 'integer', (c) => c.references('users.id'))
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('agency_id', 'integer', (c) => c.references('agencies.id'))
    .addColumn('detail', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('audit_events_subject')
    .on('audit_events')
    .columns(['subject', 'created_at'])
    .execute();
  await db.schema
    .createIndex('audit_events_actor')
    .on('audit_events')
    .columns(['actor_id', 'created_at'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const t of ['audit_events', 'sessions', 'users']) await db.schema.dropTable(t).execute();
}
