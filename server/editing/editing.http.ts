// The HTTP half every versioned write shares: the owner check, If-Match, the write, and
// the answer (the record as this caller may see it, with its ETag) or 412 with the current.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { signedIn } from '../auth/auth.guards';
import { errorResponses } from '../http/schemas';
import { etagOf, ifMatchVersion, orStale } from '../http/versioning';
import type { WriteContext } from './editing.kernel';

export const WRITE_ERRORS = errorResponses(400, 401, 403, 404, 409, 413, 415, 428);
export const IfMatchHeaders = z.object({ 'if-match': z.string().optional().describe('The ETag of the version you read, e.g. "3" (required)') });

interface VersionedWrite<T extends { version: number }> {
  request: FastifyRequest;
  reply: FastifyReply;
  /** Throws 404/403 before anything is written. */
  authorise: () => Promise<void> | void;
  write: (ctx: WriteContext, expected: number) => Promise<void>;
  /** The record afterwards (or now, for a 412), as the caller may see it. */
  load: () => Promise<T | undefined>;
  /** 204 without a body (archive), else 200 with the record. */
  empty?: boolean;
}

export async function versionedWrite<T extends { version: number }>(w: VersionedWrite<T>) {
  await w.authorise();
  const ctx = { actorAccountId: signedIn(w.request).accountId };
  const expected = ifMatchVersion(w.request);
  return orStale(w.reply, async () => {
    await w.write(ctx, expected);
    if (w.empty) return w.reply.code(204).send(null);
    const record = await w.load();
    return w.reply.header('etag', etagOf(record!.version)).send(record);
  }, w.load);
}

/** 201 with the new record, its ETag and Location. */
export function sendCreated(reply: FastifyReply, record: { version: number }, location: string) {
  return reply.code(201).header('etag', etagOf(record.version)).header('location', location).send(record);
}
