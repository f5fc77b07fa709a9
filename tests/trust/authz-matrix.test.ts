// Authorization matrix (issue 7): every route of /docs/json × five audiences × three record
// ownerships, ids swapped in path, query and body. RULES says who may pass each route; a route
// without a rule fails the suite, so a new route is classified the day it exists. Writes go
// with If-Match "0": the permission check runs before the version check (editing.http.ts
// versionedWrite), so an allowed audience gets 412 and nothing is written.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createAccount } from '../helpers/auth';
import { createTestApp, type TestApp } from '../helpers/app';
import { fillPath, findOwnerships, freshAddress, listRoutes, withQuery, type ApiRoute, type Ownerships } from '../helpers/openapi-routes';
import { createSession } from '../../server/auth/sessions.queries';
import { SESSION_COOKIE } from '../../server/http/session-cookie';

const AUDIENCES = ['anonymous', 'professional', 'editorA', 'editorB', 'admin', 'analist'] as const;
const OWNERSHIPS = ['own', 'otherTeam', 'otherOrg'] as const;
type Aud = (typeof AUDIENCES)[number];
type Own = (typeof OWNERSHIPS)[number];
type Allow = (aud: Aud, own: Own) => boolean;

// ── who may pass ────────────────────────────────────────────────────────────────────────────
const everyone: Allow = () => true;
const signedIn: Allow = (a) => a !== 'anonymous';
const editors: Allow = (a) => a === 'editorA' || a === 'editorB' || a === 'admin';
const admins: Allow = (a) => a === 'admin';
/** The gemeente's insight: its analist and admins (domain/permissions.ts mayViewInsight). */
const insight: Allow = (a) => a === 'analist' || a === 'admin';
/** Admin, or an editor of the organisation that owns the record ("own"/"otherTeam" are org A). */
const orgEditor: Allow = (a, o) => a === 'admin' || (a === 'editorA' && o !== 'otherOrg') || (a === 'editorB' && o === 'otherOrg');
/** orgEditor, or the person themself (the professional's own record). */
const selfOrEditor: Allow = (a, o) => orgEditor(a, o) || (a === 'professional' && o === 'own');
/** Sign-in, reset and invitation acceptance: anyone may call; success depends on a secret in the body. */
const OPEN = 'open' as const;

interface Rule {
  allow: Allow | typeof OPEN;
  body?: (own: Own, f: Fixture) => unknown;
  contentType?: string;
  /** Changes the caller's sessions: fresh sessions afterwards. */
  endsSessions?: true;
}

const CSV = 'text/csv';
const orgOf = (o: Own, f: Fixture) => (o === 'otherOrg' ? f.ids.orgB : f.ids.orgA);
const teamOf = (o: Own, f: Fixture) => ({ own: f.ids.teamA, otherTeam: f.ids.teamA2, otherOrg: f.ids.teamB })[o];
const personOf = (o: Own, f: Fixture) => ({ own: f.ids.personSelf, otherTeam: f.ids.personA2, otherOrg: f.ids.personB })[o];
let unique = 0;
const email = () => `matrix-${++unique}@example.org`;

