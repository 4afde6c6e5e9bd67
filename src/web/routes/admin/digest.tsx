/**
 * /admin/digest (每日提醒): today's digest of the signed-in user, the same content as the
 * morning e-mail; the last digests sent to them; and the form to set the address it goes to.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../../config.ts';
import { type DigestLogEntry, type DigestStatus, digestRepository } from '../../../db/repositories/digest.ts';
import { WEEKDAY_NAMES, weekdayOf } from '../../../domain/calendar/index.ts';
import { DomainError } from '../../../domain/errors.ts';
import { chineseDate } from '../../../domain/letters/templates.ts';
import { DigestSections, digestSubject } from '../../../mail/digest-message.tsx';
import { smtpMailer } from '../../../mail/mailer.ts';
import type { Deps } from '../../../services/deps.ts';
import { buildDigest, type Digest, isEmptyDigest } from '../../../services/digest/build-digest.ts';
import { startDigestScheduler } from '../../../services/digest/scheduler.ts';
import { setDigestEmail } from '../../../services/digest/set-digest-email.ts';
import { csrfTokenFor, requireUser } from '../../auth.ts';
import { renderAdminPage } from '../../views/admin/admin-layout.tsx';
import { ErrorSummary, TextField } from '../../views/form.tsx';
import { beijingTime } from '../../views/time.ts';

export interface DigestRouteOptions {
  /** SMTP_URL and MAIL_FROM are set. */
  isMailConfigured: boolean;
  /** DIGEST_TIME, 'HH:MM'. */
  digestTime: string;
}

const PATH = '/admin/digest';
const HTML = 'text/html; charset=utf-8';

const STATUS_LABELS: Record<DigestStatus, string> = {
  sending: '发送中',
  sent: '已发送',
  failed: '发送失败，将自动重试',
  skipped: '未发送（已无待办）',
};

interface PageProps {
  digest: Digest;
  log: readonly DigestLogEntry[];
  options: DigestRouteOptions;
  csrf: string;
  role: NonNullable<FastifyRequest['user']>['role'];
  values: Record<string, string>;
  errors: Record<string, string>;
  isSaved: boolean;
}

function Delivery({ digest, options }: { digest: Digest; options: DigestRouteOptions }) {
  const email = digest.recipient.email;
  if (!options.isMailConfigured) {
    return <p id="digest-delivery">本系统尚未配置邮件服务器（SMTP），待办提醒只在本页显示，不发送邮件。</p>;
  }
  if (!email) return <p id="digest-delivery">您尚未设置提醒邮箱，不会收到提醒邮件。可在本页下方设置。</p>;
  return (
    <p id="digest-delivery">
      每个工作日{options.digestTime}（北京时间）向 {email} 发送提醒邮件；当日无待办时不发送。
    </p>
  );
}

