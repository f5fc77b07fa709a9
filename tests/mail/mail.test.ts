// The mailer against a real SMTP server (smtp-server on a local port), the development log
// fallback, and the refusal to run in production without a way to send mail.
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertMailConfig, createMailer, withBackgroundDelivery } from '../../server/mail/mail.transport';
import { inviteMail, resetMail } from '../../server/mail/templates';
import { buildTestApp } from '../helpers/app';
import { createTestDatabase } from '../helpers/db';
import { startSmtp, type TestSmtp } from '../helpers/smtp';

function capturingLogger() {
  const lines: any[] = [];
  const app = Fastify({ logger: { level: 'info', stream: { write: (line: string) => { lines.push(JSON.parse(line)); } } } });
  return { log: app.log, lines };
}

const LINK = 'https://wijkweb.example.nl/welkom?token=abc_DEF-123';

describe('mail texts', () => {
  it('are Dutch first with an English line, carry the link in text and HTML, and escape HTML', () => {
    const mail = inviteMail(`${LINK}&x=<b>`, null);
    expect(mail.subject).toMatch(/^Uitnodiging .* \/ Invitation/);
    expect(mail.text.indexOf('U bent uitgenodigd')).toBeLessThan(mail.text.indexOf('You have been invited'));
    expect(mail.text).toContain(`${LINK}&x=<b>`);
    expect(mail.html).toContain(`${LINK}&amp;x=&lt;b&gt;`);
    expect(mail.html).not.toContain('<b>');
    expect(mail.html).toContain('lang="en"');
    const reset = resetMail(LINK);
    expect(reset.text).toMatch(/1 uur/);
    expect(reset.text).toMatch(/within 1 hour/);
  });
});

describe('SMTP mailer', () => {
  let smtp: TestSmtp;
  beforeAll(async () => { smtp = await startSmtp(); });
  afterAll(async () => { await smtp.close(); });

  it('delivers to a real SMTP server: To, From, Subject, text and HTML with the link', async () => {
    const { log } = capturingLogger();
    const mailer = createMailer({ NODE_ENV: 'production', SMTP_URL: smtp.url, MAIL_FROM: 'Wijkweb <noreply@wijkweb.test>' }, log);
    await mailer.send('anna@example.nl', resetMail(LINK));
    mailer.close();
    const mail = await smtp.waitFor('anna@example.nl');
    expect(mail.to).toContain('anna@example.nl');
    expect(mail.from).toContain('noreply@wijkweb.test');
    expect(mail.subject).toBe('Nieuw wachtwoord voor Wijkweb / Reset your Wijkweb password');
    expect(mail.link).toBe(LINK);
    expect(mail.text).toContain('Heeft u dit niet zelf gevraagd?');
    expect(mail.html).toContain(`href="${LINK}"`);
  });

  it('background delivery logs a failure without the link and never throws', async () => {
    const { log, lines } = capturingLogger();
    const mailer = withBackgroundDelivery(createMailer({ NODE_ENV: 'production', SMTP_URL: 'smtp://127.0.0.1:9', MAIL_FROM: 'x@y.nl' }, log), log);
    mailer.deliver('anna@example.nl', resetMail(LINK));
    await mailer.idle();
    mailer.close();
    const failure = lines.find((l) => l.msg === 'mail could not be sent');
    expect(failure).toBeDefined();
    expect(JSON.stringify(lines)).not.toContain('abc_DEF-123');
  });
});

describe('without SMTP_URL', () => {
  it('in development prints the mail (To, Subject, link) to the log instead', async () => {
    const { log, lines } = capturingLogger();
    const mailer = createMailer({ NODE_ENV: 'development', SMTP_URL: undefined, MAIL_FROM: 'x@y.nl' }, log);
    await mailer.send('bram@example.nl', inviteMail(LINK, null));
    const line = lines.find((l) => l.msg === 'mail');
    expect(line?.mail).toEqual({ to: 'bram@example.nl', subject: expect.stringContaining('Uitnodiging'), link: LINK });
  });

  it('in production refuses, with a message naming SMTP_URL', () => {
    expect(() => assertMailConfig({ NODE_ENV: 'production', SMTP_URL: undefined, MAIL_FROM: 'x@y.nl' })).toThrow(/SMTP_URL/);
    expect(() => assertMailConfig({ NODE_ENV: 'production', SMTP_URL: 'smtp://mail.example.nl:587', MAIL_FROM: 'x@y.nl' })).not.toThrow();
    expect(() => assertMailConfig({ NODE_ENV: 'development', SMTP_URL: undefined, MAIL_FROM: 'x@y.nl' })).not.toThrow();
  });

  it('in production the app itself does not start', async () => {
    const database = await createTestDatabase();
    try {
      await expect(buildTestApp(database, { env: { NODE_ENV: 'production' } })).rejects.toThrow(/SMTP_URL/);
      const app = await buildTestApp(database, { env: { NODE_ENV: 'production', SMTP_URL: 'smtp://127.0.0.1:9' } });
      await app.close();
    } finally {
      await database.close();
    }
  });
});
