/**
 * A real SMTP server (the `smtp-server` package) on an ephemeral local port that keeps what it
 * receives, decoded: recipients, subject, and the text and HTML parts. `failing` makes it answer
 * every message with a temporary failure (451), as a server in trouble does.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  /** The user the client authenticated as, if any. */
  user: string | null;
}

export interface SmtpSink {
  url: string;
  received: ReceivedMail[];
  failing: boolean;
  close(): Promise<void>;
}

export async function startSmtpSink(credentials = { user: 'digest', pass: 's3cret' }): Promise<SmtpSink> {
  const sink: SmtpSink = {
    url: '',
    received: [],
    failing: false,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === credentials.user && auth.password === credentials.pass) {
        callback(null, { user: auth.username });
      } else callback(new Error('Invalid username or password'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (sink.failing) {
          const error = new Error('Mailbox temporarily unavailable') as Error & { responseCode: number };
          error.responseCode = 451;
          callback(error);
          return;
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        sink.received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          user: typeof session.user === 'string' ? session.user : null,
          ...parseMessage(raw),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  sink.url = `smtp://${credentials.user}:${credentials.pass}@127.0.0.1:${port}`;
  return sink;
}

/** Splits a MIME entity into its unfolded headers and body. */
function splitEntity(raw: string): { headers: Map<string, string>; body: string } {
  const at = raw.indexOf('\r\n\r\n');
  const head = at < 0 ? raw : raw.slice(0, at);
  const body = at < 0 ? '' : raw.slice(at + 4);
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body };
}

/** RFC 2047 encoded words (as nodemailer writes them: UTF-8, B or Q), joined before decoding. */
function decodeWords(value: string): string {
  const bytes: Buffer[] = [];
  const rest = value.replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_m, enc: string, text: string) => {
    bytes.push(
      enc.toLowerCase() === 'b' ? Buffer.from(text, 'base64') : Buffer.from(qpBytes(text.replace(/_/g, ' '))),
    );
    return '';
  });
  return bytes.length > 0 ? Buffer.concat(bytes).toString('utf8') + rest : value;
}

function qpBytes(text: string): number[] {
  const out: number[] = [];
  const soft = text.replace(/=\r\n/g, '');
  for (let i = 0; i < soft.length; i += 1) {
    if (soft[i] === '=' && /^[0-9A-F]{2}$/i.test(soft.slice(i + 1, i + 3))) {
      out.push(Number.parseInt(soft.slice(i + 1, i + 3), 16));
      i += 2;
    } else out.push(...Buffer.from(soft[i]!, 'utf8'));
  }
  return out;
}

function decodeBody(headers: Map<string, string>, body: string): string {
  const encoding = (headers.get('content-transfer-encoding') ?? '').toLowerCase();
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') return Buffer.from(qpBytes(body)).toString('utf8');
  return body;
}

function parseMessage(raw: string): { subject: string; text: string; html: string } {
  const { headers, body } = splitEntity(raw);
  const result = { subject: decodeWords(headers.get('subject') ?? ''), text: '', html: '' };
  const type = headers.get('content-type') ?? '';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  const parts = boundary ? body.split(`--${boundary}`).slice(1, -1) : [raw];
  for (const part of parts) {
    const entity = boundary ? splitEntity(part.replace(/^\r\n/, '')) : { headers, body };
    const partType = entity.headers.get('content-type') ?? '';
    const decoded = decodeBody(entity.headers, entity.body.replace(/\r\n$/, ''));
    if (partType.startsWith('text/plain')) result.text = decoded;
    if (partType.startsWith('text/html')) result.html = decoded;
  }
  return result;
}
