/**
 * 依申请公开 online (Regulation arts. 27-31): the application form for every applicant type,
 * all Chinese messages at once with nothing typed lost, and a receipt with the tracking number
 * and check code. An online application is confirmed by the receipt the portal issues at once,
 * so its receipt date (art. 31(三), 双方确认之日) is the day it is submitted.
 */
import type { FastifyInstance } from 'fastify';
import { agenciesRepository } from '../../../db/repositories/agencies.ts';
import { APPLICANT_TYPE_LABELS, APPLICANT_TYPES } from '../../../domain/applications/model.ts';
import { DomainError } from '../../../domain/errors.ts';
import { registerApplication } from '../../../services/applications/register-application.ts';
import { inputProblems, RegisterApplicationSchema } from '../../../services/applications/schemas.ts';
import type { Deps } from '../../../services/deps.ts';
import { csrfTokenFor } from '../../auth.ts';
import {
  APPLICATION_FIELD_LABELS,
  APPLICATION_FIELDS,
  DELIVERY_FORM_OPTIONS,
  DELIVERY_WAYS,
  deliveryWayOptions,
} from '../../views/application-fields.ts';
import { ErrorSummary, Fieldset, SelectField, TextArea, TextField } from '../../views/form.tsx';
import { renderPage } from '../../views/layout.tsx';
import { isAccessible } from '../request.ts';

const FIELDS = APPLICATION_FIELDS;
const LABELS: Record<string, string> = APPLICATION_FIELD_LABELS;

type Values = Record<string, string>;

async function formPage(
  deps: Deps,
  values: Values,
  errors: Record<string, string>,
  a11y: boolean,
  csrf: string,
): Promise<string> {
  const agencies = await agenciesRepository(deps.db.db).list();
  const common = { values, errors };
  return renderPage({
    title: '政府信息公开申请',
    path: '/apply',
    isAccessible: a11y,
    children: (
      <>
        <h1>政府信息公开申请</h1>
        <p>
          根据《中华人民共和国政府信息公开条例》第二十七条至第二十九条，公民、法人或者其他组织可以向行政机关申请获取政府信息。
          在线提交后将立即生成查询码和校验码，收到申请之日即为提交之日；行政机关一般在收到申请之日起20个工作日内答复。
        </p>
        <ErrorSummary errors={errors} labels={LABELS} />
        <form method="post" action="/apply" novalidate>
          <input type="hidden" name="_csrf" value={csrf} />
          <Fieldset legend="受理机关">
            <SelectField
              name="agency"
              label={LABELS.agency!}
              required
              options={agencies.map((a) => [a.code, a.name] as const)}
              {...common}
            />
          </Fieldset>
          <Fieldset legend="申请人信息">
            <SelectField
              name="applicantType"
              label={LABELS.applicantType!}
              required
              options={APPLICANT_TYPES.map((t) => [t, APPLICANT_TYPE_LABELS[t]] as const)}
              {...common}
            />
            <TextField
              name="applicantName"
              label={LABELS.applicantName!}
              required
              autocomplete="name"
              {...common}
            />
            <TextField
              name="idDocumentType"
              label={LABELS.idDocumentType!}
              hint="自然人填写，如居民身份证"
              {...common}
            />
            <TextField
              name="idDocumentNumber"
              label={LABELS.idDocumentNumber!}
              hint="自然人必填"
              {...common}
            />
            <TextField
              name="organisationCode"
              label={LABELS.organisationCode!}
              hint="法人或其他组织必填"
              {...common}
            />
            <TextField
              name="contactPerson"
              label={LABELS.contactPerson!}
              hint="法人或其他组织填写"
              {...common}
            />
            <TextField
              name="phone"
              label={LABELS.phone!}
              type="tel"
              autocomplete="tel"
              hint="电话、电子邮箱、通信地址至少填写一项"
              {...common}
            />
            <TextField name="email" label={LABELS.email!} type="email" autocomplete="email" {...common} />
            <TextField name="address" label={LABELS.address!} autocomplete="street-address" {...common} />
            <TextField name="postcode" label={LABELS.postcode!} autocomplete="postal-code" {...common} />
          </Fieldset>
          <Fieldset legend="所需信息">
            <TextArea
              name="description"
              label={LABELS.description!}
              required
              hint="请尽量写明信息的名称、文号或者便于查询的其他特征（条例第二十九条）"
              {...common}
            />
            <TextArea
              name="purpose"
              label={LABELS.purpose!}
              hint="选填。申请政府信息无需说明用途"
              {...common}
            />
            <SelectField
              name="deliveryForm"
              label={LABELS.deliveryForm!}
              required
              options={DELIVERY_FORM_OPTIONS}
              {...common}
            />
            <SelectField
              name="deliveryWay"
              label={LABELS.deliveryWay!}
              required
              options={deliveryWayOptions(DELIVERY_WAYS.filter((w) => w !== '传真'))}
              {...common}
            />
          </Fieldset>
          <button type="submit">提交申请</button>
        </form>
      </>
    ),
  });
}

