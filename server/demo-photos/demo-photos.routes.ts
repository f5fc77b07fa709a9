// GET /demo-photos/:name.svg: the generated portraits the demo people's photo_url points
// at. Outside /api on purpose: it is an image for <img>, not part of the JSON API. No
// database access: the portrait depends on the name alone, so any valid name answers.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, mediaResponse } from '../http/schemas';
import { portraitSvg } from './demo-photos.portraits';

const Params = z.object({
  name: z.string().regex(/^[a-z0-9-]{1,64}$/, 'Alleen kleine letters, cijfers en streepjes (1–64 tekens)'),
});

const demoPhotosRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/demo-photos/:name.svg', {
    schema: {
      tags: ['meta'], summary: 'A generated portrait for a demo person (SVG)', params: Params,
      response: { 200: mediaResponse('image/svg+xml', 'A generated demo portrait (SVG)'), ...errorResponses(400) },
    },
  }, async (request, reply) => reply
    .type('image/svg+xml')
    .header('cache-control', 'public, max-age=86400')
    .send(portraitSvg(request.params.name)));
};

export default demoPhotosRoutes;
