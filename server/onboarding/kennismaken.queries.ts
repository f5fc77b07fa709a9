// The kennismaken pack: the teams serving a wijk, those that matter most for the caller's
// own team type first (order from domain/kennismaken.ts), each with its people as the caller
// may see them (membersOfTeams), the caller's own "met" marks, progress and suggestions.
import type { Kysely } from 'kysely';
import { MEET_FIRST, WHEN_TO_CALL } from '../domain/kennismaken';
import type { TeamTypeKey } from '../domain/team-types';
import type { DB } from '../db/types';
import type { SignedIn } from '../auth/auth.guards';
import { teamsServing } from '../areas/areas.queries';
import { membersOfTeams } from '../people/people.queries';
import type { AreaRef, AreaSource } from './area.queries';
import { metBy } from './met.queries';
import { newInArea } from './newness.queries';
import type { Pack } from './onboarding.schemas';

const SUGGESTIONS = 5;

/** The team types to meet first for someone in teams of these types (the first type with an entry wins). */
function meetFirstFor(ownTypes: readonly string[]): readonly string[] {
  for (const type of ownTypes) {
    const order = MEET_FIRST[type as TeamTypeKey];
    if (order) return order;
  }
  return MEET_FIRST.default;
}

async function ownTeams(db: Kysely<DB>, teamIds: readonly string[]) {
  if (teamIds.length === 0) return { types: [] as string[], buurten: new Set<string>() };
  const [teams, areas] = await Promise.all([
    db.selectFrom('teams').select(['id', 'team_type']).where('id', 'in', [...teamIds]).where('archived_at', 'is', null).orderBy('name').execute(),
    db.selectFrom('team_areas').select('area_code').where('team_id', 'in', [...teamIds]).execute(),
  ]);
  return { types: [...new Set(teams.map((t) => t.team_type))], buurten: new Set(areas.map((a) => a.area_code)) };
}

export async function buildPack(db: Kysely<DB>, audience: SignedIn, resolved: { area: AreaRef; source: AreaSource } | null): Promise<Pack> {
  const own = await ownTeams(db, audience.teamIds);
  const meetFirst = meetFirstFor(own.types);
  const empty: Pack = { area: null, area_source: null, own_team_types: own.types, meet_first: [...meetFirst], teams: [], progress: [], suggestions: [] };
  if (!resolved) return empty;

  const rank = (type: string) => { const i = meetFirst.indexOf(type); return i < 0 ? Infinity : i; };
  // Array.sort is stable: within a rank the area page's order (first contact, care, welfare…) stays.
  const serving = (await teamsServing(db, resolved.area.code, audience))
    .filter((t) => !audience.teamIds.includes(t.id))
    .sort((a, b) => rank(a.team_type) - rank(b.team_type));
  const ids = serving.map((t) => t.id);
  const [members, met, fresh, details, teamAreas, types] = [
    await membersOfTeams(db, audience, ids), await metBy(db, audience.accountId), await newInArea(db, resolved.area.code),
    ids.length ? await db.selectFrom('teams').select(['id', 'description', 'public_email', 'website', 'walk_in_hours']).where('id', 'in', ids).execute() : [],
    ids.length ? await db.selectFrom('team_areas').select(['team_id', 'area_code']).where('team_id', 'in', ids).execute() : [],
    await db.selectFrom('team_types').select(['key', 'label_nl', 'label_en']).execute(),
  ];
  const detail = new Map(details.map((d) => [d.id, d]));
  const buurtenOf = (id: string) => teamAreas.filter((a) => a.team_id === id).map((a) => a.area_code).sort();

  const teams = serving.map((t) => {
    const { members: shown, hidden } = members.get(t.id)!;
    const d = detail.get(t.id)!;
    return {
      id: t.id, name: t.name, team_type: t.team_type, category: t.category, organisation: t.organisation, coverage: t.coverage,
      description: d.description, access: t.access, public_phone: t.public_phone, public_email: d.public_email,
      website: d.website, walk_in_hours: d.walk_in_hours,
      when_to_call: WHEN_TO_CALL[t.team_type as TeamTypeKey] ?? null,
      priority: rank(t.team_type) !== Infinity,
      buurten: buurtenOf(t.id),
      members: shown.filter((m) => m.person.id !== audience.personId).map((m) => ({
        person: m.person, new_in_wijk: fresh.has(m.person.id), role: m.role, is_contact_person: m.is_contact_person, met: met.has(m.person.id),
      })),
      hidden_member_count: hidden,
    };
  });
  return { ...empty, area: resolved.area, area_source: resolved.source, teams, progress: progressOf(teams, types), suggestions: suggest(teams, own.buurten) };
}

type PackTeam = Pack['teams'][number];

/** Per team type, in pack order: how many of its (visible) people the caller has met. */
function progressOf(teams: readonly PackTeam[], types: readonly { key: string; label_nl: string; label_en: string }[]): Pack['progress'] {
  const byType = new Map<string, { all: Set<string>; met: Set<string> }>();
  for (const team of teams) {
    const entry = byType.get(team.team_type) ?? { all: new Set(), met: new Set() };
    for (const m of team.members) { entry.all.add(m.person.id); if (m.met) entry.met.add(m.person.id); }
    byType.set(team.team_type, entry);
  }
  return [...byType].filter(([, e]) => e.all.size > 0).map(([key, e]) => {
    const type = types.find((t) => t.key === key);
    return { team_type: key, label_nl: type?.label_nl ?? key, label_en: type?.label_en ?? key, met: e.met.size, total: e.all.size };
  });
}

/**
 * The next introductions: one person per team not yet met (its contact person when there is
 * one), teams that matter for the caller's type first, then teams serving the caller's own buurten.
 */
function suggest(teams: readonly PackTeam[], ownBuurten: ReadonlySet<string>): Pack['suggestions'] {
  const seen = new Set<string>();
  const candidates = teams.flatMap((team, order) => {
    if (team.members.some((m) => m.met)) return [];
    const first = team.members.find((m) => !m.met && m.is_contact_person) ?? team.members.find((m) => !m.met);
    if (!first) return [];
    const shares = team.buurten.some((b) => ownBuurten.has(b));
    const reason = team.priority ? 'relevant_team' as const : shares ? 'same_buurten' as const : 'in_wijk' as const;
    return [{ order, weight: reason === 'relevant_team' ? 0 : reason === 'same_buurten' ? 1 : 2, team, member: first, reason }];
  }).sort((a, b) => a.weight - b.weight || a.order - b.order);
  const out: Pack['suggestions'] = [];
  for (const c of candidates) {
    if (out.length >= SUGGESTIONS || seen.has(c.member.person.id)) continue;
    seen.add(c.member.person.id);
    out.push({ person: c.member.person, new_in_wijk: c.member.new_in_wijk, team: { id: c.team.id, name: c.team.name, team_type: c.team.team_type }, reason: c.reason });
  }
  return out;
}
