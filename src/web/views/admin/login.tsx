/** The sign-in form. The typed login name is kept after an error; the password never is. */
import { renderAdminPage } from './admin-layout.tsx';

export interface LoginPageProps {
  csrfToken: string;
  /** The login name as typed, shown again after an error. */
  login: string;
  /** Where to go after signing in (a path under /admin). */
  next: string | null;
  error: string | null;
}

export function renderLoginPage({ csrfToken, login, next, error }: LoginPageProps): string {
  return renderAdminPage({
    title: '登录',
    children: (
      <>
        <h1>登录</h1>
        {error ? (
          <div class="errors" role="alert" id="login-error">
            <p>{error}</p>
          </div>
        ) : null}
        <form class="login" method="post" action="/admin/login" novalidate>
          <input type="hidden" name="_csrf" value={csrfToken} />
          {next ? <input type="hidden" name="next" value={next} /> : null}
          <div class="field">
            <label for="login">用户名</label>
            <input
              id="login"
              name="login"
              type="text"
              value={login}
              autocomplete="username"
              autocapitalize="none"
              spellcheck={false}
              required
              aria-describedby={error ? 'login-error' : undefined}
              aria-invalid={error ? 'true' : undefined}
            />
          </div>
          <div class="field">
            <label for="password">密码</label>
            <input
              id="password"
              name="password"
              type="password"
              autocomplete="current-password"
              required
              aria-invalid={error ? 'true' : undefined}
            />
          </div>
          <button type="submit">登录</button>
        </form>
      </>
    ),
  });
}
