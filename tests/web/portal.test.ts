import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ART20_ITEM_LABELS } from '../../src/domain/catalogue/model.ts';
import { STANDARD_DOMAINS } from '../../src/domain/catalogue/standard-directory.ts';
import { csrfIn, signIn, startTestApp, type TestApp } from '../helpers/web.ts';

const totalOf = (body: string) => Number(/共(\d+)条/.exec(body)?.[1] ?? Number.NaN);
const enc = encodeURIComponent;

describe('the portal’s 政府信息公开 columns', () => {
  let app: FastifyInstance;
  let started: TestApp;
  beforeAll(async () => {
    started = await startTestApp();
    app = started.app;
  }, 120_000);
  afterAll(() => started.close());

  it('makes the home page a portal: search, every column, the newest items, applying and the reports', async () => {
    const res = await app.inject('/');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<form class="home-search" method="get" action="/search">');
    for (const href of [
      '/guide',
      '/rules',
      '/statutory',
      '/items',
      '/standard-directory',
      '/disclosure-on-request',
      '/apply',
      '/track',
      '/reports',
    ]) {
      expect(res.body, href).toContain(`href="${href}"`);
    }
    expect(res.body).toContain('最新公开信息');
    expect(res.body).toMatch(/<a href="\/" aria-current="page">首页<\/a>/);
    // The column navigation is on every public page, with the column marked.
    const apply = await app.inject('/apply');
    expect(apply.body).toContain('基层政务公开标准目录');
    expect(apply.body).toMatch(/href="\/disclosure-on-request" aria-current="page"/);
  });

  it('shows the demo guide and rules of 宁海县人民政府办公室 and a chooser of agencies', async () => {
    const chooser = await app.inject('/guide');
    expect(chooser.statusCode).toBe(200);
    expect(chooser.body).toContain('href="/guide/330226-01"');
    const guide = await app.inject('/guide/330226-01');
    expect(guide.statusCode).toBe(200);
    expect(guide.body).toContain('<h2>四、政府信息公开工作机构</h2>');
    for (const part of ['办公地址', '办公时间', '联系电话', '传真号码', '互联网联系方式', '获取方式']) {
      expect(guide.body, part).toContain(part);
    }
    expect(guide.body).toContain('0574-00000000（演示号码）');
    const rules = await app.inject('/rules/330226-01');
    expect(rules.statusCode).toBe(200);
    expect(rules.body).toContain('依申请公开工作制度');
    const missing = await app.inject('/guide/330226-12');
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain('宁海县发展和改革局尚未发布政府信息公开指南');
  });

  it('lists the fifteen kinds of art. 20 in the statute’s words, each with its items', async () => {
    const res = await app.inject('/statutory');
    expect(res.statusCode).toBe(200);
    for (const label of Object.values(ART20_ITEM_LABELS)) expect(res.body).toContain(label);
    expect(res.body).toContain('2024年宁海县国民经济和社会发展统计公报');
    expect(res.body).toContain('href="/items?art20=4"');
    // 规章 and 规范性文件 fall under (一) without being tagged.
    expect(res.body).toMatch(/href="\/items\?art20=1">查看本项全部\d{3,}条信息/);
  });

  it('shows the 26 standard domains and each township’s directory', async () => {
    const res = await app.inject('/standard-directory');
    expect(res.statusCode).toBe(200);
    for (const d of STANDARD_DOMAINS) expect(res.body).toContain(d.name);
    expect(STANDARD_DOMAINS).toHaveLength(26);
    expect(res.body).toContain('href="/standard-directory/330226-42"');
    expect(res.body).toContain('href="/standard-directory/330226-31"');
    expect(res.body).toContain(`href="/items?category=${enc('社会救助')}"`);
    const xidian = await app.inject('/standard-directory/330226-42');
    expect(xidian.statusCode).toBe(200);
    expect(xidian.body).toContain('宁海县西店镇人民政府基层政务公开标准目录');
    expect(xidian.body).toContain('<h2 id="domain-social_assistance">社会救助</h2>');
    expect(xidian.body).toContain('西店镇2025年第三季度城乡最低生活保障对象名单公示');
    expect(xidian.body).not.toContain('跃龙街道2025年第二季度特困人员供养名单公示');
    const department = await app.inject('/standard-directory/330226-12');
    expect(department.statusCode).toBe(404);
    expect(department.body).toContain('不是乡镇或街道');
  });

  it('explains applying on request with links to the form, the tracking page and the guide', async () => {
    const res = await app.inject('/disclosure-on-request');
    expect(res.statusCode).toBe(200);
    for (const part of ['第二十七条', '第二十九条', '第三十一条', '第三十三条', '20个工作日']) {
      expect(res.body, part).toContain(part);
    }
    for (const href of ['/apply', '/track', '/guide']) expect(res.body).toContain(`href="${href}"`);
  });

  it('narrows the catalogue by subject, genre, agency, year, art. 20 item and category, with counts', async () => {
    const all = await app.inject('/items');
    const total = totalOf(all.body);
    expect(total).toBeGreaterThan(100);
    // Facets are links with counts.
    expect(all.body).toContain('<nav class="facets" aria-label="分类浏览">');
    expect(all.body).toContain(`href="/items?genre=${enc('公报')}"`);
    expect(all.body).toContain(`href="/items?subject=${enc('民政、乡村振兴、救灾\\社会救助')}"`);

    const subject = await app.inject(`/items?subject=${enc('民政、乡村振兴、救灾\\社会救助')}`);
    expect(totalOf(subject.body)).toBe(2);
    expect(subject.body).toContain('跃龙街道2025年第二季度特困人员供养名单公示');
    expect(subject.body).not.toContain('2024年宁海县国民经济和社会发展统计公报');

    const genre = await app.inject(`/items?genre=${enc('公报')}`);
    expect(totalOf(genre.body)).toBe(1);
    expect(genre.body).toContain('2024年宁海县国民经济和社会发展统计公报');

    const township = await app.inject('/items?agency=330226-42&year=2025');
    const townshipTotal = totalOf(township.body);
    expect(townshipTotal).toBeGreaterThanOrEqual(6);
    expect(townshipTotal).toBeLessThan(total);
    const narrower = await app.inject(`/items?agency=330226-42&year=2025&genre=${enc('公告')}`);
    expect(totalOf(narrower.body)).toBeLessThan(townshipTotal);
    expect(narrower.body).toContain('当前筛选');

    expect(totalOf((await app.inject('/items?art20=4')).body)).toBe(1);
    expect(totalOf((await app.inject(`/items?category=${enc('社会救助')}`)).body)).toBe(2);
    // Pages keep the filters.
    const paged = await app.inject('/items?agency=330226-01');
    expect(paged.body).toContain('href="?agency=330226-01&amp;page=2"');
  });

  it('links a policy and its interpretation both ways and shows related items', async () => {
    const link = await started.deps.db.db
      .selectFrom('catalogue_items')
      .select(['id', 'interpretation_of'])
      .where('interpretation_of', 'is not', null)
      .executeTakeFirstOrThrow();
    const interpretation = await app.inject(`/items/${link.id}`);
    expect(interpretation.statusCode).toBe(200);
    expect(interpretation.body).toMatch(
      new RegExp(`id="interpreted-policy">本文解读的政策：<a href="/items/${link.interpretation_of}">`),
    );
    const policy = await app.inject(`/items/${link.interpretation_of}`);
    expect(policy.body).toMatch(new RegExp(`<ul id="interpretation-list"><li><a href="/items/${link.id}">`));
    expect(policy.body).toContain('<h2 id="related">相关信息</h2>');
  });
});

