// HSDS 3.0 (Open Referral) under /hsds: the directory's public data in the international
// format for service directories. Paths, paging and field names follow the official
// OpenAPI of HSDS 3.0; see hsds.profile.ts for the Dutch profile.
import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../http/errors';
import { errorResponses, IdParams, mediaResponse } from '../http/schemas';
import { TEAM_TYPE_TAXONOMY, TOPIC_TAXONOMY, taxonomyId } from './hsds.ids';
import { compact, hsdsPage, oneToOne, organization, type Rec, serviceAtLocation, serviceCore, services, taxonomy, taxonomyTerm } from './hsds.map';
import { HSDS_VERSION, PROFILE_MARKDOWN } from './hsds.profile';
import { loadVocabulary, organisationPage, postcodeArea, serviceAtLocationById, serviceAtLocationPage, servicePage, servicesOfOrganisation } from './hsds.queries';
import { HsdsMeta, HsdsObject, HsdsPage, HsdsPageQuery, OrganizationByIdQuery, OrganizationQuery, ServiceAtLocationQuery, ServiceListQuery, TaxonomyTermQuery } from './hsds.schemas';

/** Services listed under one organisation (full / full_service): at most this many. */
const ORGANISATION_SERVICES = 1000;

const tags = ['hsds'];

type Fetch = (page: number, perPage: number) => Promise<{ contents: Rec[]; total: number }>;
const NDJSON_PAGE = 100;

/** One page as HSDS JSON, or with format=ndjson every result streamed as a line, page by page (memory stays one page). */
async function listAnswer(reply: FastifyReply, query: { format: 'json' | 'ndjson'; page: number; per_page: number }, fetch: Fetch) {
  if (query.format === 'json') {
    const { contents, total } = await fetch(query.page, query.per_page);
    return hsdsPage(contents, total, query.page, query.per_page);
  }
  async function* lines() {
    for (let page = 1; ; page++) {
      const { contents, total } = await fetch(page, NDJSON_PAGE);
      for (const record of contents) yield `${JSON.stringify(record)}\n`;
      if (!contents.length || page * NDJSON_PAGE >= total) return;
    }
  }
  return reply.type('application/x-ndjson; charset=utf-8').send(Readable.from(lines()));
}

const hsdsRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.database.db;

  app.get('/hsds', {
    schema: { tags, summary: 'HSDS version, profile and OpenAPI document', response: { 200: HsdsMeta } },
  }, async (request) => {
    const origin = `${request.protocol}://${request.host}`;
    return { version: HSDS_VERSION, profile: `${origin}/hsds/profile`, openapi_url: `${origin}/docs/json` };
  });

  app.get('/hsds/profile', {
    schema: { tags, summary: 'The Dutch HSDS profile of Wijkweb (Markdown)', response: { 200: mediaResponse('text/markdown', 'The profile as Markdown') } },
  }, async (_request, reply) => reply.type('text/markdown; charset=utf-8').send(PROFILE_MARKDOWN));

  app.get('/hsds/services', {
    schema: { tags, summary: 'Teams as HSDS services (fully nested unless full=false; minimal: ids only); filters combine (AND)', querystring: ServiceListQuery, response: { 200: HsdsPage, ...errorResponses(400) } },
  }, async (request, reply) => {
    const { page: _page, per_page: _perPage, format: _format, minimal, full, ...filter } = request.query;
    return listAnswer(reply, request.query, async (page, perPage) => {
      const { rows, total, children, vocab } = await servicePage(db(), filter, page, perPage);
      const all = services(rows, children, vocab);
      const contents = minimal ? all.map((s) => compact({ id: s.id, last_modified: s.last_modified }) as Rec) : full === false ? all.map(oneToOne) : all;
      return { contents, total };
    });
  });

  app.get('/hsds/services/:id', {
    schema: { tags, summary: 'One team as a fully nested HSDS service (with area boundaries)', params: IdParams, response: { 200: HsdsObject, ...errorResponses(400, 404) } },
  }, async (request) => {
    const { rows, children, vocab } = await servicePage(db(), { ids: [request.params.id] }, 1, 1, true);
    const [service] = services(rows, children, vocab);
    if (!service) throw notFound('service', request.params.id);
    return service;
  });

  /** The services of these organisations, fully nested (full_service) or one-to-one, by organisation. */
  async function servicesOf(organisationIds: string[], nested: boolean): Promise<Map<string, Rec[]>> {
    const out = new Map<string, Rec[]>(organisationIds.map((id) => [id, []]));
    if (!organisationIds.length) return out;
    const { rows, children, vocab } = await servicePage(db(), { organization_ids: organisationIds }, 1, ORGANISATION_SERVICES);
    for (const s of services(rows, children, vocab)) out.get(s.organization_id as string)?.push(nested ? s : oneToOne(s));
    return out;
  }

  app.get('/hsds/organizations', {
    schema: { tags, summary: 'Organisations as HSDS organizations, paged (full / full_service: with their services)', querystring: OrganizationQuery, response: { 200: HsdsPage, ...errorResponses(400) } },
  }, async (request, reply) => {
    const { search, full, full_service } = request.query;
    return listAnswer(reply, request.query, async (page, perPage) => {
      const { rows, total, documents } = await organisationPage(db(), { search }, page, perPage);
      const withServices = full || full_service ? await servicesOf(rows.map((o) => o.id), !!full_service) : null;
      return { contents: rows.map((o) => ({ ...organization(o, documents.get(o.id)), ...(withServices ? { services: withServices.get(o.id) } : {}) })), total };
    });
  });

  app.get('/hsds/organizations/:id', {
    schema: { tags, summary: 'One organisation with its services (full_service: fully nested)', params: IdParams, querystring: OrganizationByIdQuery, response: { 200: HsdsObject, ...errorResponses(400, 404) } },
  }, async (request) => {
    const { rows, documents } = await organisationPage(db(), { ids: [request.params.id] }, 1, 1);
    if (!rows[0]) throw notFound('organization', request.params.id);
    if (request.query.full_service) return { ...organization(rows[0], documents.get(rows[0].id)), services: (await servicesOf([rows[0].id], true)).get(rows[0].id) };
    const teams = await servicesOfOrganisation(db(), rows[0].id);
    return { ...organization(rows[0], documents.get(rows[0].id)), services: teams.map((t) => serviceCore({ ...t, organisation_id: rows[0]!.id })) };
  });

  async function serviceAtLocations(filter: Parameters<typeof serviceAtLocationPage>[1], page: number, perPage: number, full: boolean | undefined) {
    const { pairs, total, teams, children, vocab } = await serviceAtLocationPage(db(), filter, page, perPage);
    const teamById = new Map(teams.map((t) => [t.id, t]));
    const locationById = new Map(children.locations.map((l) => [l.id, l]));
    // full: the whole service (phones, schedules, areas, terms …) instead of its one-to-one fields
    const nested = full ? new Map(services(teams, children, vocab).map((s) => [s.id, s])) : null;
    const contents = pairs.map((p) => {
      const sal = serviceAtLocation(teamById.get(p.team_id)!, locationById.get(p.location_id)!, children.documents.get(p.team_id), children.structured);
      return nested ? { ...sal, service: nested.get(p.team_id) } : sal;
    });
    return { contents, total };
  }

  app.get('/hsds/service_at_locations', {
    schema: { tags, summary: 'Each team at each of its locations; the service filters apply; postcode: teams working there, with proximity: locations near it', querystring: ServiceAtLocationQuery, response: { 200: HsdsPage, ...errorResponses(400) } },
  }, async (request, reply) => {
    const { page: _page, per_page: _perPage, format: _format, full, postcode, proximity, ...filter } = request.query;
    let where: Parameters<typeof serviceAtLocationPage>[1] = filter;
    if (postcode) {
      const area = await postcodeArea(db(), postcode);
      if (proximity !== undefined) where = area.centre ? { ...filter, near: { ...area.centre, metres: proximity } } : { ...filter, buurt_codes: [] };
      else where = { ...filter, buurt_codes: area.buurtCodes };
    }
    return listAnswer(reply, request.query, (page, perPage) => serviceAtLocations(where, page, perPage, full));
  });

  app.get('/hsds/service_at_locations/:id', {
    schema: { tags, summary: 'One team at one of its locations, with the whole service', params: IdParams, response: { 200: HsdsObject, ...errorResponses(400, 404) } },
  }, async (request) => {
    const pair = await serviceAtLocationById(db(), request.params.id);
    const found = pair ? (await serviceAtLocations({ pairs: [pair] }, 1, 1, true)).contents[0] : undefined;
    if (!found) throw notFound('service_at_location', request.params.id);
    return found;
  });

  app.get('/hsds/taxonomies', {
    schema: { tags, summary: 'The two Wijkweb taxonomies: team types and help topics', querystring: HsdsPageQuery, response: { 200: HsdsPage, ...errorResponses(400) } },
  }, async (request, reply) => {
    const all = [taxonomy(TEAM_TYPE_TAXONOMY), taxonomy(TOPIC_TAXONOMY)];
    return listAnswer(reply, request.query, async (page, perPage) => ({ contents: all.slice((page - 1) * perPage, page * perPage), total: all.length }));
  });

  app.get('/hsds/taxonomies/:id', {
    schema: { tags, summary: 'One of the two Wijkweb taxonomies', params: IdParams, response: { 200: HsdsObject, ...errorResponses(400, 404) } },
  }, async (request) => {
    const found = [TEAM_TYPE_TAXONOMY, TOPIC_TAXONOMY].find((name) => taxonomyId(name) === request.params.id);
    if (!found) throw notFound('taxonomy', request.params.id);
    return taxonomy(found);
  });

  app.get('/hsds/taxonomy_terms/:id', {
    schema: { tags, summary: 'One taxonomy term: a team type, a topic, or a group of them', params: IdParams, response: { 200: HsdsObject, ...errorResponses(400, 404) } },
  }, async (request) => {
    const vocab = await loadVocabulary(db());
    const term = [...vocab.groups, ...vocab.terms].find((t) => t.id === request.params.id);
    if (!term) throw notFound('taxonomy_term', request.params.id);
    return taxonomyTerm(term);
  });

  app.get('/hsds/taxonomy_terms', {
    schema: { tags, summary: 'Team types and help topics as taxonomy terms', querystring: TaxonomyTermQuery, response: { 200: HsdsPage, ...errorResponses(400) } },
  }, async (request, reply) => {
    const { search, taxonomy_id, top_only, parent_id } = request.query;
    const needle = search?.toLowerCase();
    const vocab = await loadVocabulary(db());
    const terms = [...vocab.groups, ...vocab.terms]
      .filter((t) => !top_only || !t.parent_id)
      .filter((t) => !parent_id || t.parent_id === parent_id)
      .filter((t) => !taxonomy_id || taxonomyId(t.taxonomy) === taxonomy_id)
      .filter((t) => !needle || [t.key, t.label_nl, t.label_en].some((s) => s.toLowerCase().includes(needle)));
    return listAnswer(reply, request.query, async (page, perPage) => ({ contents: terms.slice((page - 1) * perPage, page * perPage).map(taxonomyTerm), total: terms.length }));
  });
};

export default hsdsRoutes;
