// Gives every feature one mailer (app.mailer), closed with the app. Registering it also runs
// assertMailConfig, so a production app without SMTP_URL fails to build instead of running mute.
import fp from 'fastify-plugin';
import { createMailer, type Mailer } from './mailer';

declare module 'fastify' {
  interface FastifyInstance {
    mailer: Mailer;
  }
}

export default fp(async (app, options: { mailer?: Mailer }) => {
  const mailer = options.mailer ?? createMailer(app.config, app.log);
  app.decorate('mailer', mailer);
  app.addHook('onClose', async () => mailer.close());
}, { name: 'mailer' });
