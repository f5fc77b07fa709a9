// Resolving a pathway for an address: which team of each step's type serves it, and whom to
// call there. The address goes through the lookup feature (the same geocoder, buurt and
// "which teams serve this buurt" answer, with contact persons as the caller may see them),
// so the verwijswijzer can never name a different team than the address answer does.
import type { Kysely } from 'kysely';
import type { DB } from '../db/types';
import type { Audience } from '../domain/audience';
import { HttpError } from '../http/errors';
import type { Locatieserver } from '../geocoder/geocoder.locatieserver';
import { areaChain, type AreaRef, type Point } from '../lookup/lookup.queries';
import { lookup, toInput } from '../lookup/lookup.resolve';
import { LookupQuery, type LookupTeam } from '../lookup/lookup.schemas';
import { teamsForBuurten } from '../lookup/lookup.teams';
import { type PathwayRow, staleOf, stepsFor, teamReach, teamsOfTypeWithPoints, wordsFor } from './pathways.queries';
import type { ResolvedPathway, ResolvedStep, ResolveQuery } from './pathways.schemas';

export const MISSING_MESSAGE = 'Geen team van dit soort hier';

/** The address as the resolution needs it: its buurt(en), a point, and the teams serving it. */
export interface Place {
  buurt: AreaRef | null; address: string | null; approximate: boolean; point: Point | null; teams: LookupTeam[];
}

const LOOKUP_FIELDS = ['postcode', 'number', 'address', 'lat', 'lon'] as const;

/** True when the query names an address or area (else the pathway is read unresolved). */
export const namesPlace = (q: ResolveQuery) => q.area !== undefined || LOOKUP_FIELDS.some((f) => q[f] !== undefined);

export async function placeFor(db: Kysely<DB>, geocoder: Locatieserver | null, audience: Audience, q: ResolveQuery): Promise<Place> {
  if (q.area !== undefined) {
    if (LOOKUP_FIELDS.some((f) => q[f] !== undefined)) {
      throw new HttpError(400, 'bad_request', 'Geef een buurtcode of een adres, niet allebei.', [{ field: 'area', in: 'querystring', message: 'Give area or an address, not both' }]);
    }
    const chain = await areaChain(db, q.area);
    if (!chain) throw new HttpError(404, 'not_found', `Buurt ${q.area} is niet bekend.`, [{ field: 'area', in: 'querystring', message: 'No buurt with this code' }]);
    const box = await db.selectFrom('areas').select(['min_lon', 'min_lat', 'max_lon', 'max_lat']).where('code', '=', q.area).executeTakeFirstOrThrow();
    const point = box.min_lon === null || box.min_lat === null || box.max_lon === null || box.max_lat === null
      ? null : { lon: (box.min_lon + box.max_lon) / 2, lat: (box.min_lat + box.max_lat) / 2 };
    return { buurt: chain.buurt, address: null, approximate: false, point, teams: await teamsForBuurten(db, audience, [q.area]) };
  }
  // the lookup's own validation, so a 400 names the same field as /api/lookup would
  const parsed = LookupQuery.safeParse(Object.fromEntries(LOOKUP_FIELDS.filter((f) => q[f] !== undefined).map((f) => [f, q[f]])));
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => ({ field: String(i.path[0] ?? 'postcode'), in: 'querystring', message: i.message }));
    throw new HttpError(400, 'bad_request', `Ongeldige invoer: ${[...new Set(details.map((d) => d.field))].join(', ')}.`, details);
  }
  const result = await lookup(db, geocoder, audience, toInput(parsed.data));
  return { buurt: result.area.buurt, address: result.address, approximate: result.approximate, point: result.point, teams: result.teams };
}

const RADIANS = Math.PI / 180;
function distanceM(a: Point, [lon, lat]: [number, number]): number {
  const dLat = (lat - a.lat) * RADIANS;
  const dLon = (lon - a.lon) * RADIANS;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * RADIANS) * Math.cos(lat * RADIANS) * Math.sin(dLon / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Resolves several pathways for one place: one query for the nearest teams of every missing type. */
export async function resolvePathways(db: Kysely<DB>, audience: Audience, place: Place, rows: readonly PathwayRow[]): Promise<ResolvedPathway[]> {
  const steps = new Map(rows.map((r) => [r.id, stepsFor(audience, r)]));
  const served = (type: string) => place.teams.find((t) => t.team_type === type);
  const wanted = [...new Set([...steps.values()].flat().flatMap((s) => (s.target.kind === 'team_type' ? [s.target.team_type] : [])))];
  const missingTypes = wanted.filter((type) => !served(type));
  const candidates = await teamsOfTypeWithPoints(db, audience, missingTypes);
  const nearest = new Map<string, { id: string; name: string; team_type: string }>();
  for (const type of missingTypes) {
    const ofType = candidates.filter((c) => c.team_type === type);
    const scored = ofType.map((c) => ({ c, d: place.point && c.points.length ? Math.min(...c.points.map((p) => distanceM(place.point!, p))) : Infinity }));
    scored.sort((a, b) => a.d - b.d || a.c.name.localeCompare(b.c.name));
    const best = scored[0]?.c;
    if (best) nearest.set(type, { id: best.id, name: best.name, team_type: best.team_type });
  }
  const reach = await teamReach(db, wanted.flatMap((type) => { const t = served(type); return t ? [t.id] : []; }));

  return rows.map((row) => ({
    key: row.key, ...wordsFor(audience, row), audience: row.audience,
    area: { buurt: place.buurt, approximate: place.approximate, address: place.address },
    stale: staleOf(row).stale,
    steps: steps.get(row.id)!.map((step, index): ResolvedStep => {
      const base = { order: index + 1, action: step.action, when: step.when, note: step.note };
      const target = step.target;
      if (target.kind === 'service') {
        return { ...base, kind: 'service', team_type: null, team: null, contact: null, hidden_contacts: 0,
          phone: target.phone, service: target.name, how: target.how, missing: null };
      }
      if (target.kind === 'instruction') {
        return { ...base, kind: 'instruction', team_type: null, team: null, contact: null, hidden_contacts: 0, phone: null, service: null, how: null, missing: null };
      }
      const team = served(target.team_type);
      if (!team) {
        return { ...base, kind: 'team', team_type: target.team_type, team: null, contact: null, hidden_contacts: 0, phone: null, service: null, how: null,
          missing: { message: MISSING_MESSAGE, nearest: nearest.get(target.team_type) ?? null } };
      }
      const contact = team.contacts[0]?.person ?? null;
      const r = reach.get(team.id);
      const how = [r?.walk_in ? `Inloop: ${r.walk_in}` : null, r?.email].filter(Boolean).join(' · ') || null;
      return { ...base, kind: 'team', team_type: target.team_type, team: { id: team.id, name: team.name, team_type: team.team_type },
        contact, hidden_contacts: team.hidden_contacts,
        phone: team.public_phone, service: null, how, missing: null };
    }),
  }));
}
