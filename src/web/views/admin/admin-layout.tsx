/**
 * The back office's page frame: the portal's stylesheet, the site name, and when someone is
 * signed in their name and a sign-out button (a POST form with the CSRF token).
 */
import type { ComponentChildren } from 'preact';
import { render } from 'preact-render-to-string';
import { PORTAL_CSS } from '../portal-css.ts';

export interface AdminLayoutProps {
  title: string;
  /** Shown in the header with a sign-out button when someone is signed in. */
  signedIn?: { displayName: string; csrfToken: string } | null;
  children: ComponentChildren;
}

const ADMIN_CSS = `
header.site form.logout{display:inline;margin:0}
header.site .who{color:#fff}
form.login{max-width:28rem}
`;

export function AdminLayout({ title, signedIn, children }: AdminLayoutProps) {
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
