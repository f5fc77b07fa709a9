// GET /api/lookup: "which teams serve this address, and who do I call?" The address is
// never logged: the request log drops the query string (http/logging.ts) and geocoder
// errors carry no address or URL.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../http/schemas';
import { answerWriter } from '../http/serializer';
import { HttpError } from '../http/errors';
import { packVcard } from '../vcard/vcard.queries';
import { origin, sendCard, VCARD } from '../vcard/vcard.reply';
import { createGeocoder, type Locatieserver } from '../geocoder/geocoder.locatieserver';
import { lookup, toInput } from './lookup.resolve';
import { lookedUp } from '../insight/usage.hooks';
import { LookupQuery, LookupResult } from './lookup.schemas';
import { writeLookupResult } from './lookup.result-json';

interface LookupRoutesOptions {
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
    // Written with each contact person's JSON kept (lookup.result-json.ts): the same bytes as
    // the schema's writer; an error answer keeps its own.
    serializerCompiler: answerWriter(writeLookupResult),
  }, async (request, reply) => {
    const result = lookedUp(app, await lookup(app.database.db, geocoder, request.audience, toInput(request.query)));
    // Answers differ per audience (contact persons) and may hold an address: no shared caches.
    return reply.header('cache-control', 'private, no-store').send(result);
  });

  // The huisarts's take-away: the address's first points of contact and their contact persons
  // as the caller may see them (the same answer as /api/lookup, so the same visibility rule),
  // not the whole area's hundred cards.
  app.get('/api/lookup/vcard', {
    schema: {
      tags: ['exchange'],
      summary: "An address's first points of contact and their contact persons (as the caller may see them) as vCards 4.0",
      description: 'The same query as `/api/lookup`. 404 when no first point of contact serves the address.',
      querystring: LookupQuery,
      response: { ...VCARD, ...errorResponses(400, 404, 503) },
    },
  }, async (request, reply) => {
    const result = await lookup(app.database.db, geocoder, request.audience, toInput(request.query));
    const first = result.teams.filter((t) => t.category === 'first_contact');
    if (first.length === 0) {
      throw new HttpError(404, 'not_found', 'Voor dit adres is geen eerste aanspreekpunt bekend.', [{ field: 'address', message: 'No first point of contact serves this address' }]);
    }
    const text = await packVcard(app.database.db, first.map((t) => ({ id: t.id, members: t.contacts })), origin(request));
    const where = result.address ?? result.area.buurt?.name ?? result.candidates.map((c) => c.name).join(' ');
    return sendCard(reply, { name: `Eerste aanspreekpunten ${where}`.slice(0, 60), text });
  });
};

export default lookupRoutes;
