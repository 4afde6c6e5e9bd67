/**
 * Reply letters (告知书) of a case as DOCX or PDF, and the agency's own templates. A letter
 * takes the agency's template for the case's outcome if it has one, else the shipped default
 * (domain/letters/templates.ts); it cites the article the outcome rests on and states the
 * remedies (Regulation art. 51, regulation.md §5).
 */
import { z } from 'zod';
import { agenciesRepository } from '../../db/repositories/agencies.ts';
import { applicationsRepository } from '../../db/repositories/applications.ts';
import {
  type LetterTemplateRecord,
  letterTemplatesRepository,
} from '../../db/repositories/letter-templates.ts';
import type { Outcome } from '../../domain/applications/model.ts';
import { DomainError } from '../../domain/errors.ts';
import { basisText, REMEDIES_TEXT } from '../../domain/letters/basis.ts';
import {
  chineseDate,
  composeLetter,
  DEFAULT_TEMPLATES,
  type LetterTemplate,
  PLACEHOLDERS,
  type ReplyLetter,
  statesRemedies,
  unknownPlaceholders,
} from '../../domain/letters/templates.ts';
import { table3RowShortLabel } from '../../domain/report/labels.ts';
import { renderLetterDocx, renderLetterPdf } from '../../render/letter.ts';
import { findAgency } from '../agencies/find-agency.ts';
import type { Deps } from '../deps.ts';
import { OutcomeSchema, parseInput } from './schemas.ts';

export const LETTER_FORMATS = ['docx', 'pdf'] as const;
export type LetterFormat = (typeof LETTER_FORMATS)[number];

const AVAILABLE = Object.entries(PLACEHOLDERS)
  .map(([key, label]) => `{{${key}}}（${label}）`)
  .join('、');

const templateText = (field: string, max: number) =>
  z
    .string({ error: `请填写${field}` })
    .trim()
    .min(1, { message: `请填写${field}` })
    .max(max, { message: `${field}不能超过${max}个字` })
    .superRefine((text, ctx) => {
      const unknown = unknownPlaceholders(text);
      if (unknown.length > 0) {
        ctx.addIssue({
          code: 'custom',
          message: `${field}中有未知的占位符${unknown.map((n) => `“{{${n}}}”`).join('、')}；可用的占位符：${AVAILABLE}`,
        });
      }
    });

/** An agency's template for one outcome. */
export const SaveLetterTemplateSchema = z.object({
  agency: z.string().trim().min(1, { message: '请选择机关' }),
  outcome: OutcomeSchema,
  title: templateText('标题', 100),
  body: templateText('正文', 10_000).refine(statesRemedies, {
    message: '正文须告知申请人救济途径：使用{{remedies}}占位符，或写明申请行政复议、提起行政诉讼的途径和期限',
  }),
  actor: z.string().trim().min(1).default('system'),
});
export type SaveLetterTemplateInput = z.input<typeof SaveLetterTemplateSchema>;

/** Stores (or replaces) an agency's template for an outcome. */
export async function saveLetterTemplate(deps: Deps, input: unknown): Promise<LetterTemplateRecord> {
  const v = parseInput(SaveLetterTemplateSchema, input);
  const agency = await findAgency(deps, v.agency);
  return letterTemplatesRepository(deps.db.db).save({
    agencyId: agency.id,
    outcome: v.outcome,
    title: v.title,
    body: v.body,
    updatedBy: v.actor,
    updatedAt: deps.clock.now().toISOString(),
  });
}

/** The template a letter of the agency for the outcome uses: its own, else the default. */
export async function effectiveLetterTemplate(
  deps: Deps,
  agencyId: number,
  outcome: Outcome,
): Promise<LetterTemplate & { isDefault: boolean }> {
  const own = await letterTemplatesRepository(deps.db.db).find(agencyId, outcome);
  return own
    ? { title: own.title, body: own.body, isDefault: false }
    : { ...DEFAULT_TEMPLATES[outcome], isDefault: true };
}

/**
 * The filled letter of a case: the outcome it was closed with, or the one in the reply being
 * drafted or reviewed (dated today until it is sent).
 */
export async function replyLetter(deps: Deps, applicationId: number): Promise<ReplyLetter> {
  const repo = applicationsRepository(deps.db.db);
  const app = await repo.findById(applicationId);
  if (!app) throw new DomainError('application.not_found', `未找到编号为${applicationId}的申请`);
  const events = await repo.events(app.id);
  const draft = [...events].reverse().find((e) => e.type === 'draft_reply');
  const isDrafted = app.state === 'reply_drafted' || app.state === 'reply_approved';
  const outcome = app.outcome ?? (isDrafted ? ((draft?.data.outcome as Outcome | undefined) ?? null) : null);
  if (!outcome) {
    throw new DomainError('letter.no_outcome', '该申请尚未确定办理结果，不能生成答复书', 'outcome');
  }
  const agency = await agenciesRepository(deps.db.db).findById(app.agencyId);
  if (!agency) throw new DomainError('agency.not_found', '未找到受理该申请的机关');
  const closing = app.closedOn ? events[events.length - 1] : undefined;
  const template = await effectiveLetterTemplate(deps, agency.id, outcome);
  return composeLetter(template, {
    agency_name: agency.name,
    applicant_name: app.applicantName,
    tracking_number: app.trackingNumber,
    received_on: chineseDate(app.receivedOn),
    request: app.description,
    reply_date: chineseDate(app.closedOn ?? deps.clock.today()),
    outcome: table3RowShortLabel('2021', outcome),
    basis: basisText(outcome),
    remedies: REMEDIES_TEXT,
    reason: (draft?.reason ?? closing?.reason ?? '').trim(),
  });
}

/** The case's reply letter as a DOCX or PDF file. */
export async function renderReplyLetter(
  deps: Deps,
  applicationId: number,
  format: LetterFormat,
): Promise<Buffer> {
  const letter = await replyLetter(deps, applicationId);
  return format === 'docx' ? renderLetterDocx(letter) : renderLetterPdf(letter);
}