function renderPage(p: PageProps): string {
  const { digest } = p;
  return renderAdminPage({
    title: '每日待办提醒',
    signedIn: { displayName: digest.recipient.displayName, csrfToken: p.csrf, role: p.role },
    path: PATH,
    children: (
      <>
        <h1>每日待办提醒</h1>
        <ErrorSummary errors={p.errors} labels={{ email: '提醒邮箱' }} />
        {p.isSaved ? (
          <p class="notice" role="status" id="saved">
            提醒邮箱已保存。
          </p>
        ) : null}
        <Delivery digest={digest} options={p.options} />
        <section aria-labelledby="digest-today">
          <h2 id="digest-today">
            {chineseDate(digest.date)}（{WEEKDAY_NAMES[weekdayOf(digest.date)]}）的待办
          </h2>
          {digest.isWorkingDay ? null : <p>今天不是工作日，不发送提醒邮件。</p>}
          {isEmptyDigest(digest) ? null : (
            <p>
              邮件主题：<span id="digest-subject">{digestSubject(digest)}</span>
            </p>
          )}
          <DigestSections digest={digest} baseUrl="" headingLevel={3} />
        </section>
        <section aria-labelledby="digest-log">
          <h2 id="digest-log">最近发送记录</h2>
          {p.log.length === 0 ? (
            <p>尚无发送记录。</p>
          ) : (
            <table class="list">
              <caption class="visually-hidden">最近发送给您的待办提醒</caption>
              <thead>
                <tr>
                  <th scope="col">提醒日期</th>
                  <th scope="col">发送至</th>
                  <th scope="col">状态</th>
                  <th scope="col">尝试次数</th>
                  <th scope="col">发送时间（北京时间）</th>
                  <th scope="col">说明</th>
                </tr>
              </thead>
              <tbody>
                {p.log.map((e) => (
                  <tr>
                    <td>{e.digestDate}</td>
                    <td>{e.recipient ?? '—'}</td>
                    <td>{STATUS_LABELS[e.status] ?? e.status}</td>
                    <td>{e.attempts}</td>
                    <td>{beijingTime(e.sentAt)}</td>
                    <td>{e.error ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        <section aria-labelledby="digest-email">
          <h2 id="digest-email">提醒邮箱</h2>
          <form method="post" action={`${PATH}/email`} novalidate>
            <input type="hidden" name="_csrf" value={p.csrf} />
            <TextField
              name="email"
              label="提醒邮箱"
              type="email"
              autocomplete="email"
              hint="每日待办提醒发送到这个地址；留空并保存即不再接收提醒邮件。"
              values={p.values}
              errors={p.errors}
            />
            <button type="submit">保存</button>
          </form>
        </section>
      </>
    ),
  });
}

export function registerDigestRoutes(app: FastifyInstance, deps: Deps, options: DigestRouteOptions): void {
  const show = async (
    req: FastifyRequest,
    reply: FastifyReply,
    form: { values?: Record<string, string>; errors?: Record<string, string>; isSaved?: boolean },
  ) => {
    const user = req.user!;
    const repo = digestRepository(deps.db.db);
    const recipient = await repo.findRecipient(user.id);
    if (!recipient) throw new DomainError('user.not_found', '未找到该账号');
    const digest = await buildDigest(deps, recipient, deps.clock.today());
    const errors = form.errors ?? {};
    return reply
      .code(Object.keys(errors).length > 0 ? 422 : 200)
      .type(HTML)
      .send(
        renderPage({
          digest,
          log: await repo.recentLog(user.id, 10),
          options,
          csrf: csrfTokenFor(req, reply),
          role: user.role,
          values: form.values ?? { email: recipient.email ?? '' },
          errors,
          isSaved: form.isSaved ?? false,
        }),
      );
  };

  app.get<{ Querystring: { saved?: string } }>(PATH, { preHandler: requireUser() }, (req, reply) =>
    show(req, reply, { isSaved: req.query.saved === '1' }),
  );

  app.post<{ Body: Record<string, unknown> | undefined }>(
    `${PATH}/email`,
    { preHandler: requireUser() },
    async (req, reply) => {
      const typed = typeof req.body?.email === 'string' ? req.body.email : '';
      try {
        await setDigestEmail(deps, req.user!.id, typed, req.user!);
      } catch (error) {
        if (error instanceof DomainError && error.field === 'email') {
          return show(req, reply, { values: { email: typed }, errors: { email: error.message } });
        }
        throw error;
      }
      return reply.redirect(`${PATH}?saved=1`, 303);
    },
  );
}

/**
 * In the server process, when SMTP is configured: the digest's daily timer, started once the
 * app is ready and stopped in preClose, i.e. before onClose closes the database.
 */
export function startDigestScheduling(app: FastifyInstance, deps: Deps, config: Config): void {
  const mail = config.mail;
  if (!mail) return;
  let scheduler: ReturnType<typeof startDigestScheduler> | null = null;
  app.addHook('onReady', async () => {
    scheduler = startDigestScheduler(
      deps,
      { mailer: smtpMailer(mail), mail, baseUrl: config.publicUrl },
      { time: config.digestTime, log: app.log },
    );
  });
  app.addHook('preClose', async () => {
    await scheduler?.stop();
  });
}
