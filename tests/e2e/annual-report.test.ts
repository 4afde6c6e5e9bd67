import { describe, expect, it } from 'vitest';
import { hasChromium, seriousViolations, signIn, useBrowserAndServer } from './browser.ts';

describe.skipIf(!hasChromium)('an administrator in a real browser (Chromium)', () => {
  const env = useBrowserAndServer();

  it('builds, checks and publishes an annual report, which the portal then shows', async () => {
    const base = env.server.url;
    const admin = await env.browser.newPage();
    await signIn(admin, base, 'ninghai.admin');
    await admin.click('nav.admin >> text=年度报告');
    await admin.waitForURL(`${base}/admin/reports`);
    expect(await seriousViolations(admin), 'workspace list').toEqual([]);
    await admin.click('a[href="/admin/reports/330226-01/2022"]');
    await admin.waitForURL(`${base}/admin/reports/330226-01/2022`);
    expect(await admin.textContent('#status')).toBe('已发布');

    // Chapter 一 states another number of applications than table 3: a finding shown inline.
    const overview = admin.locator('#text-overview');
    const text = (await overview.inputValue()).replace(
      /共收到政府信息公开申请\d+件/,
      '共收到政府信息公开申请999件',
    );
    await overview.fill(text);
    await admin.fill('#text-problems', '一是主动公开的及时性有待提高。二是答复文书有待规范。');
    await Promise.all([admin.waitForURL(/saved=1/), admin.locator('#text-problems ~ button').click()]);
    expect(await admin.textContent('#notice')).toContain('正文已保存');
    expect(await admin.textContent('#status')).toBe('发布后有修改');
    expect(await admin.inputValue('#text-problems')).toBe(
      '一是主动公开的及时性有待提高。二是答复文书有待规范。',
    );
    const summary = admin.locator('.findings-summary');
    expect(await summary.textContent()).toContain('999');
    await summary.locator('a', { hasText: '正文' }).first().click();
    const inline = admin.locator('#chapter-overview .inline-findings li');
    expect(await inline.first().textContent()).toContain('999件');
    expect(await seriousViolations(admin), 'workspace').toEqual([]);

    // Publish the corrected version (with a reason when errors remain).
    if (await admin.locator('#reason').count()) await admin.fill('#reason', '已核实，先行发布，后续更正。');
    await Promise.all([admin.waitForURL(/published=2/), admin.click('text=发布更正后的版本')]);
    expect(await admin.textContent('#notice')).toContain('第2版');
    expect(await admin.textContent('#status')).toBe('已发布');

    const visitor = await env.browser.newPage();
    await visitor.goto(`${base}/reports`);
    expect(await seriousViolations(visitor), 'public list').toEqual([]);
    await visitor.click('a[href="/reports/330226-01/2022"]');
    await visitor.waitForURL(`${base}/reports/330226-01/2022`);
    expect(await visitor.textContent('h1')).toBe('宁海县人民政府办公室2022年政府信息公开工作年度报告');
    expect(await visitor.textContent('#chapter-problems')).toContain('一是主动公开的及时性有待提高。');
    expect(await visitor.textContent('#updated')).toContain('第2版');
    const table3 = visitor.locator('table[data-table="table3"]');
    expect(await table3.locator('caption').textContent()).toBe('收到和处理政府信息公开申请情况');
    expect(await table3.locator('th[scope="col"]', { hasText: '自然人' }).count()).toBe(1);
    expect(await seriousViolations(visitor), 'public report').toEqual([]);
  });
});
