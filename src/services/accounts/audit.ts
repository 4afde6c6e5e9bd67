/** Writing the audit trail (who did what to which subject, when). */
import type { Kysely } from 'kysely';
import { auditEventsRepository } from '../../db/repositories/audit-events.ts';
import type { Database } from '../../db/schema.ts';
import type { AuditEvent } from '../../domain/accounts/audit.ts';
import type { Deps } from '../deps.ts';

/** Writes one audit event; pass the transaction as `db` to write it with the change it records. */
export async function writeAudit(
  deps: Pick<Deps, 'db' | 'clock'>,
  event: AuditEvent,
  db: Kysely<Database> = deps.db.db,
): Promise<void> {
  await auditEventsRepository(db).insert(event, deps.clock.now().toISOString());
}
