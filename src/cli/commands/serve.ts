/** `gongkai serve`: starts the web server (what `npm start` runs). */
import type { Command } from 'commander';
import { loadConfig } from '../../config.ts';
import { startServer } from '../../web/server.ts';

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('启动网站（默认 http://localhost:3000）')
    .action(async () => {
      const config = loadConfig();
      const { url } = await startServer(config);
      process.stdout.write(`gongkai 已启动：${url}\n`);
      // Keep running until the process is stopped.
      await new Promise(() => {});
    });
}
