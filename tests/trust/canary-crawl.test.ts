// Canary leak crawl (issue 7): a unique value in every field that is not public, then every
// anonymous answer (each GET route of /docs/json with every id of the database, searches for
// each canary, the address lookup per buurt, exports, error bodies, the web app and its
// assets) and every answer a professional of team X gets, searched for them. Secrets (hashes,
// tokens, TOTP secret, another account's met marks) may show up nowhere; team-level fields of
// people outside team X not to that professional. New GET routes are crawled automatically.
import { randomBytes, randomInt } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';
import { ensureWebBuild } from '../helpers/browser';
import { fillPath, findOwnerships, freshAddress, listRoutes, withQuery, type ApiRoute, type Ownerships } from '../helpers/openapi-routes';
import { issueToken } from '../../server/auth/invitations.queries';
import { createSession } from '../../server/auth/sessions.queries';
import { SESSION_COOKIE } from '../../server/http/session-cookie';

const tag = randomBytes(3).toString('hex').toUpperCase();
const canary = (field: string) => `CANARY-${field}-${tag}`;
const usedDigits = new Set<string>();
/** A valid 06 number with 8 digits no other canary shares (vCards may print it as +316…). */
const mobile = () => {
  let digits: string;
  do digits = `9${randomInt(1_000_000, 9_999_999)}`; while (usedDigits.has(digits));
  usedDigits.add(digits);
  return { value: `06-${digits}`, needle: digits };
};

interface Canary { name: string; needle: string }
const WEB_DIST = join(import.meta.dirname, '..', '..', 'web', 'dist');

