// CSV export (anyone, people per visibility) and import (editors and admins only).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireRole } from '../auth/auth.guards';
import { HttpError } from '../http/errors';
import { errorResponses, mediaResponse } from '../http/schemas';
import { exportCsv } from './csv.export';
import { importCsv } from './csv.import';
import { ImportBody, ImportQuery, ImportReport, KindParams } from './csv.schemas';

const TEN_MB = 10 * 1024 * 1024;
const FILE_NAMES = { organisations: 'organisaties', teams: 'teams', locations: 'locaties', people: 'mensen', pathways: 'verwijsroutes' } as const;

const csvRoutes: FastifyPluginAsyncZod = async (app) => {
  // Scoped to this plugin: no other route accepts text/csv.
  app.addContentTypeParser(['text/csv', 'application/csv'], { parseAs: 'string', bodyLimit: TEN_MB }, (_req, body, done) => done(null, body));

  app.get('/api/export/:kind.csv', {
    schema: {
      tags: ['exchange'], summary: 'CSV export (UTF-8 with BOM, `;`); people only as the caller may see them',
      params: KindParams, response: { 200: mediaResponse('text/csv', 'The export as CSV (UTF-8 with BOM, ";", CRLF; server/csv/FORMAT.md)'), ...errorResponses(400) },
    },
  }, async (request, reply) => {
    const csv = await exportCsv(app.database.db, request.audience, request.params.kind);
    return reply.type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${FILE_NAMES[request.params.kind]}.csv"`)
      .header('cache-control', 'no-store')
      .send(csv);
  });

  app.post('/api/import/:kind.csv', {
    bodyLimit: TEN_MB,
    // a 10 MB file (~50,000 people) takes ~30 s on PostgreSQL: past the app's 20 s default
    handlerTimeout: 180_000,
    // before the body is read: an anonymous 10 MB upload is refused without parsing it
    onRequest: requireRole('editor'),
    // the write guard accepts JSON bodies only, unless a route names its own types
    config: { bodyTypes: ['text/csv', 'application/csv'] },
    // other bodies (JSON above all) have parsers of their own: refuse them here as 415
    preValidation: async (request) => {
      if (!/^(text|application)\/csv\b/i.test(request.headers['content-type'] ?? '')) {
        throw new HttpError(415, 'unsupported_media_type', 'Stuur het bestand als text/csv.', [{ field: 'content-type', in: 'header', message: 'Must be text/csv' }]);
      }
    },
    schema: {
      tags: ['exchange'], summary: 'CSV import: dry_run=1 reports every error by row and column; otherwise all rows or none',
      params: KindParams, querystring: ImportQuery, body: ImportBody,
      response: { 200: ImportReport, ...errorResponses(400, 401, 403, 413, 415) },
    },
  }, async (request) => {
    const report = await importCsv(app.database.db, request.audience, request.params.kind, request.body, { dryRun: request.query.dry_run });
    if (!report.dry_run && report.errors.length) {
      throw new HttpError(400, 'invalid_csv', `Niets geïmporteerd: ${report.errors.length} fout(en) in het bestand.`,
        report.errors.map((e) => ({ field: e.column, in: 'body', row: e.row, message: e.message })));
    }
    return report;
  });
};

export default csvRoutes;
