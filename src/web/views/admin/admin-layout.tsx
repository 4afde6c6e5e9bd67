/**
 * The back office's page frame: the portal's stylesheet, the site name, and when someone is
 * signed in their name and a sign-out button (a POST form with the CSRF token).
 */
import type { ComponentChildren } from 'preact';
import { render } from 'preact-render-to-string';
import { type Action, type Role, roleAllows } from '../../../domain/accounts/roles.ts';
import { PORTAL_CSS } from '../portal-css.ts';

export interface AdminLayoutProps {
  title: string;
  /** Shown in the header with a sign-out button when someone is signed in. */
  signedIn?: { displayName: string; csrfToken: string; role?: Role } | null;
  /** The address of this page, marked in the section navigation. */
  path?: string;
  children: ComponentChildren;
}

/** The back office's sections, each with the permission that opens it (none: every user). */
export const ADMIN_SECTIONS: readonly { href: string; label: string; need?: Action }[] = [
  { href: '/admin', label: '工作台' },
  { href: '/admin/digest', label: '每日提醒' },
  { href: '/admin/applications', label: '申请列表', need: 'applications.view' },
  { href: '/admin/applications/new', label: '登记申请', need: 'applications.edit' },
  { href: '/admin/items', label: '主动公开目录', need: 'catalogue.manage' },
  { href: '/admin/pages', label: '栏目页面', need: 'catalogue.manage' },
  { href: '/admin/reports', label: '年度报告', need: 'applications.view' },
  { href: '/admin/imports', label: '年报导入检查' },
  { href: '/admin/users', label: '账号管理', need: 'users.manage' },
];

const ADMIN_CSS = `
nav.admin ul{list-style:none;max-width:72rem;margin:0 auto;padding:0 1rem;display:flex;flex-wrap:wrap;gap:.25rem 1rem}
nav.admin{background:#f3f4f6;border-bottom:1px solid #d1d5db;padding:.4rem 0}
nav.admin a[aria-current=page]{font-weight:bold}
header.site form.logout{display:inline;margin:0}
header.site .who{color:#fff}
form.login{max-width:28rem}
`;

export function AdminLayout({ title, signedIn, path, children }: AdminLayoutProps) {
  const role = signedIn?.role;
  const sections = ADMIN_SECTIONS.filter((s) => !s.need || !role || roleAllows(role, s.need));
  return (
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${title} - 政府信息公开工作平台`}</title>
        <style dangerouslySetInnerHTML={{ __html: PORTAL_CSS + ADMIN_CSS }} />
      </head>
      <body>
        <a class="skip" href="#main">
          跳到主要内容
        </a>
        <header class="site">
          <div class="bar">
            <a class="brand" href="/admin">
              政府信息公开工作平台
            </a>
            {signedIn ? (
              <>
                <span class="who">{signedIn.displayName}</span>
                <form class="logout" method="post" action="/admin/logout">
                  <input type="hidden" name="_csrf" value={signedIn.csrfToken} />
                  <button type="submit">退出登录</button>
                </form>
              </>
            ) : null}
          </div>
        </header>
        {signedIn ? (
          <nav class="admin" aria-label="后台栏目">
            <ul>
              {sections.map((s) => (
                <li key={s.href}>
                  <a href={s.href} aria-current={path === s.href ? 'page' : undefined}>
                    {s.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
        <main id="main">{children}</main>
        <footer class="site">
          <p>政府信息公开工作平台（内部使用）</p>
        </footer>
      </body>
    </html>
  );
}

/** Renders a back-office page to a complete HTML document. */
export function renderAdminPage(props: AdminLayoutProps): string {
  return `<!doctype html>${render(<AdminLayout {...props} />)}`;
}
