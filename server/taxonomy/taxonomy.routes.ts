import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { listTeamTypes, listTopics } from './taxonomy.queries';
import { TeamTypeList, TopicList } from './taxonomy.schemas';

const taxonomyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/topics', {
    schema: { tags: ['directory'], summary: 'Help topics with Dutch and English labels and lay synonyms', response: { 200: TopicList } },
  }, async (_req, reply) => reply.header('cache-control', 'public, max-age=300').send({ items: await listTopics(app.database.db) }));

  app.get('/api/team-types', {
    schema: { tags: ['directory'], summary: 'Team types with labels and the group they belong to', response: { 200: TeamTypeList } },
  }, async (_req, reply) => reply.header('cache-control', 'public, max-age=300').send({ items: await listTeamTypes(app.database.db) }));
};

export default taxonomyRoutes;