describe('canary leak crawl', () => {
  let t: TestApp;
  let ids: Ownerships;
  let routes: ApiRoute[];
  /** Never in an anonymous answer. */
  const notPublic: Canary[] = [];
  /** Never in any answer to the professional of team X (nor anonymous). */
  const notForProfessional: Canary[] = [];
  let professionalCookie: string;
  const add = (list: Canary[], name: string, needle: string) => list.push({ name, needle });

  beforeAll(async () => {
    await ensureWebBuild();
    t = await createTestApp({ serveWeb: true });
    const db = t.database.db;
    ids = await findOwnerships(db);
    const now = new Date();

    // People: personSelf is in team X (the professional); personA2 (same organisation) and
    // personB (another) are not. Both outsiders are public, so residents reach their rows.
    const seedPerson = async (id: string, label: string, outsider: boolean) => {
      const m1 = mobile(); const m2 = mobile(); const m3 = mobile();
      const values = {
        public_profile: true, private_notes: canary(`notes-${label}`), availability_note: canary(`avail-${label}`),
        phone_mobile: m1.value, phone_mobile_visibility: 'team' as const,
        phone_work: m2.value, phone_work_visibility: 'team' as const,
        email_work: `canary-mail-${label}-${tag.toLowerCase()}@example.org`, email_work_visibility: 'team' as const,
        ask_me_about: canary(`ask-${label}`),
      };
      await db.updateTable('people').set(values).where('id', '=', id).execute();
      // no consent to publish anything: residents see name and job title only
      await db.updateTable('person_consents').set({ withdrawn_at: now }).where('person_id', '=', id).where('withdrawn_at', 'is', null).execute();
      const teamLevel: [string, string][] = [['notes', values.private_notes], ['avail', values.availability_note],
        ['mobile', m1.needle], ['work-phone', m2.needle], ['work-email', values.email_work]];
      for (const [field, needle] of [...teamLevel, ['ask', values.ask_me_about] as [string, string]]) add(notPublic, `${label}.${field}`, needle);
      if (outsider) for (const [field, needle] of teamLevel) add(notForProfessional, `${label}.${field}`, needle);
      // a professionals-level mobile on a third field set: seen by colleagues, never by residents
      return m3;
    };
    await seedPerson(ids.personSelf, 'self', false);
    await seedPerson(ids.personA2, 'a2', true);
    await seedPerson(ids.personB, 'b', true);
    const professionalsLevel = mobile();
    await db.updateTable('people').set({ phone_mobile: professionalsLevel.value, phone_mobile_visibility: 'professionals' })
      .where('id', '=', ids.personA2).execute();
    add(notPublic, 'a2.mobile-professionals', professionalsLevel.needle);
    // the team-level mobile of a2 was just replaced: drop it from the professional's list
    notForProfessional.splice(notForProfessional.findIndex((c) => c.name === 'a2.mobile'), 1);

    // A change made through the API, so the audit log and the change feed carry it too.
    const adminCookie = `${SESSION_COOKIE}=${(await createSession(db, ids.adminAccount)).token}`;
    const before = await t.app.inject({ method: 'GET', url: `/api/people/${ids.personB}`, headers: { cookie: adminCookie } });
    const patched = await t.app.inject({
      method: 'PATCH', url: `/api/people/${ids.personB}`, headers: { cookie: adminCookie, 'if-match': before.headers.etag as string },
      payload: { private_notes: canary('notes-via-api'), availability_note: canary('avail-via-api') },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    for (const f of ['notes-via-api', 'avail-via-api']) add(notForProfessional, `b.${f}`, canary(f));

    // Audit rows, tokens, TOTP secret, sessions, another account's met mark.
    await db.insertInto('audit_log').values({
      actor_account_id: ids.adminAccount, action: 'canary', entity_type: 'person', entity_id: ids.personB,
      before: JSON.stringify({ v: canary('audit-before') }), after: JSON.stringify({ v: canary('audit-after') }), meta: JSON.stringify({ v: canary('audit-meta') }),
    }).execute();
    for (const f of ['audit-before', 'audit-after', 'audit-meta']) add(notForProfessional, f, canary(f));
    const invite = await issueToken(db, { accountId: ids.editorAAccount, kind: 'invite', createdBy: ids.adminAccount, now });
    const reset = await issueToken(db, { accountId: ids.professionalAccount, kind: 'reset', createdBy: null, now });
    add(notForProfessional, 'invite token', invite);
    add(notForProfessional, 'reset token', reset);
    const totp = Array.from(randomBytes(20), (b) => 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'[b % 32]).join('');
    await db.updateTable('accounts').set({ totp_secret: totp, totp_enabled_at: now }).where('id', '=', ids.editorAAccount).execute();
    add(notForProfessional, 'totp secret', totp);
    const markedAt = '2031-07-13T04:05:06.789Z';
    await db.insertInto('met_marks').values({ account_id: ids.editorAAccount, person_id: ids.personSelf, marked_at: markedAt }).execute();
    add(notForProfessional, 'met mark of another account', '2031-07-13T04:05:06');
    const session = await createSession(db, ids.professionalAccount);
    professionalCookie = `${SESSION_COOKIE}=${session.token}`;
    await createSession(db, ids.adminAccount);
    const secrets = await db.selectFrom('accounts').select('password_hash').where('password_hash', 'is not', null).execute();
    for (const s of secrets) add(notForProfessional, 'password hash', s.password_hash!.slice(-40));
    for (const s of await db.selectFrom('sessions').select('token_hash').execute()) add(notForProfessional, 'session token hash', s.token_hash);
    for (const s of await db.selectFrom('account_tokens').select('token_hash').execute()) add(notForProfessional, 'account token hash', s.token_hash);
    // everything the professional may not see, residents may not either
    notPublic.push(...notForProfessional);
    routes = await listRoutes(t.app);
  });
  afterAll(async () => { await t?.close(); });

  /** Every URL to crawl: each GET route with every id that fits, plus searches, lookups, errors and the web app. */
  async function crawlUrls(): Promise<{ urls: string[]; unfilled: string[] }> {
    const db = t.database.db;
    const all = async (table: 'people' | 'teams' | 'organisations' | 'locations' | 'memberships') =>
      (await db.selectFrom(table).select('id').execute()).map((r) => r.id);
    const people = await all('people');
    const teams = await all('teams');
    const organisations = await all('organisations');
    const locations = await db.selectFrom('locations').select(['id', 'lat', 'lon', 'buurt_code']).execute();
    const areas = (await db.selectFrom('areas').select('code').execute()).map((a) => a.code);
    const memberships = await all('memberships');
    const pathways = (await db.selectFrom('pathways').select('key').execute()).map((p) => p.key);
    const photoHashes = (await db.selectFrom('person_photos').select('hash').execute()).map((p) => p.hash);
    const demoPhotos = (await db.selectFrom('people').select('photo_url').where('photo_url', 'like', '/demo-photos/%').execute())
      .map((p) => /\/demo-photos\/(.+)\.svg$/.exec(p.photo_url!)?.[1]).filter((n): n is string => !!n);
    // HSDS ids the directory has no table of its own for: taken from the lists that name them
    const hsdsIds = async (list: string) => {
      const ids: string[] = [];
      for (let page = 1; ; page++) {
        const body = (await t.app.inject({ method: 'GET', url: `${list}?per_page=100&page=${page}` })).json() as { contents?: { id: string }[]; total_pages?: number };
        ids.push(...(body.contents ?? []).map((c) => c.id));
        if (!body.total_pages || page >= body.total_pages) return ids;
      }
    };
    const hsds: Record<string, string[]> = {
      '/hsds/service_at_locations': await hsdsIds('/hsds/service_at_locations'),
      '/hsds/taxonomies': await hsdsIds('/hsds/taxonomies'),
      '/hsds/taxonomy_terms': await hsdsIds('/hsds/taxonomy_terms'),
    };
    const values: Record<string, (path: string) => string[]> = {
      id: (path) => (/^\/api\/people|^\/api\/me/.test(path) ? people
        : /^\/api\/teams|^\/hsds\/services/.test(path) ? teams
          : /^\/api\/organisations|^\/hsds\/organizations/.test(path) ? organisations
            : /^\/api\/locations/.test(path) ? locations.map((l) => l.id)
              : /^\/api\/memberships/.test(path) ? memberships
                : hsds[path.replace(/\/:?\{?id\}?$/, '')] ?? []),
      code: () => areas,
      kind: () => ['organisations', 'teams', 'locations', 'people', 'pathways'],
      hash: () => (photoHashes.length ? photoHashes : ['0'.repeat(64)]),
      name: () => demoPhotos.slice(0, 5),
      person_id: () => people,
      key: () => pathways,
    };
    const urls: string[] = [];
    const unfilled: string[] = [];
    for (const route of routes.filter((r) => r.method === 'GET' && !r.path.startsWith('/docs'))) {
      let combos: Record<string, string>[] = [{}];
      for (const name of route.pathParams) {
        const options = values[name]?.(route.path) ?? [];
        if (!options.length) { unfilled.push(`${route.key} {${name}}`); combos = []; break; }
        combos = combos.flatMap((c) => options.map((v) => ({ ...c, [name]: v })));
      }
      const query: Record<string, string> = route.queryParams.includes('per_page') ? { per_page: '100' } : {};
      // the change feed from the beginning, so every change ever made is in it
      if (route.queryParams.includes('since')) query.since = '2000-01-01T00:00:00Z';
      for (const c of combos) urls.push(withQuery(fillPath(route.path, c), query));
      // list filters by record: every team (people), every organisation (HSDS)
      if (route.queryParams.includes('team')) for (const team of teams) urls.push(withQuery(route.path, { team, per_page: '100' }));
      if (route.queryParams.includes('organization_id')) for (const o of organisations) urls.push(withQuery(route.path, { organization_id: o }));
      if (route.queryParams.includes('area')) for (const area of areas) urls.push(withQuery(route.path, { area }));
      if (route.path === '/api/people') urls.push(withQuery(route.path, { per_page: '100', page: '2' }));
    }
    for (const c of notPublic) {
      urls.push(withQuery('/api/search', { q: c.needle }), withQuery('/api/people', { q: c.needle }), withQuery('/hsds/services', { search: c.needle }));
    }
    const seenBuurt = new Set<string>();
    for (const l of locations) {
      if (l.buurt_code && !seenBuurt.has(l.buurt_code)) {
        seenBuurt.add(l.buurt_code);
        for (const path of ['/api/lookup', '/api/lookup/vcard']) urls.push(withQuery(path, { lat: String(l.lat), lon: String(l.lon) }));
        // each pathway resolved for the buurt: steps name contact persons
        for (const key of pathways) urls.push(withQuery(`/api/pathways/${key}`, { area: l.buurt_code }));
      }
    }
    urls.push('/api/people/00000000-0000-4000-8000-000000000000', '/api/people/geen-id', '/api/teams/geen-id', '/api/bestaat-niet',
      `/api/search?q=${'x'.repeat(500)}`, '/api/areas/XX', '/api/lookup', '/api/lookup/vcard', '/');
    const files = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)]));
    for (const file of files(WEB_DIST)) if (!/\.(br|gz)$/.test(file)) urls.push(`/${relative(WEB_DIST, file).split('\\').join('/')}`);
    return { urls, unfilled };
  }

  /** Fetches every URL as the audience; returns the hits of `canaries` (with vCard lines unfolded). */
  async function crawl(cookie: string | undefined, canaries: Canary[]) {
    const { urls, unfilled } = await crawlUrls();
    const hits: string[] = [];
    let requests = 0;
    for (const url of urls) {
      const res = await t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {}, remoteAddress: freshAddress() });
      requests++;
      const text = `${JSON.stringify(res.headers)}\n${res.body.replace(/\r?\n[ \t]/g, '')}`;
      if (res.statusCode >= 500) hits.push(`${url}: server error ${res.statusCode}`);
      for (const c of canaries) if (text.includes(c.needle)) hits.push(`${url} (${res.statusCode}) shows ${c.name}`);
    }
    return { hits, unfilled, requests };
  }

  test('the crawl covers every GET route and all kinds of canaries', () => {
    expect(routes.filter((r) => r.method === 'GET').length).toBeGreaterThan(40);
    expect(notPublic.length).toBeGreaterThan(25);
  });

  test('no anonymous answer shows a canary', async () => {
    const { hits, unfilled, requests } = await crawl(undefined, notPublic);
    console.info(`canary crawl (anonymous): ${requests} requests, ${notPublic.length} canaries`);
    expect(unfilled, 'GET routes whose parameters the crawl cannot fill').toEqual([]);
    expect(hits).toEqual([]);
  }, 300_000);

  test('a professional of team X sees no other team\'s team-level fields and no secrets', async () => {
    const { hits, requests } = await crawl(professionalCookie, notForProfessional);
    console.info(`canary crawl (professional): ${requests} requests, ${notForProfessional.length} canaries`);
    expect(hits).toEqual([]);
  }, 300_000);

  test('the canaries are really there: the admin sees team-level fields (the crawl can find them)', async () => {
    const admin = `${SESSION_COOKIE}=${(await createSession(t.database.db, ids.adminAccount)).token}`;
    const res = await t.app.inject({ method: 'GET', url: `/api/people/${ids.personB}`, headers: { cookie: admin } });
    expect(res.body).toContain(canary('notes-via-api'));
    const anon = await t.app.inject({ method: 'GET', url: `/api/people/${ids.personB}` });
    expect(anon.statusCode).toBe(200);
    // the professional sees a colleague's professionals-level mobile, in JSON and in the vCard
    const needle = notPublic.find((c) => c.name === 'a2.mobile-professionals')!.needle;
    for (const url of [`/api/people/${ids.personA2}`, `/api/people/${ids.personA2}/vcard`]) {
      const seen = await t.app.inject({ method: 'GET', url, headers: { cookie: professionalCookie } });
      expect(seen.body.replace(/\r?\n[ \t]/g, ''), url).toContain(needle);
    }
    const own = await t.app.inject({ method: 'GET', url: `/api/people/${ids.personSelf}`, headers: { cookie: professionalCookie } });
    expect(own.body).toContain(canary('notes-self'));
  });
});
