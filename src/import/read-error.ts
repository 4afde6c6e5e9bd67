/**
 * The one error a reader throws: the bytes are not a report we can read at all (empty, an
 * unsupported kind of file, or a damaged one). Problems *inside* a readable report are
 * findings, never errors (STYLE.md §9).
 */

export type ReadErrorCode = 'read.empty' | 'read.unsupported' | 'read.corrupt';

export class ReadError extends Error {
  override readonly name = 'ReadError';

  constructor(
    readonly code: ReadErrorCode,
    /** Chinese message for the user. */
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
