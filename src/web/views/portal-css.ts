/** The portal's stylesheet: responsive, print-friendly, with a large-text high-contrast mode. */
export const PORTAL_CSS = `
*{box-sizing:border-box}
body{margin:0;font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif;color:#1b1b1b;line-height:1.7;background:#fff}
a{color:#0b4f9c}
a:focus,button:focus,input:focus,select:focus,textarea:focus{outline:3px solid #f0a202;outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem;z-index:9}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
header.site{background:#9b1c1c;color:#fff}
header.site .bar{display:flex;flex-wrap:wrap;gap:1rem;align-items:center;max-width:72rem;margin:0 auto;padding:.75rem 1rem}
header.site .brand{color:#fff;font-size:1.35rem;font-weight:bold;text-decoration:none;margin-right:auto}
header.site .mode{color:#fff}
header.site form.search{display:flex;gap:.25rem}
header.site input[type=search]{padding:.35rem .5rem;border:0;border-radius:.2rem;min-width:14rem}
button,.button{background:#0b4f9c;color:#fff;border:0;border-radius:.2rem;padding:.4rem .9rem;font-size:1rem;cursor:pointer;text-decoration:none;display:inline-block}
header.site nav{background:#7f1616}
header.site nav ul{display:flex;flex-wrap:wrap;list-style:none;margin:0 auto;padding:0 1rem;max-width:72rem}
header.site nav a{display:block;color:#fff;padding:.5rem .9rem;text-decoration:none}
header.site nav a[aria-current=page]{background:#5c0f0f}
main{max-width:72rem;margin:0 auto;padding:1rem}
footer.site{border-top:1px solid #ddd;color:#555;font-size:.9rem;text-align:center;padding:1rem}
table.list{border-collapse:collapse;width:100%}
table.list th,table.list td{border-bottom:1px solid #ddd;padding:.45rem .6rem;text-align:left;vertical-align:top}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;background:#f6f6f6;padding:1rem;border:1px solid #e3e3e3}
dl.meta dt{font-weight:bold;color:#444}dl.meta dd{margin:0}
.field{margin:0 0 1rem}.field label{display:block;font-weight:bold}
.field input,.field select,.field textarea{width:100%;max-width:36rem;padding:.4rem;font-size:1rem;border:1px solid #767676;border-radius:.2rem}
.field .error{color:#a4000f;margin:.2rem 0 0}.field .hint{color:#555;margin:.2rem 0 0;font-size:.9rem}
.errors{border:2px solid #a4000f;padding:.5rem 1rem;background:#fff4f4}
mark{background:#ffe58a;color:inherit}
.hit{margin:0 0 1rem}.hit h3{margin:0;font-size:1.1rem}.hit p{margin:.2rem 0}.hit .meta{color:#555;font-size:.9rem}
.badge{display:inline-block;padding:0 .4rem;border-radius:.2rem;font-size:.85em}
.badge.error{background:#fde2e2;color:#8a1111}.badge.ok{background:#e1f5e6;color:#11652b}
ul.downloads{display:flex;flex-wrap:wrap;gap:1rem;list-style:none;padding:0}
body.a11y-mode{font-size:1.3rem;background:#fff;color:#000}
body.a11y-mode a{color:#00308f;text-decoration:underline}
body.a11y-mode header.site,body.a11y-mode header.site nav{background:#000}
@media (max-width:40rem){header.site input[type=search]{min-width:0;width:9rem}dl.meta{grid-template-columns:1fr}}
@media print{header.site,footer.site,form.search,.skip,nav{display:none}main{max-width:none}a{color:#000}}
`;
