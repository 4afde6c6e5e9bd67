/** 账号管理 pages: the accounts of the administrator's scope, the new-account form, one account. */
import { ROLE_LABELS, type Role } from '../../../domain/accounts/roles.ts';
import type { Agency } from '../../../domain/agencies/model.ts';
import type { UserLine } from '../../../services/accounts/list-users.ts';
import { PASSWORD_MIN_LENGTH } from '../../../services/accounts/schemas.ts';
import { ErrorSummary, Fieldset, SelectField, TextField } from '../form.tsx';
import { beijingTime } from '../time.ts';
import { renderAdminPage } from './admin-layout.tsx';

export interface SignedInView {
  displayName: string;
  role: Role;
  csrf: string;
}

export const USER_FORM_LABELS: Record<string, string> = {
  login: '用户名',
  displayName: '姓名',
  role: '角色',
  agency: '所属机关',
  password: '初始密码',
  passwordAgain: '再次输入初始密码',
};

const PASSWORD_HINT = `至少${PASSWORD_MIN_LENGTH}位，包含大写字母、小写字母、数字和符号中的至少三种，不能包含用户名；请当面或电话告知本人`;

const DONE: Record<string, string> = {
  created: '账号已创建。',
  disabled: '账号已停用，该账号的登录会话已全部结束。',
  password: '初始密码已重置，该账号的登录会话已全部结束。',
};

function Done({ done }: { done: string | null }) {
  const text = done ? DONE[done] : undefined;
  return text ? (
    <p role="status" id="done">
      {text}
    </p>
  ) : null;
}

