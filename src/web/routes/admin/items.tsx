/**
 * 主动公开目录 in the back office: the list of the user's items, the item form (new and edit,
 * attachments with the new item), and an item's page with its actions — publish (with the
 * R-26 check of Regulation art. 26), repeal, upload attachments, link as 政策解读 — and the
 * agency's organisation code (索引号前段码) while it is missing. Every write goes through a
 * catalogue use case; the user needs 'catalogue.manage' at the item's agency. A refusal or a
 * form with problems comes back with the Chinese message and changes nothing.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { agenciesRepository } from '../../../db/repositories/agencies.ts';
import { type CatalogueItem, catalogueRepository } from '../../../db/repositories/catalogue.ts';
import type { AuditAction } from '../../../domain/accounts/audit.ts';
import type { Agency } from '../../../domain/agencies/model.ts';
import { isIsoDate } from '../../../domain/calendar/index.ts';
import {
  cleanFileName,
  DEFAULT_MAX_ATTACHMENT_BYTES,
  sniffAttachmentType,
} from '../../../domain/catalogue/attachment-type.ts';
import { ITEM_STATUSES, type ItemStatus, isPublic } from '../../../domain/catalogue/model.ts';
import { itemDateProblems } from '../../../domain/catalogue/validate.ts';
import { DomainError, HTTP_STATUS } from '../../../domain/errors.ts';
import { parseRecordId } from '../../../domain/record-id.ts';
import { agenciesUserCan, can } from '../../../services/accounts/access.ts';
import { writeAudit } from '../../../services/accounts/audit.ts';
import type { SignedInUser } from '../../../services/accounts/model.ts';
import { inputProblems } from '../../../services/applications/schemas.ts';
import {
  addAttachment,
  getItem,
  linkInterpretation,
  publishItem,
  repealItem,
  saveItem,
  setAgencyOrgCode,
} from '../../../services/catalogue/index.ts';
import {
  catalogueVocabulary,
  listOfficeItems,
  officeAttachments,
  policyCandidates,
  publicationDelay,
} from '../../../services/catalogue/office.ts';
import { readAttachment } from '../../../services/catalogue/query-items.ts';
import { SaveItemSchema } from '../../../services/catalogue/schemas.ts';
import type { Deps } from '../../../services/deps.ts';
import { csrfTokenFor, requireUser } from '../../auth.ts';
import { readMultipart, type UploadedFile } from '../../multipart.ts';
import { renderAdminPage } from '../../views/admin/admin-layout.tsx';
import { ITEM_FIELD_LABELS, ITEM_FIELDS, ItemForm } from '../../views/admin/item-form.tsx';
import { type ItemAction, renderItemPage } from '../../views/admin/item-page.tsx';
import { OrgCodePanel, renderItemList } from '../../views/admin/items-list.tsx';
import { renderMessagePage } from '../../views/admin/message.tsx';
import { ErrorSummary } from '../../views/form.tsx';
import { contentDisposition } from '../request.ts';

const HTML = 'text/html; charset=utf-8';
const MANAGE = 'catalogue.manage';
/** Who may set an agency's organisation code: its administrators. */
const ORG_CODE_ROLES = new Set(['agency_admin', 'county_admin']);

const NOTICES = {
  created: '信息已保存为草稿，索引号已生成。核对无误后请发布。',
  saved: '修改已保存。',
  published: '信息已发布。',
  repealed: '信息已标记为废止或失效，仍在门户网站公开并标明有效性。',
  uploaded: '附件已上传。',
  linked: '已关联为政策解读，两条信息的公开页面互相链接。',
  unlinked: '已取消政策解读关联。',
  orgcode: '组织机构代码已保存，新建信息将据此生成索引号。',
} as const satisfies Record<string, string>;

