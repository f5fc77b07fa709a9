// Chains of requests, not single ones (issue 14): fast-check draws sequences of real API calls
// (ask for, accept and end memberships, link locations, edit and verify people, teams and
// locations, invite an account for a person, import a one-row CSV, change a password, switch
// TOTP on, read a person) by random actors (editors of two organisations, a professional of
// organisation B, an admin, a resident) and runs them against the real app. After every step the
// answer is compared with a small model of who owns what. The model grants rights only the way
// the owner grants them: a person's record to their employer and themself; a team's and a
// location's to their organisation; a membership counts (and shows team-level fields such as 06
// numbers and notes) only after the person's employer or the person accepted it. Any response
// that gives an actor more than the model does fails the run with its seed and path.
//
// Each run gets its own organisations, teams, people, locations and accounts (tests/helpers/
// ownership-world.ts), so runs never interfere and nothing is re-seeded. CHAIN_RUNS raises the
// number of runs: the default (16) keeps the file near 90 s per backend on a shared 2-core
// machine (~5 s per sequence there); CI with cores to spare should run a few hundred.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpFor } from '../../server/auth/totp.verify';
import { createTestApp, type TestApp } from '../helpers/app';
import { TEST_BACKEND } from '../helpers/db';
import { freshAddress } from '../helpers/openapi-routes';
import { type Actor, ACTORS, createWorld, type World } from '../helpers/ownership-world';

const RUNS = Number(process.env.CHAIN_RUNS ?? 16);
const PASSWORD = 'correct horse battery staple';

type Org = 'A' | 'B';
type PersonKey = 'personA' | 'personB' | 'personB2';
type TeamKey = 'teamA' | 'teamB';
type LocationKey = 'locationA' | 'locationB';
const PEOPLE: readonly PersonKey[] = ['personA', 'personB', 'personB2'];
const TEAMS: readonly TeamKey[] = ['teamA', 'teamB'];
const LOCATIONS: readonly LocationKey[] = ['locationA', 'locationB'];

/** Who owns what, and which memberships count: the model the app must never exceed. */
interface Model {
  employer: Record<PersonKey, Org>;
  memberships: Array<{ id: string; person: PersonKey; team: TeamKey; status: 'requested' | 'current'; open: boolean }>;
  totpOn: Set<Actor>;
}
interface Real { w: World; passwords: Map<Actor, string> }

const orgOfTeam = (team: TeamKey): Org => (team === 'teamA' ? 'A' : 'B');
const orgOfLocation = (location: LocationKey): Org => (location === 'locationA' ? 'A' : 'B');
const isEditorOf = (actor: Actor, org: Org) => actor === 'admin' || actor === `editor${org}`;
const isSelf = (actor: Actor, person: PersonKey) => actor === 'professional' && person === 'personB2';
const currentTeams = (m: Model, person: PersonKey) => new Set(m.memberships.filter((x) => x.person === person && x.status === 'current').map((x) => x.team));

// ---- the model's rules ---------------------------------------------------------------------
const mayEditPerson = (m: Model, a: Actor, p: PersonKey) => isSelf(a, p) || isEditorOf(a, m.employer[p]);
const mayInvite = (m: Model, a: Actor, p: PersonKey) => isEditorOf(a, m.employer[p]);
const mayEditTeam = (a: Actor, t: TeamKey) => isEditorOf(a, orgOfTeam(t));
const mayEditLocation = (a: Actor, l: LocationKey) => isEditorOf(a, orgOfLocation(l));
/** 06 numbers and notes at 'team' level: the person, admins, a colleague in a current team, an editor of an organisation they work in now. */
function seesTeamLevel(m: Model, a: Actor, p: PersonKey): boolean {
  if (a === 'admin' || isSelf(a, p)) return true;
  const teams = currentTeams(m, p);
  if (a === 'professional') return [...currentTeams(m, 'personB2')].some((t) => teams.has(t));
  if (a === 'editorA' || a === 'editorB') return [...teams].some((t) => orgOfTeam(t) === a.slice(-1));
  return false;
}

