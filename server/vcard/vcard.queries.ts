// Which cards a vCard download holds, through the people, teams and areas features only.
import type { Kysely } from 'kysely';
import type { DB } from '../db/types';
import type { Audience } from '../domain/audience';
import { getPerson } from '../people/people.queries';
import { getTeam } from '../teams/teams.queries';
import { getArea, teamsServing } from '../areas/areas.queries';
import { personCard, teamCard } from './vcard.cards';

export async function personVcard(db: Kysely<DB>, audience: Audience, id: string, origin: string) {
  const found = await getPerson(db, audience, id);
  if (!found) return undefined;
  const teams = found.memberships.map((m) => ({ id: m.team.id, name: m.team.name, organisation: { name: m.team.organisation_name } }));
  return { name: found.person.name, text: await personCard(found.person, teams, origin) };
}

/** The team's own card, then each member the caller may see. */
export async function teamVcard(db: Kysely<DB>, audience: Audience, id: string, origin: string) {
  const team = await getTeam(db, audience, id);
  if (!team) return undefined;
  const cards = [teamCard(team, origin)];
  for (const m of team.members) cards.push(await personCard(m.person, [team], origin));
  return { name: team.name, text: cards.join('') };
}

/** Every team serving the area and each of their people the caller may see (once each). */
export async function areaVcard(db: Kysely<DB>, audience: Audience, code: string, origin: string) {
  const area = await getArea(db, code, audience);
  if (!area) return undefined;
  const cards: string[] = [];
  const people = new Map<string, { person: Parameters<typeof personCard>[0]; teams: Array<{ id: string; name: string; organisation: { name: string } }> }>();
  for (const summary of await teamsServing(db, code, audience)) {
    const team = await getTeam(db, audience, summary.id);
    if (!team) continue;
    cards.push(teamCard(team, origin));
    for (const m of team.members) {
      const entry = people.get(m.person.id) ?? { person: m.person, teams: [] };
      entry.teams.push(team);
      people.set(m.person.id, entry);
    }
  }
  for (const { person, teams } of people.values()) cards.push(await personCard(person, teams, origin));
  return { name: area.name, text: cards.join('') };
}

/**
 * The kennismaken pack in its order: each team's card, then its people as the pack already
 * shaped them for the caller. The teams' own (public) card fields are read in two queries;
 * the people are not read or shaped again (nor their 06 views audited twice).
 */
export async function packVcard(db: Kysely<DB>, teams: ReadonlyArray<{ id: string; members: ReadonlyArray<{ person: Parameters<typeof personCard>[0] }> }>, origin: string) {
  const ids = teams.map((t) => t.id);
  if (ids.length === 0) return '';
  const [rows, locations] = await Promise.all([
    db.selectFrom('teams as t').innerJoin('organisations as o', 'o.id', 't.organisation_id').where('t.id', 'in', ids)
      .select(['t.id', 't.name', 't.public_phone', 't.public_email', 't.website', 't.description', 't.walk_in_hours', 't.updated_at', 'o.name as organisation_name'])
      .execute(),
    db.selectFrom('team_locations as tl').innerJoin('locations as l', 'l.id', 'tl.location_id').where('tl.team_id', 'in', ids).where('l.archived_at', 'is', null)
      .select(['tl.team_id', 'l.street', 'l.house_number', 'l.postcode', 'l.city']).orderBy('l.id').execute(),
  ]);
  const byId = new Map(rows.map(({ organisation_name, ...t }) => [t.id, { ...t, organisation: { name: organisation_name },
    locations: locations.filter((l) => l.team_id === t.id) }]));
  const cards: string[] = [];
  const seen = new Set<string>();
  for (const packed of teams) {
    const team = byId.get(packed.id);
    if (!team) continue;
    cards.push(teamCard(team, origin));
    for (const { person } of packed.members) {
      if (seen.has(person.id)) continue;
      seen.add(person.id);
      cards.push(await personCard(person, [team], origin));
    }
  }
  return cards.join('');
}
