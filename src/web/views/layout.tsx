/**
 * The page frame of the public portal: header with the site name, the standard columns of a
 * 政府信息公开 column as navigation, a search box, the footer. Server-rendered; works without
 * JavaScript. Large-text / high-contrast mode (适老化) is a link that sets a cookie.
 */
import type { ComponentChildren } from 'preact';
import { render } from 'preact-render-to-string';
import { PORTAL_CSS } from './portal-css.ts';

export interface LayoutProps {
  title: string;
  /** The current path, to mark the active navigation item. */
  path: string;
  /** Large text and high contrast (适老化 mode). */
  isAccessible?: boolean;
  children: ComponentChildren;
  extraCss?: string;
}

/** The columns of the portal that exist so far (the full 政府信息公开 column comes with the portal). */
const NAV: readonly [string, string][] = [
  ['/', '首页'],
  ['/items', '主动公开目录'],
  ['/search', '搜索'],
  ['/apply', '依申请公开'],
  ['/track', '申请查询'],
  ['/reports', '信息公开年报'],
];

export function Layout({ title, path, isAccessible, children, extraCss }: LayoutProps) {
  return (
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} - 政府信息公开`}</title>
        <link rel="alternate" type="application/atom+xml" title="最新主动公开信息" href="/feed.atom" />
        <style dangerouslySetInnerHTML={{ __html: PORTAL_CSS + (extraCss ?? '') }} />
      </head>
      <body class={isAccessible ? 'a11y-mode' : undefined}>
        <a class="skip" href="#main">
          跳到主要内容
        </a>
        <header class="site">
          <div class="bar">
            <a class="brand" href="/">
              政府信息公开
            </a>

            <a
              class="mode"
              href={`/mode?accessible=${isAccessible ? '0' : '1'}&back=${encodeURIComponent(path)}`}
            >
              {isAccessible ? '标准版' : '适老化（大字）'}
            </a>
          </div>
          <nav aria-label="栏目">
            <ul>
              {NAV.map(([href, label]) => (
                <li>
                  <a
                    href={href}
                    aria-current={
                      href === path || (href !== '/' && path.startsWith(href)) ? 'page' : undefined
                    }
                  >
                    {label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        <main id="main">{children}</main>
        <footer class="site">
          <p>
            依据《中华人民共和国政府信息公开条例》公开。<a href="/feed.atom">订阅更新</a> ·{' '}
            <a href="/sitemap.xml">网站地图</a>
          </p>
        </footer>
      </body>
    </html>
  );
}

/** Renders a page to a complete HTML document. */
export function renderPage(props: LayoutProps): string {
  return `<!doctype html>${render(<Layout {...props} />)}`;
}
