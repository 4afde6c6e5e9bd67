/**
 * GET/POST /admin/applications/new: a clerk registers an application received by any channel
 * (Regulation art. 29; channels of domain/applications/model.ts) with the dates art. 31 needs to
 * fix the receipt date: 当面提交/口头 — the day submitted; 邮寄 — the day the agency signed for
 * it; 平常信函 — the day confirmed with the applicant; 网络/电子邮件/传真 — the day both sides
 * confirmed (domain/applications/receipt.ts). Every problem is listed at once and nothing typed
 * is lost; the agency is one the user may register for. On success the case page opens with
 * the tracking number, check code and the statutory due date (counted with the holidays).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { agenciesRepository } from '../../../../db/repositories/agencies.ts';
import type { Role } from '../../../../domain/accounts/roles.ts';
import type { Agency } from '../../../../domain/agencies/model.ts';
import {
  APPLICANT_TYPE_LABELS,
  APPLICANT_TYPES,
  CHANNEL_LABELS,
  CHANNELS,
  type Channel,
} from '../../../../domain/applications/model.ts';
import { receiptDate } from '../../../../domain/applications/receipt.ts';
import { parseIsoDate } from '../../../../domain/calendar/index.ts';
import { DomainError } from '../../../../domain/errors.ts';
import { agenciesUserCan, can } from '../../../../services/accounts/access.ts';
import { registerApplication } from '../../../../services/applications/register-application.ts';
import { inputProblems, RegisterApplicationSchema } from '../../../../services/applications/schemas.ts';
import type { Deps } from '../../../../services/deps.ts';
import { csrfTokenFor, requireUser } from '../../../auth.ts';
import { renderAdminPage } from '../../../views/admin/admin-layout.tsx';
import {
  APPLICATION_FIELD_LABELS,
  APPLICATION_FIELDS,
  DELIVERY_FORM_OPTIONS,
  deliveryWayOptions,
} from '../../../views/application-fields.ts';
import { ErrorSummary, Fieldset, SelectField, TextArea, TextField } from '../../../views/form.tsx';

/** The application's fields, and the channel with the dates art. 31 counts the receipt from. */
const RECEIPT_FIELDS = ['channel', 'submittedOn', 'signedOn', 'confirmedOn'] as const;
const FIELDS = ['agency', ...RECEIPT_FIELDS, ...APPLICATION_FIELDS.slice(1)] as const;

export const REGISTER_LABELS: Record<(typeof FIELDS)[number], string> = {
  ...APPLICATION_FIELD_LABELS,
  channel: '申请渠道',
  submittedOn: '提交或寄达之日',
  signedOn: '签收之日',
  confirmedOn: '确认之日',
};

/** Which receipt date each channel needs besides the day submitted (art. 31). */
const RECEIPT_FIELD: Record<Channel, 'signedOn' | 'confirmedOn' | null> = {
  in_person: null,
  oral: null,
  post_signed: 'signedOn',
  post_unsigned: 'confirmedOn',
  online: 'confirmedOn',
  email: 'confirmedOn',
  fax: 'confirmedOn',
};

type Values = Record<string, string>;

interface FormInput {
  values: Values;
  errors: Record<string, string>;
  agencies: readonly Agency[];
  user: { displayName: string; role: Role };
  csrf: string;
}

