/**
 * `gongkai user add --login L --name N --role R --agency CODE`: creates a back-office account.
 * The password comes from GONGKAI_NEW_PASSWORD (for scripts) or is typed twice, unechoed, on
 * a terminal; it is never an argument, so it stays out of shell history and `ps`.
 */
import type { Command } from 'commander';
import { ROLE_LABELS, ROLES, type Role } from '../../domain/accounts/roles.ts';
import { createUser } from '../../services/accounts/create-user.ts';
import { setDigestEmail } from '../../services/digest/set-digest-email.ts';
import { withApp } from '../with-app.ts';
import { parseDigestEmail, userEmailCommand } from './digest.ts';

export const NEW_PASSWORD_ENV = 'GONGKAI_NEW_PASSWORD';

/** Where the command reads the password from (tests pass their own). */
export interface PasswordSource {
  env: Record<string, string | undefined>;
  input: NodeJS.ReadStream;
  output: NodeJS.WriteStream;
}

const processSource = (): PasswordSource => ({
  // The CLI edge reads this one variable itself: it is a one-off input, not configuration.
  env: process.env,
  input: process.stdin,
  output: process.stderr,
});

export function registerUserCommands(
  program: Command,
  setExit: (code: number) => void,
  source: PasswordSource = processSource(),
): void {
  const user = program.command('user').description('后台账号');
  user
    .command('add')
    .description(`创建后台账号（密码取自环境变量 ${NEW_PASSWORD_ENV}，或在终端中输入）`)
    .requiredOption('--login <login>', '用户名（小写字母、数字或 . _ -）')
    .requiredOption('--name <name>', '姓名')
    .requiredOption('--role <role>', `角色：${ROLES.map((r) => `${r}（${ROLE_LABELS[r]}）`).join('、')}`)
    .requiredOption('--agency <code>', '所属机关（代码或全称）')
    .option('--email <address>', '提醒邮箱（每日待办提醒发往此地址）')
    .action(async (options: AddOptions) => {
      const password = await readNewPassword(source);
      if (password.kind === 'missing') {
        process.stderr.write(`请通过环境变量 ${NEW_PASSWORD_ENV} 提供密码，或在终端中运行本命令以输入密码\n`);
        setExit(2);
        return;
      }
      if (password.kind === 'mismatch') {
        process.stderr.write('两次输入的密码不一致，未创建账号\n');
        setExit(2);
        return;
      }
      await withApp(setExit, async (app) => {
        const email = parseDigestEmail(options.email ?? ''); // checked before the account exists
        const created = await createUser(
          app.deps,
          {
            login: options.login,
            displayName: options.name,
            role: options.role as Role, // checked by CreateUserSchema
            agency: options.agency,
            password: password.value,
          },
          { system: 'cli' },
        );
        if (email) await setDigestEmail(app.deps, created.id, email, { system: 'cli' });
        process.stdout.write(
          `已创建账号：${created.login}（${created.displayName}，${ROLE_LABELS[created.role]}，机关：${options.agency}）\n`,
        );
      });
    });
  registerUserEmailCommand(user, setExit);
}

type AddOptions = { login: string; name: string; role: string; agency: string; email?: string };

/** `user email LOGIN ADDRESS` and `user email LOGIN --clear` (the address of the morning digest). */
function registerUserEmailCommand(user: Command, setExit: (code: number) => void): void {
  user
    .command('email <login> [address]')
    .description('设置或清除账号的提醒邮箱（每日待办提醒）')
    .option('--clear', '清除提醒邮箱，不再接收提醒邮件')
    .action(async (login: string, address: string | undefined, options: { clear?: boolean }) => {
      await withApp(setExit, (app) =>
        userEmailCommand({ deps: app.deps, write: (t) => process.stdout.write(t) }, login, address, options),
      );
    });
}

type PasswordResult = { kind: 'ok'; value: string } | { kind: 'missing' } | { kind: 'mismatch' };

async function readNewPassword(source: PasswordSource): Promise<PasswordResult> {
  const fromEnv = source.env[NEW_PASSWORD_ENV];
  if (fromEnv) return { kind: 'ok', value: fromEnv };
  if (!source.input.isTTY) return { kind: 'missing' };
  const first = await promptHidden('新密码：', source);
  const second = await promptHidden('再次输入新密码：', source);
  return first === second ? { kind: 'ok', value: first } : { kind: 'mismatch' };
}

/** Reads one line from a terminal in raw mode without echoing it. */
function promptHidden(prompt: string, { input, output }: PasswordSource): Promise<string> {
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = () => {
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      output.write('\n');
    };
    const onData = (chunk: Buffer | string) => {
      for (const ch of chunk.toString()) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') {
          finish();
          resolve(value);
          return;
        }
        if (ch === '\u0003') {
          finish();
          reject(new Error('已取消'));
          return;
        }
        value = ch === '\u007f' || ch === '\b' ? value.slice(0, -1) : value + ch;
      }
    };
    output.write(prompt);
    input.setRawMode(true);
    input.resume();
    input.on('data', onData);
  });
}
