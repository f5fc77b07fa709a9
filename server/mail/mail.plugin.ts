// Gives every feature one mailer (app.mailer), closed with the app after pending mail is
// sent. Registering it runs assertMailConfig, so a production app without SMTP_URL fails to
// build instead of running without mail.
import fp from 'fastify-plugin';
import { type AppMailer, createMailer, type Mailer, withBackgroundDelivery } from './mail.transport';

declare module 'fastify' {
  interface FastifyInstance {
    mailer: AppMailer;
  }
}

export default fp<{ mailer?: Mailer }>(async (app, options) => {
  const mailer = withBackgroundDelivery(options.mailer ?? createMailer(app.config, app.log), app.log);
  app.decorate('mailer', mailer);
  app.addHook('onClose', async () => {
    await mailer.idle();
    mailer.close();
  });
}, { name: 'mailer' });
