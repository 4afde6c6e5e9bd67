/**
 * The portal's 政府信息公开 section: the home page (search, the columns, the newest items, the
 * ways to apply and the annual reports) and the 依申请公开 column page (Regulation arts. 27–33),
 * and the registration of every column route (guide and rules, 法定主动公开内容, 基层政务公开
 * 标准目录). Server-rendered; nothing needs JavaScript.
 */
import type { FastifyInstance } from 'fastify';
import { agenciesRepository } from '../../../db/repositories/agencies.ts';
import { latestItems } from '../../../services/catalogue/query-items.ts';
import type { Deps } from '../../../services/deps.ts';
import { renderPage } from '../../views/layout.tsx';
import { isAccessible } from '../request.ts';
import { ItemTable } from './item-table.tsx';
import { registerPortalPageRoutes } from './portal-pages.tsx';
import { registerStandardDirectoryRoutes } from './standard-directory.tsx';
import { registerStatutoryRoutes } from './statutory.tsx';

/** What each column holds, for the home page's column cards. */
const COLUMN_CARDS: readonly [string, string, string][] = [
  [
    '/guide',
    '信息公开指南',
    '政府信息的分类、编排体系和获取方式，公开工作机构的地址、电话等（《条例》第十二条）',
  ],
  ['/rules', '信息公开制度', '主动公开、依申请公开、保密审查、考核评议等工作制度'],
  ['/statutory', '法定主动公开内容', '《条例》第二十条规定主动公开的十五类政府信息'],
  ['/items', '主动公开目录', '按主题、体裁、发布机构和年份浏览全部主动公开的政府信息'],
  ['/standard-directory', '基层政务公开标准目录', '26个领域的基层政务公开事项和乡镇（街道）标准目录'],
  ['/disclosure-on-request', '依申请公开', '如何申请获取政府信息，在线申请和办理进度查询'],
  ['/reports', '政府信息公开工作年度报告', '各机关每年公布的政府信息公开工作年度报告（《条例》第四十九条）'],
];

