/**
 * Sending e-mail: one small interface, and its SMTP implementation over nodemailer. The only
 * network the application opens at run time besides its database is the configured SMTP server.
 */
import nodemailer from 'nodemailer';
import type { MailConfig } from '../config.ts';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface Mailer {
  /** Resolves once the server accepted the message; rejects with the server's answer otherwise. */
  send(message: MailMessage): Promise<void>;
  /** Closes any open connection. */
  close(): void;
}

/**
 * A mailer for `smtp://user:pass@host:port` (STARTTLS when the server offers it) or
 * `smtps://…` (TLS from the start). Timeouts keep a silent server from holding a run forever.
 */
export function smtpMailer(config: MailConfig): Mailer {
  const transport = nodemailer.createTransport(
    { url: config.smtpUrl, connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 },
    { from: config.from },
  );
  return {
    async send(message) {
      await transport.sendMail({
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
      });
    },
    close() {
      transport.close();
    },
  };
}

/** An error's message for the log, without the SMTP password should it appear in it. */
export function mailErrorText(error: unknown, config: MailConfig | null): string {
  let text = error instanceof Error ? error.message : String(error);
  const password = config ? safePassword(config.smtpUrl) : '';
  if (password) text = text.split(password).join('***');
  return text.slice(0, 500);
}

function safePassword(url: string): string {
  try {
    return decodeURIComponent(new URL(url).password);
  } catch {
    return '';
  }
}
