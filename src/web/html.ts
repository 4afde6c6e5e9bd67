/** Escaping for the few server pages written as template strings. */
import { h } from 'preact';
import { renderPage } from './views/layout.tsx';

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (ch) => ENTITIES[ch] ?? ch);
}

/** Raw HTML that must not be escaped again. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** Tagged template: interpolated values are escaped unless they are SafeHtml (or arrays of it). */
export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    const part = Array.isArray(v)
      ? v.map((x) => (x instanceof SafeHtml ? x.value : escapeHtml(x))).join('')
      : v instanceof SafeHtml
        ? v.value
        : escapeHtml(v);
    out += part + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
}

/** A complete page in the portal's frame (views/layout.tsx) around already-escaped HTML. */
export function page(
  title: string,
  body: SafeHtml,
  extraCss = '',
  path = '/reports',
  isAccessible = false,
): string {
  return renderPage({
    title,
    path,
    extraCss,
    isAccessible,
    children: h('div', { dangerouslySetInnerHTML: { __html: body.value } }),
  });
}
