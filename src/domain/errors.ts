/**
 * Domain errors: a stable code from one closed list, a Chinese message for people, and the
 * field it concerns when there is one. Edges map codes to HTTP status and exit codes.
 */

export const ERROR_CODES = [
  'validation.invalid',
  'agency.not_found',
  'agency.duplicate',
  'application.not_found',
  'application.illegal_transition',
  'application.receipt_date',
  'application.correction_once',
  'application.extension_once',
  'application.extension_too_long',
  'application.extension_late',
  'application.outcome_required',
  'application.date_order',
  'fee.not_chargeable',
  'fee.applicant_unidentified',
  'fee.above_standard',
  'fee.notice_late',
  'fee.payment_window_open',
  'letter.no_outcome',
  'appeal.invalid',
  'report.no_records',
  'calendar.invalid',
  'auth.required',
  'auth.invalid',
  'auth.locked',
  'auth.rate_limited',
  'auth.csrf',
  'auth.forbidden',
  'user.duplicate',
  'user.not_found',
  'catalogue.not_found',
  'catalogue.no_org_code',
  'catalogue.index_number_taken',
  'catalogue.index_number_fixed',
  'catalogue.serial_exhausted',
  'catalogue.illegal_state',
  'catalogue.attachment_type',
  'catalogue.attachment_size',
  'catalogue.attachment_unreadable',
  'upload.too_large',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field: string | null = null,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** HTTP status for each code (used by the web edge). */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  'validation.invalid': 400,
  'agency.not_found': 404,
  'agency.duplicate': 409,
  'application.not_found': 404,
  'application.illegal_transition': 409,
  'application.receipt_date': 400,
  'application.correction_once': 409,
  'application.extension_once': 409,
  'application.extension_too_long': 400,
  'application.extension_late': 409,
  'application.outcome_required': 400,
  'application.date_order': 400,
  'fee.not_chargeable': 409,
  'fee.applicant_unidentified': 409,
  'fee.above_standard': 400,
  'fee.notice_late': 409,
  'fee.payment_window_open': 409,
  'letter.no_outcome': 409,
  'appeal.invalid': 400,
  'report.no_records': 404,
  'calendar.invalid': 400,
  'auth.required': 401,
  'auth.invalid': 401,
  'auth.locked': 429,
  'auth.rate_limited': 429,
  'auth.csrf': 403,
  'auth.forbidden': 403,
  'user.duplicate': 409,
  'user.not_found': 404,
  'catalogue.not_found': 404,
  'catalogue.no_org_code': 409,
  'catalogue.index_number_taken': 409,
  'catalogue.index_number_fixed': 409,
  'catalogue.serial_exhausted': 409,
  'catalogue.illegal_state': 409,
  'catalogue.attachment_type': 415,
  'catalogue.attachment_size': 413,
  'catalogue.attachment_unreadable': 400,
  'upload.too_large': 413,
};
