// The route list of the app as its OpenAPI document (/docs/json) states it, and the fixture
// ids the cross-cutting suites fill path and query parameters with. Generated from the
// document so a route added tomorrow is checked by tests/authz-matrix and tests/canary-crawl
// the day it exists (those suites fail when they cannot classify or fill a new route).
import type { FastifyInstance } from 'fastify';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../server/db/types';
import { isCurrentMembership } from '../../server/domain/membership';
import { DEMO_ACCOUNTS, DEMO_EDITOR_ORGANISATION, DEMO_PROFESSIONAL_TEAM } from '../../seeds/demo/accounts';

export interface ApiRoute {
  method: string;
  /** OpenAPI template, e.g. /api/teams/{id} */
  path: string;
  pathParams: string[];
  queryParams: string[];
  hasBody: boolean;
  /** The route takes If-Match (a versioned write). */
  versioned: boolean;
  /** "GET /api/teams/{id}": the key the suites' tables use. */
  key: string;
}

/** Every operation of /docs/json (API_DOCS is on outside production). */
export async function listRoutes(app: FastifyInstance): Promise<ApiRoute[]> {
  const res = await app.inject({ method: 'GET', url: '/docs/json' });
  if (res.statusCode !== 200) throw new Error(`/docs/json answered ${res.statusCode}`);
  const doc = res.json() as { paths: Record<string, Record<string, { parameters?: { in: string; name: string }[]; requestBody?: unknown }>> };
  const routes: ApiRoute[] = [];
  for (const [path, operations] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(operations)) {
      const params = op.parameters ?? [];
      routes.push({
        method: method.toUpperCase(), path, key: `${method.toUpperCase()} ${path}`, hasBody: op.requestBody !== undefined,
        versioned: params.some((p) => p.in === 'header' && p.name.toLowerCase() === 'if-match'),
        pathParams: params.filter((p) => p.in === 'path').map((p) => p.name),
        queryParams: params.filter((p) => p.in === 'query').map((p) => p.name),
      });
    }
  }
  return routes;
}

/** The template with every {param} replaced (URI-encoded); throws naming the ones missing. */
export function fillPath(template: string, values: Record<string, string | undefined>): string {
  const missing: string[] = [];
  const url = template.replace(/\{([^}]+)\}/g, (_all, name: string) => {
    const value = values[name];
    if (value === undefined) { missing.push(name); return ''; }
    return encodeURIComponent(value);
  });
  if (missing.length) throw new Error(`${template}: no value for ${missing.join(', ')}`);
  return url;
}

export const withQuery = (url: string, query: Record<string, string | undefined>) => {
  const pairs = Object.entries(query).filter(([, v]) => v !== undefined) as [string, string][];
  return pairs.length ? `${url}?${new URLSearchParams(pairs).toString()}` : url;
};

/** Records of three ownerships seen from the demo professional and the demo editor (org A). */
export interface Ownerships {
  orgA: string; orgB: string;
  /** The demo professional's team (org A), another team of org A, a team of org B. */
  teamA: string; teamA2: string; teamB: string;
  /** The demo professional's own person; a person only in teamA2; a person only in org B. */
  personSelf: string; personA2: string; personB: string;
  membershipSelf: string; membershipA2: string; membershipB: string;
  /** Locations used only by teamA's org / teamA2 / org B teams. */
  locationA: string; locationA2: string; locationB: string;
  buurt: string;
  professionalAccount: string; adminAccount: string; editorAAccount: string;
}

const one = <T>(rows: T[], what: string): T => {
  if (!rows[0]) throw new Error(`demo wijk has no ${what}`);
  return rows[0];
};

/** Finds the ownership fixtures in the demo wijk (see seeds/demo). */
export async function findOwnerships(db: Kysely<DB>): Promise<Ownerships> {
  const accounts = await db.selectFrom('accounts').select(['id', 'email', 'person_id']).execute();
  const byEmail = (email: string) => one(accounts.filter((a) => a.email === email), email);
  const professional = byEmail(DEMO_ACCOUNTS.professional.email);
  const personSelf = professional.person_id!;
  const current = await db.selectFrom('memberships as m').innerJoin('teams as t', 't.id', 'm.team_id')
    .select(['m.id', 'm.person_id', 'm.team_id', 't.organisation_id']).where(isCurrentMembership('m'))
    .where('t.archived_at', 'is', null).orderBy('m.id').execute();
  const orgsOf = (personId: string) => new Set(current.filter((m) => m.person_id === personId).map((m) => m.organisation_id));
  const teamsOf = (personId: string) => new Set(current.filter((m) => m.person_id === personId).map((m) => m.team_id));
  const onlyIn = (org: string, notTeam?: string) => current.filter((m) => {
    const orgs = orgsOf(m.person_id);
    return m.organisation_id === org && orgs.size === 1 && (!notTeam || !teamsOf(m.person_id).has(notTeam)) && m.person_id !== personSelf;
  });
  const a2 = one(onlyIn(DEMO_EDITOR_ORGANISATION, DEMO_PROFESSIONAL_TEAM).filter((m) => m.team_id !== DEMO_PROFESSIONAL_TEAM), 'second org-A team with members');
  const b = one(current.filter((m) => m.organisation_id !== DEMO_EDITOR_ORGANISATION && orgsOf(m.person_id).size === 1
    && !orgsOf(m.person_id).has(DEMO_EDITOR_ORGANISATION)), 'org-B member');
  const locationOnlyOf = async (teamIds: string[]) => {
    const rows = await db.selectFrom('team_locations as tl').innerJoin('teams as t', 't.id', 'tl.team_id')
      .select(['tl.location_id', sql<string>`string_agg(distinct t.id::text, ',')`.as('teams')]).groupBy('tl.location_id').execute();
    return one(rows.filter((r) => r.teams.split(',').every((t) => teamIds.includes(t))), `location of ${teamIds.join(',')}`).location_id;
  };
  const orgTeams = async (org: string) => (await db.selectFrom('teams').select('id').where('organisation_id', '=', org).execute()).map((t) => t.id);
  const teamsA = await orgTeams(DEMO_EDITOR_ORGANISATION);
  const teamsB = await orgTeams(b.organisation_id);
  const membershipOf = (personId: string, teamId: string) => one(current.filter((m) => m.person_id === personId && m.team_id === teamId), 'membership').id;
  const buurt = one(await db.selectFrom('areas').select('code').where('kind', '=', 'buurt').orderBy('code').execute(), 'buurt').code;
  return {
    orgA: DEMO_EDITOR_ORGANISATION, orgB: b.organisation_id,
    teamA: DEMO_PROFESSIONAL_TEAM, teamA2: a2.team_id, teamB: b.team_id,
    personSelf, personA2: a2.person_id, personB: b.person_id,
    membershipSelf: membershipOf(personSelf, DEMO_PROFESSIONAL_TEAM), membershipA2: a2.id, membershipB: b.id,
    locationA: await locationOnlyOf(teamsA), locationA2: await locationOnlyOf([a2.team_id]).catch(() => locationOnlyOf(teamsA)),
    locationB: await locationOnlyOf(teamsB),
    buurt,
    professionalAccount: professional.id, adminAccount: byEmail(DEMO_ACCOUNTS.admin.email).id, editorAAccount: byEmail(DEMO_ACCOUNTS.editor.email).id,
  };
}

let nextAddress = 0;
/** A fresh loopback address per request: per-address rate limits are not what these suites test. */
export const freshAddress = () => { nextAddress++; return `127.88.${Math.floor(nextAddress / 250) % 250}.${(nextAddress % 250) + 1}`; };