const RULES: Record<string, Rule> = {
  'GET /api/health': { allow: everyone },
  'GET /api/health/ready': { allow: everyone },
  'GET /api/config': { allow: everyone },
  'GET /api/topics': { allow: everyone },
  'GET /api/team-types': { allow: everyone },
  'GET /api/areas': { allow: everyone },
  'GET /api/areas/{code}': { allow: everyone },
  'GET /api/areas/{code}/people': { allow: everyone },
  'GET /api/areas/{code}/vcard': { allow: everyone },
  'GET /api/areas/{code}/changes': { allow: signedIn },
  'GET /api/organisations': { allow: everyone },
  'GET /api/organisations/{id}': { allow: everyone },
  'POST /api/organisations': { allow: admins, body: () => ({ name: `Matrix org ${++unique}` }) },
  'PATCH /api/organisations/{id}': { allow: orgEditor, body: () => ({ description: 'matrix' }) },
  'DELETE /api/organisations/{id}': { allow: admins },
  'POST /api/organisations/{id}/verify': { allow: orgEditor },
  'GET /api/teams': { allow: everyone },
  'GET /api/teams/{id}': { allow: everyone },
  'POST /api/teams': { allow: orgEditor, body: (o, f) => ({ name: `Matrix team ${++unique}`, team_type: 'buurtteam', organisation_id: orgOf(o, f) }) },
  'PATCH /api/teams/{id}': { allow: orgEditor, body: () => ({ description: 'matrix' }) },
  'DELETE /api/teams/{id}': { allow: orgEditor },
  'POST /api/teams/{id}/verify': { allow: orgEditor },
  'GET /api/teams/{id}/vcard': { allow: everyone },
  'GET /api/teams/{id}/history': { allow: orgEditor },
  'GET /api/people/{id}/history': { allow: orgEditor },
  'GET /api/organisations/{id}/history': { allow: orgEditor },
  'GET /api/locations/{id}/history': { allow: orgEditor },
  'GET /api/review': { allow: editors },
  'GET /api/teams/{id}/vcard/qr.svg': { allow: everyone },
  'GET /api/locations/{id}': { allow: everyone },
  'POST /api/locations': { allow: editors, body: () => ({ street: 'Matrixstraat', house_number: String(++unique), postcode: '1234 AB', city: 'Lindeburg', lat: 52.1, lon: 5.1 }) },
  'PATCH /api/locations/{id}': { allow: orgEditor, body: () => ({ city: 'Lindeburg' }) },
  'DELETE /api/locations/{id}': { allow: orgEditor },
  'POST /api/locations/{id}/verify': { allow: orgEditor },
  'GET /api/memberships/{id}': { allow: signedIn },
  'POST /api/memberships': { allow: orgEditor, body: (o, f) => ({ person_id: f.loner, team_id: teamOf(o, f), role: 'matrix' }) },
  'PATCH /api/memberships/{id}': { allow: orgEditor, body: () => ({ role: 'matrix' }) },
  'POST /api/memberships/{id}/end': { allow: orgEditor, body: () => ({ until: '2099-12-31' }) },
  // the fixture's memberships are all current: accepting one is nobody's to do (requested ones:
  // tests/permissions/takeover.test.ts and chains.test.ts)
  'POST /api/memberships/{id}/accept': { allow: () => false },
  'GET /api/people': { allow: everyone },
  'GET /api/people/{id}': { allow: everyone },
  'POST /api/people': { allow: orgEditor, body: (o, f) => ({ given_name: 'Matrix', family_name: `Persoon ${++unique}`, team_id: teamOf(o, f) }) },
  'PATCH /api/people/{id}': { allow: selfOrEditor, body: () => ({ job_title: 'matrix' }) },
  // one's own record is deleted through Mijn gegevens (DELETE /api/me), not here
  'DELETE /api/people/{id}': { allow: orgEditor },
  'POST /api/people/{id}/verify': { allow: selfOrEditor },
  'GET /api/people/{id}/vcard': { allow: everyone },
  'GET /api/people/{id}/vcard/qr.svg': { allow: everyone },
  // an empty image: allowed audiences get 400/409 after the permission check
  'POST /api/people/{id}/photo': { allow: selfOrEditor, contentType: 'image/png', body: () => Buffer.from('not an image') },
  'DELETE /api/people/{id}/photo': { allow: selfOrEditor },
  'GET /api/photos/{hash}.webp': { allow: everyone },
  'GET /api/pathways': { allow: everyone },
  'GET /api/pathways/at': { allow: everyone },
  'GET /api/pathways/{key}': { allow: everyone },
  'POST /api/pathways': { allow: admins, body: () => ({ key: `matrix_${++unique}`, audience: 'professionals', title: 'Matrix', situation: 'matrix', steps: [{ action: 'Bel', target: { kind: 'instruction' } }] }) },
  'PATCH /api/pathways/{key}': { allow: admins, body: () => ({ situation: 'matrix' }) },
  'DELETE /api/pathways/{key}': { allow: admins },
  'POST /api/pathways/{key}/verify': { allow: admins },
  'GET /api/pathways/{key}/history': { allow: admins },
  'GET /demo-photos/{name}.svg': { allow: everyone },
  'GET /api/map/markers': { allow: everyone },
  'GET /api/map/boundaries': { allow: everyone },
  'GET /api/map/extent': { allow: everyone },
  'GET /api/search': { allow: everyone },
  'GET /api/lookup': { allow: everyone },
  'GET /api/lookup/vcard': { allow: everyone },
  'GET /hsds': { allow: everyone },
  'GET /hsds/profile': { allow: everyone },
  'GET /hsds/services': { allow: everyone },
  'GET /hsds/services/{id}': { allow: everyone },
  'GET /hsds/organizations': { allow: everyone },
  'GET /hsds/organizations/{id}': { allow: everyone },
  'GET /hsds/service_at_locations': { allow: everyone },
  'GET /hsds/service_at_locations/{id}': { allow: everyone },
  'GET /hsds/taxonomies': { allow: everyone },
  'GET /hsds/taxonomies/{id}': { allow: everyone },
  'GET /hsds/taxonomy_terms': { allow: everyone },
  'GET /hsds/taxonomy_terms/{id}': { allow: everyone },
  'GET /api/export/{kind}.csv': { allow: everyone },
  'POST /api/import/{kind}.csv': { allow: editors, contentType: CSV, body: () => 'id\n' },
  'GET /api/me/data': { allow: signedIn },
  'PUT /api/me/consents/{field}': { allow: signedIn },
  'DELETE /api/me/consents/{field}': { allow: signedIn },
  'PUT /api/me/public-profile': { allow: signedIn, body: () => ({ public: false }) },
  'DELETE /api/me/mobile': { allow: signedIn },
  // a wrong confirmation: allowed audiences get 400 confirm_mismatch, nothing is deleted
  'DELETE /api/me': { allow: signedIn, body: () => ({ confirm: 'iemand-anders@example.org' }) },
  'GET /api/me/kennismaken': { allow: signedIn },
  'GET /api/me/kennismaken/vcard': { allow: signedIn },
  'PUT /api/me/met/{person_id}': { allow: signedIn },
  'DELETE /api/me/met/{person_id}': { allow: signedIn },
  'GET /api/me/home-area': { allow: signedIn },
  'PUT /api/me/home-area': { allow: signedIn, body: (_o, f) => ({ area: f.ids.buurt }) },
  'GET /api/me/digest': { allow: signedIn },
  'PUT /api/me/digest': { allow: signedIn, body: (_o, f) => ({ area: f.ids.buurt }) },
  'DELETE /api/me/digest': { allow: signedIn, body: (_o, f) => ({ area: f.ids.buurt }) },
  'POST /api/auth/login': { allow: OPEN, body: () => ({ email: 'niemand@example.org', password: 'verkeerd-wachtwoord' }) },
  'POST /api/auth/logout': { allow: OPEN, endsSessions: true },
  'GET /api/auth/me': { allow: signedIn },
  // a wrong current password: allowed audiences get 400 wrong_password, nothing changes
  'POST /api/auth/password': { allow: signedIn, body: () => ({ current_password: 'niet-mijn-wachtwoord', new_password: 'x' }) },
  // editors invite editors within their own scope only
  'POST /api/auth/invitations': { allow: orgEditor, body: (o, f) => ({ email: email(), role: 'editor', scopes: [{ organisation_id: orgOf(o, f) }] }) },
  'POST /api/auth/invitations/accept': { allow: OPEN, body: () => ({ token: 'x'.repeat(43), password: 'een lang genoeg wachtwoord 42' }) },
  'POST /api/auth/reset': { allow: OPEN, body: () => ({ email: email() }) },
  'POST /api/auth/reset/confirm': { allow: OPEN, body: () => ({ token: 'x'.repeat(43), password: 'een lang genoeg wachtwoord 42' }) },
  'POST /api/auth/totp/setup': { allow: editors },
  'POST /api/auth/totp/confirm': { allow: editors, body: () => ({ code: '000000' }) },
  'DELETE /api/auth/totp': { allow: editors, body: () => ({ code: '000000' }) },
  'GET /api/auth/sessions': { allow: signedIn },
  // "own": a session of the caller; otherwise someone else's, which nobody may end
  'DELETE /api/auth/sessions/{id}': { allow: (a, o) => a !== 'anonymous' && o === 'own' },
  'POST /api/auth/sessions/revoke-all': { allow: signedIn, endsSessions: true },
  'GET /api/admin/accounts': { allow: admins },
  'PATCH /api/admin/accounts/{id}': { allow: admins, body: () => ({ role: 'professional' }) },
  'POST /api/admin/accounts/{id}/revoke-sessions': { allow: admins },
  'GET /api/admin/audit': { allow: admins },
  'GET /api/insight/coverage': { allow: insight },
  'GET /api/insight/usage': { allow: insight },
};

