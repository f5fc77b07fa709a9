// GET /api/lookup: "which teams serve this address, and who do I call?" The address is
// never logged: the request log drops the query string (http/logging.ts) and geocoder
// errors carry no address or URL.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../http/schemas';
import { createGeocoder, type Locatieserver } from '../geocoder/locatieserver';
import { lookup, toInput } from './lookup.resolve';
import { LookupQuery, LookupResult } from './lookup.schemas';

export interface LookupRoutesOptions {
  /** A geocoder to use instead of the one from config (tests, benchmarks); null = none. */
  geocoder?: Locatieserver | null;
}

const lookupRoutes: FastifyPluginAsyncZod<LookupRoutesOptions> = async (app, options) => {
  const geocoder = options.geocoder !== undefined ? options.geocoder : createGeocoder(app.config);

  app.get('/api/lookup', {
    schema: {
      tags: ['directory'],
      summary: 'Teams serving an address (free text, postcode + number, or coordinate), first points of contact first',
      description: 'Exactly one of: `address`; `postcode` + `number`; `lat` + `lon`. An address outside every known area '
        + 'answers 200 with empty `area` fields, no teams and a `message`; an address the geocoder does not know is 404; '
        + 'when the geocoder is down a free-text address is 503 `geocoder_unavailable`, a postcode is approximated by its '
        + 'PC4 area (`approximate: true`).',
      querystring: LookupQuery,
      response: { 200: LookupResult, ...errorResponses(400, 404, 503) },
    },
  }, async (request, reply) => {
    const result = await lookup(app.database.db, geocoder, request.audience, toInput(request.query));
    // Answers differ per audience (contact persons) and may hold an address: no shared caches.
    return reply.header('cache-control', 'private, no-store').send(result);
  });
};

export default lookupRoutes;
