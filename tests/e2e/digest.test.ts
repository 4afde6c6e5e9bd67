import { describe, expect, it } from 'vitest';
import { hasChromium, seriousViolations, useBrowserAndServer } from './browser.ts';

describe.skipIf(!hasChromium)('the morning digest page in a real browser (Chromium)', () => {
  const env = useBrowserAndServer();

  it('shows a clerk today’s digest and sets the address, with no serious accessibility violation', async () => {
    const page = await env.browser.newPage();
    await page.goto(`${env.server.url}/admin/login`);
    await page.fill('#login', 'ninghai.clerk');
    await page.fill('#password', 'gongkai-demo-2020');
    await page.click('button[type=submit]');
    await page.waitForURL(`${env.server.url}/admin`);

    await page.click('nav.admin >> text=每日提醒');
    await page.waitForURL(`${env.server.url}/admin/digest`);
    expect(await page.textContent('h1')).toBe('每日待办提醒');
    expect(await seriousViolations(page), 'digest page').toEqual([]);

    // A bad address comes back with the problem listed and the text kept.
    await page.fill('#email', 'wang@');
    await Promise.all([
      page.waitForLoadState('load'),
      page.click('form[action="/admin/digest/email"] button'),
    ]);
    expect(await page.textContent('#error-summary')).toContain('请填写有效的电子邮箱地址');
    expect(await page.inputValue('#email')).toBe('wang@');
    expect(await seriousViolations(page), 'digest page with an error').toEqual([]);

    await page.fill('#email', 'wang@ninghai.example.gov.cn');
    await Promise.all([page.waitForURL(/saved=1/), page.click('form[action="/admin/digest/email"] button')]);
    expect(await page.textContent('#saved')).toContain('提醒邮箱已保存');
    expect(await page.inputValue('#email')).toBe('wang@ninghai.example.gov.cn');
    await page.close();
  });
});