function renderForm({ values, errors, agencies, user, csrf }: FormInput): string {
  const common = { values, errors };
  const L = REGISTER_LABELS;
  return renderAdminPage({
    title: Object.keys(errors).length > 0 ? '登记申请（有错误）' : '登记申请',
    signedIn: { displayName: user.displayName, csrfToken: csrf, role: user.role },
    path: '/admin/applications/new',
    children: (
      <>
        <p>
          <a href="/admin/applications">返回申请列表</a>
        </p>
        <h1>登记申请</h1>
        <p>
          登记以信函、当面、传真、电子邮件等方式收到的政府信息公开申请（条例第二十九条）。收到申请之日按条例第三十一条确定，
          答复期限自收到申请之日起按工作日计算（法定节假日不计）。
        </p>
        <ErrorSummary errors={errors} labels={L} />
        <form method="post" action="/admin/applications/new" novalidate>
          <input type="hidden" name="_csrf" value={csrf} />
          <Fieldset legend="受理与收到日期">
            <SelectField
              name="agency"
              label={L.agency}
              required
              options={agencies.map((a) => [a.code, a.name] as const)}
              {...common}
            />
            <SelectField
              name="channel"
              label={L.channel}
              required
              options={CHANNELS.map((c) => [c, CHANNEL_LABELS[c]] as const)}
              {...common}
            />
            <TextField
              name="submittedOn"
              label={L.submittedOn}
              type="date"
              required
              hint="当面提交或口头提出的，为提交（代为填写）之日，即收到申请之日；其他渠道为申请寄达或发送之日"
              {...common}
            />
            <TextField
              name="signedOn"
              label={L.signedOn}
              type="date"
              hint="邮寄（需签收）时必填：以行政机关签收之日为收到申请之日（条例第三十一条第二项）"
              {...common}
            />
            <TextField
              name="confirmedOn"
              label={L.confirmedOn}
              type="date"
              hint="平常信函时填与申请人确认之日；网络平台、电子邮件、传真时填双方确认之日，即收到申请之日（条例第三十一条第二、三项）"
              {...common}
            />
          </Fieldset>
          <Fieldset legend="申请人信息">
            <SelectField
              name="applicantType"
              label={L.applicantType}
              required
              options={APPLICANT_TYPES.map((t) => [t, APPLICANT_TYPE_LABELS[t]] as const)}
              {...common}
            />
            <TextField name="applicantName" label={L.applicantName} required {...common} />
            <TextField
              name="idDocumentType"
              label={L.idDocumentType}
              hint="自然人填写，如居民身份证"
              {...common}
            />
            <TextField name="idDocumentNumber" label={L.idDocumentNumber} hint="自然人必填" {...common} />
            <TextField
              name="organisationCode"
              label={L.organisationCode}
              hint="法人或其他组织必填"
              {...common}
            />
            <TextField name="contactPerson" label={L.contactPerson} hint="法人或其他组织填写" {...common} />
            <TextField
              name="phone"
              label={L.phone}
              type="tel"
              hint="电话、电子邮箱、通信地址至少填写一项"
              {...common}
            />
            <TextField name="email" label={L.email} type="email" {...common} />
            <TextField name="address" label={L.address} {...common} />
            <TextField name="postcode" label={L.postcode} {...common} />
          </Fieldset>
          <Fieldset legend="所需信息">
            <TextArea
              name="description"
              label={L.description}
              required
              hint="照录申请书所写内容（条例第二十九条第二款第二项）"
              {...common}
            />
            <TextArea name="purpose" label={L.purpose} hint="选填" {...common} />
            <SelectField
              name="deliveryForm"
              label={L.deliveryForm}
              required
              options={DELIVERY_FORM_OPTIONS}
              {...common}
            />
            <SelectField
              name="deliveryWay"
              label={L.deliveryWay}
              required
              options={deliveryWayOptions()}
              {...common}
            />
          </Fieldset>
          <button type="submit">登记</button>
        </form>
      </>
    ),
  });
}

/**
 * Every problem of the typed form at once: the schema's, the art. 31 receipt date's, dates in
 * the future, and an agency outside the user's scope. `isForbidden` marks the last.
 */