function receiptPage(
  r: { trackingNumber: string; checkCode: string; receivedOn: string; dueOn: string | null; agency: string },
  a11y: boolean,
) {
  return renderPage({
    title: '申请已提交',
    path: '/apply',
    isAccessible: a11y,
    children: (
      <>
        <h1>申请已提交</h1>
        <p>请保存以下查询码和校验码，凭此在“申请查询”中查看办理进度。</p>
        <dl class="meta">
          <dt>查询码</dt>
          <dd>
            <strong id="tracking-number">{r.trackingNumber}</strong>
          </dd>
          <dt>校验码</dt>
          <dd>
            <strong id="check-code">{r.checkCode}</strong>
          </dd>
          <dt>受理机关</dt>
          <dd>{r.agency}</dd>
          <dt>收到申请之日</dt>
          <dd>{r.receivedOn}</dd>
          <dt>法定答复期限</dt>
          <dd>{r.dueOn ?? '—'}</dd>
        </dl>
        <p>
          <a href={`/track?number=${encodeURIComponent(r.trackingNumber)}`}>查询办理进度</a>
        </p>
      </>
    ),
  });
}

export function registerApplyRoutes(app: FastifyInstance, deps: Deps): void {
  app.get('/apply', async (req, reply) =>
    reply
      .type('text/html; charset=utf-8')
      .send(await formPage(deps, {}, {}, isAccessible(req), csrfTokenFor(req, reply))),
  );

  app.post('/apply', async (req, reply) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const values: Values = {};
    for (const f of FIELDS) values[f] = typeof body[f] === 'string' ? body[f] : '';
    const today = deps.clock.today();
    const input = { ...values, channel: 'online', submittedOn: today, confirmedOn: today, actor: '网上申请' };
    const problems = inputProblems(RegisterApplicationSchema, input);
    if (Object.keys(problems).length > 0) {
      return reply
        .code(400)
        .type('text/html; charset=utf-8')
        .send(await formPage(deps, values, problems, isAccessible(req), csrfTokenFor(req, reply)));
    }
    try {
      const created = await registerApplication(deps, input);
      const agency = await agenciesRepository(deps.db.db).findById(created.agencyId);
      return reply
        .type('text/html; charset=utf-8')
        .send(receiptPage({ ...created, agency: agency?.name ?? '' }, isAccessible(req)));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const field =
        error.field && FIELDS.includes(error.field as (typeof FIELDS)[number]) ? error.field : 'agency';
      return reply
        .code(400)
        .type('text/html; charset=utf-8')
        .send(
          await formPage(
            deps,
            values,
            { [field]: error.message },
            isAccessible(req),
            csrfTokenFor(req, reply),
          ),
        );
    }
  });
}
