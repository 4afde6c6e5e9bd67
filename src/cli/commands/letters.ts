/**
 * `gongkai letter APPLICATION-ID --to docx|pdf -o OUT`: the reply letter (告知书) of a case,
 * from the agency's template for its outcome or the default one.
 */
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import {
  LETTER_FORMATS,
  type LetterFormat,
  renderReplyLetter,
} from '../../services/applications/reply-letter.ts';
import { withApp } from '../with-app.ts';

export function registerLetterCommands(program: Command, setExit: (code: number) => void): void {
  program
    .command('letter')
    .description('生成政府信息公开申请答复书（告知书）')
    .argument('<application-id>', '申请编号（数据库编号）')
    .requiredOption('--to <format>', `输出格式：${LETTER_FORMATS.join('|')}`)
    .requiredOption('-o, --out <path>', '输出文件')
    .action((id: string, options: { to: string; out: string }) =>
      withApp(setExit, async (app) => {
        if (!(LETTER_FORMATS as readonly string[]).includes(options.to)) {
          process.stderr.write(`不支持的输出格式“${options.to}”，可选：${LETTER_FORMATS.join('、')}\n`);
          setExit(2);
          return;
        }
        const applicationId = Number(id);
        if (!Number.isInteger(applicationId) || applicationId < 1) {
          process.stderr.write(`申请编号无效：${id}\n`);
          setExit(2);
          return;
        }
        const file = await renderReplyLetter(app.deps, applicationId, options.to as LetterFormat);
        await writeFile(options.out, file);
        process.stderr.write(`已生成答复书：${options.out}\n`);
      }),
    );
}