function problemsOf(
  values: Values,
  input: Record<string, unknown>,
  agency: Agency | null,
  isAllowed: boolean,
  today: string,
): { errors: Record<string, string>; isForbidden: boolean } {
  const errors = inputProblems(RegisterApplicationSchema, input);
  for (const f of ['submittedOn', 'signedOn', 'confirmedOn'] as const) {
    const v = values[f];
    if (v && parseIsoDate(v) !== null && v > today && !errors[f]) errors[f] = '日期不能晚于今天';
  }
  const channel = values.channel as Channel;
  if ((CHANNELS as readonly string[]).includes(channel) && parseIsoDate(values.submittedOn ?? '') !== null) {
    const receipt = receiptDate({
      channel,
      submittedOn: values.submittedOn!,
      signedOn: (input.signedOn as string | undefined) ?? null,
      confirmedOn: (input.confirmedOn as string | undefined) ?? null,
    });
    if (!receipt.ok && !errors[receipt.field]) errors[receipt.field] = receipt.message;
  }
  let isForbidden = false;
  if (values.agency && !errors.agency && (!agency || !isAllowed)) {
    errors.agency = agency
      ? `您不能为“${agency.name}”登记申请：该机关不在您负责的范围内`
      : `未找到机关“${values.agency}”`;
    isForbidden = agency !== null;
  }
  // In the order of the form, so the summary reads top to bottom.
  const ordered: Record<string, string> = {};
  for (const f of FIELDS) if (errors[f]) ordered[f] = errors[f]!;
  for (const [k, v] of Object.entries(errors)) ordered[k] ??= v;
  return { errors: ordered, isForbidden };
}

export function registerRegisterRoutes(app: FastifyInstance, deps: Deps): void {
  const scopeAgencies = (req: FastifyRequest) => agenciesUserCan(deps, req.user!, 'applications.edit');
  const send = async (
    req: FastifyRequest,
    reply: FastifyReply,
    code: number,
    values: Values,
    errors: Record<string, string>,
  ) =>
    reply
      .code(code)
      .type('text/html; charset=utf-8')
      .send(
        renderForm({
          values,
          errors,
          agencies: await scopeAgencies(req),
          user: req.user!,
          csrf: csrfTokenFor(req, reply),
        }),
      );

  app.get('/admin/applications/new', { preHandler: requireUser('applications.edit') }, async (req, reply) => {
    const agencies = await scopeAgencies(req);
    const values: Values = { submittedOn: deps.clock.today() };
    // One agency: chosen already.
    if (agencies.length === 1) values.agency = agencies[0]!.code;
    return send(req, reply, 200, values, {});
  });

  app.post(
    '/admin/applications/new',
    { preHandler: requireUser('applications.edit') },
    async (req, reply) => {
      const user = req.user!;
      const body = (req.body ?? {}) as Record<string, unknown>;
      const values: Values = {};
      for (const f of FIELDS)
        values[f] = typeof body[f] === 'string' ? (body[f] as string).slice(0, 5000) : '';
      const input: Record<string, unknown> = { actor: user.login };
      for (const f of FIELDS) {
        const v = values[f]!.trim();
        // A receipt date the channel does not use is not part of the application.
        if (f === 'signedOn' || f === 'confirmedOn') {
          const needed = RECEIPT_FIELD[values.channel as Channel];
          if (!v || needed !== f) continue;
        }
        input[f] =
          v === '' && (f === 'submittedOn' || f === 'signedOn' || f === 'confirmedOn') ? undefined : v;
      }
      const agency = values.agency
        ? await agenciesRepository(deps.db.db).findByCodeOrName(values.agency)
        : null;
      const isAllowed = agency !== null && can(user, 'applications.edit', agency.id);
      const { errors, isForbidden } = problemsOf(values, input, agency, isAllowed, deps.clock.today());
      if (Object.keys(errors).length > 0) return send(req, reply, isForbidden ? 403 : 400, values, errors);
      try {
        const created = await registerApplication(deps, { ...input, agency: agency!.code });
        return reply.redirect(`/admin/applications/${created.id}?registered=1`, 303);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        const field =
          error.field && (FIELDS as readonly string[]).includes(error.field) ? error.field : 'agency';
        return send(req, reply, 400, values, { [field]: error.message });
      }
    },
  );
}
