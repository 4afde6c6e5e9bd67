import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, seriousViolations, signIn, useBrowserAndServer } from './browser.ts';

/** Submits the step form named by its heading on the case page. */
async function step(page: Page, label: string, fill: Record<string, string> = {}): Promise<void> {
  const form = page.locator(`form[aria-label="${label}"]`);
  for (const [selector, value] of Object.entries(fill)) {
    const field = form.locator(selector);
    if ((await field.evaluate((el) => el.tagName)) === 'SELECT') await field.selectOption(value);
    else await field.fill(value);
  }
  await Promise.all([page.waitForLoadState('load'), form.locator('button[type=submit]').click()]);
}

describe.skipIf(!hasChromium)('a clerk and a reviewer in a real browser (Chromium)', () => {
  const env = useBrowserAndServer();

  it('take a new application through correction, extension, review and reply, and download the letter', async () => {
    const citizen = await env.browser.newPage();
    await citizen.goto(`${env.server.url}/apply`);
    await citizen.selectOption('#agency', { label: '宁海县人民政府办公室' });
    await citizen.selectOption('#applicantType', 'natural_person');
    await citizen.fill('#applicantName', '钱某某');
    await citizen.fill('#idDocumentNumber', '330226196501014444');
    await citizen.fill('#phone', '13600004444');
    await citizen.fill('#description', '西店镇某道路拓宽工程的规划许可');
    await citizen.selectOption('#deliveryForm', '纸质');
    await citizen.selectOption('#deliveryWay', '邮寄');
    await citizen.click('button[type=submit]');
    const tracking = (await citizen.textContent('#tracking-number'))?.trim() ?? '';

    const clerk = await (await env.browser.newContext({ acceptDownloads: true })).newPage();
    await signIn(clerk, env.server.url, 'ninghai.clerk');
    await clerk.click(`text=${tracking}`);
    expect(await clerk.textContent('#stage')).toBe('办理中');
    expect(await seriousViolations(clerk), 'case page').toEqual([]);
    await step(clerk, '告知补正', { 'input[name=reason]': '请写明道路名称' });
    expect(await clerk.textContent('#stage')).toBe('待补正');
    await step(clerk, '收到补正');
    await step(clerk, '延期答复', {
      'input[name=workingDays]': '10',
      'input[name=reason]': '需调取规划档案',
    });
    await step(clerk, '拟写答复', { 'select[name=outcome]': 'granted' });
    expect(await clerk.textContent('#stage')).toBe('答复待审核');

    const reviewer = await env.browser.newPage();
    await signIn(reviewer, env.server.url, 'ninghai.reviewer');
    await reviewer.click(`text=${tracking}`);
    await step(reviewer, '审核同意');

    await clerk.reload();
    await step(clerk, '送达答复');
    expect(await clerk.textContent('#stage')).toBe('已答复');
    const [download] = await Promise.all([clerk.waitForEvent('download'), clerk.click('text=下载 Word')]);
    expect(download.suggestedFilename()).toBe(`答复书-${tracking}.docx`);
  });
});
