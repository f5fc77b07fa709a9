// GET /api/search. The search text is never logged: the request log drops query strings
// (server/http/logging.ts) and nothing here logs q.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../http/schemas';
import { search } from './search.queries';
import { searched } from '../insight/usage.hooks';
import { SearchQuery, SearchResult } from './search.schemas';

const searchRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/search', {
    schema: {
      tags: ['directory'],
      summary: 'Find teams, organisations, help topics and (signed in) people in plain Dutch; typo-tolerant, ranked',
      description: 'Ranking: exact name first, then teams whose topics or type the words name (lay synonyms included), '
        + 'then text relevance. An empty q returns no results; q over 200 characters is a 400. '
        + 'Each kind ranks at most the first 500 candidates per way of matching; `capped` says when more matched.',
      querystring: SearchQuery, response: { 200: SearchResult, ...errorResponses(400) },
    },
  }, async (request) => searched(app, request.query, await search(app.database.db, request.audience, request.query)));
};

export default searchRoutes;
