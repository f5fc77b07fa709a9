// Outgoing mail. With SMTP_URL: a nodemailer SMTP transport. Without it, outside production,
// each mail is written to the log (To, Subject, link) so a developer can follow the link;
// in production that would silently lose invitations, so the app refuses to start.
import type { Transporter } from 'nodemailer';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config';
import type { MailContent } from './templates';

export interface Mailer {
  send(to: string, content: MailContent): Promise<void>;
  close(): void;
}

/** A mailer that can also send in the background, for request handlers. */
export interface AppMailer extends Mailer {
  /**
   * Sends without making the caller wait: a request that mails must take as long as one
   * that does not (no account enumeration by timing), and a slow SMTP server must not hold
   * the request. Failures are logged without the link.
   */
  deliver(to: string, content: MailContent): void;
  /** Resolves when every background send has finished (on close, and in tests). */
  idle(): Promise<void>;
}

export function withBackgroundDelivery(mailer: Mailer, log: FastifyBaseLogger): AppMailer {
  const pending = new Set<Promise<void>>();
  return {
    send: (to, content) => mailer.send(to, content),
    deliver(to, content) {
      // Started after the current request's answer is on its way: building and sending the
      // message costs CPU that must not lengthen the request that caused it.
      const job = new Promise<void>((resolve) => setImmediate(resolve))
        .then(() => mailer.send(to, content))
        .catch((err: Error) => log.error({ err: { message: err.message, code: (err as { code?: string }).code } }, 'mail could not be sent'))
        .finally(() => pending.delete(job));
      pending.add(job);
    },
    idle: async () => { await Promise.all([...pending]); },
    close: () => mailer.close(),
  };
}

type MailConfig = Pick<Config, 'NODE_ENV' | 'SMTP_URL' | 'MAIL_FROM'>;

/** Call at start: throws a clear error when production has no way to send mail. */
export function assertMailConfig(config: MailConfig): void {
  if (config.NODE_ENV === 'production' && !config.SMTP_URL) {
    throw new Error('SMTP_URL is not set but NODE_ENV=production: invitations and password-reset mails could not be sent. '
      + 'Set SMTP_URL (e.g. smtp://user:password@mail.example.nl:587) and MAIL_FROM.');
  }
}

export function createMailer(config: MailConfig, log: FastifyBaseLogger): Mailer {
  assertMailConfig(config);
  if (!config.SMTP_URL) return logMailer(log);
  // nodemailer is loaded with the first mail, not at every start (it is 41 modules).
  const smtp = config.SMTP_URL;
  let transport: Promise<Transporter> | undefined;
  const open = () => (transport ??= import('nodemailer').then((m) => m.default.createTransport(smtp)));
  return {
    async send(to, content) {
      await (await open()).sendMail({ from: config.MAIL_FROM, to, subject: content.subject, text: content.text, html: content.html });
    },
    close: () => { void transport?.then((t) => t.close()); },
  };
}

function logMailer(log: FastifyBaseLogger): Mailer {
  return {
    async send(to, content) {
      // Development only (assertMailConfig): the link is the whole point of this line.
      log.info({ mail: { to, subject: content.subject, link: content.link } }, 'mail');
    },
    close() {},
  };
}
