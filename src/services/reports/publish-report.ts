/**
 * Publishing an agency's annual report for a year (Regulation art. 49-50: every agency publishes
 * its report on the previous year by 31 January; art. 50 lists what it contains).
 *
 * The report is prepared again from the records and the saved draft (prepareReport) and checked;
 * while error findings remain it is refused (`report.has_errors`) unless an administrator who may
 * publish it records why, and that reason is published with it. What is published is an immutable
 * snapshot (report, findings, reason, who, when) in report_publications: later changes to the
 * records or the draft never alter it. Publishing a corrected report adds the next version; the
 * public sees the latest with its 更新 date, and every earlier version stays on record.
 *
 * There is no withdrawal: a statutory report must stay public (art. 49), so a wrong one is
 * corrected by publishing a new version, never taken down.
 */
import type { Kysely } from 'kysely';
import { agenciesRepository } from '../../db/repositories/agencies.ts';
import type { Database } from '../../db/schema.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Finding } from '../../domain/report/finding.ts';
import type { AnnualReport } from '../../domain/report/model.ts';
import { can } from '../accounts/access.ts';
import { writeAudit } from '../accounts/audit.ts';
import { type Actor, actorId, actorName, isSystemActor } from '../accounts/model.ts';
import { findAgency } from '../agencies/find-agency.ts';
import type { Deps } from '../deps.ts';
import {
  canonicalJson,
  type PreparedReport,
  prepareReport,
  type ReportKey,
  type ReportOrigin,
} from './prepare-report.ts';

/** Bounds of the reason an administrator records for publishing despite errors. */
export const REASON_LENGTH = { min: 5, max: 500 } as const;

export interface PublishReportInput extends ReportKey {
  /** Why the report is published although error findings remain (administrators only). */
  reason?: string | null;
}

export interface PublicationSummary {
  id: number;
  version: number;
  errorCount: number;
  reason: string | null;
  /** Login of the publisher ('demo', 'cli', 'system' for the system). */
  publishedBy: string;
  /** Display name of the publisher when a person published it. */
  publishedByName: string | null;
  publishedAt: string;
}

export interface Publication extends PublicationSummary {
  agencyId: number;
  agencyCode: string;
  agencyName: string;
  year: number;
  origin: ReportOrigin;
  report: AnnualReport;
  findings: Finding[];
  /** When version 1 was published. */
  firstPublishedAt: string;
}

/** An entry of the public list: the latest version of one published report. */
export interface PublishedEntry {
  agencyId: number;
  agencyCode: string;
  agencyName: string;
  year: number;
  origin: ReportOrigin;
  version: number;
  errorCount: number;
  publishedAt: string;
}

/** True when the actor may publish this report: `reports.publish` over every agency it covers. */
export async function canPublishReport(deps: Deps, actor: Actor, prepared: PreparedReport): Promise<boolean> {
  if (isSystemActor(actor)) return true;
  if (!can(actor, 'reports.publish', prepared.agency.id)) return false;
  if (prepared.origin === 'records') return true;
  // A rollup sums the whole subtree, so the actor must cover all of it (a county administrator).
  const ids = await agenciesRepository(deps.db.db).subtreeIds(prepared.agency.id);
  return ids.every((id) => actor.agencyIds.includes(id));
}

