/**
 * Row types of every table, for Kysely. Stored values of closed lists are the glossary's
 * identifiers (see src/domain/**). Dates are 'YYYY-MM-DD' text, instants ISO-8601 UTC text.
 */
import type { ColumnType, Generated } from 'kysely';

export interface AgencyTable {
  id: Generated<number>;
  code: string;
  name: string;
  type: string;
  parent_id: number | null;
  /** 9-character organisation code, the front part of the agency's index numbers (migration 0005). */
  org_code: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: string;
}

/** The last index-number serial given per agency and year; never goes down (migration 0005). */
export interface IndexNumberSerialTable {
  agency_id: number;
  year: number;
  last_serial: number;
}

export interface ApplicationTable {
  id: Generated<number>;
  agency_id: number;
  tracking_number: string;
  check_code: string;
  channel: string;
  applicant_type: string;
  applicant_name: string;
  id_document_type: string | null;
  id_document_number: string | null;
  organisation_code: string | null;
  contact_person: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  postcode: string | null;
  description: string;
  purpose: string | null;
  delivery_form: string;
  delivery_way: string;
  submitted_on: string;
  received_on: string;
  state: string;
  due_on: string | null;
  due_is_provisional: Generated<number>;
  extension_days: Generated<number>;
  outcome: string | null;
  closed_on: string | null;
  created_at: string;
  updated_at: string;
}

export interface ApplicationEventTable {
  id: Generated<number>;
  application_id: number;
  type: string;
  from_state: string | null;
  to_state: string;
  effective_on: string;
  actor: string;
  reason: string | null;
  /** JSON object with the event's own facts. */
  data: Generated<string>;
  created_at: string;
}

export interface AppealTable {
  id: Generated<number>;
  agency_id: number;
  application_id: number | null;
  kind: string;
  case_number: string | null;
  filed_on: string;
  result: string;
  decided_on: string | null;
  note: string | null;
  created_at: string;
}

export interface CatalogueItemTable {
  id: Generated<number>;
  agency_id: number;
  index_number: string;
  title: string;
  doc_number: string | null;
  kind: string;
  genre: string | null;
  subject: string | null;
  made_on: string;
  published_on: string | null;
  effective_on: string | null;
  repealed_on: string | null;
  summary: string | null;
  body: string | null;
  catalogue_category: ColumnType<string | null, string | null | undefined, string | null>;
  art20_item: ColumnType<number | null, number | null | undefined, number | null>;
  /** proactive | on_application | not_disclosed (glossary §1). */
  disclosure_mode: Generated<string>;
  /** JSON array of strings. */
  keywords: Generated<string>;
  /** The policy item this one interprets (政策解读). */
  interpretation_of: ColumnType<number | null, number | null | undefined, number | null>;
  /** draft | published | repealed (src/domain/catalogue/model.ts). */
  status: Generated<string>;
  /** in_force | expired | repealed. */
  validity: Generated<string>;
  /** Last change (变更), which restarts R-26. */
  changed_on: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: string;
  updated_at: string;
}

/** A file attached to a catalogue item (附件); `stored_path` is relative to the uploads folder. */
export interface AttachmentTable {
  id: Generated<number>;
  item_id: number;
  file_name: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  stored_path: string;
  extracted_text: Generated<string>;
  created_at: string;
}

export interface YearlyFigureTable {
  agency_id: number;
  year: number;
  cell: string;
  value: number;
  source_note: string;
  updated_at: string;
}

export interface AnnualReportTable {
  id: Generated<number>;
  agency_id: number;
  year: number;
  format: string;
  origin: string;
  report: string;
  findings: Generated<string>;
  status: string;
  published_at: string | null;
  publish_reason: string | null;
  created_at: string;
  updated_at: string;
}

/** An agency's own reply-letter template for one outcome (the shipped default otherwise). */
export interface LetterTemplateTable {
  id: Generated<number>;
  agency_id: number;
  outcome: string;
  title: string;
  body: string;
  updated_by: string;
  updated_at: string;
}

/**
 * The search index's copy of a catalogue item (search/index.ts): the original text for
 * snippets and the filter columns. `id` is the catalogue item's id.
 */
export interface SearchDocumentTable {
  id: number;
  agency_id: number;
  category: string | null;
  subject: string | null;
  genre: string | null;
  year: number | null;
  published_on: string | null;
  title: string;
  body: string;
  attachments_text: string;
  /** PostgreSQL only (so optional on insert): tsvector of the jieba-segmented text, title weighted A. */
  terms: ColumnType<string, string | undefined, string>;
  /** Publication day × 2^32 + id: newest first is descending (src/search/keys.ts, migration 0010). */
  sort_key: ColumnType<number, number, number>;
}

/** SQLite only: FTS5 (contentless) over the jieba-segmented text; rowid = search_documents.sort_key. */
export interface SearchFtsTable {
  /** The document's sort_key (migration 0010). */
  rowid: number;
  title: string;
  body: string;
  attachments: string;
  /** Filter tokens (_a agency, _y year, _g document type, _c category; migration 0010). */
  facets: string;
}

