/**
 * `gongkai report check FILE… [--json]` and `gongkai report render FILE --to FORMAT [-o OUT]`.
 * check exits 0 when no file has error findings, 1 when some do, 2 when a file cannot be read.
 */
import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { hasErrors } from '../../domain/report/finding.ts';
import { type ImportResult, importFile } from '../../import/index.ts';
import { RENDER_TARGETS, type RenderTarget, renderReport } from '../../render/index.ts';
import { renderReportJson } from '../../render/json.ts';
import { buildReport } from '../../services/reports/build-report.ts';
import { formatCheckResult } from '../output/check-text.ts';
import { createProgress } from '../output/progress.ts';
import { withApp } from '../with-app.ts';

type Outcome =
  | { file: string; result: ImportResult }
  | { file: string; error: { code: string; message: string } };

async function importOne(file: string): Promise<Outcome> {
  try {
    return { file, result: await importFile(file) };
  } catch (error) {
    const e = error as { code?: string; message?: string };
    const code = typeof e.code === 'string' && e.code.startsWith('read.') ? e.code : 'read.failed';
    const message =
      code === 'read.failed' && e.code === 'ENOENT' ? `文件不存在：${file}` : (e.message ?? String(error));
    return { file, error: { code: e.code === 'ENOENT' ? 'read.not_found' : code, message } };
  }
}

export function registerReportCommands(program: Command, setExit: (code: number) => void): void {
  const report = program.command('report').description('年度报告：检查、转换');

  report
    .command('check')
    .description('读取已发布的年度报告（文本、HTML、DOCX、PDF），检查勾稽关系')
    .argument('<files...>', '报告文件')
    .option('--json', '以 JSON 输出（每个文件一个对象）')
    .action(async (files: string[], options: { json?: boolean }) => {
      const progress = createProgress(files.length, !options.json);
      const outcomes: Outcome[] = [];
      for (const file of files) {
        outcomes.push(await importOne(file));
        progress.tick(basename(file));
      }
      progress.done();
      for (const o of outcomes) {
        if ('error' in o) setExit(2);
        else if (hasErrors(o.result.findings)) setExit(1);
      }
      if (options.json) {
        const out = outcomes.map((o) =>
          'error' in o
            ? { file: o.file, error: o.error }
            : renderReportJson(o.result.report, o.result.findings, o.file),
        );
        process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
        return;
      }
      for (const o of outcomes) {
        if ('error' in o)
          process.stdout.write(`\n${o.file}\n  无法读取（${o.error.code}）：${o.error.message}\n`);
        else process.stdout.write(formatCheckResult(o.file, o.result));
      }
    });

  report
    .command('build')
    .description('依据办理记录生成年度报告')
    .requiredOption('--agency <agency>', '机关代码或机关全称')
    .requiredOption('--year <year>', '报告年度')
    .option('--format <format>', '年报格式：2019 或 2021（默认按年度确定）')
    .option('--rollup', '汇总本机关及其全部下级机关')
    .option('--to <format>', `输出格式：${RENDER_TARGETS.join('|')}`, 'json')
    .option('-o, --out <path>', '输出文件（默认写到标准输出）')
    .action(
      (options: {
        agency: string;
        year: string;
        format?: string;
        rollup?: boolean;
        to: string;
        out?: string;
      }) =>
        withApp(setExit, async (app) => {
          if (options.format !== undefined && options.format !== '2019' && options.format !== '2021') {
            process.stderr.write(`不支持的年报格式“${options.format}”，可选：2019、2021\n`);
            setExit(2);
            return;
          }
          if (!(RENDER_TARGETS as readonly string[]).includes(options.to)) {
            process.stderr.write(`不支持的输出格式“${options.to}”，可选：${RENDER_TARGETS.join('、')}\n`);
            setExit(2);
            return;
          }
          const { report, findings } = await buildReport(app.deps, {
            agency: options.agency,
            year: Number(options.year),
            ...(options.format ? { format: options.format as '2019' | '2021' } : {}),
            rollup: options.rollup ?? false,
          });
          const rendered =
            options.to === 'json'
              ? { body: `${JSON.stringify(renderReportJson(report, findings, null), null, 2)}\n` }
              : await renderReport(report, options.to as RenderTarget, { findings });
          if (options.out) await writeFile(options.out, rendered.body);
          else process.stdout.write(rendered.body);
          if (hasErrors(findings)) setExit(1);
        }),
    );

  report
    .command('render')
    .description('把年度报告转换为 html、docx、xlsx、pdf、json 或 csv')
    .argument('<file>', '报告文件')
    .requiredOption('--to <format>', `输出格式：${RENDER_TARGETS.join('|')}`)
    .option('-o, --out <path>', '输出文件（默认写到标准输出）')
    .action(async (file: string, options: { to: string; out?: string }) => {
      if (!(RENDER_TARGETS as readonly string[]).includes(options.to)) {
        process.stderr.write(`不支持的输出格式“${options.to}”，可选：${RENDER_TARGETS.join('、')}\n`);
        setExit(2);
        return;
      }
      const outcome = await importOne(file);
      if ('error' in outcome) {
        process.stderr.write(`无法读取 ${file}（${outcome.error.code}）：${outcome.error.message}\n`);
        setExit(2);
        return;
      }
      const { report, findings } = outcome.result;
      const rendered = await renderReport(report, options.to as RenderTarget, { findings, file });
      if (options.out) await writeFile(options.out, rendered.body);
      else process.stdout.write(rendered.body);
      const errors = findings.filter((f) => f.severity === 'error').length;
      if (errors > 0) process.stderr.write(`注意：该报告有${errors}条错误，可用 gongkai report check 查看\n`);
    });
}
