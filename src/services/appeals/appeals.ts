/**
 * The registry of reconsiderations and lawsuits about disclosure (table 4). A case is filed
 * against an agency, usually about one application, and later decided: 维持 / 纠正 / 其他;
 * until then it is 尚未审结. Counted in the year it was filed, with its result at the year's end.
 */
import { z } from 'zod';
import { appealsRepository } from '../../db/repositories/appeals.ts';
import { applicationsRepository } from '../../db/repositories/applications.ts';
import { DomainError } from '../../domain/errors.ts';
import { TABLE4_GROUPS } from '../../domain/report/formats/index.ts';
import { findAgency } from '../agencies/find-agency.ts';
import { IsoDateSchema, parseInput } from '../applications/schemas.ts';
import type { Deps } from '../deps.ts';

export const RegisterAppealSchema = z
  .object({
    agency: z.string().trim().min(1, { message: '请选择被申请（被诉）机关' }),
    /** Tracking number of the application the case is about, if any. */
    application: z
      .string()
      .trim()
      .optional()
      .transform((v) => (v ? v : null)),
    kind: z.enum(TABLE4_GROUPS, { error: '案件类型应为行政复议、未经复议直接起诉或复议后起诉' }),
    caseNumber: z
      .string()
      .trim()
      .max(60)
      .optional()
      .transform((v) => (v ? v : null)),
    filedOn: IsoDateSchema,
    result: z.enum(['upheld', 'corrected', 'other', 'pending'], { error: '案件结果无效' }).default('pending'),
    decidedOn: IsoDateSchema.optional(),
    note: z
      .string()
      .trim()
      .max(1000)
      .optional()
      .transform((v) => (v ? v : null)),
  })
  .superRefine((v, ctx) => {
    if (v.result === 'pending' && v.decidedOn) {
      ctx.addIssue({ code: 'custom', path: ['result'], message: '已填写审结日期的案件应选择审结结果' });
    }
    if (v.result !== 'pending' && !v.decidedOn) {
      ctx.addIssue({ code: 'custom', path: ['decidedOn'], message: '请填写审结日期' });
    }
    if (v.decidedOn && v.decidedOn < v.filedOn) {
      ctx.addIssue({ code: 'custom', path: ['decidedOn'], message: '审结日期不能早于立案（申请）日期' });
    }
  });

export async function registerAppeal(deps: Deps, input: unknown): Promise<number> {
  const v = parseInput(RegisterAppealSchema, input);
  const agency = await findAgency(deps, v.agency);
  let applicationId: number | null = null;
  if (v.application) {
    const app = await applicationsRepository(deps.db.db).findByTrackingNumber(v.application);
    if (!app)
      throw new DomainError('application.not_found', `未找到查询码为“${v.application}”的申请`, 'application');
    if (app.agencyId !== agency.id) {
      throw new DomainError('appeal.invalid', '该申请不是向所选机关提出的', 'application');
    }
    if (v.filedOn < app.receivedOn) {
      throw new DomainError('appeal.invalid', '立案（申请）日期不能早于信息公开申请的收到日期', 'filedOn');
    }
    applicationId = app.id;
  }
  return appealsRepository(deps.db.db).insert(
    {
      agencyId: agency.id,
      applicationId,
      kind: v.kind,
      caseNumber: v.caseNumber,
      filedOn: v.filedOn,
      result: v.result,
      decidedOn: v.decidedOn ?? null,
      note: v.note,
    },
    deps.clock.now().toISOString(),
  );
}

export const DecideAppealSchema = z.object({
  id: z.coerce.number().int().positive(),
  result: z.enum(['upheld', 'corrected', 'other'], { error: '审结结果应为维持、纠正或其他' }),
  decidedOn: IsoDateSchema,
});

/** Records the decision of a pending case. */
export async function decideAppeal(deps: Deps, input: unknown): Promise<void> {
  const v = parseInput(DecideAppealSchema, input);
  const repo = appealsRepository(deps.db.db);
  const appeal = await repo.findById(v.id);
  if (!appeal) throw new DomainError('appeal.invalid', `未找到编号为${v.id}的案件`, 'id');
  if (appeal.result !== 'pending') throw new DomainError('appeal.invalid', '该案件已审结', 'result');
  if (v.decidedOn < appeal.filedOn)
    throw new DomainError('appeal.invalid', '审结日期不能早于立案（申请）日期', 'decidedOn');
  await repo.decide(v.id, v.result, v.decidedOn);
}
