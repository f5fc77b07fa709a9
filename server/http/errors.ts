// One error handler for the whole app. Every 4xx/5xx leaves as
// { error, message, details } and never carries a stack trace or SQL text.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { allowedMethods } from './methods';
import { answerHandlerTimeouts } from './handler-timeout';

interface ErrorDetail { field?: string; in?: string; message: string; [key: string]: unknown }

/** An error the app throws on purpose: status, code and text are safe to show. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const notFound = (what: string, id: string) =>
  new HttpError(404, 'not_found', `${what} ${id} bestaat niet.`, [{ field: 'id', message: `No ${what} with id ${id}` }]);


const PART: Record<string, string> = { querystring: 'query', params: 'path', body: 'body', headers: 'header' };

// Error codes of PostgreSQL (and network errors of pg) that mean "the database is not
// there right now" rather than "this request is wrong": gone or refusing connections
// (08xxx, 3D000 database dropped, 55000 not accepting connections, 57P0x shutdown), out of
// resources (53xxx), authentication no longer accepted (28xxx), a statement the server
// cancelled at statement_timeout (57014), or the network below it.
const UNAVAILABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN',
  'EHOSTUNREACH', 'ENETUNREACH', '57P01', '57P02', '57P03', '57P04', '57014', '08000', '08003', '08006', '08001', '08004',
  '08P01', '3D000', '55000', '53000', '53100', '53200', '53300', '53400', '28000', '28P01', '58000', '58030', 'XX001', 'XX002']);

// pg's own errors carry no code, only text: pool timeout, connection ended, pool closed.
const UNAVAILABLE_TEXT = /timeout exceeded when trying to connect|Connection terminated|connection timeout|Client has encountered a connection error|Cannot use a pool after calling end|Client was closed|PGlite is closed|driver has already been destroyed|Query read timeout/i;

function isDatabaseUnavailable(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  if (typeof e?.code === 'string' && UNAVAILABLE.has(e.code)) return true;
  if (typeof e?.code === 'string' && e.code !== '') return false; // a known SQL error is the query's own fault
  return UNAVAILABLE_TEXT.test(e?.message ?? '');
}

/** Retry-After (seconds) on every 503: long enough for a failover or restart to finish. */
export const RETRY_AFTER_S = 5;

export function registerErrorHandling(app: FastifyInstance): void {
  answerHandlerTimeouts(app, RETRY_AFTER_S);
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    const allow = allowedMethods(app, path);
    if (allow.length > 0) {
      reply.header('allow', allow.join(', '));
      return send(reply, 405, 'method_not_allowed', `${request.method} kan niet op ${path}; wel: ${allow.join(', ')}.`, [{ in: 'method', message: `Allowed: ${allow.join(', ')}` }]);
    }
    return send(reply, 404, 'not_found', `Route ${request.method} ${path} bestaat niet.`, []);
  });

  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof HttpError) return send(reply, error.statusCode, error.code, error.message, error.details);
    if (hasZodFastifySchemaValidationErrors(error)) {
      const part = PART[error.validationContext ?? ''] ?? error.validationContext ?? 'request';
      const details = error.validation.map((v) => ({
        // "type/0" (an item of a list parameter) is reported as the parameter itself
        field: v.instancePath.replace(/^\//, '').replace(/(\/\d+)+$/, '').replaceAll('/', '.') || part,
        in: part,
        message: v.message ?? 'invalid',
      }));
      const fields = [...new Set(details.map((d) => d.field))].join(', ');
      return send(reply, 400, 'bad_request', `Ongeldige invoer: ${fields}.`, details);
    }
    if (isResponseSerializationError(error)) {
      // A response that does not match its schema is a bug and possibly a leak: never send it.
      request.log.error({ err: { message: error.message, issues: error.cause?.issues } }, 'response failed its schema');
      return send(reply, 500, 'internal_error', 'Er ging iets mis aan onze kant.', []);
    }
    // A closed PGlite fails inside the driver with errors of no fixed shape: ask it instead.
    if (isDatabaseUnavailable(error) || request.server.database?.gone()) {
      request.log.error({ err: { code: (error as { code?: string }).code, message: error.message } }, 'database unavailable');
      reply.header('retry-after', String(RETRY_AFTER_S));
      return send(reply, 503, 'database_unavailable', 'De database is even niet bereikbaar. Probeer het later opnieuw.', []);
    }
    const pgCode = (error as { code?: string }).code;
    if (typeof pgCode === 'string' && /^22[0-9A-Z]{3}$/.test(pgCode)) {
      // PostgreSQL "data exception" (bad encoding, out-of-range value) caused by input that
      // slipped past validation: the caller's fault, told without the database's words.
      return send(reply, 400, 'bad_request', 'Ongeldige invoer.', []);
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      // Fastify's own client errors (bad JSON, 415, body too large…): their text is safe.
      const code = status === 415 ? 'unsupported_media_type' : status === 413 ? 'payload_too_large' : 'bad_request';
      return send(reply, status, code, error.message, [{ in: status === 415 || status === 413 || error.code?.startsWith('FST_ERR_CTP') ? 'body' : 'request', message: error.message }]);
    }
    if (error.code === 'FST_ERR_HANDLER_TIMEOUT') {
      reply.header('retry-after', String(RETRY_AFTER_S));
      return send(reply, 503, 'timeout', 'Het verzoek duurde te lang.', []);
    }
    request.log.error({ err: error }, 'unhandled error');
    return send(reply, 500, 'internal_error', 'Er ging iets mis aan onze kant.', []);
  });
}

export function send(reply: FastifyReply, status: number, error: string, message: string, details: ErrorDetail[]) {
  return reply.status(status).type('application/json; charset=utf-8').send({ error, message, details });
}
