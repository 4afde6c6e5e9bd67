import { describe, expect, it } from 'vitest';
import { hasChromium, seriousViolations, useBrowserAndServer } from './browser.ts';

const enc = encodeURIComponent;

describe.skipIf(!hasChromium)('the portal’s columns in a real browser (Chromium)', () => {
  const env = useBrowserAndServer();

  it('has no serious or critical accessibility violation on any column page', async () => {
    const page = await env.browser.newPage();
    for (const path of [
      '/',
      '/guide',
      '/guide/330226-01',
      '/rules/330226-01',
      '/statutory',
      '/standard-directory',
      '/standard-directory/330226-42',
      `/items?subject=${enc('民政、乡村振兴、救灾\\社会救助')}`,
      `/items?agency=330226-42&genre=${enc('公告')}&year=2025`,
      '/disclosure-on-request',
    ]) {
      await page.goto(`${env.server.url}${path}`);
      expect(await seriousViolations(page), path).toEqual([]);
    }
    // An item page with its interpretation link and related items.
    await page.goto(`${env.server.url}/items?category=${enc('社会救助')}`);
    await page.click('table.list a >> nth=0');
    await page.waitForSelector('#related');
    expect(await seriousViolations(page), 'item page').toEqual([]);
    // The same in large-text, high-contrast mode.
    await page.goto(`${env.server.url}/mode?accessible=1&back=/statutory`);
    expect(await page.getAttribute('body', 'class')).toBe('a11y-mode');
    expect(await seriousViolations(page), '/statutory in 适老化 mode').toEqual([]);
    await page.close();
  });

  it('narrows the catalogue by clicking facets, and the filter form works without JavaScript', async () => {
    const context = await env.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${env.server.url}/items`);
    const total = Number(/共(\d+)条/.exec((await page.textContent('#result-total')) ?? '')?.[1]);
    await page.click('nav.facets a:text-is("公报")');
    expect(await page.textContent('#result-total')).toBe('共1条');
    await page.goto(`${env.server.url}/items`);
    await page.selectOption('#f-agency', { label: '宁海县西店镇人民政府' });
    await page.fill('#f-year', '2025');
    await page.click('form.filters button[type=submit]');
    const narrowed = Number(/共(\d+)条/.exec((await page.textContent('#result-total')) ?? '')?.[1]);
    expect(narrowed).toBeGreaterThan(0);
    expect(narrowed).toBeLessThan(total);
    expect(page.url()).toContain('agency=330226-42');
    await context.close();
  });

  it('lets a clerk edit the guide in the back office, with no violation on the editor', async () => {
    const page = await env.browser.newPage();
    await page.goto(`${env.server.url}/admin/login`);
    await page.fill('#login', 'ninghai.clerk');
    await page.fill('#password', 'gongkai-demo-2020');
    await page.click('button[type=submit]');
    await page.waitForURL(`${env.server.url}/admin`);
    await page.goto(`${env.server.url}/admin/pages`);
    expect(await seriousViolations(page), '/admin/pages').toEqual([]);
    await page.click('a[href="/admin/pages/330226-01/guide"]');
    expect(await seriousViolations(page), 'the guide editor').toEqual([]);
    await page.fill('#title', '');
    await page.click('form[aria-label="编辑政府信息公开指南"] button[type=submit]');
    // The browser's own check stops an empty required field; remove it to see the server's answer.
    await page.evaluate(() => document.querySelector('#title')?.removeAttribute('required'));
    await page.click('form[aria-label="编辑政府信息公开指南"] button[type=submit]');
    expect(await page.textContent('#error-summary')).toContain('请填写标题');
    expect(await seriousViolations(page), 'the guide editor with errors').toEqual([]);
    await page.fill('#title', '宁海县人民政府办公室政府信息公开指南（修订）');
    await page.click('form[aria-label="编辑政府信息公开指南"] button[type=submit]');
    expect(await page.textContent('#saved')).toContain('已保存');
    await page.goto(`${env.server.url}/guide/330226-01`);
    expect(await page.textContent('h1')).toBe('宁海县人民政府办公室政府信息公开指南（修订）');
    await page.close();
  });
});
