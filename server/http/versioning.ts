// Optimistic concurrency over HTTP: every record's `version` is its ETag ("<version>").
// A write must say which version it read (If-Match): without it 428, with a stale one 412
// and the current record, so nothing is ever silently overwritten.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ErrorBody } from './schemas';
import { HttpError } from './errors';

export const etagOf = (version: number) => `"${version}"`;

/** The version named by If-Match ("3", W/"3", or 3); 428 when absent, 400 when unreadable. */
export function ifMatchVersion(request: FastifyRequest): number {
  const header = request.headers['if-match'];
  if (header === undefined || header === '') {
    throw new HttpError(428, 'precondition_required',
      'Stuur de versie mee die u hebt gelezen (If-Match met de ETag). / Send the version you read (If-Match with the ETag).',
      [{ field: 'If-Match', in: 'header', message: 'required' }]);
  }
  const first = String(header).split(',')[0]!.trim();
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(first);
  if (!match) {
    throw new HttpError(400, 'bad_request', 'Ongeldige If-Match. / Invalid If-Match.',
      [{ field: 'If-Match', in: 'header', message: 'Must be the ETag of the record, like "3"' }]);
  }
  return Number(match[1]);
}

/** The 412 body: the usual error fields plus the record as it is now. */
export const StaleBody = ErrorBody.extend({ current: z.unknown() });

/**
 * A write lost the race. Thrown inside the transaction (which rolls back); the route then
 * reads the current record — after the transaction, since embedded PGlite has a single
 * connection that the transaction holds — and answers 412 with it for the conflict screen.
 */
export class StaleVersionError extends Error {
  constructor(readonly version: number) { super('stale version'); }
}

/** Runs a versioned write; a StaleVersionError becomes 412 with `loadCurrent()` as `current`. */
export async function orStale<T>(reply: FastifyReply, write: () => Promise<T>, loadCurrent: () => Promise<{ version: number } | undefined>): Promise<T | FastifyReply> {
  try {
    return await write();
  } catch (error) {
    if (!(error instanceof StaleVersionError)) throw error;
    const current = await loadCurrent();
    return reply.code(412).header('etag', etagOf(current?.version ?? error.version)).type('application/json; charset=utf-8').send({
      error: 'stale_version',
      message: 'Iemand anders heeft dit intussen gewijzigd. / Someone else changed this in the meantime.',
      details: [{ field: 'If-Match', in: 'header', message: `The current version is ${current?.version ?? error.version}` }],
      current: current ?? null,
    });
  }
}
