/** Runs a command body with the application open, turning known errors into Chinese messages. */
import { ConfigError, loadConfig } from '../config.ts';
import { DomainError } from '../domain/errors.ts';
import { type App, openApp } from '../services/app.ts';

export async function withApp(
  setExit: (code: number) => void,
  body: (app: App) => Promise<void>,
): Promise<void> {
  let app: App | undefined;
  try {
    app = await openApp(loadConfig());
    await body(app);
  } catch (error) {
    if (error instanceof DomainError || error instanceof ConfigError) {
      process.stderr.write(`错误（${error.code}）：${error.message}\n`);
      setExit(2);
      return;
    }
    throw error;
  } finally {
    await app?.close();
  }
}
