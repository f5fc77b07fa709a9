// Conditional GET for JSON built once and shared by every audience (the map's markers and
// boundaries): a weak content ETag (W/: the body may be sent compressed, which a strong tag
// would forbid) and If-None-Match with weak comparison over a list of tags or "*", as
// RFC 9110 §13.1.2 has it. (@fastify/etag compares the header as one string, so a list or
// "*" would never get its 304; editable records carry their version instead: versioning.ts.)
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

const opaque = (tag: string) => tag.trim().replace(/^W\//, '');

/** Whether an If-None-Match header matches the ETag (weak comparison). */
export function noneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const want = opaque(etag);
  return (header.match(/(W\/)?"[^"]*"/g) ?? []).some((tag) => opaque(tag) === want);
}

/** Sends prebuilt JSON text with a weak content ETag; a matching If-None-Match gets a 304. */
export function sendWithEtag(request: FastifyRequest, reply: FastifyReply, body: string) {
  const etag = `W/"${createHash('sha1').update(body).digest('base64url')}"`;
  reply.header('etag', etag).header('cache-control', 'public, max-age=0, must-revalidate').header('vary', 'accept-encoding');
  if (noneMatch(request.headers['if-none-match'], etag)) return reply.status(304).send();
  return reply.type('application/json; charset=utf-8').send(body);
}