// ---- talking to the app --------------------------------------------------------------------
let t: TestApp;
async function call(r: Real, actor: Actor, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown, options: { etag?: string; type?: string } = {}) {
  const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
  const res = await t.app.inject({
    method, url, remoteAddress: freshAddress(), payload,
    headers: { ...r.w.cookies[actor], ...(options.etag ? { 'if-match': options.etag } : {}), ...(payload === undefined ? {} : { 'content-type': options.type ?? 'application/json' }) },
  });
  const json = (() => { try { return res.body ? JSON.parse(res.body) : null; } catch { return null; } })();
  return { status: res.statusCode, body: json, etag: res.headers.etag as string | undefined };
}
/** The current ETag as the record's owner reads it (so a refusal is about rights, never about a stale version). */
const ownersEtag = async (r: Real, url: string) => (await call(r, 'admin', 'GET', url)).etag!;

/** A refused call: 401 for residents, else 403 (or 404 where the record is not theirs to know of). */
function expectRefused(status: number, actor: Actor, label: string) {
  if (actor === 'resident') expect(status, label).toBe(401);
  else expect([403, 404], label).toContain(status);
}
function expectOutcome(status: number, allowed: boolean, actor: Actor, label: string, ok = [200, 201, 202]) {
  expect(status, label).toBeLessThan(500);
  if (allowed) expect(ok, label).toContain(status);
  else expectRefused(status, actor, label);
}

// ---- commands -------------------------------------------------------------------------------
type Cmd = fc.AsyncCommand<Model, Real>;
const actor = fc.constantFrom(...ACTORS);
const person = fc.constantFrom(...PEOPLE);
const team = fc.constantFrom(...TEAMS);
const location = fc.constantFrom(...LOCATIONS);

class RequestMembership implements Cmd {
  constructor(readonly a: Actor, readonly p: PersonKey, readonly tm: TeamKey) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const res = await call(r, this.a, 'POST', '/api/memberships', { person_id: r.w[this.p], team_id: r.w[this.tm], role: 'lid' });
    const label = this.toString();
    const editor = this.a !== 'professional' && this.a !== 'resident' && mayEditTeam(this.a, this.tm);
    if (editor && m.memberships.some((x) => x.person === this.p && x.team === this.tm && x.open)) { expect(res.status, label).toBe(409); return; }
    expectOutcome(res.status, editor, this.a, label, [201]);
    if (res.status !== 201) return;
    // current at once only when the one adding speaks for the person's employer
    const status = mayEditPerson(m, this.a, this.p) ? 'current' : 'requested';
    expect(res.body.status, label).toBe(status);
    m.memberships.push({ id: res.body.id, person: this.p, team: this.tm, status, open: true });
  }
  toString = () => `${this.a} asks for ${this.p} in ${this.tm}`;
}

class AcceptMembership implements Cmd {
  constructor(readonly a: Actor, readonly pick: number) {}
  check = (m: Readonly<Model>) => m.memberships.length > 0;
  async run(m: Model, r: Real) {
    const ms = m.memberships[this.pick % m.memberships.length]!;
    const url = `/api/memberships/${ms.id}`;
    const res = await call(r, this.a, 'POST', `${url}/accept`, undefined, { etag: await ownersEtag(r, url) });
    const allowed = ms.status === 'requested' && mayEditPerson(m, this.a, ms.person);
    expectOutcome(res.status, allowed, this.a, `${this} (${ms.person} in ${ms.team}, ${ms.status})`);
    if (allowed) ms.status = 'current';
  }
  toString = () => `${this.a} accepts membership #${this.pick}`;
}

class EndMembership implements Cmd {
  constructor(readonly a: Actor, readonly pick: number) {}
  check = (m: Readonly<Model>) => m.memberships.length > 0;
  async run(m: Model, r: Real) {
    const ms = m.memberships[this.pick % m.memberships.length]!;
    const url = `/api/memberships/${ms.id}`;
    const res = await call(r, this.a, 'POST', `${url}/end`, {}, { etag: await ownersEtag(r, url) });
    // the team's organisation ends it; ending today leaves it counting through today
    expectOutcome(res.status, mayEditTeam(this.a, ms.team), this.a, `${this} (${ms.person} in ${ms.team}, ${ms.status})`);
    if (res.status === 200) ms.open = false;
  }
  toString = () => `${this.a} ends membership #${this.pick}`;
}

