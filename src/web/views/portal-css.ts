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
button,.button,input[type=submit]{background:#0b4f9c;color:#fff;border:0;border-radius:.2rem;padding:.4rem .9rem;font-size:1rem;cursor:pointer;text-decoration:none;display:inline-block}
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
.columns{display:grid;grid-template-columns:repeat(auto-fill,minmax(15rem,1fr));gap:1rem;list-style:none;padding:0}
.columns li{border:1px solid #d6d6d6;border-top:4px solid #9b1c1c;padding:.75rem 1rem;background:#fafafa}
.columns h3{margin:0 0 .3rem;font-size:1.1rem}.columns p{margin:0;color:#444;font-size:.95rem}
form.home-search{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;margin:1rem 0}
form.home-search input{padding:.5rem;font-size:1.1rem;border:1px solid #767676;border-radius:.2rem;min-width:18rem}
.browse{display:grid;grid-template-columns:16rem 1fr;gap:1.5rem}
.facets h2{font-size:1rem;margin:1rem 0 .3rem}.facets ul{list-style:none;margin:0;padding:0}
.facets li{margin:.15rem 0}.facets a[aria-current=true]{font-weight:bold;color:#1b1b1b}
.facets .count{color:#555;font-size:.9em}
.active-filters{background:#f3f6fb;border:1px solid #d7e0ee;padding:.4rem .8rem;margin:0 0 1rem}.active-filters p{margin:0}
form.filters{display:flex;flex-wrap:wrap;gap:.4rem .6rem;align-items:center;margin:0 0 1rem}
form.filters select,form.filters input{padding:.3rem;font-size:1rem;border:1px solid #767676;border-radius:.2rem;max-width:16rem}
table.list td.date{white-space:nowrap}
.page-body h2{font-size:1.2rem;border-left:4px solid #9b1c1c;padding-left:.5rem;margin-top:1.5rem}
.page-body p{text-indent:2em}
.updated{color:#555;font-size:.9rem}
.notice{border:2px solid #11652b;background:#e1f5e6;padding:.5rem 1rem;margin:0 0 1rem}.notice p{margin:0}
ol.statutory{list-style:none;padding:0}ol.statutory>li{margin:0 0 1.2rem}ol.statutory h2{font-size:1.05rem;margin:0}
ol.statutory ul{margin:.3rem 0}
body.a11y-mode{font-size:1.3rem;background:#fff;color:#000}
body.a11y-mode a{color:#00308f;text-decoration:underline}
body.a11y-mode header.site,body.a11y-mode header.site nav{background:#000}
@media (max-width:40rem){header.site input[type=search]{min-width:0;width:9rem}dl.meta{grid-template-columns:1fr}.browse{grid-template-columns:1fr}form.home-search input{min-width:0;width:100%}}
@media print{header.site,footer.site,form.search,form.home-search,form.filters,.facets,.skip,nav{display:none}.browse{display:block}main{max-width:none}a{color:#000}}
`;