/** PostgreSQL only: the stripped tsvector of each document, for matching (migration 0012; kept by a trigger). */
export interface SearchTermsTable {
  sort_key: ColumnType<number, number, number>;
  terms: string;
}

/** A back-office account (migration 0006). `role`: src/domain/accounts/roles.ts. */
export interface UserTable {
  id: Generated<number>;
  login: string;
  display_name: string;
  /** argon2id, PHC string. */
  password_hash: string;
  role: string;
  /** The agency the role is anchored at. */
  agency_id: number;
  /** 0 or 1. */
  disabled: Generated<number>;
  created_at: string;
  updated_at: string;
  /** Where the morning digest goes; null: none (migration 0009). */
  email: ColumnType<string | null, string | null | undefined, string | null>;
}

/** A signed-in session; `id` is the SHA-256 (hex) of the cookie's token, never the token. */
export interface SessionTable {
  id: string;
  user_id: number;
  csrf_secret: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

/** Who did what to which subject, when (src/domain/accounts/audit.ts). */
export interface AuditEventTable {
  id: Generated<number>;
  /** The user, or null for the system, the CLI or an anonymous visitor. */
  actor_id: number | null;
  /** A readable name of the actor at the time (login name, 'cli', 'system'). */
  actor: string;
  action: string;
  /** What it concerns, as `kind:key` ('user:3', 'application:17', 'login:ninghai.clerk'). */
  subject: string;
  agency_id: number | null;
  /** JSON object. */
  detail: Generated<string>;
  created_at: string;
}

/**
 * One publication of an annual report (migration 0011): an immutable snapshot (report and
 * findings as JSON text), with who published it, when, and why when error findings remained.
 */
export interface ReportPublicationTable {
  id: Generated<number>;
  agency_id: number;
  year: number;
  /** records | rollup */
  origin: string;
  /** 1, 2, … per agency, year and origin; the highest is the one the public sees. */
  version: number;
  format: string;
  report: string;
  findings: string;
  error_count: number;
  reason: string | null;
  published_by_id: number | null;
  published_by: string;
  published_at: string;
}

/**
 * A published annual report uploaded for checking (migration 0008, services/imports/). JSON
 * columns are text; `source` is the uploaded bytes.
 */
export interface ImportedReportTable {
  id: Generated<number>;
  file_name: string;
  sha256: string;
  size_bytes: number;
  media_type: string;
  /** SourceKind of the reader: text | layout | html | docx | pdf. */
  source_kind: string;
  source: Buffer;
  agency_name: string | null;
  year: number | null;
  format: string;
  report: string;
  provenance: Generated<string>;
  read_findings: Generated<string>;
  findings: Generated<string>;
  corrections: Generated<string>;
  uploaded_by: string;
  uploader_id: number | null;
  uploader_agency_id: number | null;
  created_at: string;
  updated_at: string;
}

/** An agency's editable portal page (migration 0007): its 信息公开指南 or 信息公开制度. */
export interface PortalPageTable {
  id: Generated<number>;
  agency_id: number;
  /** guide | rules (src/services/portal-pages/model.ts). */
  kind: string;
  title: string;
  /** Plain text with a small markup, rendered escaped. */
  body: string;
  updated_at: string;
  /** Login name of the last editor (or 'demo'). */
  updated_by: string;
}

/**
 * One digest per user, date and channel (migration 0009, services/digest/): claimed by
 * inserting the row first; `status` is sending | sent | failed | skipped.
 */
export interface DigestLogTable {
  id: Generated<number>;
  user_id: number;
  digest_date: string;
  /** email */
  channel: string;
  recipient: string | null;
  status: string;
  attempts: Generated<number>;
  error: string | null;
  sent_at: string | null;
  created_at: string;
  updated_at: string;
}

/** The day's scheduled digest run, claimed once across processes (migration 0009). */
export interface DigestRunTable {
  run_date: string;
  started_at: string;
  finished_at: string | null;
  sent: Generated<number>;
  failed: Generated<number>;
}

export interface Database {
  agencies: AgencyTable;
  applications: ApplicationTable;
  application_events: ApplicationEventTable;
  appeals: AppealTable;
  catalogue_items: CatalogueItemTable;
  index_number_serials: IndexNumberSerialTable;
  attachments: AttachmentTable;
  yearly_figures: YearlyFigureTable;
  annual_reports: AnnualReportTable;
  letter_templates: LetterTemplateTable;
  search_documents: SearchDocumentTable;
  search_fts: SearchFtsTable;
  search_terms: SearchTermsTable;
  users: UserTable;
  sessions: SessionTable;
  audit_events: AuditEventTable;
  digest_log: DigestLogTable;
  digest_runs: DigestRunTable;
  portal_pages: PortalPageTable;
  report_publications: ReportPublicationTable;
  imported_reports: ImportedReportTable;
}
