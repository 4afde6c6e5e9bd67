/**
 * `gongkai search reindex`: rebuilds the catalogue's search documents (after a bulk load, a
 * restore, or a change of segmentation), then optimizes the index. `gongkai search optimize`:
 * only the optimizing (SearchIndex.optimize). `gongkai search query Q [--agency A]`: the portal's
 * search from the terminal, matched words shown in 【】.
 */
import type { Command } from 'commander';
import { agenciesRepository } from '../../db/repositories/agencies.ts';
import { reindexAll, searchIndexOf } from '../../services/catalogue/index-item.ts';
import { withApp } from '../with-app.ts';

/** A snippet's HTML (escaped text, <mark> around matches) as terminal text. */
export function terminalText(html: string): string {
  return html
    .replaceAll('<mark>', '【')
    .replaceAll('</mark>', '】')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&amp;', '&');
}

export function registerSearchCommands(program: Command, setExit: (code: number) => void): void {
  const fail = (message: string) => {
    process.stderr.write(`${message}\n`);
    setExit(2);
  };
  const search = program.command('search').description('目录信息全文检索');

  search
    .command('reindex')
    .description('重建全部目录信息的检索索引')
    .action(() =>
      withApp(setExit, async (app) => {
        const s = await reindexAll(app.deps);
        process.stdout.write(`已重建检索索引：收录${s.indexed}条，未公开或草稿${s.removed}条不收录\n`);
      }),
    );

  search
    .command('optimize')
    .description('整理检索索引（批量导入或重建索引之后；运行期间检索暂停，约每百万条一分钟）')
    .action(() =>
      withApp(setExit, async (app) => {
        await searchIndexOf(app.deps).optimize();
        process.stdout.write('已整理检索索引\n');
      }),
    );

  search
    .command('query')
    .description('检索已公开的目录信息（标题、正文、附件）')
    .argument('<q>', '检索词，多个词以空格分隔')
    .option('--agency <agency>', '只检索该机关及其下级机关（机关代码或全称）')
    .option('--year <year>', '只检索该年度发布的信息')
    .option('--page <n>', '页码', '1')
    .action((q: string, options: { agency?: string; year?: string; page: string }) =>
      withApp(setExit, async (app) => {
        const page = Number(options.page);
        if (!Number.isInteger(page) || page < 1) return fail(`页码“${options.page}”无效`);
        const year = options.year === undefined ? undefined : Number(options.year);
        if (year !== undefined && !(Number.isInteger(year) && year > 1900 && year < 3000)) {
          return fail(`年份“${options.year}”无效`);
        }
        let agencyIds: number[] | undefined;
        if (options.agency !== undefined) {
          const agencies = agenciesRepository(app.deps.db.db);
          const agency = await agencies.findByCodeOrName(options.agency);
          if (!agency) return fail(`未找到机关“${options.agency}”`);
          agencyIds = await agencies.subtreeIds(agency.id);
        }
        const result = await searchIndexOf(app.deps).search({
          q,
          sort: 'relevance',
          page,
          pageSize: 20,
          ...(agencyIds ? { agencyIds } : {}),
          ...(year !== undefined ? { year } : {}),
        });
        if (result.total === 0) {
          process.stdout.write('没有找到相关信息\n');
          return;
        }
        if (!result.matchedAll)
          process.stdout.write('没有同时包含全部检索词的信息，以下为包含部分检索词的结果\n');
        process.stdout.write(
          `${result.capped ? `超过${result.total}` : `共${result.total}`}条，第${page}页\n`,
        );
        for (const hit of result.hits) {
          process.stdout.write(
            `\n[${hit.id}] ${terminalText(hit.titleHtml)}（${hit.publishedOn ?? '未发布'}）\n`,
          );
          if (hit.snippet) process.stdout.write(`    ${terminalText(hit.snippet)}\n`);
        }
      }),
    );
}
