/**
 * The only reader of process.env. Validates once and fails fast with a clear message;
 * the typed result is passed down to whoever needs it.
 */
import { resolve } from 'node:path';
import { z } from 'zod';
import { type DatabaseTarget, DatabaseUrlError, parseDatabaseUrl } from './db/url.ts';

/** An empty variable (`SMTP_URL=`) counts as unset. */
const blankAsUnset = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema);

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  GONGKAI_DEMO_DIR: z.string().optional(),
  DATABASE_URL: z.string().optional(),
  GONGKAI_HOLIDAYS_DIR: z.string().optional(),
  GONGKAI_UPLOADS_DIR: z.string().optional(),
  /** The morning digest's mail server: smtp://user:pass@host:587 (STARTTLS when offered) or smtps:// (TLS). */
  SMTP_URL: blankAsUnset(
    z
      .string()
      .refine((v) => /^smtps?:\/\/[^/\s]+/.test(v), '应为 smtp://用户名:密码@主机:端口 或 smtps://…')
      .optional(),
  ),
  MAIL_FROM: blankAsUnset(z.string().optional()),
  /** When the digest is sent each day, Asia/Shanghai wall clock. */
  DIGEST_TIME: blankAsUnset(
    z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, '应为 HH:MM，例如 08:00')
      .default('08:00'),
  ),
  /** The site's address as people reach it, for links in e-mail. */
  GONGKAI_PUBLIC_URL: blankAsUnset(z.url({ protocol: /^https?$/ }).optional()),
  /** The public page cache (src/web/page-cache.ts): 1 on (the default), 0 off. */
  GONGKAI_PAGE_CACHE: blankAsUnset(z.enum(['0', '1'], { error: '应为 0（关闭）或 1（开启）' }).default('1')),
});

export interface Config {
  port: number;
  host: string;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  /** Folder of published reports shown by the server beside those built from records. */
  demoDir: string | null;
  /** Which database: unset → data/gongkai.sqlite; `sqlite:PATH`; `postgres://…`. */
  database: DatabaseTarget;
  /** Extra calendar years (holiday files of the same shape as the national one). */
  holidaysDir: string | null;
  /** Where catalogue attachments are stored; `data/uploads` under the working directory by default. */
  uploadsDir: string;
  /** The mail server for the morning digest; null: no e-mail is sent (the back office still shows it). */
  mail: MailConfig | null;
  /** 'HH:MM', Asia/Shanghai: when the morning digest is sent. */
  digestTime: string;
  /** The site's address for links in e-mail, without a trailing slash. */
  publicUrl: string;
  /** Whether public pages are kept and answered again until the catalogue changes (GONGKAI_PAGE_CACHE). */
  pageCache: boolean;
}

export interface MailConfig {
  /** smtp://user:pass@host:port or smtps://… (credentials inside; never logged). */
  smtpUrl: string;
  /** The From address, e.g. `"宁海县政务公开" <gongkai@example.gov.cn>`. */
  from: string;
}

export class ConfigError extends Error {
  readonly code = 'config.invalid';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`配置有误（环境变量）：${problems}`);
  }
  const e = parsed.data;
  let database: DatabaseTarget;
  try {
    database = parseDatabaseUrl(e.DATABASE_URL, cwd);
  } catch (error) {
    if (error instanceof DatabaseUrlError) throw new ConfigError(error.message);
    throw error;
  }
  if (e.SMTP_URL && !e.MAIL_FROM) {
    throw new ConfigError('配置有误（环境变量）：设置 SMTP_URL 时须同时设置 MAIL_FROM（发件人地址）');
  }
  const localHost = e.HOST === '127.0.0.1' || e.HOST === '0.0.0.0' ? 'localhost' : e.HOST;
  return {
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    demoDir: e.GONGKAI_DEMO_DIR ?? null,
    database,
    holidaysDir: e.GONGKAI_HOLIDAYS_DIR ?? null,
    uploadsDir: resolve(cwd, e.GONGKAI_UPLOADS_DIR ?? 'data/uploads'),
    mail: e.SMTP_URL && e.MAIL_FROM ? { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM } : null,
    digestTime: e.DIGEST_TIME,
    publicUrl: (e.GONGKAI_PUBLIC_URL ?? `http://${localHost}:${e.PORT}`).replace(/\/+$/, ''),
    pageCache: e.GONGKAI_PAGE_CACHE === '1',
  };
}