interface Fixture {
  ids: Ownerships; victimAccount: string;
  /** A person in no team: adding them anywhere changes no fixture's ownership. */
  loner: string; cookies: Map<Aud, string>; accounts: Map<Aud, string> }

describe('authorization matrix: every route × audience × ownership', () => {
  let t: TestApp;
  let routes: ApiRoute[];
  const f = { cookies: new Map(), accounts: new Map() } as Fixture;
  let requests = 0;

  const mint = async (accountId: string) => `${SESSION_COOKIE}=${(await createSession(t.database.db, accountId)).token}`;
  const refreshSessions = async () => {
    for (const [aud, id] of f.accounts) f.cookies.set(aud, await mint(id));
  };

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    f.ids = await findOwnerships(db);
    f.accounts.set('professional', f.ids.professionalAccount);
    f.accounts.set('editorA', f.ids.editorAAccount);
    f.accounts.set('admin', f.ids.adminAccount);
    f.accounts.set('editorB', await createAccount(db, { email: 'editor-b@example.org', role: 'editor', scopes: [{ organisationId: f.ids.orgB }] }));
    f.accounts.set('analist', await createAccount(db, { email: 'analist-matrix@example.org', role: 'analist' }));
    f.loner = (await db.insertInto('people').values({ given_name: 'Zonder', family_name: 'Team' }).returning('id').executeTakeFirstOrThrow()).id;
    f.victimAccount = await createAccount(db, { email: 'victim@example.org', role: 'professional' });
    await refreshSessions();
    routes = await listRoutes(t.app);
  });
  afterAll(async () => { await t?.close(); });

  test('every route in /docs/json has a rule, and every rule a route', () => {
    const keys = routes.map((r) => r.key);
    expect(keys.filter((k) => !(k in RULES)), 'routes without a rule in RULES: classify them').toEqual([]);
    expect(Object.keys(RULES).filter((k) => !keys.includes(k)), 'rules for routes that no longer exist').toEqual([]);
    expect(routes.length).toBeGreaterThan(80);
  });

  async function paramValues(route: ApiRoute, aud: Aud, own: Own): Promise<Record<string, string>> {
    const ids = f.ids;
    const pick = <T>(a: T, b: T, c: T) => ({ own: a, otherTeam: b, otherOrg: c })[own];
    const byPrefix: [RegExp, () => string | Promise<string>][] = [
      [/^\/api\/(teams|hsds)|^\/hsds\/services/, () => teamOf(own, f)],
      [/^\/api\/organisations|^\/hsds\/organizations/, () => orgOf(own, f)],
      [/^\/hsds\/(service_at_locations|taxonomies|taxonomy_terms)/, () => '00000000-0000-4000-8000-000000000001'],
      [/^\/api\/locations/, () => pick(ids.locationA, ids.locationA2, ids.locationB)],
      [/^\/api\/memberships/, () => pick(ids.membershipSelf, ids.membershipA2, ids.membershipB)],
      [/^\/api\/people/, () => personOf(own, f)],
      [/^\/api\/admin\/accounts/, () => f.victimAccount],
      [/^\/api\/auth\/sessions/, async () => (await createSession(t.database.db, own === 'own' && aud !== 'anonymous' ? f.accounts.get(aud)! : f.victimAccount)).id],
    ];
    const values: Record<string, string> = {};
    for (const name of route.pathParams) {
      if (name === 'id') values.id = await one(byPrefix.find(([re]) => re.test(route.path)), route.key)[1]();
      else if (name === 'code') values.code = ids.buurt;
      else if (name === 'kind') values.kind = pick('people', 'teams', 'organisations');
      else if (name === 'field') values.field = pick('photo_internal', 'ask_me_about', 'phone_work');
      else if (name === 'person_id') values.person_id = personOf(own, f);
      else if (name === 'name') values.name = 'matrix-onbekend';
      else if (name === 'hash') values.hash = 'a'.repeat(64);
      else if (name === 'key') values.key = 'jeugdige'; // a demo pathway (pathways belong to the installation)
      else throw new Error(`${route.key}: no value for path parameter ${name}`);
    }
    return values;
  }

  /** Query parameters that name records get ids of the ownership under test. */
  function queryValues(route: ApiRoute, own: Own): Record<string, string | undefined> {
    const q: Record<string, string | undefined> = {};
    for (const name of route.queryParams) {
      if (name === 'team') q.team = teamOf(own, f);
      if (name === 'organization_id') q.organization_id = orgOf(own, f);
      if (name === 'area') q.area = f.ids.buurt;
      if (name === 'actor') q.actor = f.accounts.get('professional');
      if (name === 'dry_run') q.dry_run = '1';
      if (name === 'q' && route.path === '/api/search') q.q = 'wijkteam';
    }
    if (route.path === '/api/lookup' || route.path === '/api/lookup/vcard') Object.assign(q, { lat: '52.1', lon: '5.1' });
    return q;
  }

  const one = <T>(x: T | undefined, what: string): T => { if (!x) throw new Error(`no id for ${what}`); return x; };

  test('no audience gets a 2xx it should not, and allowed audiences are never refused', async () => {
    const wrong: string[] = [];
    for (const route of routes) {
      const rule = RULES[route.key];
      if (!rule) continue;
      const ownerships = route.pathParams.length || route.queryParams.some((q) => ['team', 'organization_id'].includes(q)) || rule.body ? OWNERSHIPS : (['own'] as const);
      for (const own of ownerships) {
        for (const aud of AUDIENCES) {
          // the analist owns nothing and edits nothing: every ownership is "someone else's" to
          // it, so one ownership proves its refusals (and keeps the matrix's time in bounds)
          if (aud === 'analist' && own !== 'own') continue;
          const url = withQuery(fillPath(route.path, await paramValues(route, aud, own)), queryValues(route, own));
          const body = rule.body?.(own, f);
          const headers: Record<string, string> = {};
          if (aud !== 'anonymous') headers.cookie = f.cookies.get(aud)!;
          if (body !== undefined) headers['content-type'] = rule.contentType ?? 'application/json';
          if (route.method !== 'GET') headers['if-match'] = '"0"';
          const res = await t.app.inject({
            method: route.method as 'GET', url, headers, remoteAddress: freshAddress(),
            ...(body === undefined ? {} : { payload: typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body) }),
          });
          requests++;
          const status = res.statusCode;
          const label = `${route.method} ${url} as ${aud} (${own}) → ${status} ${status >= 400 ? res.body.slice(0, 160) : ''}`;
          if (status >= 500) wrong.push(`server error: ${label}`);
          else if (rule.allow !== OPEN) {
            const allowed = rule.allow(aud, own);
            if (!allowed && status < 300) wrong.push(`unexpected success: ${label}`);
            if (!allowed && status < 400) wrong.push(`not refused: ${label}`);
            if (!allowed && ![401, 403, 404].includes(status)) wrong.push(`refused with the wrong status: ${label}`);
            if (!allowed && aud === 'anonymous' && status === 403) wrong.push(`anonymous should get 401: ${label}`);
            if (allowed && [401, 403].includes(status)) wrong.push(`wrongly refused: ${label}`);
            // proves the caller got past the owner check to the version check, on a real record
            if (allowed && route.versioned && status !== 412) wrong.push(`expected 412 after the permission check: ${label}`);
          }
          if (rule.endsSessions) await refreshSessions();
        }
      }
    }
    console.info(`authz matrix: ${requests} requests over ${routes.length} routes`);
    expect(wrong).toEqual([]);
  }, 240_000);
});
