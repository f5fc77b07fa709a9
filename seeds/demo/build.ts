// Turns the readable demo tables into database rows, with stable ids, and checks the
// rules the data must keep (one contact person per team, a location for every team
// that is not ambulatory, unique names, numbers and addresses). Pure: no database.
import type { Insertable } from 'kysely';
import type { ConsentField, Coverage, DB } from '../../server/db/types';
import { isCurrentOn } from '../../server/domain/membership';
import { stableId, stableUnit } from '../ids';
import { TEAM_TYPES } from '../taxonomy';
import { ALL_BUURTEN, BUURTEN, type BuurtKey, GEMEENTE, WIJK, buurtByKey, neighbourBuurten } from './areas';
import { bboxOf, buurtPolygon, outlinePolygon, pointInBuurt, type PolygonGeometry } from './geometry';
import { LOCATIONS, type LocationKey } from './locations';
import { ORGANISATIONS, organisationByKey } from './organisations';
import { PEOPLE, mobileNumber, personSlug, workEmail } from './people';
import { TEAMS } from './teams';
import type { PersonSeed, ServiceArea, TeamSeed } from './types';

export type Rows<T extends keyof DB> = Insertable<DB[T]>[];

export interface DemoRows {
  areas: Rows<'areas'>;
  organisations: Rows<'organisations'>;
  locations: Rows<'locations'>;
  teams: Rows<'teams'>;
  team_topics: Rows<'team_topics'>;
  team_areas: Rows<'team_areas'>;
  team_locations: Rows<'team_locations'>;
  people: Rows<'people'>;
  person_topics: Rows<'person_topics'>;
  memberships: Rows<'memberships'>;
  person_consents: Rows<'person_consents'>;
}

// Who "verified" the demo data, so the UI can show it was never checked by a real editor.
// Who confirmed a demo record is unknown (no account made it): only when is recorded.
const VERIFIED_BY = null;
const DAY_MS = 86_400_000;

export const teamId = (key: string) => stableId('team', key);
export const personId = (slug: string) => stableId('person', slug);
const locationId = (key: LocationKey) => stableId('location', key);
const organisationId = (key: string) => stableId('organisation', key);

/** Every row of the demo wijk, dated relative to `now` (last_verified_at). */
export function buildDemoRows(now: Date): DemoRows {
  const verified = (daysAgo: number) => ({ last_verified_at: new Date(now.getTime() - daysAgo * DAY_MS), last_verified_by: VERIFIED_BY });
  const people = buildPeople(verified, now.toISOString().slice(0, 10));
  return {
    areas: buildAreas(),
    organisations: ORGANISATIONS.map((o) => ({
      id: organisationId(o.key), name: o.name, description: o.description, website: o.website, phone: o.phone, email: o.email,
      ...verified(Math.round(20 + stableUnit(`verified:${o.key}`) * 150)),
    })),
    locations: LOCATIONS.map((l) => {
      const buurt = buurtByKey(l.buurt);
      // a shared building belongs to one organisation: that of the first team working there
      const owner = TEAMS.find((t) => (t.locations as readonly string[]).includes(l.key));
      if (!buurt.postcodes.includes(l.postcode.slice(0, 4))) throw new Error(`Location ${l.key}: postcode not in buurt ${buurt.code}`);
      return {
        id: locationId(l.key), organisation_id: owner ? organisationId(owner.org) : null, name: l.name, street: l.street, house_number: l.houseNumber, postcode: l.postcode,
        city: GEMEENTE.name, ...pointInBuurt(l.buurt, l.u, l.v), buurt_code: buurt.code, opening_hours: l.openingHours,
        ...verified(Math.round(30 + stableUnit(`verified:${l.key}`) * 200)),
      };
    }),
    ...buildTeams(verified),
    ...people,
  };
}

function buildAreas(): Rows<'areas'> {
  const outline = outlinePolygon();
  const postcodes = BUURTEN.flatMap((b) => b.postcodes);
  const area = (code: string, kind: 'gemeente' | 'wijk' | 'buurt', name: string, parent: string | null,
    geometry: PolygonGeometry, population: number, pc4: readonly string[]) => ({
    code, kind, name, parent_code: parent, geometry: JSON.stringify(geometry), ...bboxOf(geometry), population, postcodes: [...pc4],
  });
  return [
    area(GEMEENTE.code, 'gemeente', GEMEENTE.name, null, outline, GEMEENTE.population, postcodes),
    area(WIJK.code, 'wijk', WIJK.name, GEMEENTE.code, outline, WIJK.population, postcodes),
    ...BUURTEN.map((b) => area(b.code, 'buurt', b.name, WIJK.code, buurtPolygon(b.key), b.population, b.postcodes)),
  ];
}

/** The buurt rows a team serves; wider coverage is written out as one row per buurt. */
function serviceArea(team: TeamSeed): { buurten: readonly BuurtKey[]; coverage: Coverage } {
  const serves: ServiceArea = team.serves;
  switch (serves.coverage) {
    case 'buurt':
      return { buurten: serves.buurten, coverage: 'buurt' };
    case 'nearby': {
      const home = LOCATIONS.find((l) => l.key === team.locations[0]);
      if (!home) throw new Error(`Team ${team.key} serves "nearby" but has no location`);
      return { buurten: [home.buurt, ...neighbourBuurten(home.buurt)], coverage: 'buurt' };
    }
    default:
      return { buurten: ALL_BUURTEN, coverage: serves.coverage };
  }
}

