import { describe, expect, it } from 'vitest';
import { renderLetterDocx } from '../../src/render/letter.ts';
import { systemClock } from '../../src/services/deps.ts';
import { hasChromium, seriousViolations, signIn, useBrowserAndServer } from './browser.ts';

const TITLE = '宁海县乡村振兴茶园补贴实施细则';

describe.skipIf(!hasChromium)('an editor in a real browser (Chromium)', () => {
  // A fresh demo server whose attachments go to its temporary folder, and a browser.
  const env = useBrowserAndServer();

  it('creates an item with an attachment, publishes it and finds it by a two-word Chinese query', async () => {
    const base = env.server.url;
    const page = await env.browser.newPage();
    await signIn(page, base, 'ninghai.clerk');
    await page.click('nav.admin >> text=主动公开目录');
    await page.waitForURL(`${base}/admin/items`);
    expect(await seriousViolations(page), 'item list').toEqual([]);

    await page.click('text=新建信息');
    await page.waitForURL(`${base}/admin/items/new`);
    expect(await seriousViolations(page), 'item form').toEqual([]);
    // First without a title or date: every problem is listed, nothing typed is lost.
    await page.fill('#body', '对新建生态茶园给予每亩八百元补贴，助力乡村振兴。');
    await page.click('form.item-form button[type=submit]');
    expect(await page.textContent('#error-summary')).toContain('请填写标题');
    expect(await page.textContent('#error-summary')).toContain('请填写成文日期');
    expect(await page.inputValue('#body')).toBe('对新建生态茶园给予每亩八百元补贴，助力乡村振兴。');
    expect(await seriousViolations(page), 'item form with errors').toEqual([]);

    await page.fill('#title', TITLE);
    await page.selectOption('#kind', 'normative_document');
    await page.selectOption('#genre', '通知');
    await page.fill('#madeOn', systemClock().today());
    await page.fill('#keywords', '乡村振兴 茶园');
    const docx = await renderLetterDocx({
      title: '生态茶园补贴申报表',
      salutation: null,
      paragraphs: ['申报主体为本县登记的茶叶专业合作社。'],
      signature: { agency: '宁海县人民政府办公室', date: '2026年11月25日' },
    });
    await page.setInputFiles('#files', {
      name: '补贴申报表.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: docx,
    });
    await Promise.all([
      page.waitForURL(/\/admin\/items\/\d+\?done=created$/),
      page.click('form.item-form button[type=submit]'),
    ]);
    expect(await page.textContent('#status')).toBe('草稿');
    expect(await page.textContent('#attachments')).toContain('补贴申报表.docx');
    expect(await page.textContent('#attachments')).toContain('已提取文字');
    expect(await seriousViolations(page), 'item page').toEqual([]);

    await Promise.all([
      page.waitForURL(/done=published$/),
      page.click('form[aria-label="发布"] button[type=submit]'),
    ]);
    expect(await page.textContent('#status')).toBe('已发布');
    expect(await page.textContent('#r26')).toContain('20个工作日内');

    await page.goto(`${base}/search`);
    await page.fill('#q', '乡村振兴 补贴');
    await Promise.all([page.waitForURL(/\/search\?/), page.click('main button[type=submit]')]);
    await Promise.all([page.waitForURL(/\/items\/\d+$/), page.click(`a:has-text("${TITLE}")`)]);
    expect(await page.textContent('h1')).toBe(TITLE);
    expect(await page.textContent('main')).toContain('补贴申报表.docx');
  });
});