describe('editing the guide in the back office (/admin/pages)', () => {
  let app: FastifyInstance;
  let started: TestApp;
  beforeAll(async () => {
    started = await startTestApp();
    app = started.app;
  }, 120_000);
  afterAll(() => started.close());

  const post = (url: string, cookie: string, payload: Record<string, string>) =>
    app.inject({ method: 'POST', url, headers: { cookie }, payload });

  it('saves a guide with the CSRF token and the portal shows it, escaped', async () => {
    const cookie = await signIn(app, 'ninghai.clerk');
    const list = await app.inject({ url: '/admin/pages', headers: { cookie } });
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('href="/admin/pages/330226-01/guide"');
    expect(list.body).not.toContain('宁海县西店镇人民政府');
    const form = await app.inject({ url: '/admin/pages/330226-01/guide', headers: { cookie } });
    expect(form.statusCode).toBe(200);
    const body = '## 一、新的办公地址\n自2027年起，办公地址迁至示例大道8号（演示）。\n- 办公时间 <3 不变';
    const noToken = await post('/admin/pages/330226-01/guide', cookie, { title: '新指南', body });
    expect(noToken.statusCode).toBe(403);
    const saved = await post('/admin/pages/330226-01/guide', cookie, {
      _csrf: csrfIn(form.body),
      title: '宁海县人民政府办公室政府信息公开指南（2027年版）',
      body,
    });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe('/admin/pages/330226-01/guide?saved=1');
    const page = await app.inject('/guide/330226-01');
    expect(page.body).toContain('<h1>宁海县人民政府办公室政府信息公开指南（2027年版）</h1>');
    expect(page.body).toContain('<h2>一、新的办公地址</h2>');
    expect(page.body).toContain('<li>办公时间 &lt;3 不变</li>');
    const back = await app.inject({ url: saved.headers.location as string, headers: { cookie } });
    expect(back.body).toContain('已保存，门户网站已更新');
    // The art. 12 reminder names what the new text leaves out.
    expect(back.body).toMatch(/id="missing-elements">尚未提到：[^<]*传真号码/);
  });

  it('lists every problem at once, keeps what was typed and stores nothing', async () => {
    const cookie = await signIn(app, 'ninghai.clerk');
    const form = await app.inject({ url: '/admin/pages/330226-01/rules', headers: { cookie } });
    const res = await post('/admin/pages/330226-01/rules', cookie, {
      _csrf: csrfIn(form.body),
      title: ' ',
      body: '太短<script>',
    });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('role="alert"');
    expect(res.body).toContain('请填写标题');
    expect(res.body).toContain('正文不能少于20个字');
    expect(res.body).toContain('太短&lt;script></textarea>');
    const rules = await app.inject('/rules/330226-01');
    expect(rules.body).toContain('依申请公开工作制度');
    const html = await post('/admin/pages/330226-01/rules', cookie, {
      _csrf: csrfIn(form.body),
      title: '制度',
      body: '本机关的政府信息公开制度如下，<b>加粗</b>不被接受。',
    });
    expect(html.statusCode).toBe(422);
    expect(html.body).toContain('正文不能包含HTML标签');
  });

  it('refuses the pages of an agency outside the user’s scope, and users without the permission', async () => {
    const cookie = await signIn(app, 'ninghai.clerk');
    const get = await app.inject({ url: '/admin/pages/330226-42/guide', headers: { cookie } });
    expect(get.statusCode).toBe(403);
    expect(get.body).toContain('不在您管理的范围内');
    const form = await app.inject({ url: '/admin/pages/330226-01/guide', headers: { cookie } });
    const res = await post('/admin/pages/330226-42/guide', cookie, {
      _csrf: csrfIn(form.body),
      title: '西店镇政府信息公开指南',
      body: '这是一段不应被保存的西店镇政府信息公开指南正文。',
    });
    expect(res.statusCode).toBe(403);
    expect((await app.inject('/guide/330226-42')).statusCode).toBe(404);
    // The township's own clerk may.
    const xidian = await signIn(app, 'xidian.clerk');
    const own = await app.inject({ url: '/admin/pages/330226-42/guide', headers: { cookie: xidian } });
    expect(own.statusCode).toBe(200);
    const reviewer = await signIn(app, 'ninghai.reviewer');
    const refused = await app.inject({ url: '/admin/pages', headers: { cookie: reviewer } });
    expect(refused.statusCode).toBe(403);
  });
});
