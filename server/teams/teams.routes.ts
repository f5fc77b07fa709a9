import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, IdParams } from '../http/schemas';
import { notFound } from '../http/errors';
import { etagOf } from '../http/versioning';
import { getTeam, listTeams } from './teams.queries';
import { TeamDetail, TeamList, TeamListQuery } from './teams.schemas';

const teamsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/teams', {
    schema: {
      tags: ['directory'], summary: 'Teams, filtered by type, topic, area, map view or name; paged',
      querystring: TeamListQuery, response: { 200: TeamList, ...errorResponses(400) },
    },
  }, async (request) => listTeams(app.database.db, request.query, request.audience, app.clock()));

  app.get('/api/teams/:id', {
    schema: {
      tags: ['directory'], summary: 'A team with its locations, service area and members (as the audience may see them)',
      params: IdParams, response: { 200: TeamDetail, ...errorResponses(400, 404) },
    },
  }, async (request, reply) => {
    const team = await getTeam(app.database.db, request.audience, request.params.id);
    if (!team) throw notFound('team', request.params.id);
    return reply.header('etag', etagOf(team.version)).send(team);
  });
};

export default teamsRoutes;
