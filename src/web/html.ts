/** Escaping for the few server pages written as template strings. */
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

export function page(title: string, body: SafeHtml, extraCss = ''): string {
  return html`<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} - gongkai 政府信息公开</title>
<style>
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",sans-serif;margin:0;color:#1a1a1a;line-height:1.6}
header{background:#9b1c1c;color:#fff;padding:.75rem 1.5rem}
header a{color:#fff;text-decoration:none;font-weight:bold}
main{max-width:72rem;margin:0 auto;padding:1rem 1.5rem}
a{color:#0b4f9c}
table.list{border-collapse:collapse;width:100%}
table.list th,table.list td{border-bottom:1px solid #ccc;padding:.4rem .6rem;text-align:left}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
.badge{display:inline-block;padding:0 .4rem;border-radius:.2rem;font-size:.85em}
.badge.error{background:#fde2e2;color:#8a1111}.badge.ok{background:#e1f5e6;color:#11652b}
ul.downloads{display:flex;gap:1rem;list-style:none;padding:0}
${new SafeHtml(extraCss)}
</style>
</head>
<body>
<header><a href="/">gongkai 政府信息公开</a></header>
<main>${body}</main>
</body>
</html>`.value;
}
