/**
 * `npm run screenshots`: PNGs of the main pages, from a fresh demo database in Debian's
 * Chromium, into docs/screenshots/ (the README shows them).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch, startTestServer } from '../tests/e2e/browser.ts';

const OUT = join(import.meta.dirname, '..', 'docs', 'screenshots');
const PAGES: [string, string][] = [
  ['home', '/'],
  ['apply', '/apply'],
  ['track', '/track'],
  ['items', '/items?agency=330226-01'],
  ['search', `/search?q=${encodeURIComponent('重点工作 通知')}`],
  ['report-ninghai-2020', '/reports/records/330226-01/2020'],
  ['report-imported-shanghai-2019', '/reports/published/shanghai-2019'],
];

mkdirSync(OUT, { recursive: true });
const server = await startTestServer();
const browser = await launch();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  for (const [name, path] of PAGES) {
    await page.goto(`${server.url}${path}`);
    await page.screenshot({
      path: join(OUT, `${name}.png`),
      fullPage: path.startsWith('/reports/') ? false : true,
    });
    process.stdout.write(`docs/screenshots/${name}.png\n`);
  }
  const mobile = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await mobile.goto(`${server.url}/apply`);
  await mobile.screenshot({ path: join(OUT, 'apply-mobile.png') });
  process.stdout.write('docs/screenshots/apply-mobile.png\n');
} finally {
  await browser.close();
  await server.close();
}