type Verified = (daysAgo: number) => { last_verified_at: Date; last_verified_by: null };

function buildTeams(verified: Verified) {
  const frameworks = new Map<string, string>(TEAM_TYPES.map((t) => [t.key, t.framework]));
  const teams: Rows<'teams'> = [];
  const team_topics: Rows<'team_topics'> = [];
  const team_areas: Rows<'team_areas'> = [];
  const team_locations: Rows<'team_locations'> = [];
  for (const team of TEAMS as readonly TeamSeed[]) {
    const id = teamId(team.key);
    if (team.locations.length === 0 && !team.ambulatory) throw new Error(`Team ${team.key} needs a location`);
    if (/^06/.test(team.phone)) throw new Error(`Team ${team.key}: a team's public phone is never a 06 number`);
    teams.push({
      id, organisation_id: organisationId(team.org), name: team.name, team_type: team.type,
      description: team.description, target_groups: [...team.targetGroups], access: team.access,
      funding: team.funding ?? frameworks.get(team.type) ?? null, public_phone: team.phone, public_email: team.email,
      website: team.website ?? null, walk_in_hours: team.walkIn ?? null, ...verified(team.verifiedDaysAgo),
    });
    team_topics.push(...team.topics.map((topic_key) => ({ team_id: id, topic_key })));
    const { buurten, coverage } = serviceArea(team);
    team_areas.push(...buurten.map((b) => ({ team_id: id, area_code: buurtByKey(b).code, coverage })));
    team_locations.push(...team.locations.map((l) => ({ team_id: id, location_id: locationId(l) })));
  }
  return { teams, team_topics, team_areas, team_locations };
}

function buildPeople(verified: Verified, today: string) {
  const people: Rows<'people'> = [];
  const person_topics: Rows<'person_topics'> = [];
  const memberships: Rows<'memberships'> = [];
  const person_consents: Rows<'person_consents'> = [];
  const mobiles = new Set<string>();
  const slugs = new Set<string>();
  const contacts = new Map<string, string[]>();
  for (const person of PEOPLE) {
    const slug = personSlug(person);
    if (slugs.has(slug)) throw new Error(`Two demo people share the slug ${slug}`);
    slugs.add(slug);
    const first = TEAMS.find((t) => t.key === person.teams[0]?.team);
    if (!first) throw new Error(`Person ${slug} has no team`);
    if (person.workPhonePublic && !person.public) throw new Error(`Person ${slug}: a public phone needs a public profile`);
    const id = personId(slug);
    // Most profiles were checked in the last months; about one in twelve is over a year old.
    const unit = stableUnit(`verified:${slug}`);
    const check = verified(unit > 0.92 ? 380 + Math.round(unit * 200) : 5 + Math.round(unit * 220));
    people.push({
      // employed by the organisation of their first team; later teams of other organisations are secondments
      id, organisation_id: organisationId(first.org), given_name: person.given, family_name: person.family, pronouns: person.pronouns ?? null,
      job_title: person.title, ask_me_about: person.ask, languages: [...(person.langs ?? ['nl'])], working_days: [...person.days],
      photo_consent: person.photo === true, photo_url: person.photo ? `/demo-photos/${slug}.svg` : null,
      public_profile: person.public === true,
      phone_mobile: mobileNumber(slug, mobiles), phone_mobile_visibility: 'professionals',
      phone_work: person.workPhone ?? null, phone_work_visibility: 'professionals',
      email_work: workEmail(person, organisationByKey(first.org).domain), email_work_visibility: 'professionals',
      availability_note: person.availability ?? null, private_notes: person.notes ?? null, ...check,
    });
    person_topics.push(...person.topics.map((topic_key) => ({ person_id: id, topic_key })));
    person_consents.push(...consentsOf(person, slug).map((field) => ({
      id: stableId('consent', `${slug}/${field}`), person_id: id, field,
      granted_at: new Date(check.last_verified_at.getTime() - Math.round(stableUnit(`consent:${slug}`) * 300) * DAY_MS),
    })));
    for (const m of person.teams) {
      const membership = { since: m.since, until: m.until ?? null };
      memberships.push({
        id: stableId('membership', `${slug}/${m.team}`), person_id: id, team_id: teamId(m.team), role: m.role,
        is_contact_person: m.contact === true, ...membership, ...check,
      });
      if (m.contact && isCurrentOn(membership, today)) contacts.set(m.team, [...(contacts.get(m.team) ?? []), slug]);
    }
  }
  for (const team of TEAMS) {
    const names = contacts.get(team.key) ?? [];
    if (names.length !== 1) throw new Error(`Team ${team.key} needs exactly one contact person, has ${names.join(', ') || 'none'}`);
  }
  const emails = new Set(people.map((p) => p.email_work));
  if (emails.size !== people.length) throw new Error('Two demo people share a work e-mail address');
  return { people, person_topics, memberships, person_consents };
}

/**
 * What a demo person published to residents besides name and title. Most people who opted
 * in and have a photo show it (so residents meet faces), about half publish their "vraag
 * mij over"; the rest keep those for professionals, so both cases exist in the demo.
 */
function consentsOf(person: PersonSeed, slug: string): ConsentField[] {
  if (!person.public) return [];
  const fields: ConsentField[] = [];
  if (person.photo && stableUnit(`consent:photo:${slug}`) < 0.75) fields.push('photo');
  if (stableUnit(`consent:ask:${slug}`) < 0.55) fields.push('ask_me_about');
  if (person.workPhonePublic) fields.push('phone_work');
  return fields;
}
