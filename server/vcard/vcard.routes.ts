// vCard 4.0 downloads (text/vcard) for a person, a team and everyone serving an area, each
// as the caller may see them; and a QR code (SVG) that opens a person's or team's card.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { notFound } from '../http/errors';
import { errorResponses, IdParams, mediaResponse } from '../http/schemas';
import { AreaCodeParams } from '../areas/areas.schemas';
import { presentPeople } from '../people/people.present';
import { areaVcard, personVcard, teamVcard } from './vcard.queries';
import { teamVisibleTo } from '../domain/team-visibility';
import { origin, sendCard, VCARD } from './vcard.reply';

async function sendQr(request: FastifyRequest, reply: FastifyReply, path: string) {
  const { default: QRCode } = await import('qrcode'); // loaded when the first QR code is asked, not at start
  const svg = await QRCode.toString(`${origin(request)}${path}`, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return reply.type('image/svg+xml').header('cache-control', 'public, max-age=3600').send(svg);
}

const SVG = { 200: mediaResponse('image/svg+xml', 'A QR code as SVG') };

const vcardRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get('/api/people/:id/vcard', {
    schema: { tags: ['exchange'], summary: 'A person as a vCard 4.0, with only the fields the caller may see', params: IdParams, response: { ...VCARD, ...errorResponses(400, 404) } },
  }, async (request, reply) => {
    const found = await personVcard(db, request.audience, request.params.id, origin(request));
    if (!found) throw notFound('persoon', request.params.id);
    return sendCard(reply, found);
  });

  app.get('/api/teams/:id/vcard', {
    schema: { tags: ['exchange'], summary: 'A team and its members (as the caller may see them) as vCards 4.0', params: IdParams, response: { ...VCARD, ...errorResponses(400, 404) } },
  }, async (request, reply) => {
    const found = await teamVcard(db, request.audience, request.params.id, origin(request));
    if (!found) throw notFound('team', request.params.id);
    return sendCard(reply, found);
  });

  app.get('/api/areas/:code/vcard', {
    schema: { tags: ['exchange'], summary: 'Every team serving the area and their people (as the caller may see them) as vCards 4.0', params: AreaCodeParams, response: { ...VCARD, ...errorResponses(400, 404) } },
  }, async (request, reply) => {
    const found = await areaVcard(db, request.audience, request.params.code, origin(request));
    if (!found) throw notFound('gebied', request.params.code);
    return sendCard(reply, found);
  });

  // The QR holds only the card's address; the card itself is shaped per audience when opened.
  app.get('/api/people/:id/vcard/qr.svg', {
    schema: { tags: ['exchange'], summary: "QR code (SVG) that opens the person's vCard", params: IdParams, response: { ...SVG, ...errorResponses(400, 404) } },
  }, async (request, reply) => {
    // only whether the caller may see the person: a QR shows no 06 number, so no view is recorded
    if (!(await presentPeople(db, request.audience, [request.params.id], { recordViews: false })).has(request.params.id)) throw notFound('persoon', request.params.id);
    return sendQr(request, reply, `/api/people/${request.params.id}/vcard`);
  });

  app.get('/api/teams/:id/vcard/qr.svg', {
    schema: { tags: ['exchange'], summary: "QR code (SVG) that opens the team's vCard", params: IdParams, response: { ...SVG, ...errorResponses(400, 404) } },
  }, async (request, reply) => {
    const exists = await db.selectFrom('teams as t').select('t.id').where('t.id', '=', request.params.id).where(teamVisibleTo(request.audience)).executeTakeFirst();
    if (!exists) throw notFound('team', request.params.id);
    return sendQr(request, reply, `/api/teams/${request.params.id}/vcard`);
  });
};

export default vcardRoutes;
