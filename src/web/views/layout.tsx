/**
 * The page frame of the public portal: header with the site name, a search box, the standard
 * columns of a 政府信息公开 section as navigation (on every public page), the footer. Server-rendered; works without
 * JavaScript. Large-text / high-contrast mode (适老化) is a link that sets a cookie.
 */
import { type ComponentChildren, Fragment, h } from 'preact';
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

/**
 * The standard columns of a 政府信息公开 section (Regulation art. 12, 20, 24, 27, 49), each with
 * the addresses it covers so that the column is marked on every page inside it.
 */
export const PORTAL_COLUMNS: readonly { href: string; label: string; covers: readonly string[] }[] = [
  { href: '/', label: '首页', covers: [] },
  { href: '/guide', label: '信息公开指南', covers: ['/guide'] },
  { href: '/rules', label: '信息公开制度', covers: ['/rules'] },
  { href: '/statutory', label: '法定主动公开内容', covers: ['/statutory'] },
  { href: '/items', label: '主动公开目录', covers: ['/items', '/search'] },
  { href: '/standard-directory', label: '基层政务公开标准目录', covers: ['/standard-directory'] },
  {
    href: '/disclosure-on-request',
    label: '依申请公开',
    covers: ['/disclosure-on-request', '/apply', '/track'],
  },
  { href: '/reports', label: '年度报告', covers: ['/reports'] },
];

/** Whether `path` is inside the column (the home page only for "/" itself). */
export function isInColumn(column: { href: string; covers: readonly string[] }, path: string): boolean {
  if (column.href === '/') return path === '/';
  return column.covers.some((c) => path === c || path.startsWith(`${c}/`) || path.startsWith(`${c}?`));
}

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

            <form class="search" method="get" action="/search">
              <label class="visually-hidden" for="site-q">
                搜索政府信息
              </label>
              <input id="site-q" name="q" type="search" placeholder="搜索政府信息" />
              <input type="submit" value="搜索" />
            </form>
            <a
              class="mode"
              href={`/mode?accessible=${isAccessible ? '0' : '1'}&back=${encodeURIComponent(path)}`}
            >
              {isAccessible ? '标准版' : '适老化（大字）'}
            </a>
          </div>
          <nav aria-label="栏目">
            <ul>
              {PORTAL_COLUMNS.map((column) => (
                <li>
                  <a href={column.href} aria-current={isInColumn(column, path) ? 'page' : undefined}>
                    {column.label}
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
            <a href="/sitemap.xml">网站地图</a> · <a href="/apply">在线申请</a> ·{' '}
            <a href="/track">申请查询</a>
          </p>
        </footer>
      </body>
    </html>
  );
}

/** Marks where the title and the page's own content go in a frame rendered once. */
const TITLE_MARK = '\u0001title\u0001';
const MAIN_MARK = '\u0001main\u0001';
/** Rendered frames by mode, extra CSS and path: the frame is the same for every page of a column. */
const frames = new Map<string, readonly [string, string, string]>();
const MAX_FRAMES = 200;

/** Text escaped as preact-render-to-string escapes it (so a page is the same byte for byte). */
const escapeText = (text: string) =>
  /["&<]/.test(text) ? text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;') : text;

/** The frame of a page around its title and its content, rendered once per mode, CSS and path. */
function frameOf(path: string, isAccessible: boolean, extraCss: string): readonly [string, string, string] {
  const key = `${isAccessible ? 1 : 0}\u0000${path}\u0000${extraCss}`;
  let frame = frames.get(key);
  if (!frame) {
    const html = `<!doctype html>${render(
      <Layout title={TITLE_MARK} path={path} isAccessible={isAccessible} extraCss={extraCss}>
        {MAIN_MARK}
      </Layout>,
    )}`;
    const title = html.indexOf(TITLE_MARK);
    const main = html.indexOf(MAIN_MARK);
    frame = [
      html.slice(0, title),
      html.slice(title + TITLE_MARK.length, main),
      html.slice(main + MAIN_MARK.length),
    ];
    // Paths are the routes' own constants; a bound all the same, should one pass a visitor's address.
    if (frames.size >= MAX_FRAMES) frames.clear();
    frames.set(key, frame);
  }
  return frame;
}

/**
 * Renders a page to a complete HTML document: the frame (header, navigation, styles, footer)
 * comes rendered from `frameOf`; only the title and the content are rendered for each page.
 */
export function renderPage(props: LayoutProps): string {
  const [head, middle, tail] = frameOf(props.path, props.isAccessible ?? false, props.extraCss ?? '');
  return `${head}${escapeText(props.title)}${middle}${render(h(Fragment, null, props.children))}${tail}`;
}