export function registerPortalRoutes(app: FastifyInstance, deps: Deps): void {
  registerPortalPageRoutes(app, deps);
  registerStatutoryRoutes(app, deps);
  registerStandardDirectoryRoutes(app, deps);

  app.get('/', async (req, reply) => {
    const [latest, agencies] = await Promise.all([
      latestItems(deps, 10),
      agenciesRepository(deps.db.db).list(),
    ]);
    const names = new Map(agencies.map((a) => [a.id, a.name]));
    const html = renderPage({
      title: '首页',
      path: '/',
      isAccessible: isAccessible(req),
      children: (
        <>
          <h1>政府信息公开</h1>
          <p>
            依据《中华人民共和国政府信息公开条例》，本栏目公开宁海县各级行政机关主动公开的政府信息，并受理政府信息公开申请。
          </p>
          <form class="home-search" method="get" action="/search">
            <label for="home-q">搜索政府信息</label>
            <input id="home-q" name="q" type="search" />
            <button type="submit">搜索</button>
          </form>
          <section aria-labelledby="columns-heading">
            <h2 id="columns-heading">栏目导航</h2>
            <ul class="columns">
              {COLUMN_CARDS.map(([href, label, text]) => (
                <li>
                  <h3>
                    <a href={href}>{label}</a>
                  </h3>
                  <p>{text}</p>
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="latest-heading">
            <h2 id="latest-heading">最新公开信息</h2>
            <ItemTable items={latest} caption="最新公开的政府信息" agencyNames={names} />
            <p>
              <a href="/items">查看主动公开目录中的全部信息</a> · <a href="/feed.atom">订阅更新（Atom）</a>
            </p>
          </section>
          <section aria-labelledby="request-heading">
            <h2 id="request-heading">依申请公开</h2>
            <p>
              需要主动公开范围以外的政府信息，可以向行政机关提出申请。
              <a href="/disclosure-on-request">申请须知</a> · <a href="/apply">在线申请</a> ·{' '}
              <a href="/track">办理进度查询</a>
            </p>
          </section>
          <section aria-labelledby="reports-heading">
            <h2 id="reports-heading">年度报告</h2>
            <p>
              <a href="/reports">政府信息公开工作年度报告</a>
            </p>
          </section>
        </>
      ),
    });
    return reply.type('text/html; charset=utf-8').send(html);
  });

  app.get('/disclosure-on-request', async (req, reply) => {
    const html = renderPage({
      title: '依申请公开',
      path: '/disclosure-on-request',
      isAccessible: isAccessible(req),
      children: <DisclosureOnRequest />,
    });
    return reply.type('text/html; charset=utf-8').send(html);
  });
}

/** How to apply, in the Regulation's terms (arts. 27–29, 31, 33, 42). */
function DisclosureOnRequest() {
  return (
    <div class="page-body">
      <h1>依申请公开</h1>
      <p>
        除行政机关主动公开的政府信息外，公民、法人或者其他组织可以向地方各级人民政府、对外以自己名义履行行政管理职能的县级以上人民政府部门申请获取相关政府信息（《条例》第二十七条）。申请不需要说明用途。
      </p>
      <p>
        <a class="button" href="/apply">
          在线提交申请
        </a>{' '}
        <a class="button" href="/track">
          查询办理进度
        </a>
      </p>
      <h2>向谁申请</h2>
      <p>
        向制作或者保存该政府信息的行政机关的政府信息公开工作机构提出。各机关的受理机构、办公地址、办公时间和联系方式见其
        <a href="/guide">政府信息公开指南</a>
        。行政机关应当建立完善政府信息公开申请渠道，为申请人依法申请获取政府信息提供便利（《条例》第二十八条）。
      </p>
      <h2>如何申请</h2>
      <p>
        应当采用包括信件、数据电文在内的书面形式；采用书面形式确有困难的，可以口头提出，由受理该申请的政府信息公开工作机构代为填写政府信息公开申请（《条例》第二十九条）。申请应当包括：
      </p>
      <ul>
        <li>申请人的姓名或者名称、身份证明、联系方式；</li>
        <li>申请公开的政府信息的名称、文号或者便于行政机关查询的其他特征性描述；</li>
        <li>申请公开的政府信息的形式要求，包括获取信息的方式、途径。</li>
      </ul>
      <h2>收到申请之日</h2>
      <p>答复期限从行政机关收到申请之日起计算（《条例》第三十一条）：</p>
      <ul>
        <li>当面提交的，以提交之日为收到申请之日；</li>
        <li>
          以邮寄方式提交的，以行政机关签收之日为收到申请之日；以平常信函等无需签收的邮寄方式提交的，以双方确认之日为收到申请之日；
        </li>
        <li>
          通过互联网渠道或者政府信息公开工作机构的传真提交的，以双方确认之日为收到申请之日。在本网站在线提交的申请，提交后即时取得回执，提交之日即为收到申请之日。
        </li>
      </ul>
      <p>
        申请内容不明确的，行政机关自收到申请之日起7个工作日内一次性告知补正，答复期限自收到补正的申请之日起计算（《条例》第三十条）。
      </p>
      <h2>答复期限</h2>
      <p>
        能够当场答复的，当场予以答复；不能当场答复的，自收到申请之日起20个工作日内予以答复。需要延长答复期限的，经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不超过20个工作日。征求第三方和其他机关意见所需时间不计算在内（《条例》第三十三条）。
      </p>
      <h2>费用</h2>
      <p>
        依申请提供政府信息不收取费用；申请公开政府信息的数量、频次明显超过合理范围的，行政机关可以收取信息处理费（《条例》第四十二条）。
      </p>
      <h2>办理进度和救济</h2>
      <p>
        在线申请后，凭回执上的申请编号和查询码在<a href="/track">办理进度查询</a>
        页面查看办理阶段。认为行政机关在政府信息公开工作中侵犯其合法权益的，可以向上一级行政机关或者政府信息公开工作主管部门投诉、举报，也可以依法申请行政复议或者提起行政诉讼（《条例》第五十一条）。
      </p>
    </div>
  );
}
