// The demo wijk shows what the change feed and "Nieuw in de wijk" are for: joins, leavers
// and a role change in the last weeks (seeds/demo/recent-changes.ts), and the newcomers
// carry `new_in_wijk` wherever a signed-in viewer meets them (one rule: domain/newness.ts);
// residents never get the field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WIJK } from '../../seeds/demo/areas';
import { personSlug } from '../../seeds/demo/people';
import { RECENT_JOINERS, RECENT_LEAVERS, RECENT_ROLE_CHANGES } from '../../seeds/demo/recent-changes';
import { stableId } from '../../seeds/ids';
import { createTestApp, getJson, type TestApp } from '../helpers/app';
import { DEMO_ACCOUNTS, signIn } from '../helpers/auth';
import { TEST_BACKEND } from '../helpers/db';

let t: TestApp;
let professional: string;
const joiner = RECENT_JOINERS.find((j) => j.team === 'jgt')!;
const joinerId = stableId('person', personSlug(joiner));

beforeAll(async () => {
  t = await createTestApp();
  professional = await signIn(t.app, DEMO_ACCOUNTS.professional.email, DEMO_ACCOUNTS.professional.password);
});
afterAll(async () => { await t?.close(); });

describe(`recent changes in the demo wijk on ${TEST_BACKEND}`, () => {
  it('fill the feed with joins, leavers and a role change of the last weeks, newest first', async () => {
    const { status, body } = await getJson(t.app, `/api/areas/${WIJK.code}/changes`, { cookie: professional });
    expect(status).toBe(200);
    const kinds = body.items.map((i: { kind: string }) => i.kind);
    expect(kinds.filter((k: string) => k === 'joined').length).toBe(RECENT_JOINERS.length);
    expect(kinds.filter((k: string) => k === 'left').length).toBe(RECENT_LEAVERS.length);
    expect(kinds.filter((k: string) => k === 'role_changed').length).toBe(RECENT_ROLE_CHANGES.length);
    const times = body.items.map((i: { at: string }) => Date.parse(i.at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    // all of it within the last five weeks, relative to today
    expect(Math.min(...times)).toBeGreaterThan(Date.now() - 35 * 86_400_000);
    const joined = body.items.find((i: { kind: string; person: { id: string } | null }) => i.kind === 'joined' && i.person?.id === joinerId);
    expect(joined).toMatchObject({ new_in_wijk: true, team: { id: stableId('team', 'jgt') }, role: joiner.role });
    const changed = body.items.find((i: { kind: string }) => i.kind === 'role_changed');
    expect(changed).toMatchObject({ role: RECENT_ROLE_CHANGES[0]!.role, previous_role: 'lid' });
  });

  it('mark a newcomer on the team page, the area faces, the lookup answer and search, for signed-in viewers only', async () => {
    const team = await getJson(t.app, `/api/teams/${stableId('team', 'jgt')}`, { cookie: professional });
    const members = team.body.members as { person: { id: string; new_in_wijk?: boolean } }[];
    expect(members.find((m) => m.person.id === joinerId)?.person.new_in_wijk).toBe(true);
    // the old hands of the same team are not new
    expect(members.filter((m) => m.person.new_in_wijk).map((m) => m.person.id)).toEqual([joinerId]);

    const person = await getJson(t.app, `/api/people/${joinerId}`, { cookie: professional });
    expect(person.body.person.new_in_wijk).toBe(true);
    const search = await getJson(t.app, `/api/search?q=${encodeURIComponent(joiner.family)}`, { cookie: professional });
    const found = JSON.stringify(search.body);
    expect(found).toContain(joinerId);
    expect(found).toContain('"new_in_wijk":true');

    // a leaver is no longer anyone's current member, and not new
    const leaver = stableId('person', RECENT_LEAVERS[0]!.slug);
    expect((await getJson(t.app, `/api/people/${leaver}`, { cookie: professional })).body.person.new_in_wijk).toBe(false);

    // residents never get the field, not even for a public newcomer
    const anonymousTeam = await getJson(t.app, `/api/teams/${stableId('team', 'jgt')}`);
    expect(JSON.stringify(anonymousTeam.body)).not.toContain('new_in_wijk');
  });

  it('puts the newcomers in the kennismaken pack as new', async () => {
    const pack = (await getJson(t.app, `/api/me/kennismaken?area=${WIJK.code}`, { cookie: professional })).body;
    const fresh = pack.teams.flatMap((team: { members: { person: { id: string }; new_in_wijk: boolean }[] }) => team.members)
      .filter((m: { new_in_wijk: boolean }) => m.new_in_wijk).map((m: { person: { id: string } }) => m.person.id);
    expect(fresh).toContain(joinerId);
  });
});