class LinkLocation implements Cmd {
  constructor(readonly a: Actor, readonly tm: TeamKey, readonly l: LocationKey) {}
  check = () => true;
  async run(_m: Model, r: Real) {
    const url = `/api/teams/${r.w[this.tm]}`;
    const own = this.tm === 'teamA' ? r.w.locationA : r.w.locationB;
    const res = await call(r, this.a, 'PATCH', url, { location_ids: [...new Set([own, r.w[this.l]])] }, { etag: await ownersEtag(r, url) });
    // linking any location is the team's act; it gives nothing over the location (EditLocation checks)
    expectOutcome(res.status, mayEditTeam(this.a, this.tm), this.a, this.toString());
  }
  toString = () => `${this.a} links ${this.l} to ${this.tm}`;
}

class EditRecord implements Cmd {
  constructor(readonly a: Actor, readonly kind: 'person' | 'team' | 'location', readonly key: number, readonly verify: boolean) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const [url, allowed, body] = this.kind === 'person'
      ? (() => { const p = PEOPLE[this.key % 3]!; return [`/api/people/${r.w[p]}`, mayEditPerson(m, this.a, p), { job_title: `functie ${this.key}` }] as const; })()
      : this.kind === 'team'
        ? (() => { const tm = TEAMS[this.key % 2]!; return [`/api/teams/${r.w[tm]}`, mayEditTeam(this.a, tm), { description: `beschrijving ${this.key}` }] as const; })()
        : (() => { const l = LOCATIONS[this.key % 2]!; return [`/api/locations/${r.w[l]}`, mayEditLocation(this.a, l), { opening_hours: `ma ${this.key}` }] as const; })();
    const etag = await ownersEtag(r, url);
    const res = this.verify ? await call(r, this.a, 'POST', `${url}/verify`, undefined, { etag }) : await call(r, this.a, 'PATCH', url, body, { etag });
    expectOutcome(res.status, allowed, this.a, this.toString());
  }
  toString = () => `${this.a} ${this.verify ? 'verifies' : 'edits'} ${this.kind} #${this.key}`;
}

class Invite implements Cmd {
  constructor(readonly a: Actor, readonly p: PersonKey) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const email = `uitnodiging-${Math.random().toString(36).slice(2)}@${r.w.tag}.example.org`;
    const res = await call(r, this.a, 'POST', '/api/auth/invitations', { email, role: 'professional', person_id: r.w[this.p] });
    expectOutcome(res.status, mayInvite(m, this.a, this.p), this.a, this.toString());
  }
  toString = () => `${this.a} invites an account for ${this.p}`;
}

class ImportCsvRow implements Cmd {
  constructor(readonly a: Actor, readonly p: PersonKey) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const csv = `extern_id;voornaam;achternaam;functie\n${r.w[this.p]};Geïmporteerd;${r.w.tag};functie uit csv\n`;
    const res = await call(r, this.a, 'POST', '/api/import/people.csv', csv, { type: 'text/csv' });
    const editor = this.a === 'admin' || this.a === 'editorA' || this.a === 'editorB';
    const label = this.toString();
    expect(res.status, label).toBeLessThan(500);
    if (!editor) return expectRefused(res.status, this.a, label);
    // editors reach the import; a person they do not employ is a row error (400), nothing written
    if (mayEditPerson(m, this.a, this.p)) expect(res.status, `${label}: ${JSON.stringify(res.body)}`).toBe(200);
    else expect(res.status, label).toBe(400);
  }
  toString = () => `${this.a} imports a CSV row for ${this.p}`;
}

class ChangePassword implements Cmd {
  constructor(readonly a: Actor) {}
  check = () => true;
  async run(_m: Model, r: Real) {
    const current = r.passwords.get(this.a) ?? PASSWORD;
    if (current === undefined) return;
    const next = `paarse olifant ${Math.random().toString(36).slice(2, 8)} danst op de brug`;
    const res = await call(r, this.a, 'POST', '/api/auth/password', { current_password: current, new_password: next });
    // grants nothing and takes nothing of this session's rights
    expectOutcome(res.status, this.a !== 'resident', this.a, this.toString(), [200, 204]);
    if (res.status < 300) r.passwords.set(this.a, next);
  }
  toString = () => `${this.a} changes their password`;
}

