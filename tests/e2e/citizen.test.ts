import { describe, expect, it } from 'vitest';
import { hasChromium, seriousViolations, useBrowserAndServer } from './browser.ts';

describe.skipIf(!hasChromium)('a citizen in a real browser (Chromium)', () => {
  const env = useBrowserAndServer();

  it('applies online, fixes a mistake without retyping, and follows the case by its codes', async () => {
    const page = await env.browser.newPage();
    await page.goto(`${env.server.url}/apply`);
    await page.selectOption('#agency', { label: '宁海县人民政府办公室' });
    await page.selectOption('#applicantType', 'natural_person');
    await page.fill('#applicantName', '陈某某');
    await page.fill('#idDocumentType', '居民身份证');
    await page.fill('#phone', '13900002222');
    await page.fill('#description', '宁海县2020年城市道路维修计划');
    await page.selectOption('#deliveryForm', '电子数据');
    await page.selectOption('#deliveryWay', '电子邮件');
    await page.click('button[type=submit]');
    // The identity number was forgotten: the form comes back with the message and the typed text.
    await expect.poll(() => page.textContent('#error-summary')).toContain('身份证明');
    expect(await page.inputValue('#applicantName')).toBe('陈某某');
    expect(await page.inputValue('#description')).toBe('宁海县2020年城市道路维修计划');
    await page.fill('#idDocumentNumber', '330226198801012222');
    await page.click('button[type=submit]');
    const number = (await page.textContent('#tracking-number'))?.trim() ?? '';
    const code = (await page.textContent('#check-code'))?.trim() ?? '';
    expect(number).toMatch(/^\d{8}-[2-9A-Z]{6}$/);

    await page.goto(`${env.server.url}/track`);
    await page.fill('#number', number);
    await page.fill('#code', code);
    await page.click('button[type=submit]');
    expect(await page.textContent('#stage')).toBe('办理中');
    expect(await page.textContent('body')).not.toContain('陈某某');
    await page.close();
  });

  it('has no serious or critical accessibility violations on the pages a citizen uses', async () => {
    const page = await env.browser.newPage();
    for (const path of [
      '/',
      '/apply',
      '/track',
      '/items',
      `/items?agency=330226-01`,
      '/items/1',
      `/search?q=${encodeURIComponent('重点工作 通知')}`,
      '/reports/330226-01/2020',
      '/reports/published/ninghai-2020',
      // The answers to a wrong address and to an item that does not exist.
      '/no-such-page',
      '/items/999999',
      '/reports/330226-01/1999',
    ]) {
      await page.goto(`${env.server.url}${path}`);
      expect(await seriousViolations(page), path).toEqual([]);
    }
    // The form with its error messages shown, too.
    await page.goto(`${env.server.url}/apply`);
    await page.click('button[type=submit]');
    expect(await seriousViolations(page), '/apply with errors').toEqual([]);
    await page.close();
  });
});