export function renderUserList(me: SignedInView, users: readonly UserLine[], done: string | null): string {
  return renderAdminPage({
    title: '账号管理',
    signedIn: { displayName: me.displayName, csrfToken: me.csrf, role: me.role },
    path: '/admin/users',
    children: (
      <>
        <h1>账号管理</h1>
        <Done done={done} />
        <p>
          <a href="/admin/users/new">新建账号</a>
        </p>
        <table class="list" id="users">
          <caption>您管理范围内的账号（{users.length}个）</caption>
          <thead>
            <tr>
              <th scope="col">用户名</th>
              <th scope="col">姓名</th>
              <th scope="col">角色</th>
              <th scope="col">所属机关</th>
              <th scope="col">状态</th>
              <th scope="col">最近登录</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr>
                <th scope="row">
                  <a href={`/admin/users/${u.id}`}>{u.login}</a>
                </th>
                <td>{u.displayName}</td>
                <td>{ROLE_LABELS[u.role]}</td>
                <td>{u.agencyName}</td>
                <td>{u.isDisabled ? '已停用' : '正常'}</td>
                <td>{beijingTime(u.lastSignInAt, '从未登录')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </>
    ),
  });
}

export interface UserFormInput {
  me: SignedInView;
  values: Record<string, string>;
  errors: Record<string, string>;
  roles: readonly Role[];
  agencies: readonly Agency[];
}

export function renderUserForm({ me, values, errors, roles, agencies }: UserFormInput): string {
  const common = { values, errors };
  return renderAdminPage({
    title: Object.keys(errors).length > 0 ? '新建账号（有错误）' : '新建账号',
    signedIn: { displayName: me.displayName, csrfToken: me.csrf, role: me.role },
    path: '/admin/users',
    children: (
      <>
        <p>
          <a href="/admin/users">返回账号管理</a>
        </p>
        <h1>新建账号</h1>
        <ErrorSummary errors={errors} labels={USER_FORM_LABELS} />
        <form method="post" action="/admin/users/new" novalidate>
          <input type="hidden" name="_csrf" value={me.csrf} />
          <Fieldset legend="账号">
            <TextField
              name="login"
              label={USER_FORM_LABELS.login!}
              required
              autocomplete="off"
              hint="3至40位小写字母、数字或“. _ -”，以字母或数字开头，如 ninghai.wang"
              {...common}
            />
            <TextField name="displayName" label={USER_FORM_LABELS.displayName!} required {...common} />
            <SelectField
              name="role"
              label={USER_FORM_LABELS.role!}
              required
              options={roles.map((r) => [r, ROLE_LABELS[r]] as const)}
              {...common}
            />
            <SelectField
              name="agency"
              label={USER_FORM_LABELS.agency!}
              required
              options={agencies.map((a) => [a.code, a.name] as const)}
              {...common}
            />
          </Fieldset>
          <Fieldset legend="初始密码">
            <TextField
              name="password"
              label={USER_FORM_LABELS.password!}
              type="password"
              required
              autocomplete="new-password"
              hint={PASSWORD_HINT}
              values={{}}
              errors={errors}
            />
            <TextField
              name="passwordAgain"
              label={USER_FORM_LABELS.passwordAgain!}
              type="password"
              required
              autocomplete="new-password"
              values={{}}
              errors={errors}
            />
          </Fieldset>
          <button type="submit">创建账号</button>
        </form>
      </>
    ),
  });
}

export interface UserDetailInput {
  me: SignedInView & { id: number };
  user: UserLine;
  /** Whether the administrator may change this account (scope, rank, not their own). */
  canManage: boolean;
  errors: Record<string, string>;
  done: string | null;
}

export function renderUserDetail({ me, user, canManage, errors, done }: UserDetailInput): string {
  return renderAdminPage({
    title: `账号 ${user.login}`,
    signedIn: { displayName: me.displayName, csrfToken: me.csrf, role: me.role },
    path: '/admin/users',
    children: (
      <>
        <p>
          <a href="/admin/users">返回账号管理</a>
        </p>
        <h1>账号 {user.login}</h1>
        <Done done={done} />
        <ErrorSummary errors={errors} labels={{ ...USER_FORM_LABELS, password: '新的初始密码', _: '操作' }} />
        <dl class="meta">
          <dt>姓名</dt>
          <dd>{user.displayName}</dd>
          <dt>角色</dt>
          <dd>{ROLE_LABELS[user.role]}</dd>
          <dt>所属机关</dt>
          <dd>{user.agencyName}</dd>
          <dt>状态</dt>
          <dd id="user-status">{user.isDisabled ? '已停用' : '正常'}</dd>
          <dt>最近登录</dt>
          <dd>{beijingTime(user.lastSignInAt, '从未登录')}</dd>
          <dt>创建时间</dt>
          <dd>{beijingTime(user.createdAt)}</dd>
        </dl>
        {me.id === user.id ? <p>这是您本人的账号：停用或重置密码须由其他管理员办理。</p> : null}
        {canManage ? (
          <>
            <form method="post" action={`/admin/users/${user.id}/password`} aria-labelledby="reset-heading">
              <h2 id="reset-heading">重置初始密码</h2>
              <input type="hidden" name="_csrf" value={me.csrf} />
              <TextField
                name="password"
                label="新的初始密码"
                type="password"
                required
                autocomplete="new-password"
                hint={`${PASSWORD_HINT}。重置后该账号的登录会话全部结束。`}
                values={{}}
                errors={errors}
              />
              <TextField
                name="passwordAgain"
                label="再次输入新的初始密码"
                type="password"
                required
                autocomplete="new-password"
                values={{}}
                errors={errors}
              />
              <button type="submit">重置密码</button>
            </form>
            {user.isDisabled ? null : (
              <form
                method="post"
                action={`/admin/users/${user.id}/disable`}
                aria-labelledby="disable-heading"
              >
                <h2 id="disable-heading">停用账号</h2>
                <p>停用后该账号不能再登录，正在使用的登录会话立即结束。</p>
                <input type="hidden" name="_csrf" value={me.csrf} />
                <button type="submit">停用账号</button>
              </form>
            )}
          </>
        ) : null}
      </>
    ),
  });
}
