import { describe, expect, it } from 'vitest';
import { hasChromium, seriousViolations, signIn, useBrowserAndServer } from './browser.ts';

describe.skipIf(!hasChromium)('the back office in a real browser (Chromium)', () => {
  const env = useBrowserAndServer();

  it('has no serious accessibility violation on the sign-in page, the 工作台, the lists and the forms', async () => {
    const page = await env.browser.newPage();
    const base = env.server.url;
    await page.goto(`${base}/admin/login`);
    expect(await seriousViolations(page), '/admin/login').toEqual([]);
    await signIn(page, base, 'ninghai.admin');
    expect(await seriousViolations(page), '/admin').toEqual([]);
    for (const path of [
      '/admin/applications',
      '/admin/applications?due=overdue&channel=online',
      '/admin/applications/new',
      '/admin/users',
      '/admin/users/new',
    ]) {
      await page.goto(`${base}${path}`);
      expect(await seriousViolations(page), path).toEqual([]);
    }
    // A form with every problem shown.
    await page.goto(`${base}/admin/applications/new`);
    await page.selectOption('#channel', 'post_signed');
    await page.click('form[action="/admin/applications/new"] button[type=submit]');
    expect(await page.textContent('#error-summary')).toContain('邮寄申请需填写行政机关签收之日');
    expect(await seriousViolations(page), '/admin/applications/new with errors').toEqual([]);
    await page.goto(`${base}/admin/users/new`);
    await page.fill('#login', 'X');
    await page.click('form[action="/admin/users/new"] button[type=submit]');
    expect(await page.textContent('#error-summary')).toContain('用户名');
    expect(await seriousViolations(page), '/admin/users/new with errors').toEqual([]);
    // One account's page with its reset and disable forms.
    await page.goto(`${base}/admin/users`);
    await page.click('text=ninghai.clerk');
    expect(await page.textContent('h1')).toContain('ninghai.clerk');
    expect(await seriousViolations(page), '/admin/users/:id').toEqual([]);
  });

  it('lets a clerk register a letter through the form and land on its case page', async () => {
    const page = await env.browser.newPage();
    const base = env.server.url;
    await signIn(page, base, 'ninghai.clerk');
    await page.click('nav.admin >> text=登记申请');
    await page.selectOption('#channel', 'post_signed');
    await page.fill('#submittedOn', '2025-09-26');
    await page.fill('#signedOn', '2025-09-29');
    await page.selectOption('#applicantType', 'natural_person');
    await page.fill('#applicantName', '周某某');
    await page.fill('#idDocumentType', '居民身份证');
    await page.fill('#idDocumentNumber', '330226197505050077');
    await page.fill('#address', '宁海县西店镇某村12号');
    await page.fill('#description', '某村2024年村庄规划的批复文件');
    await page.selectOption('#deliveryForm', '纸质');
    await page.selectOption('#deliveryWay', '邮寄');
    await Promise.all([
      page.waitForURL(/\/admin\/applications\/\d+\?registered=1$/),
      page.click('form[action="/admin/applications/new"] button[type=submit]'),
    ]);
    expect(await page.textContent('#registered')).toContain('申请已登记');
    expect(await page.textContent('#received-on')).toContain('2025-09-29');
    expect(await page.textContent('#due')).toBe('2025-11-03');
    expect(await page.textContent('#tracking-number')).toMatch(/^20250929-/);
    expect(await page.textContent('#fee-status')).toBe('未收费');
    expect(await seriousViolations(page), 'case page with fee section').toEqual([]);
  });
});
