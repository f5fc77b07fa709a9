// What happened in the demo wijk in the last weeks, dated relative to the day the demo is
// loaded, so the change feed and "Nieuw in de wijk" have something to show: a few people
// joined a team, two left and one took on a new role. Each change is written the way the
// editing API writes it: the membership row and its audit entry (the feed reads the audit
// log). Runs after the main demo load, in its transaction; only the first time (the
// joiners' memberships are the marker), so seeding again changes nothing.

import { stableId } from '../ids';
import { DEMO_ACCOUNTS } from './accounts';
import { organisationByKey } from './organisations';
import { mobileNumber, personSlug, workEmail } from './people';
import { TEAMS, type TeamKey } from './teams';
import type { PersonSeed } from './types';
import type { Db } from '../../server/db/sql';

type Joiner = Omit<PersonSeed<TeamKey>, 'teams'> & { team: TeamKey; role: string; daysAgo: number };

/** New colleagues, each in one team since `daysAgo` days before loading. */
export const RECENT_JOINERS: readonly Joiner[] = [
  { given: 'Noor', family: 'van Vliet', title: 'wijkverpleegkundige', photo: true, days: ['ma', 'di', 'do', 'vr'],
    ask: 'wondzorg en thuis herstellen na het ziekenhuis', topics: ['ageing'],
    team: 'wijkverpleging_noord', role: 'wijkverpleegkundige', daysAgo: 6 },
  { given: 'Daan', family: 'Kuipers', title: 'gezinscoach', photo: true, days: ['ma', 'wo', 'do'],
    ask: 'gezinnen na een scheiding', topics: ['parenting', 'youth'],
    team: 'jgt', role: 'lid', daysAgo: 17 },
  { given: 'Yara', family: 'Mansour', title: 'praktijkondersteuner GGZ', langs: ['nl', 'ar', 'en'], days: ['di', 'wo', 'vr'],
    ask: 'somberheid en angst bij jongvolwassenen', topics: ['mental_health'],
    team: 'hap_lindehof', role: 'praktijkondersteuner', daysAgo: 30 },
  { given: 'Sem', family: 'Verhoeven', title: 'generalist', photo: true, days: ['ma', 'di', 'wo', 'do'],
    ask: 'jongeren die net achttien zijn', topics: ['youth', 'income_benefits'],
    team: 'wijkteam_west', role: 'lid', daysAgo: 11 },
];

/** Existing demo people who left a team `daysAgo` days before loading (never a contact person). */
export const RECENT_LEAVERS: readonly { slug: string; team: TeamKey; daysAgo: number }[] = [
  { slug: 'bas-hendriks', team: 'wijkteam_oost', daysAgo: 9 },
  { slug: 'kevin-de-jong', team: 'jongerenwerk', daysAgo: 24 },
];

/** Existing demo people whose role in a team changed `daysAgo` days before loading. */
export const RECENT_ROLE_CHANGES: readonly { slug: string; team: TeamKey; role: string; daysAgo: number }[] = [
  { slug: 'piotr-nowak', team: 'wijkteam_oost', role: 'coördinator', daysAgo: 14 },
];

const DAY_MS = 86_400_000;
const membershipId = (slug: string, team: TeamKey) => stableId('membership', `${slug}/${team}`);
const personId = (slug: string) => stableId('person', slug);
const teamId = (key: TeamKey) => stableId('team', key);


/** The membership as memberships.queries.ts snapshots it in the audit log. */
async function snapshot(db: Db, id: string) {
  return db.selectFrom('memberships').select(['id', 'person_id', 'team_id', 'role', 'is_contact_person', 'since', 'until', 'version'])
    .where('id', '=', id).executeTakeFirstOrThrow();
}

/** Adds the recent changes once; returns how many changes were written (0 when already there). */
export async function seedRecentChanges(db: Db, now: Date): Promise<number> {
  const day = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY_MS);
  const date = (daysAgo: number) => day(daysAgo).toISOString().slice(0, 10);
  // The hour of day keeps the feed's order within a day stable and plausible (a morning's edit).
  const at = (daysAgo: number) => new Date(`${date(daysAgo)}T09:30:00.000Z`).toISOString();
  const markers = RECENT_JOINERS.map((j) => membershipId(personSlug(j), j.team));
  const present = await db.selectFrom('memberships').select('id').where('id', 'in', markers).execute();
  if (present.length > 0) return 0;

  const actor = await db.selectFrom('accounts').select('id').where('email', '=', DEMO_ACCOUNTS.admin.email).executeTakeFirst();
  const audit = (action: string, entityId: string, daysAgo: number, before: unknown, after: unknown) => db.insertInto('audit_log').values({
    actor_account_id: actor?.id ?? null, action, entity_type: 'membership', entity_id: entityId, at: at(daysAgo),
    before: before === null ? null : JSON.stringify(before), after: JSON.stringify(after), meta: null,
  }).execute();

  const taken = new Set((await db.selectFrom('people').select('phone_mobile').execute()).flatMap((p) => (p.phone_mobile ? [p.phone_mobile] : [])));
  for (const j of RECENT_JOINERS) {
    const slug = personSlug(j);
    const team = TEAMS.find((t) => t.key === j.team)!;
    const joined = day(j.daysAgo);
    await db.insertInto('people').values({
      id: personId(slug), given_name: j.given, family_name: j.family, job_title: j.title, ask_me_about: j.ask,
      languages: [...(j.langs ?? ['nl'])], working_days: [...j.days],
      photo_consent: j.photo === true, photo_url: j.photo ? `/demo-photos/${slug}.svg` : null,
      phone_mobile: mobileNumber(slug, taken), phone_mobile_visibility: 'professionals',
      email_work: workEmail(j, organisationByKey(team.org).domain), email_work_visibility: 'professionals',
      created_at: joined, last_verified_at: joined, last_verified_by: null,
    }).onConflict((oc) => oc.doNothing()).execute();
    await db.insertInto('person_topics').values(j.topics.map((topic_key) => ({ person_id: personId(slug), topic_key })))
      .onConflict((oc) => oc.doNothing()).execute();
    const id = membershipId(slug, j.team);
    await db.insertInto('memberships').values({
      id, person_id: personId(slug), team_id: teamId(j.team), role: j.role, is_contact_person: false, since: date(j.daysAgo),
      last_verified_at: joined, last_verified_by: null,
    }).execute();
    await audit('membership.create', id, j.daysAgo, null, await snapshot(db, id));
  }
  for (const l of RECENT_LEAVERS) {
    const id = membershipId(l.slug, l.team);
    const before = await snapshot(db, id);
    if (before.is_contact_person) throw new Error(`${l.slug} is the contact person of ${l.team}: name a successor first`);
    await db.updateTable('memberships').set({ until: date(l.daysAgo) }).where('id', '=', id).execute();
    await audit('membership.end', id, l.daysAgo, before, await snapshot(db, id));
  }
  for (const r of RECENT_ROLE_CHANGES) {
    const id = membershipId(r.slug, r.team);
    const before = await snapshot(db, id);
    await db.updateTable('memberships').set({ role: r.role }).where('id', '=', id).execute();
    await audit('membership.update', id, r.daysAgo, before, await snapshot(db, id));
  }
  return RECENT_JOINERS.length + RECENT_LEAVERS.length + RECENT_ROLE_CHANGES.length;
}
