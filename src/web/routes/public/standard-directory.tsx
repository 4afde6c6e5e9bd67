/**
 * 基层政务公开标准目录 (国办发〔2019〕54号): the 26 domains with how many items each has (linked
 * to the catalogue filtered by the domain), the directories of every township and street, and
 * one township's directory, domain by domain.
 */
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../../services/deps.ts';
import {
  standardDirectoryOverview,
  townshipDirectory,
} from '../../../services/portal-pages/standard-directory.ts';
import { renderPage } from '../../views/layout.tsx';
import { isAccessible } from '../request.ts';
import { ItemTable } from './item-table.tsx';

const SOURCE =
  '依据《国务院办公厅关于全面推进基层政务公开标准化规范化工作的指导意见》（国办发〔2019〕54号），县级和乡镇人民政府（街道办事处）对照国务院部门制定的26个试点领域基层政务公开标准指引，编制本级政务公开事项标准目录。';

export function registerStandardDirectoryRoutes(app: FastifyInstance, deps: Deps): void {
  app.get('/standard-directory', async (req, reply) => {
    const { domains, townships } = await standardDirectoryOverview(deps);
    const html = renderPage({
      title: '基层政务公开标准目录',
      path: '/standard-directory',
      isAccessible: isAccessible(req),
      children: (
        <>
          <h1>基层政务公开标准目录</h1>
          <p>{SOURCE}</p>
          <h2>乡镇（街道）标准目录</h2>
          <ul>
            {townships.map(({ agency, count }) => (
              <li>
                <a href={`/standard-directory/${encodeURIComponent(agency.code)}`}>{agency.name}</a>
                <span class="count">（{count}条）</span>
              </li>
            ))}
          </ul>
          <h2>26个领域</h2>
          <table class="list">
            <caption class="visually-hidden">基层政务公开26个领域及已公开信息条数</caption>
            <thead>
              <tr>
                <th scope="col">序号</th>
                <th scope="col">领域</th>
                <th scope="col">已公开信息</th>
              </tr>
            </thead>
            <tbody>
              {domains.map(({ domain, count }, i) => (
                <tr>
                  <td>{i + 1}</td>
                  <th scope="row">{domain.name}</th>
                  <td>
                    {count > 0 ? (
                      <a href={`/items?category=${encodeURIComponent(domain.catalogueCategory)}`}>
                        {count}条<span class="visually-hidden">（{domain.name}）</span>
                      </a>
                    ) : (
                      '暂无'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ),
    });
    return reply.type('text/html; charset=utf-8').send(html);
  });

  app.get<{ Params: { code: string } }>('/standard-directory/:code', async (req, reply) => {
    const { agency, domains } = await townshipDirectory(deps, req.params.code);
    const filled = domains.filter((d) => d.items.length > 0);
    const empty = domains.filter((d) => d.items.length === 0);
    const html = renderPage({
      title: `${agency.name}基层政务公开标准目录`,
      path: `/standard-directory/${agency.code}`,
      isAccessible: isAccessible(req),
      children: (
        <>
          <nav aria-label="当前位置">
            <a href="/standard-directory">基层政务公开标准目录</a> › {agency.name}
          </nav>
          <h1>{agency.name}基层政务公开标准目录</h1>
          <p>{SOURCE}</p>
          {filled.map(({ domain, items }) => (
            <section aria-labelledby={`domain-${domain.id}`}>
              <h2 id={`domain-${domain.id}`}>{domain.name}</h2>
              <ItemTable items={items} caption={`${agency.name}：${domain.name}领域公开的信息`} />
            </section>
          ))}
          {empty.length > 0 ? (
            <section aria-labelledby="domain-empty">
              <h2 id="domain-empty">暂无公开信息的领域</h2>
              <p>{empty.map((d) => d.domain.name).join('、')}</p>
            </section>
          ) : null}
        </>
      ),
    });
    return reply.type('text/html; charset=utf-8').send(html);
  });
}
