// HSDS 3.0 (Open Referral) under /hsds: the directory's public data in the international
// format for service directories. Paths, paging and field names follow the official
// OpenAPI of HSDS 3.0; see hsds.profile.ts for the Dutch profile.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../http/errors';
import { errorResponses, IdParams } from '../http/schemas';
import { TEAM_TYPE_TAXONOMY, TOPIC_TAXONOMY, taxonomyId } from './hsds.ids';
import { hsdsPage, organization, serviceAtLocation, serviceCore, services, taxonomy, taxonomyTerm } from './hsds.map';
import { HSDS_VERSION, PROFILE_MARKDOWN } from './hsds.profile';
import { loadVocabulary, organisationPage, serviceAtLocationPage, servicePage, servicesOfOrganisation } from './hsds.queries';
import { HsdsMeta, HsdsObject, HsdsPage, HsdsPageQuery, OrganizationQuery, ServiceQuery, TaxonomyTermQuery } from './hsds.schemas';

const tags = ['hsds'];

const hsdsRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.database.db;

  app.get('/hsds', {
    schema: { tags, summary: 'HSDS version, profile and OpenAPI document', response: { 200: HsdsMeta } },
  }, async (request) => {
    const origin = `${request.protocol}://${request.host}`;
    return { version: HSDS_VERSION, profile: `${origin}/hsds/profile`, openapi_url: `${origin}/docs/json` };
  });

  app.get('/hsds/profile', {
    schema: { tags, summary: 'The Dutch HSDS profile of Wijkweb (Markdown)', response: { 200: z.string() } },
  }, async (_request, reply) => reply.type('text/markdown; charset=utf-8').send(PROFILE_MARKDOWN));

  app.get('/hsds/services', {
    schema: { tags, summary: 'Teams as HSDS services, fully nested; filters combine (AND)', querystring: ServiceQuery, response: { 200: HsdsPage, ...errorResponses(400) } },
  }, async (request) => {
    const { page, per_page, ...filter } = request.query;
    const { rows, total, children, vocab } = await servicePage(db(), filter, page, per_page);
    return hsdsPage(services(rows, children, vocab), total, page, per_page);
  });

  app.get('/hsds/services/:id', {
    schema: { tags, summary: 'One team as a fully nested HSDS service (with area boundaries)', params: IdParams, response: { 200: HsdsObject, ...errorResponses(400, 404) } },
  }, async (request) => {
    const { rows, children, vocab } = await servicePage(db(), { ids: [request.params.id] }, 1, 1, true);
    const [service] = services(rows, children, vocab);
    if (!service) throw notFound('service', request.params.id);
    return service;
  });

  app.get('/hsds/organizations', {
    schema: { tags, summary: 'Organisations as HSDS organizations, paged', querystring: OrganizationQuery, response: { 200: HsdsPage, ...errorResponses(400) } },
  }, async (request) => {
    const { page, per_page, search } = request.query;
    const { rows, total, documents } = await organisationPage(db(), { search }, page, per_page);
    return hsdsPage(rows.map((o) => organization(o, documents.get(o.id))), total, page, per_page);
  });

  app.get('/hsds/organizations/:id', {
    schema: { tags, summary: 'One organisation with its services', params: IdParams, response: { 200: HsdsObject, ...errorResponses(400, 404) } },
  }, async (request) => {
    const { rows, documents } = await organisationPage(db(), { ids: [request.params.id] }, 1, 1);
    if (!rows[0]) throw notFound('organization', request.params.id);
    const teams = await servicesOfOrganisation(db(), rows[0].id);
    return { ...organization(rows[0], documents.get(rows[0].id)), services: teams.map((t) => serviceCore({ ...t, organisation_id: rows[0]!.id })) };
  });

  app.get('/hsds/service_at_locations', {
    schema: { tags, summary: 'Each team at each of its locations; the service filters apply', querystring: ServiceQuery, response: { 200: HsdsPage, ...errorResponses(400) } },
  }, async (request) => {
    const { page, per_page, ...filter } = request.query;
    const { pairs, total, teams, children } = await serviceAtLocationPage(db(), filter, page, per_page);
    const teamById = new Map(teams.map((t) => [t.id, t]));
    const locationById = new Map(children.locations.map((l) => [l.id, l]));
    const contents = pairs.map((p) => serviceAtLocation(teamById.get(p.team_id)!, locationById.get(p.location_id)!, children.documents.get(p.team_id)));
    return hsdsPage(contents, total, page, per_page);
  });

  app.get('/hsds/taxonomies', {
    schema: { tags, summary: 'The two Wijkweb taxonomies: team types and help topics', querystring: HsdsPageQuery, response: { 200: HsdsPage, ...errorResponses(400) } },
  }, async (request) => {
    const { page, per_page } = request.query;
    const all = [taxonomy(TEAM_TYPE_TAXONOMY), taxonomy(TOPIC_TAXONOMY)];
    return hsdsPage(all.slice((page - 1) * per_page, page * per_page), all.length, page, per_page);
  });

  app.get('/hsds/taxonomy_terms', {
    schema: { tags, summary: 'Team types and help topics as taxonomy terms', querystring: TaxonomyTermQuery, response: { 200: HsdsPage, ...errorResponses(400) } },
  }, async (request) => {
    const { page, per_page, search, taxonomy_id } = request.query;
    const needle = search?.toLowerCase();
    const terms = (await loadVocabulary(db())).terms
      .filter((t) => !taxonomy_id || taxonomyId(t.taxonomy) === taxonomy_id)
      .filter((t) => !needle || [t.key, t.label_nl, t.label_en].some((s) => s.toLowerCase().includes(needle)));
    return hsdsPage(terms.slice((page - 1) * per_page, page * per_page).map(taxonomyTerm), terms.length, page, per_page);
  });
};

export default hsdsRoutes;
