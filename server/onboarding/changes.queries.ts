// The wijk's change feed, read from the audit log the editing API writes: who joined, left or
// changed role in a team serving the area, and which teams started or stopped serving one of
// its buurten. People are shaped by presentPeople for the caller; an event about a person
// the caller may not see is left out.
import { type Kysely, sql, type SqlBool } from 'kysely';
import type { DB } from '../db/types';
import type { Audience } from '../domain/audience';
import { buurtCodesUnder } from '../areas/areas.queries';
import { presentPeople } from '../people/people.present';
import { newInArea } from './newness.queries';
import type { Change } from './onboarding.schemas';

const MAX_EVENTS = 200;

interface MembershipSnap { person_id: string; team_id: string; role: string }
interface TeamSnap { id: string; name: string; team_type: string; areas?: string[]; archived_at?: string | null }
type Raw = { at: string; kind: Change['kind']; teamId: string; personId: string | null; role: string | null; previousRole: string | null; buurten: string[] };

function toRaw(row: { at: string; action: string; before: unknown; after: unknown }, buurten: ReadonlySet<string>): Raw[] {
  const base = { at: row.at, personId: null, role: null, previousRole: null, buurten: [] as string[] };
  if (row.action.startsWith('membership.')) {
    const before = row.before as MembershipSnap | null;
    const after = row.after as MembershipSnap | null;
    const m = (after ?? before)!;
    const membership = { ...base, teamId: m.team_id, personId: m.person_id, role: m.role };
    if (row.action === 'membership.create') return [{ ...membership, kind: 'joined' }];
    if (row.action === 'membership.end') return [{ ...membership, kind: 'left' }];
    if (before && after && before.role !== after.role) return [{ ...membership, kind: 'role_changed', previousRole: before.role }];
    return [];
  }
  const before = row.before as TeamSnap | null;
  const after = row.after as TeamSnap | null;
  const team = (after ?? before)!;
  const inArea = (s: TeamSnap | null) => new Set((s && !s.archived_at ? s.areas ?? [] : []).filter((c) => buurten.has(c)));
  const was = inArea(before);
  const is = inArea(after);
  const started = [...is].filter((c) => !was.has(c)).sort();
  const stopped = [...was].filter((c) => !is.has(c)).sort();
  // One team write can do both (moving from one buurt to another): two events.
  const out: Raw[] = [];
  if (started.length) out.push({ ...base, kind: 'started_serving', teamId: team.id, buurten: started });
  if (stopped.length) out.push({ ...base, kind: 'stopped_serving', teamId: team.id, buurten: stopped });
  return out;
}

/** The area's changes since `since`, newest first. */
export async function areaChanges(db: Kysely<DB>, audience: Audience, code: string, since: Date): Promise<Change[]> {
  const buurtRows = await db.selectFrom('areas').select(['code', 'name']).where('code', 'in', buurtCodesUnder(db, code)).execute();
  if (buurtRows.length === 0) return [];
  const buurten = new Set(buurtRows.map((b) => b.code));
  const names = new Map(buurtRows.map((b) => [b.code, b.name]));
  const servingTeams = db.selectFrom('team_areas as ta').select(sql<string>`ta.team_id::text`.as('id')).where('ta.area_code', 'in', [...buurten]);
  const rows = await db.selectFrom('audit_log as a')
    .select(['a.at', 'a.action', 'a.before', 'a.after'])
    .where('a.at', '>=', since.toISOString())
    .where((eb) => eb.or([
      eb.and([eb('a.action', 'in', ['membership.create', 'membership.update', 'membership.end']),
        eb(sql`coalesce(a.after->>'team_id', a.before->>'team_id')`, 'in', servingTeams)]),
      eb.and([eb('a.action', 'in', ['team.create', 'team.update', 'team.archive']),
        sql<SqlBool>`(coalesce(a.before->'areas', '[]'::jsonb) || coalesce(a.after->'areas', '[]'::jsonb)) ?| ${[...buurten]}::text[]`]),
    ]))
    .orderBy('a.at', 'desc').orderBy('a.id', 'desc').limit(MAX_EVENTS * 2).execute();

  const raws = rows.flatMap((row) => toRaw(row, buurten));
  const teamIds = [...new Set(raws.map((r) => r.teamId))];
  const teams = teamIds.length ? await db.selectFrom('teams').select(['id', 'name', 'team_type']).where('id', 'in', teamIds).execute() : [];
  const teamById = new Map(teams.map((t) => [t.id, t]));
  const people = await presentPeople(db, audience, raws.flatMap((r) => (r.personId ? [r.personId] : [])));
  const fresh = await newInArea(db, code);
  return raws.flatMap((r): Change[] => {
    const team = teamById.get(r.teamId);
    const person = r.personId ? people.get(r.personId) : null;
    if (!team || person === undefined) return [];
    return [{
      at: r.at, kind: r.kind, team: { id: team.id, name: team.name, team_type: team.team_type },
      person, new_in_wijk: person ? fresh.has(person.id) : false, role: r.role, previous_role: r.previousRole,
      buurten: r.buurten.map((c) => ({ code: c, name: names.get(c) ?? c })),
    }];
  }).slice(0, MAX_EVENTS);
}
