// How a card leaves the server, for every route that sends one (vcard.routes.ts and the
// kennismaken pack in onboarding): the response schema, the headers, the site's origin.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { mediaResponse } from '../http/schemas';

export const origin = (request: FastifyRequest) => `${request.protocol}://${request.host}`;
/** An ASCII file name a phone shows: "Buurtteam Noord.vcf". */
const fileName = (name: string) => `${name.normalize('NFKD').replace(/[^\w .-]/g, '').trim().slice(0, 60) || 'contact'}.vcf`;

export function sendCard(reply: FastifyReply, card: { name: string; text: string }) {
  return reply.type('text/vcard; charset=utf-8')
    .header('content-disposition', `attachment; filename="${fileName(card.name)}"`)
    // what a card holds depends on who asks
    .header('cache-control', 'private, no-store')
    .send(card.text);
}

/** The 200 response of a route that answers a card. */
export const VCARD = { 200: mediaResponse('text/vcard', 'vCard 4.0 (RFC 6350)') };
