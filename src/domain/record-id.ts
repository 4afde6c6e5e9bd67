/**
 * Record ids as addresses and forms carry them. Ids are 32-bit integers in both databases, so a
 * longer number names no record (and PostgreSQL would refuse it with an error rather than find
 * nothing): it is "not found", like any other id that is not a record's.
 */

const MAX_RECORD_ID = 2_147_483_647;

export function isRecordId(id: number): boolean {
  return Number.isInteger(id) && id > 0 && id <= MAX_RECORD_ID;
}

/** The id in `text` (digits only, within range), or null. */
export function parseRecordId(text: string): number | null {
  if (!/^\d{1,10}$/.test(text)) return null;
  const id = Number(text);
  return isRecordId(id) ? id : null;
}
