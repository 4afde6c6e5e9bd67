import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPORT_FIXTURES } from '../helpers/fixtures.ts';
import { hasChromium, seriousViolations, signIn, useBrowserAndServer } from './browser.ts';

describe.skipIf(!hasChromium)('report import in a real browser (Chromium)', () => {
  const env = useBrowserAndServer();

  it('a clerk uploads two reports, sees where a number was read, corrects a cell and saves', async () => {
    const page = await env.browser.newPage();
    const base = env.server.url;
    await signIn(page, base, 'ninghai.clerk');
    await page.click('nav.admin >> text=年报导入检查');
    await page.waitForURL(`${base}/admin/imports`);
    expect(await seriousViolations(page), 'upload page').toEqual([]);

    await page.setInputFiles('#files', [
      join(REPORT_FIXTURES, '2023-shuyang-county-development-reform-bureau/source.docx'),
      join(REPORT_FIXTURES, '2022-pingtan-junshan-area-admin-bureau/source.html'),
    ]);
    await Promise.all([page.waitForLoadState('load'), page.click('form[enctype] button[type=submit]')]);
    expect(await page.textContent('#results-h')).toContain('本次导入结果（2个文件）');
    expect(await page.locator('#results tbody tr').count()).toBe(2);
    expect(await seriousViolations(page), 'list with results').toEqual([]);

    await Promise.all([
      page.waitForURL(/\/admin\/imports\/\d+$/),
      page.click('#results >> text=沭阳县发展和改革局2023年'),
    ]);
    expect(await page.textContent('h1')).toContain('沭阳县发展和改革局2023年');
    expect(await seriousViolations(page), 'detail page').toEqual([]);

    // Where 现行有效件数 of 行政规范性文件 was read: shown when the row's sources are opened.
    const row = page.locator('tr[data-row="normative_documents"]');
    const source = row.locator('[data-provenance="table2.normative_documents.in_force"]');
    expect(await source.isVisible()).toBe(false);
    await row.locator('summary').click();
    expect(await source.isVisible()).toBe(true);
    expect(await source.textContent()).toContain('读自表格2第4行第4列，原文“18”');

    // Correct it from the link beside its source: the form comes with the cell chosen.
    await Promise.all([page.waitForLoadState('load'), source.locator('a').click()]);
    expect(await page.inputValue('#cell-1')).toBe('table2.normative_documents.in_force');
    await page.fill('#value-1', '19');
    await page.fill('#note', '依据原件第2页核对，现行有效件数应为19');
    await Promise.all([page.waitForURL(/saved=1/), page.click('text=保存更正并重新检查')]);
    expect(await page.textContent('#saved')).toContain('已保存1处更正，并重新检查');
    const cell = page.locator('td[data-cell="table2.normative_documents.in_force"]');
    expect(await cell.textContent()).toContain('19已更正，原读取为18');
    expect(await page.textContent('#corrections')).toContain('依据原件第2页核对');
    expect(await seriousViolations(page), 'detail page after a correction').toEqual([]);

    // The portal's pages.
    for (const path of [
      '/reports/published',
      page.url().replace(/^.*\/admin\/imports\/(\d+).*$/, '/reports/published/$1'),
    ]) {
      await page.goto(`${base}${path}`);
      expect(await seriousViolations(page), path).toEqual([]);
    }
    expect(await page.textContent('#corrections')).toContain('原读取为18，更正为19');
    await page.close();
  });
});
