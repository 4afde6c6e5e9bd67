/**
 * 法定主动公开内容: the fifteen kinds of Regulation art. 20 in the statute's words, each with
 * its count, its newest public items and a link to all of them in the catalogue.
 */
import type { FastifyInstance } from 'fastify';
import { agenciesRepository } from '../../../db/repositories/agencies.ts';
import type { Deps } from '../../../services/deps.ts';
import { chineseNumeral, statutoryOverview } from '../../../services/portal-pages/statutory.ts';
import { renderPage } from '../../views/layout.tsx';
import { isAccessible } from '../request.ts';
import { ItemTable } from './item-table.tsx';

export function registerStatutoryRoutes(app: FastifyInstance, deps: Deps): void {
  app.get('/statutory', async (req, reply) => {
    const [kinds, agencies] = await Promise.all([
      statutoryOverview(deps, 5),
      agenciesRepository(deps.db.db).list(),
    ]);
    const names = new Map(agencies.map((a) => [a.id, a.name]));
    const html = renderPage({
      title: '法定主动公开内容',
      path: '/statutory',
      isAccessible: isAccessible(req),
      children: (
        <>
          <h1>法定主动公开内容</h1>
          <p>
            《中华人民共和国政府信息公开条例》第二十条规定，行政机关应当依照本条例第十九条的规定，主动公开本行政机关的下列政府信息。每一项下列出最新公开的信息；规章和行政规范性文件属于第（一）项。
          </p>
          <ol class="statutory">
            {kinds.map((k) => (
              <li id={`art20-${k.number}`}>
                <h2>
                  （{chineseNumeral(k.number)}）{k.label}
                </h2>
                {k.count > 0 ? (
                  <>
                    <ItemTable
                      items={k.latest}
                      caption={`第二十条第（${chineseNumeral(k.number)}）项：最新公开的信息`}
                      agencyNames={names}
                    />
                    <p>
                      <a href={`/items?art20=${k.number}`}>
                        查看本项全部{k.count}条信息
                        <span class="visually-hidden">（第（{chineseNumeral(k.number)}）项）</span>
                      </a>
                    </p>
                  </>
                ) : (
                  <p>暂无信息。</p>
                )}
              </li>
            ))}
          </ol>
        </>
      ),
    });
    return reply.type('text/html; charset=utf-8').send(html);
  });
}
