// Insight for the gemeente (issue 17): coverage per buurt and counted usage, for the analist
// and admins only (the one permission module: domain/permissions.ts mayViewInsight).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../http/schemas';
import { HttpError, notFound } from '../http/errors';
import { authoriseInsight } from '../http/authorise';
import { toCsv } from '../http/csv-file';
import { coverageCsvRows, coverageOf } from './coverage.queries';
import { defaultRange, usageOf } from './usage.queries';
import { Coverage, CoverageQuery, Usage, UsageQuery } from './insight.schemas';

const insightRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  const basicSet = app.config.INSIGHT_TEAM_TYPES;

  app.get('/api/insight/coverage', {
    preHandler: async (request) => authoriseInsight(request.audience),
    schema: {
      tags: ['insight'],
      summary: 'Per buurt of a gemeente or wijk: CBS figures, which team types of the basic set a shown, not-stale team serves, professionals per 1,000 inhabitants and weighed gaps (analist, admin)',
      description: 'The basic set is INSIGHT_TEAM_TYPES. `format=csv` answers a spreadsheet (UTF-8 with BOM, `;`).',
      querystring: CoverageQuery, response: { 200: { description: 'Coverage per buurt, or with format=csv the same as a spreadsheet', content: { 'application/json': { schema: Coverage }, 'text/csv': { schema: z.string() } } }, ...errorResponses(400, 401, 403, 404) },
    },
  }, async (request, reply) => {
    const coverage = await coverageOf(db, request.query.area, basicSet);
    if (!coverage) throw notFound('gebied', request.query.area);
    reply.header('cache-control', 'private, no-store');
    if (request.query.format !== 'csv') return coverage;
    const { headers, rows } = coverageCsvRows(coverage);
    return reply.type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="dekking-${coverage.area.code}.csv"`)
      .send(toCsv(headers, rows));
  });

  app.get('/api/insight/usage', {
    preHandler: async (request) => authoriseInsight(request.audience),
    schema: {
      tags: ['insight'],
      summary: 'What residents looked for, per week: terms (asked at least 5 times), zero-result terms, topics and lookups per buurt (analist, admin)',
      description: 'Aggregates only: never per person, never with a cookie, address or session. Figures older than 13 months are gone.',
      querystring: UsageQuery, response: { 200: Usage, ...errorResponses(400, 401, 403, 404) },
    },
  }, async (request, reply) => {
    const { area } = request.query;
    const range = { ...defaultRange(app.clock()), ...Object.fromEntries(Object.entries({ from: request.query.from, to: request.query.to }).filter(([, v]) => v)) };
    if (range.from > range.to) {
      throw new HttpError(400, 'bad_request', 'De begindatum ligt na de einddatum. / The start date is after the end date.', [{ field: 'from', in: 'query', message: 'Must not be after to' }]);
    }
    if (area && !(await db.selectFrom('areas').select('code').where('code', '=', area).executeTakeFirst())) throw notFound('gebied', area);
    reply.header('cache-control', 'private, no-store');
    return usageOf(db, { ...range, area });
  });
};

export default insightRoutes;
