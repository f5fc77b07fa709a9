// GET /demo-photos/:name.svg: the generated portraits the demo people's photo_url points
// at. Outside /api on purpose: it is an image for <img>, not part of the JSON API. No
// database access: the portrait depends on the name alone, so any valid name answers.
import type { FastifyInstance } from 'fastify';
import { portraitSvg } from '../../seeds/demo/portraits';

const NAME = /^[a-z0-9-]{1,64}$/;

export default async function demoPhotosRoutes(app: FastifyInstance): Promise<void> {
  // Validated by hand rather than by a schema: the plugin must work in any Fastify
  // instance, with or without the app's Zod validator compiler.
  app.get<{ Params: { name: string } }>('/demo-photos/:name.svg', async (request, reply) => {
    const { name } = request.params;
    if (!NAME.test(name)) {
      const message = 'Naam van de foto: alleen kleine letters, cijfers en streepjes (1–64 tekens).';
      return reply.status(400).type('application/json; charset=utf-8')
        .send({ error: 'bad_request', message, details: [{ field: 'name', message }] });
    }
    return reply
      .type('image/svg+xml')
      .header('cache-control', 'public, max-age=86400')
      .send(portraitSvg(name));
  });
}