export async function publishReport(
  deps: Deps,
  input: PublishReportInput,
  actor: Actor,
): Promise<Publication> {
  const prepared = await prepareReport(deps, input);
  if (!(await canPublishReport(deps, actor, prepared))) {
    throw new DomainError('auth.forbidden', '只有本机关（汇总报告为县级）管理员可以发布年度报告');
  }
  const errorCount = prepared.findings.filter((f) => f.severity === 'error').length;
  const reason = (input.reason ?? '').trim();
  if (errorCount > 0) {
    if (reason === '') {
      throw new DomainError(
        'report.has_errors',
        `年度报告仍有${errorCount}处错误，不能发布。请先更正；确需发布的，由管理员填写发布理由，理由将随报告一并公开。`,
        'reason',
      );
    }
    if (reason.length < REASON_LENGTH.min || reason.length > REASON_LENGTH.max) {
      throw new DomainError(
        'validation.invalid',
        `发布理由应为${REASON_LENGTH.min}至${REASON_LENGTH.max}个字`,
        'reason',
      );
    }
  }
  const latest = await latestPublication(deps, prepared.agency.id, prepared.year, prepared.origin);
  if (latest && canonicalJson(latest.report) === canonicalJson(prepared.report)) {
    throw new DomainError('report.unchanged', '报告内容与已发布的版本相同，无需重新发布');
  }
  const now = deps.clock.now().toISOString();
  const publishedReason = errorCount > 0 ? reason : null;
  await deps.db.db.transaction().execute(async (trx) => {
    const last = await trx
      .selectFrom('report_publications')
      .select((eb) => eb.fn.max('version').as('version'))
      .where('agency_id', '=', prepared.agency.id)
      .where('year', '=', prepared.year)
      .where('origin', '=', prepared.origin)
      .executeTakeFirst();
    await trx
      .insertInto('report_publications')
      .values({
        agency_id: prepared.agency.id,
        year: prepared.year,
        origin: prepared.origin,
        version: Number(last?.version ?? 0) + 1,
        format: prepared.report.format,
        report: JSON.stringify(prepared.report),
        findings: JSON.stringify(prepared.findings),
        error_count: errorCount,
        reason: publishedReason,
        published_by_id: actorId(actor),
        published_by: actorName(actor),
        published_at: now,
      })
      .execute();
    await markDraftPublished(trx, prepared, now, publishedReason);
    await writeAudit(
      deps,
      {
        actorId: actorId(actor),
        actor: actorName(actor),
        action: 'report.published',
        subject: `annual_report:${prepared.agency.code}/${prepared.year}/${prepared.origin}`,
        agencyId: prepared.agency.id,
        detail: { version: Number(last?.version ?? 0) + 1, errors: errorCount, reason: publishedReason },
      },
      trx,
    );
  });
  const published = await latestPublication(deps, prepared.agency.id, prepared.year, prepared.origin);
  if (!published) throw new Error('the publication just written is missing');
  return published;
}

/** Keeps annual_reports' status in step (a row with no chapters of its own when there was no draft). */
async function markDraftPublished(
  trx: Kysely<Database>,
  prepared: PreparedReport,
  now: string,
  reason: string | null,
): Promise<void> {
  const status = {
    status: 'published',
    published_at: now,
    publish_reason: reason,
    findings: JSON.stringify(prepared.findings),
    updated_at: now,
  };
  const updated = await trx
    .updateTable('annual_reports')
    .set(status)
    .where('agency_id', '=', prepared.agency.id)
    .where('year', '=', prepared.year)
    .where('origin', '=', prepared.origin)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) > 0) return;
  await trx
    .insertInto('annual_reports')
    .values({
      agency_id: prepared.agency.id,
      year: prepared.year,
      format: prepared.report.format,
      origin: prepared.origin,
      // Empty chapters: the built text keeps following the records until someone edits it.
      report: JSON.stringify({ report: { ...prepared.report, chapters: {} }, typed: {} }),
      created_at: now,
      ...status,
    })
    .execute();
}

const SUMMARY_COLUMNS = [
  'report_publications.id',
  'report_publications.version',
  'report_publications.error_count',
  'report_publications.reason',
  'report_publications.published_by',
  'report_publications.published_at',
  'users.display_name',
] as const;

function toSummary(r: {
  id: number;
  version: number;
  error_count: number;
  reason: string | null;
  published_by: string;
  published_at: string;
  display_name: string | null;
}): PublicationSummary {
  return {
    id: r.id,
    version: Number(r.version),
    errorCount: Number(r.error_count),
    reason: r.reason,
    publishedBy: r.published_by,
    publishedByName: r.display_name,
    publishedAt: r.published_at,
  };
}