type Change = Exclude<keyof typeof NOTICES, 'orgcode'>;
const AUDITED: Record<Change, AuditAction> = {
  created: 'catalogue.created',
  saved: 'catalogue.saved',
  published: 'catalogue.published',
  repealed: 'catalogue.repealed',
  uploaded: 'catalogue.attachment_added',
  linked: 'catalogue.interpretation_linked',
  unlinked: 'catalogue.interpretation_linked',
};

type Values = Record<string, string>;

/** The routes of one item (and of one of its attachments). */
interface ItemRoute {
  Params: { id: string; attachmentId?: string };
  Querystring: Record<string, string | undefined>;
}

/** The first value of a form field, as text. */
function field(fields: Record<string, string | string[]>, name: string): string {
  const value = fields[name];
  return (Array.isArray(value) ? (value[0] ?? '') : (value ?? '')).toString();
}

/** The input SaveItem takes from the form's values: blank fields are left out. */
function itemInput(values: Values, id?: number): Record<string, unknown> {
  const input: Record<string, unknown> = id === undefined ? {} : { id };
  for (const name of ITEM_FIELDS) {
    const value = values[name]?.trim();
    if (value) input[name] = value;
  }
  return input;
}

function valuesOf(item: CatalogueItem, agencyCode: string): Values {
  return {
    agency: agencyCode,
    title: item.title,
    docNumber: item.docNumber ?? '',
    kind: item.kind,
    genre: item.genre ?? '',
    subject: item.subject ?? '',
    catalogueCategory: item.catalogueCategory ?? '',
    art20Item: item.art20Item === null ? '' : String(item.art20Item),
    disclosureMode: item.disclosureMode,
    madeOn: item.madeOn,
    changedOn: item.changedOn ?? '',
    effectiveOn: item.effectiveOn ?? '',
    keywords: item.keywords.join('，'),
    summary: item.summary ?? '',
    body: item.body ?? '',
  };
}

/** What is wrong with a file before anything is stored (the use case checks again). */
function fileProblem(file: UploadedFile, maxBytes: number): string | null {
  const name = cleanFileName(file.filename);
  if (file.data.length > maxBytes) {
    return `附件“${name}”超过上限${(maxBytes / 1024 / 1024).toFixed(1)}MB`;
  }
  if (!sniffAttachmentType(file.data)) {
    return `附件“${name}”不是PDF、Word（.docx）文档或图片（PNG、JPEG、GIF、WebP），不能上传`;
  }
  return null;
}

