/** `gongkai db migrate` and `gongkai demo`. */
import type { Command } from 'commander';
import { isEmpty } from '../../services/app.ts';
import { loadDemo } from '../../services/demo/load-demo.ts';
import { withApp } from '../with-app.ts';

export function registerDbCommands(program: Command, setExit: (code: number) => void): void {
  program
    .command('db')
    .description('数据库')
    .command('migrate')
    .description('执行数据库迁移（DATABASE_URL 指定的数据库）')
    .action(() =>
      withApp(setExit, async (app) => {
        process.stdout.write(
          app.migrated.length > 0
            ? `已执行迁移：${app.migrated.join('、')}\n`
            : '数据库已是最新结构，无需迁移\n',
        );
      }),
    );

  program
    .command('demo')
    .description('载入演示数据（宁海县2019-2026年的申请、目录和年报数据）；仅用于空数据库')
    .action(() =>
      withApp(setExit, async (app) => {
        if (!(await isEmpty(app.deps))) {
          process.stderr.write('数据库中已有数据，未载入演示数据（演示数据只能载入空数据库）\n');
          setExit(2);
          return;
        }
        const s = await loadDemo(app.deps);
        process.stdout.write(
          `已载入演示数据：机关${s.agencies}个，依申请公开${s.applications}件，目录信息${s.catalogueItems}条，行政复议和诉讼${s.appeals}件\n`,
        );
      }),
    );
}
