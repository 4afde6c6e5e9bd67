/** The `gongkai` command line: thin commands over import, render and (later) services. */
import { Command, CommanderError } from 'commander';
import { loadConfig } from '../config.ts';
import { loadCalendar } from '../services/calendar/load-calendar.ts';
import { registerCalendarCommands } from './commands/calendar.ts';
import { registerDbCommands } from './commands/db.ts';
import { registerDigestCommands } from './commands/digest.ts';
import { registerLetterCommands } from './commands/letters.ts';
import { registerReportCommands } from './commands/report.ts';
import { registerSearchCommands } from './commands/search.ts';
import { registerServeCommand } from './commands/serve.ts';
import { registerUserCommands } from './commands/users.ts';

export async function main(argv: string[]): Promise<number> {
  const program = new Command('gongkai')
    .description('gongkai 政府信息公开平台')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  let exitCode = 0;
  const setExit = (code: number) => {
    exitCode = Math.max(exitCode, code);
  };
  registerReportCommands(program, setExit);
  registerCalendarCommands(program, { setExit, loadCalendar: () => loadCalendar(loadConfig().holidaysDir) });
  registerDbCommands(program, setExit);
  registerDigestCommands(program, setExit);
  registerLetterCommands(program, setExit);
  registerSearchCommands(program, setExit);
  registerUserCommands(program, setExit);
  registerServeCommand(program);
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? 0 : 2;
    }
    throw error;
  }
  return exitCode;
}
