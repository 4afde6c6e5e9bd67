/**
 * 栏目页面 in the back office: each agency's 政府信息公开指南 (Regulation art. 12) and 政府信息公开
 * 制度, edited as plain text and published on the portal (/guide/CODE, /rules/CODE) when saved.
 * The user needs 'catalogue.manage' at the agency; agencies outside the user's scope are
 * refused. A form with problems comes back with every message and everything typed.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { agenciesRepository } from '../../../db/repositories/agencies.ts';
import type { Agency } from '../../../domain/agencies/model.ts';
import { DomainError } from '../../../domain/errors.ts';
import { can } from '../../../services/accounts/access.ts';
import { inputProblems } from '../../../services/applications/schemas.ts';
import type { Deps } from '../../../services/deps.ts';
import {
  getPortalPage,
  isPortalPageKind,
  listPortalPages,
  missingGuideElements,
  PORTAL_PAGE_KINDS,
  PORTAL_PAGE_LABELS,
  PORTAL_PAGE_PATHS,
  type PortalPageKind,
  SavePortalPageSchema,
  savePortalPage,
} from '../../../services/portal-pages/index.ts';
import { csrfTokenFor, requireUser } from '../../auth.ts';
import { renderAdminPage } from '../../views/admin/admin-layout.tsx';
import { ErrorSummary, TextField } from '../../views/form.tsx';
import { beijingTime } from '../../views/time.ts';

const LABELS: Record<string, string> = { title: '标题', body: '正文', agency: '机关', kind: '页面类型' };

const MARKUP_HINT =
  '纯文本：每行一段；以“## ”开头的行是小标题，以“- ”开头的行组成列表。不能使用HTML标签，页面上的文字一律按原样显示。';

interface EditorInput {
  agency: Agency;
  kind: PortalPageKind;
  values: Record<string, string>;
  errors: Record<string, string>;
  updated: { at: string; by: string } | null;
  saved: boolean;
}

export function registerPageAdminRoutes(app: FastifyInstance, deps: Deps): void {
  const signedIn = (req: FastifyRequest, reply: FastifyReply) => ({
    displayName: req.user!.displayName,
    csrfToken: csrfTokenFor(req, reply),
    role: req.user!.role,
  });

  /** The agency of the address, if the user may edit its pages. */
  const agencyInScope = async (req: FastifyRequest, code: string): Promise<Agency> => {
    const agency = await agenciesRepository(deps.db.db).findByCodeOrName(code);
    if (!agency) throw new DomainError('agency.not_found', `未找到机关“${code}”`, 'agency');
    if (!can(req.user!, 'catalogue.manage', agency.id)) {
      throw new DomainError('auth.forbidden', `“${agency.name}”不在您管理的范围内`, 'agency');
    }
    return agency;
  };

  const kindOf = (kind: string): PortalPageKind => {
    if (!isPortalPageKind(kind)) throw new DomainError('portal_page.not_found', '没有这种栏目页面');
    return kind;
  };

  const editor = (req: FastifyRequest, reply: FastifyReply, e: EditorInput) => {
    const label = PORTAL_PAGE_LABELS[e.kind];
    const publicPath = `${PORTAL_PAGE_PATHS[e.kind]}/${encodeURIComponent(e.agency.code)}`;
    const missing = e.kind === 'guide' ? missingGuideElements(e.values.body ?? '') : [];
    const bodyError = e.errors.body;
    return renderAdminPage({
      title: `编辑${label}`,
      signedIn: signedIn(req, reply),
      path: '/admin/pages',
      children: (
        <>
          <p>
            <a href="/admin/pages">返回栏目页面</a>
          </p>
          <h1>
            {e.agency.name}：{label}
          </h1>
          {e.saved ? (
            <div class="notice" role="status" id="saved">
              <p>
                已保存，门户网站已更新：<a href={publicPath}>查看页面</a>
              </p>
            </div>
          ) : null}
          <ErrorSummary errors={e.errors} labels={LABELS} />
          {e.updated ? (
            <p class="hint">
              最近更新：{beijingTime(e.updated.at)}（{e.updated.by}）
            </p>
          ) : (
            <p class="hint">该页面尚未发布；保存后即在门户网站公开。</p>
          )}
          {e.kind === 'guide' ? (
            <section aria-labelledby="art12">
              <h2 id="art12">《条例》第十二条要求指南载明的内容</h2>
              {missing.length > 0 ? (
                <p id="missing-elements">尚未提到：{missing.join('、')}</p>
              ) : (
                <p id="missing-elements">各项内容均已提到。</p>
              )}
            </section>
          ) : null}
          <form
            method="post"
            action={`/admin/pages/${encodeURIComponent(e.agency.code)}/${e.kind}`}
            aria-label={`编辑${label}`}
          >
            <input type="hidden" name="_csrf" value={csrfTokenFor(req, reply)} />
            <TextField name="title" label="标题" values={e.values} errors={e.errors} required />
            <div class="field">
              <label for="body">
                正文<span aria-hidden="true">（必填）</span>
              </label>
              <textarea
                id="body"
                name="body"
                rows={24}
                required
                aria-invalid={bodyError ? 'true' : undefined}
                aria-describedby={bodyError ? 'body-hint body-error' : 'body-hint'}
              >
                {e.values.body ?? ''}
              </textarea>
              <p class="hint" id="body-hint">
                {MARKUP_HINT}
              </p>
              {bodyError ? (
                <p class="error" id="body-error">
                  {bodyError}
                </p>
              ) : null}
            </div>
            <button type="submit">保存并发布</button>
          </form>
        </>
      ),
    });
  };

  app.get('/admin/pages', { preHandler: requireUser('catalogue.manage') }, async (req, reply) => {
    const user = req.user!;
    const [agencies, pages] = await Promise.all([
      agenciesRepository(deps.db.db).list(),
      listPortalPages(deps),
    ]);
    const mine = agencies.filter((a) => can(user, 'catalogue.manage', a.id));
    const pageOf = (agencyId: number, kind: PortalPageKind) =>
      pages.find((p) => p.agencyId === agencyId && p.kind === kind);
    const html = renderAdminPage({
      title: '栏目页面',
      signedIn: signedIn(req, reply),
      path: '/admin/pages',
      children: (
        <>
          <h1>栏目页面</h1>
          <p>
            各机关的政府信息公开指南和政府信息公开制度。指南应当载明政府信息的分类、编排体系、获取方式和工作机构的名称、办公地址、办公时间、联系电话、传真号码、互联网联系方式，并及时更新（《条例》第十二条）。
          </p>
          <table class="list">
            <caption class="visually-hidden">您可以编辑的栏目页面</caption>
            <thead>
              <tr>
                <th scope="col">机关</th>
                {PORTAL_PAGE_KINDS.map((k) => (
                  <th scope="col">{PORTAL_PAGE_LABELS[k]}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {mine.map((a) => (
                <tr>
                  <th scope="row">{a.name}</th>
                  {PORTAL_PAGE_KINDS.map((k) => {
                    const page = pageOf(a.id, k);
                    return (
                      <td>
                        <a href={`/admin/pages/${encodeURIComponent(a.code)}/${k}`}>
                          {page ? '编辑' : '撰写'}
                          <span class="visually-hidden">
                            {a.name}
                            {PORTAL_PAGE_LABELS[k]}
                          </span>
                        </a>
                        {page ? `（更新于${page.updatedAt.slice(0, 10)}）` : '（尚未发布）'}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ),
    });
    return reply.type('text/html; charset=utf-8').send(html);
  });

  app.get<{ Params: { code: string; kind: string }; Querystring: { saved?: string } }>(
    '/admin/pages/:code/:kind',
    { preHandler: requireUser('catalogue.manage') },
    async (req, reply) => {
      const kind = kindOf(req.params.kind);
      const agency = await agencyInScope(req, req.params.code);
      const { page } = await getPortalPage(deps, agency.code, kind);
      const html = editor(req, reply, {
        agency,
        kind,
        values: {
          title: page?.title ?? `${agency.name}${PORTAL_PAGE_LABELS[kind]}`,
          body: page?.body ?? '',
        },
        errors: {},
        updated: page ? { at: page.updatedAt, by: page.updatedBy } : null,
        saved: req.query.saved === '1',
      });
      return reply.type('text/html; charset=utf-8').send(html);
    },
  );

  app.post<{ Params: { code: string; kind: string }; Body: Record<string, string | undefined> }>(
    '/admin/pages/:code/:kind',
    { preHandler: requireUser('catalogue.manage') },
    async (req, reply) => {
      const kind = kindOf(req.params.kind);
      const agency = await agencyInScope(req, req.params.code);
      const body = req.body ?? {};
      const values = {
        title: typeof body.title === 'string' ? body.title : '',
        body: typeof body.body === 'string' ? body.body : '',
      };
      const input = { agency: agency.code, kind, ...values };
      let errors = inputProblems(SavePortalPageSchema, input);
      if (Object.keys(errors).length === 0) {
        try {
          await savePortalPage(deps, input, req.user!);
          return reply.redirect(`/admin/pages/${encodeURIComponent(agency.code)}/${kind}?saved=1`, 303);
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          errors = { [error.field ?? 'body']: error.message };
        }
      }
      const { page } = await getPortalPage(deps, agency.code, kind);
      const html = editor(req, reply, {
        agency,
        kind,
        values,
        errors,
        updated: page ? { at: page.updatedAt, by: page.updatedBy } : null,
        saved: false,
      });
      return reply.code(422).type('text/html; charset=utf-8').send(html);
    },
  );
}