class SwitchTotpOn implements Cmd {
  constructor(readonly a: Actor) {}
  check = (m: Readonly<Model>) => !m.totpOn.has(this.a);
  async run(m: Model, r: Real) {
    const setup = await call(r, this.a, 'POST', '/api/auth/totp/setup');
    const editor = this.a === 'admin' || this.a === 'editorA' || this.a === 'editorB';
    expectOutcome(setup.status, editor, this.a, this.toString());
    if (setup.status !== 200) return;
    const me = await call(r, this.a, 'GET', '/api/auth/me');
    const code = totpFor(me.body.email, setup.body.secret).generate();
    const confirm = await call(r, this.a, 'POST', '/api/auth/totp/confirm', { code });
    expect(confirm.status, this.toString()).toBe(200);
    m.totpOn.add(this.a);
  }
  toString = () => `${this.a} switches TOTP on`;
}

class ReadPerson implements Cmd {
  constructor(readonly a: Actor, readonly p: PersonKey) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const res = await call(r, this.a, 'GET', `/api/people/${r.w[this.p]}`);
    const label = `${this} (current teams ${[...currentTeams(m, this.p)].join(',') || 'none'})`;
    if (this.a === 'resident') { expect(res.status, label).toBe(404); return; }
    expect(res.status, label).toBe(200);
    const sees = seesTeamLevel(m, this.a, this.p);
    expect(Boolean(res.body.person.phone_mobile), `${label}: 06 number shown`).toBe(sees);
    expect(Boolean(res.body.person.private_notes), `${label}: team notes shown`).toBe(sees);
    // the flags the web app shows its controls by say the same as the model
    if (res.body.may) expect(res.body.may.edit, `${label}: may.edit`).toBe(mayEditPerson(m, this.a, this.p));
  }
  toString = () => `${this.a} reads ${this.p}`;
}

const COMMANDS = [
  fc.tuple(actor, person, team).map(([a, p, tm]) => new RequestMembership(a, p, tm)),
  fc.tuple(actor, fc.nat(40)).map(([a, i]) => new AcceptMembership(a, i)),
  fc.tuple(actor, fc.nat(40)).map(([a, i]) => new EndMembership(a, i)),
  fc.tuple(actor, team, location).map(([a, tm, l]) => new LinkLocation(a, tm, l)),
  fc.tuple(actor, fc.constantFrom('person' as const, 'team' as const, 'location' as const), fc.nat(5), fc.boolean()).map(([a, k, i, v]) => new EditRecord(a, k, i, v)),
  fc.tuple(actor, person).map(([a, p]) => new Invite(a, p)),
  fc.tuple(actor, person).map(([a, p]) => new ImportCsvRow(a, p)),
  actor.map((a) => new ChangePassword(a)),
  actor.map((a) => new SwitchTotpOn(a)),
  fc.tuple(actor, person).map(([a, p]) => new ReadPerson(a, p)),
  fc.tuple(actor, person).map(([a, p]) => new ReadPerson(a, p)),
];

beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

describe(`ownership holds over chains of requests (${TEST_BACKEND})`, () => {
  it(`${RUNS} random sequences of up to 50 calls by five actors never grant more than the owners did`, async () => {
    let steps = 0;
    const property = fc.asyncProperty(fc.commands(COMMANDS, { maxCommands: 50, size: 'max' }), async (commands) => {
      const w = await createWorld(t.database.db);
      const model: Model = {
        employer: { personA: 'A', personB: 'B', personB2: 'B' },
        memberships: [],
        totpOn: new Set(),
      };
      // the world's own memberships: current, in the employer's team
      const own = await t.database.db.selectFrom('memberships').select(['id', 'person_id']).where('person_id', 'in', [w.personA, w.personB, w.personB2]).execute();
      for (const row of own) {
        const p = PEOPLE.find((k) => w[k] === row.person_id)!;
        model.memberships.push({ id: row.id, person: p, team: p === 'personA' ? 'teamA' : 'teamB', status: 'current', open: true });
      }
      steps += [...commands].length;
      await fc.asyncModelRun(() => ({ model, real: { w, passwords: new Map() } }), commands);
    });
    // fast-check prints the seed, the path and the shrunk sequence of a failure (replay with
    // fc.assert(..., { seed, path }) or CHAIN_SEED/CHAIN_PATH below)
    const replay = process.env.CHAIN_SEED ? { seed: Number(process.env.CHAIN_SEED), path: process.env.CHAIN_PATH } : {};
    await fc.assert(property, { numRuns: RUNS, verbose: 1, ...replay });
    console.info(`ownership chains: ${RUNS} sequences, ${steps} calls`);
  }, 600_000);
});
