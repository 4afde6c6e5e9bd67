/**
 * `npm run screenshots`: PNGs of the main pages, from a fresh demo database in Debian's
 * Chromium, into docs/screenshots/ (the README shows them). Public pages first, then the back
 * office signed in as the demo's agency administrator.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch, startTestServer } from '../tests/e2e/browser.ts';

const OUT = join(import.meta.dirname, '..', 'docs', 'screenshots');
/** name, address, and whether to capture the whole page rather than the first screen. */
const PUBLIC: [string, string, boolean][] = [
  ['home', '/', true],
  ['items', '/items?agency=330226-01', true],
  ['search', `/search?q=${encodeURIComponent('重点工作 通知')}`, true],
  ['statutory', '/statutory', false],
  ['standard-directory', '/standard-directory', false],
  ['guide', '/guide/330226-01', false],
  ['apply', '/apply', true],
  ['track', '/track', true],
  ['reports', '/reports', false],
  ['report-ninghai-2020', '/reports/330226-01/2020', false],
  ['report-imported', '/reports/published', false],
];
const BACK_OFFICE: [string, string][] = [
  ['admin-dashboard', '/admin'],
  ['admin-applications', '/admin/applications'],
  ['admin-items', '/admin/items'],
  ['admin-report-workspace', '/admin/reports/330226-01/2020'],
  ['admin-imports', '/admin/imports'],
];

mkdirSync(OUT, { recursive: true });
const server = await startTestServer();
const browser = await launch();
const saved = (name: string) => {
  process.stdout.write(`docs/screenshots/${name}.png\n`);
  return join(OUT, `${name}.png`);
};
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  for (const [name, path, fullPage] of PUBLIC) {
    await page.goto(`${server.url}${path}`);
    await page.screenshot({ path: saved(name), fullPage });
  }
  const mobile = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await mobile.goto(`${server.url}/apply`);
  await mobile.screenshot({ path: saved('apply-mobile') });

  await page.goto(`${server.url}/admin/login`);
  await page.fill('input[name=login]', 'ninghai.admin');
  await page.fill('input[name=password]', 'gongkai-demo-2020');
  await page.click('main button[type=submit]');
  await page.waitForURL(`${server.url}/admin`);
  for (const [name, path] of BACK_OFFICE) {
    await page.goto(`${server.url}${path}`);
    await page.screenshot({ path: saved(name) });
  }
} finally {
  await browser.close();
  await server.close();
}