/** Every version of one report, newest first. */
export async function publicationHistory(
  deps: Pick<Deps, 'db'>,
  agencyId: number,
  year: number,
  origin: ReportOrigin,
): Promise<PublicationSummary[]> {
  const rows = await deps.db.db
    .selectFrom('report_publications')
    .leftJoin('users', 'users.id', 'report_publications.published_by_id')
    .select(SUMMARY_COLUMNS)
    .where('report_publications.agency_id', '=', agencyId)
    .where('report_publications.year', '=', year)
    .where('report_publications.origin', '=', origin)
    .orderBy('report_publications.version', 'desc')
    .execute();
  return rows.map(toSummary);
}

/** The latest published version of one report, with its snapshot; null when never published. */
export async function latestPublication(
  deps: Pick<Deps, 'db'>,
  agencyId: number,
  year: number,
  origin: ReportOrigin,
): Promise<Publication | null> {
  const history = await publicationHistory(deps, agencyId, year, origin);
  const newest = history[0];
  if (!newest) return null;
  const row = await deps.db.db
    .selectFrom('report_publications')
    .innerJoin('agencies', 'agencies.id', 'report_publications.agency_id')
    .select(['report_publications.report', 'report_publications.findings', 'agencies.code', 'agencies.name'])
    .where('report_publications.id', '=', newest.id)
    .executeTakeFirstOrThrow();
  return {
    ...newest,
    agencyId,
    agencyCode: row.code,
    agencyName: row.name,
    year,
    origin,
    report: JSON.parse(row.report) as AnnualReport,
    findings: JSON.parse(row.findings) as Finding[],
    firstPublishedAt: history[history.length - 1]!.publishedAt,
  };
}

/** The latest version of a published report, by agency code or name; throws when none. */
export async function findPublication(deps: Deps, key: ReportKey): Promise<Publication> {
  const agency = await findAgency(deps, key.agency);
  const found = await latestPublication(deps, agency.id, key.year, key.rollup ? 'rollup' : 'records');
  if (!found) {
    throw new DomainError(
      'report.not_published',
      `${agency.name}${key.year}年${key.rollup ? '（汇总）' : ''}政府信息公开工作年度报告尚未发布`,
    );
  }
  return found;
}

/** Every published report's latest version (the public 年报 column), by agency then year. */
export async function listReportPublications(deps: Pick<Deps, 'db'>): Promise<PublishedEntry[]> {
  const rows = await deps.db.db
    .selectFrom('report_publications')
    .innerJoin('agencies', 'agencies.id', 'report_publications.agency_id')
    .select([
      'report_publications.agency_id',
      'agencies.code',
      'agencies.name',
      'report_publications.year',
      'report_publications.origin',
      'report_publications.version',
      'report_publications.error_count',
      'report_publications.published_at',
    ])
    .orderBy('report_publications.agency_id')
    .orderBy('report_publications.year', 'desc')
    .orderBy('report_publications.origin')
    .orderBy('report_publications.version', 'desc')
    .execute();
  const seen = new Set<string>();
  const out: PublishedEntry[] = [];
  for (const r of rows) {
    const key = `${r.agency_id}/${r.year}/${r.origin}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({
      agencyId: r.agency_id,
      agencyCode: r.code,
      agencyName: r.name,
      year: Number(r.year),
      origin: r.origin as ReportOrigin,
      version: Number(r.version),
      errorCount: Number(r.error_count),
      publishedAt: r.published_at,
    });
  }
  return out;
}

/** Where a report stands in the back office. */
export type ReportStatus = 'not_started' | 'draft' | 'published' | 'changed_since_published';

export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = {
  not_started: '未生成',
  draft: '草稿',
  published: '已发布',
  changed_since_published: '发布后有修改',
};

/**
 * 未生成: neither a saved draft nor a publication; 草稿: a draft, never published; 已发布: the
 * latest publication is what the records and the draft give now; 发布后有修改: they now differ.
 */
export function reportStatus(prepared: PreparedReport, latest: Publication | null): ReportStatus {
  if (!latest) return prepared.draft ? 'draft' : 'not_started';
  return canonicalJson(latest.report) === canonicalJson(prepared.report)
    ? 'published'
    : 'changed_since_published';
}
