/**
 * The status page (申请查询): tracking number + check code → the stage and the legal due date.
 * It never shows anyone's personal data, and a wrong pair of codes gets the same answer
 * whether or not the tracking number exists.
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { agenciesRepository } from '../../../db/repositories/agencies.ts';
import { applicationsRepository } from '../../../db/repositories/applications.ts';
import { computeDeadline, DEADLINE_STATUS_LABELS } from '../../../domain/applications/deadline.ts';
import { deadlineFactsFromEvents } from '../../../domain/applications/facts-from-events.ts';
import { STATE_LABELS } from '../../../domain/applications/workflow.ts';
import { formatForYear } from '../../../domain/report/formats/index.ts';
import { table3RowShortLabel } from '../../../domain/report/labels.ts';
import type { Deps } from '../../../services/deps.ts';
import { ErrorSummary, TextField } from '../../views/form.tsx';
import { renderPage } from '../../views/layout.tsx';
import { isAccessible } from '../request.ts';

interface Status {
  trackingNumber: string;
  agency: string;
  receivedOn: string;
  stage: string;
  timing: string;
  dueOn: string | null;
  closedOn: string | null;
  outcome: string | null;
}

function sameCode(a: string, b: string): boolean {
  const x = Buffer.from(a.padEnd(16).slice(0, 16));
  const y = Buffer.from(b.padEnd(16).slice(0, 16));
  return timingSafeEqual(x, y) && a.length === b.length;
}

async function lookUp(deps: Deps, number: string, code: string): Promise<Status | null> {
  const repo = applicationsRepository(deps.db.db);
  const app = await repo.findByTrackingNumber(number.trim().toUpperCase());
  if (!app || !sameCode(app.checkCode, code.trim())) return null;
  const agency = await agenciesRepository(deps.db.db).findById(app.agencyId);
  const deadline = computeDeadline(
    deadlineFactsFromEvents(app.receivedOn, await repo.events(app.id)),
    deps.calendar,
    deps.clock.today(),
  );
  const due = deadline.due;
  return {
    trackingNumber: app.trackingNumber,
    agency: agency?.name ?? '',
    receivedOn: app.receivedOn,
    stage: STATE_LABELS[app.state],
    timing: DEADLINE_STATUS_LABELS[deadline.status],
    dueOn: due ? (due.isProvisional ? `${due.provisionalValue}（暂定）` : due.value) : null,
    closedOn: app.closedOn,
    outcome:
      app.outcome && app.closedOn
        ? table3RowShortLabel(formatForYear(Number(app.closedOn.slice(0, 4))), app.outcome).replace(
            /^（[一二三四五六七]）/,
            '',
          )
        : null,
  };
}

function page(
  values: Record<string, string>,
  errors: Record<string, string>,
  status: Status | null,
  a11y: boolean,
) {
  return renderPage({
    title: '申请查询',
    path: '/track',
    isAccessible: a11y,
    children: (
      <>
        <h1>政府信息公开申请查询</h1>
        <ErrorSummary errors={errors} labels={{ number: '查询码', code: '校验码' }} />
        <form method="get" action="/track">
          <TextField
            name="number"
            label="查询码"
            required
            values={values}
            errors={{}}
            hint="提交申请后得到的查询码，如 20200928-ABCDEF"
          />
          <TextField name="code" label="校验码" required values={values} errors={{}} hint="6位数字" />
          <button type="submit">查询</button>
        </form>
        {status ? (
          <section aria-labelledby="status-heading">
            <h2 id="status-heading">办理情况</h2>
            <dl class="meta">
              <dt>查询码</dt>
              <dd>{status.trackingNumber}</dd>
              <dt>受理机关</dt>
              <dd>{status.agency}</dd>
              <dt>收到申请之日</dt>
              <dd>{status.receivedOn}</dd>
              <dt>当前阶段</dt>
              <dd id="stage">{status.stage}</dd>
              <dt>期限状态</dt>
              <dd>{status.timing}</dd>
              <dt>法定答复期限</dt>
              <dd id="due">{status.dueOn ?? '计时中止（等待补正、征求意见或缴费）'}</dd>
              {status.closedOn ? (
                <>
                  <dt>办结日期</dt>
                  <dd>{status.closedOn}</dd>
                  <dt>办理结果</dt>
                  <dd>{status.outcome}</dd>
                </>
              ) : null}
            </dl>
          </section>
        ) : null}
      </>
    ),
  });
}

export function registerTrackRoutes(app: FastifyInstance, deps: Deps): void {
  app.get<{ Querystring: { number?: string; code?: string } }>('/track', async (req, reply) => {
    const number = typeof req.query.number === 'string' ? req.query.number : '';
    const code = typeof req.query.code === 'string' ? req.query.code : '';
    const values = { number, code: '' };
    const html = (errors: Record<string, string>, status: Status | null, statusCode = 200) =>
      reply
        .code(statusCode)
        .type('text/html; charset=utf-8')
        .send(page(values, errors, status, isAccessible(req)));
    if (!number && !code) return html({}, null);
    if (!number || !code) {
      return html(
        { ...(number ? {} : { number: '请填写查询码' }), ...(code ? {} : { code: '请填写校验码' }) },
        null,
        400,
      );
    }
    const status = await lookUp(deps, number, code);
    if (!status) return html({ code: '查询码或校验码不正确，请核对后重试' }, null, 404);
    return html({}, status);
  });
}