export function registerItemAdminRoutes(app: FastifyInstance, deps: Deps): void {
  const agencies = () => agenciesRepository(deps.db.db);
  const items = () => catalogueRepository(deps.db.db);
  const maxBytes = deps.maxAttachmentBytes ?? DEFAULT_MAX_ATTACHMENT_BYTES;

  /** The agencies whose catalogue the user keeps. */
  const scopeOf = (user: SignedInUser): Promise<Agency[]> => agenciesUserCan(deps, user, MANAGE);

  const missingOrgCodes = async (scope: readonly Agency[]) => {
    const missing: Agency[] = [];
    for (const a of scope) if ((await agencies().orgCodeOf(a.id)) === null) missing.push(a);
    return missing;
  };

  const refuse = (reply: FastifyReply, error: DomainError) =>
    reply
      .code(HTTP_STATUS[error.code])
      .type(HTML)
      .send(
        renderMessagePage(
          error.code === 'auth.forbidden' ? '无权操作' : '未找到',
          error.message,
          '/admin/items',
        ),
      );

  /** The item, if the user keeps its agency's catalogue; otherwise a DomainError. */
  const loadItem = async (user: SignedInUser, id: string): Promise<CatalogueItem> => {
    // Ids are PostgreSQL integers: a longer number would be an SQL error (500), not a 404.
    const itemId = parseRecordId(id);
    const found = itemId === null ? null : await items().findById(itemId);
    if (!found) throw new DomainError('catalogue.not_found', `未找到编号为${id}的目录信息`);
    if (!can(user, MANAGE, found.agencyId)) {
      throw new DomainError('auth.forbidden', '您没有权限维护该机关的主动公开目录');
    }
    return found;
  };

  /** Runs `handle` with the item, answering a missing or foreign item with its message. */
  const withItem =
    (
      handle: (req: FastifyRequest<ItemRoute>, reply: FastifyReply, item: CatalogueItem) => Promise<unknown>,
    ) =>
    async (req: FastifyRequest<ItemRoute>, reply: FastifyReply) => {
      let item: CatalogueItem;
      try {
        item = await loadItem(req.user!, req.params.id);
      } catch (error) {
        if (error instanceof DomainError) return refuse(reply, error);
        throw error;
      }
      return handle(req, reply, item);
    };

  /** Every problem of the form at once: the schema, the dates, the agency, the files. */
  const formProblems = async (
    user: SignedInUser,
    values: Values,
    files: readonly UploadedFile[],
    existing: CatalogueItem | null,
  ): Promise<Record<string, string>> => {
    const errors = inputProblems(SaveItemSchema, itemInput(values, existing?.id));
    if (!values.madeOn?.trim()) errors.madeOn = '请填写成文日期';
    if (!values.kind?.trim()) errors.kind = '请选择文件类别';
    const date = (name: string) => {
      const v = values[name]?.trim() ?? '';
      return isIsoDate(v) ? v : null;
    };
    const madeOn = date('madeOn');
    if (madeOn) {
      const problems = itemDateProblems(
        {
          madeOn,
          changedOn: date('changedOn'),
          effectiveOn: date('effectiveOn'),
          publishedOn: existing?.publishedOn ?? null,
          repealedOn: existing?.repealedOn ?? null,
        },
        deps.clock.today(),
      );
      for (const p of problems) if (p.field in ITEM_FIELD_LABELS) errors[p.field] ??= p.message;
    }
    const code = values.agency?.trim() ?? '';
    if (code && !errors.agency) {
      const agency = await agencies().findByCodeOrName(code);
      if (!agency || !can(user, MANAGE, agency.id)) {
        errors.agency = '您不能为该机关发布信息，请选择本人负责的机关';
      } else if (
        !existing &&
        !values.indexNumber?.trim() &&
        (await agencies().orgCodeOf(agency.id)) === null
      ) {
        errors.agency = `${agency.name}尚未设置组织机构代码，无法生成索引号；请机关管理员先在本页设置`;
      }
    }
    const fileErrors = files.map((f) => fileProblem(f, maxBytes)).filter((m): m is string => m !== null);
    if (fileErrors.length > 0) errors.files = fileErrors.join('；');
    return errors;
  };

  const newPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    values: Values,
    errors: Record<string, string>,
  ) => {
    const user = req.user!;
    const scope = await scopeOf(user);
    const csrf = csrfTokenFor(req, reply);
    const html = renderAdminPage({
      title: '新建信息',
      path: '/admin/items',
      signedIn: { displayName: user.displayName, csrfToken: csrf, role: user.role },
      children: (
        <>
          <p>
            <a href="/admin/items">返回目录列表</a>
          </p>
          <h1>新建信息</h1>
          <p>保存后为草稿，不在门户网站显示；核对无误后在信息页面发布。</p>
          <ErrorSummary errors={errors} labels={ITEM_FIELD_LABELS} />
          <OrgCodePanel
            missing={await missingOrgCodes(scope)}
            canSet={ORG_CODE_ROLES.has(user.role)}
            csrf={csrf}
            error={null}
            back="/admin/items/new"
          />
          <ItemForm
            action="/admin/items"
            isNew
            values={values}
            errors={errors}
            agencies={scope}
            vocabulary={await catalogueVocabulary(deps)}
            csrf={csrf}
          />
        </>
      ),
    });
    return reply
      .code(Object.keys(errors).length > 0 ? 422 : 200)
      .type(HTML)
      .send(html);
  };

  const itemPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    item: CatalogueItem,
    options: {
      notice?: string | null;
      actionError?: { action: ItemAction; message: string } | null;
      form?: { values: Values; errors: Record<string, string> };
      policyQuery?: string;
      status?: number;
    } = {},
  ) => {
    const user = req.user!;
    const detail = await getItem(deps, item.id, { isPublicOnly: false });
    const agency = await agencies().findById(item.agencyId);
    const today = deps.clock.today();
    const policyQuery = options.policyQuery ?? '';
    const html = renderItemPage({
      user,
      csrf: csrfTokenFor(req, reply),
      item: detail.item,
      agencyName: detail.agencyName,
      attachments: await officeAttachments(deps, item.id),
      interpretationOf: detail.interpretationOf,
      interpretations: detail.interpretations,
      delay: publicationDelay(deps, detail.item),
      ifPublishedToday:
        detail.item.madeOn <= today ? publicationDelay(deps, { ...detail.item, publishedOn: today }) : null,
      today,
      notice: options.notice ?? null,
      actionError: options.actionError ?? null,
      form: {
        values: options.form?.values ?? valuesOf(detail.item, agency?.code ?? ''),
        errors: options.form?.errors ?? {},
        agencies: await scopeOf(user),
        vocabulary: await catalogueVocabulary(deps),
      },
      policyQuery,
      candidates: policyQuery
        ? await policyCandidates(deps, {
            interpretationId: item.id,
            text: policyQuery,
            agencyIds: user.agencyIds,
          })
        : null,
    });
    return reply
      .code(options.status ?? 200)
      .type(HTML)
      .send(html);
  };

  /** Re-shows the item page with a refusal in the form it concerns (nothing was changed). */
  const refused = async (
    req: FastifyRequest,
    reply: FastifyReply,
    item: CatalogueItem,
    action: ItemAction,
    error: unknown,
  ) => {
    if (!(error instanceof DomainError)) throw error;
    const status = error.code === 'validation.invalid' ? 422 : HTTP_STATUS[error.code];
    return itemPage(req, reply, (await items().findById(item.id)) ?? item, {
      actionError: { action, message: error.message },
      status,
    });
  };

  /** After a change: the audit event it makes, then back to the item page with its notice. */
  const done = async (req: FastifyRequest, reply: FastifyReply, item: CatalogueItem, what: Change) => {
    const user = req.user!;
    await writeAudit(deps, {
      actorId: user.id,
      actor: user.login,
      action: AUDITED[what],
      subject: `catalogue_item:${item.id}`,
      agencyId: item.agencyId,
      detail: { indexNumber: item.indexNumber, change: what },
    });
    return reply.redirect(`/admin/items/${item.id}?done=${what}`, 303);
  };

  const guard = { preHandler: requireUser(MANAGE) };

  const listPage = async (
    req: FastifyRequest<{ Querystring: Record<string, string | undefined> }>,
    reply: FastifyReply,
    orgCodeError: string | null,
  ) => {
    const user = req.user!;
    const q = req.query ?? {};
    const scope = await scopeOf(user);
    const status = (ITEM_STATUSES as readonly string[]).includes(q.status ?? '')
      ? (q.status as ItemStatus)
      : undefined;
    const agency = scope.find((a) => a.code === q.agency);
    const text = (q.q ?? '').trim().slice(0, 100);
    const page = Math.min(Math.max(1, Number.parseInt(q.page ?? '1', 10) || 1), 10_000);
    const result = await listOfficeItems(deps, {
      agencyIds: scope.map((a) => a.id),
      ...(agency ? { agencyId: agency.id } : {}),
      ...(status ? { status } : {}),
      text,
      page,
      pageSize: 20,
    });
    return reply
      .code(orgCodeError ? 422 : 200)
      .type(HTML)
      .send(
        renderItemList({
          user,
          csrf: csrfTokenFor(req, reply),
          result,
          filters: { status: status ?? '', agency: agency?.code ?? '', q: text },
          agencies: scope,
          missingOrgCodes: await missingOrgCodes(scope),
          canSetOrgCode: ORG_CODE_ROLES.has(user.role),
          orgCodeError,
          notice: q.done ? ((NOTICES as Record<string, string>)[q.done] ?? null) : null,
        }),
      );
  };

  app.get<{ Querystring: Record<string, string | undefined> }>('/admin/items', guard, async (req, reply) =>
    listPage(req, reply, null),
  );

  app.get('/admin/items/new', guard, async (req, reply) => {
    const user = req.user!;
    const scope = await scopeOf(user);
    const own = scope.find((a) => a.id === user.agencyId) ?? scope[0];
    return newPage(req, reply, { agency: own?.code ?? '', disclosureMode: 'proactive' }, {});
  });

  app.post('/admin/items', guard, async (req, reply) => {
    const user = req.user!;
    const form = readMultipart(req.body);
    const values: Values = {};
    for (const name of ITEM_FIELDS) values[name] = field(form.fields, name);
    const files = form.files.filter((f) => f.field === 'files');
    const errors = await formProblems(user, values, files, null);
    if (Object.keys(errors).length > 0) return newPage(req, reply, values, errors);
    let item: CatalogueItem;
    try {
      item = (await saveItem(deps, itemInput(values))).item;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const key = error.field && error.field in ITEM_FIELD_LABELS ? error.field : 'title';
      return newPage(req, reply, values, { [key]: error.message });
    }
    for (const file of files) {
      try {
        await addAttachment(deps, item.id, { fileName: file.filename, bytes: file.data });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        return itemPage(req, reply, item, {
          notice: '信息已保存为草稿，但有附件未能上传：',
          actionError: { action: 'upload', message: error.message },
          status: 422,
        });
      }
    }
    return done(req, reply, item, 'created');
  });

  app.post<{ Body: unknown }>('/admin/items/org-code', guard, async (req, reply) => {
    const user = req.user!;
    const form = readMultipart(req.body);
    const code = field(form.fields, 'agency').trim();
    const back = field(form.fields, 'back') === '/admin/items/new' ? '/admin/items/new' : '/admin/items';
    const agency = code ? await agencies().findByCodeOrName(code) : null;
    const fail = (message: string) =>
      listPage(req as FastifyRequest<{ Querystring: Record<string, string | undefined> }>, reply, message);
    if (!agency || !can(user, MANAGE, agency.id) || !ORG_CODE_ROLES.has(user.role)) {
      return refuse(reply, new DomainError('auth.forbidden', '只有本机关的机关管理员可以设置组织机构代码'));
    }
    if ((await agencies().orgCodeOf(agency.id)) !== null) {
      return fail(`${agency.name}已设置组织机构代码；已生成的索引号不能更改`);
    }
    try {
      await setAgencyOrgCode(deps, { agency: agency.code, orgCode: field(form.fields, 'orgCode') });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return fail(error.message);
    }
    await writeAudit(deps, {
      actorId: user.id,
      actor: user.login,
      action: 'agency.org_code_set',
      subject: `agency:${agency.id}`,
      agencyId: agency.id,
    });
    return reply.redirect(back === '/admin/items' ? '/admin/items?done=orgcode' : back, 303);
  });

  app.get<ItemRoute>(
    '/admin/items/:id',
    guard,
    withItem(async (req, reply, item) => {
      const q = req.query ?? {};
      const notice = q.done ? ((NOTICES as Record<string, string>)[q.done] ?? null) : null;
      return itemPage(req, reply, item, {
        notice,
        policyQuery: (q.policyQuery ?? '').trim().slice(0, 100),
      });
    }),
  );

  app.post<ItemRoute>(
    '/admin/items/:id',
    guard,
    withItem(async (req, reply, item) => {
      const user = req.user!;
      const form = readMultipart(req.body);
      const values: Values = {};
      for (const name of ITEM_FIELDS) if (name !== 'indexNumber') values[name] = field(form.fields, name);
      const errors = await formProblems(user, values, [], item);
      if (Object.keys(errors).length > 0) {
        return itemPage(req, reply, item, { form: { values, errors }, status: 422 });
      }
      try {
        await saveItem(deps, itemInput(values, item.id));
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        const key = error.field && error.field in ITEM_FIELD_LABELS ? error.field : 'title';
        return itemPage(req, reply, item, {
          form: { values, errors: { [key]: error.message } },
          status: 422,
        });
      }
      return done(req, reply, item, 'saved');
    }),
  );

  app.post<ItemRoute>(
    '/admin/items/:id/publish',
    guard,
    withItem(async (req, reply, item) => {
      const form = readMultipart(req.body);
      const publishedOn = field(form.fields, 'publishedOn').trim();
      try {
        await publishItem(deps, { itemId: item.id, ...(publishedOn ? { publishedOn } : {}) });
      } catch (error) {
        return refused(req, reply, item, 'publish', error);
      }
      return done(req, reply, item, 'published');
    }),
  );

  app.post<ItemRoute>(
    '/admin/items/:id/repeal',
    guard,
    withItem(async (req, reply, item) => {
      const form = readMultipart(req.body);
      const repealedOn = field(form.fields, 'repealedOn').trim();
      const validity = field(form.fields, 'validity').trim();
      try {
        await repealItem(deps, {
          itemId: item.id,
          ...(repealedOn ? { repealedOn } : {}),
          ...(validity ? { validity } : {}),
        });
      } catch (error) {
        return refused(req, reply, item, 'repeal', error);
      }
      return done(req, reply, item, 'repealed');
    }),
  );

  app.post<ItemRoute>(
    '/admin/items/:id/attachments',
    guard,
    withItem(async (req, reply, item) => {
      const files = readMultipart(req.body).files.filter((f) => f.field === 'files');
      if (files.length === 0) {
        return refused(
          req,
          reply,
          item,
          'upload',
          new DomainError('validation.invalid', '请选择要上传的附件'),
        );
      }
      const problems = files.map((f) => fileProblem(f, maxBytes)).filter((m): m is string => m !== null);
      if (problems.length > 0) {
        return refused(
          req,
          reply,
          item,
          'upload',
          new DomainError('validation.invalid', problems.join('；')),
        );
      }
      for (const file of files) {
        try {
          await addAttachment(deps, item.id, { fileName: file.filename, bytes: file.data });
        } catch (error) {
          return refused(req, reply, item, 'upload', error);
        }
      }
      return done(req, reply, item, 'uploaded');
    }),
  );

  app.get<ItemRoute>(
    '/admin/items/:id/attachments/:attachmentId',
    guard,
    withItem(async (req, reply, item) => {
      const { attachment, bytes } = await readAttachment(deps, item.id, Number(req.params.attachmentId), {
        isPublicOnly: false,
      });
      return reply
        .type(attachment.mediaType)
        .header('content-disposition', contentDisposition(attachment.fileName))
        .header('x-content-type-options', 'nosniff')
        .send(bytes);
    }),
  );

  app.post<ItemRoute>(
    '/admin/items/:id/interpretation',
    guard,
    withItem(async (req, reply, item) => {
      const user = req.user!;
      const raw = field(readMultipart(req.body).fields, 'policyItemId').trim();
      let policyItemId: number | null = null;
      if (raw) {
        const policyId = parseRecordId(raw);
        const policy = policyId === null ? null : await items().findById(policyId);
        // A draft of another agency is not the user's to see, so not to link to either.
        if (!policy || !(isPublic(policy) || user.agencyIds.includes(policy.agencyId))) {
          return refused(
            req,
            reply,
            item,
            'link',
            new DomainError('catalogue.not_found', '未找到所选的被解读文件'),
          );
        }
        policyItemId = policy.id;
      }
      try {
        await linkInterpretation(deps, { itemId: item.id, policyItemId });
      } catch (error) {
        return refused(req, reply, item, 'link', error);
      }
      return done(req, reply, item, policyItemId === null ? 'unlinked' : 'linked');
    }),
  );
}
