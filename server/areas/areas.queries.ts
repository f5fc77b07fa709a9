// Areas: gemeente > wijk > buurt by CBS code. Service areas are stored per buurt, so
// anything asked of a wijk or gemeente goes through the buurten under it.
import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/types';
import { teamVisibleTo } from '../domain/team-visibility';
import { ANONYMOUS, type Audience } from '../domain/audience';
import { areaFigures, FIGURE_COLUMNS } from './areas.figures';

/** Subquery: the codes of the buurten in an area, or in any of several (a buurt is itself). */
// A UNION of three indexed look-ups rather than one OR, which made PostgreSQL scan areas.
export function buurtCodesUnder(db: Kysely<DB>, code: string | readonly string[]) {
  const codes = typeof code === 'string' ? [code] : [...code];
  return db.selectFrom('areas as b').select('b.code').where('b.kind', '=', 'buurt').where('b.code', 'in', codes)
    .union(db.selectFrom('areas as b').select('b.code').where('b.kind', '=', 'buurt').where('b.parent_code', 'in', codes))
    .union(db.selectFrom('areas as b').select('b.code').where('b.kind', '=', 'buurt')
      .where('b.parent_code', 'in', db.selectFrom('areas as w').select('w.code').where('w.parent_code', 'in', codes)));
}

interface AreaFilter { kind?: string; parent?: string; q?: string; page: number; per_page: number }

/** One page of areas by level (kind), parent and/or a piece of the name or code. */
export async function listAreas(db: Kysely<DB>, filter: AreaFilter) {
  let q = db.selectFrom('areas');
  if (filter.kind) q = q.where('kind', '=', filter.kind as 'buurt');
  if (filter.parent) q = q.where('parent_code', '=', filter.parent);
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb('name', 'ilike', like), eb('code', 'ilike', like)]));
  }
  const [items, total] = await Promise.all([
    q.select(['code', 'kind', 'name', 'parent_code']).orderBy('kind').orderBy('name').orderBy('code')
      .limit(filter.per_page).offset((filter.page - 1) * filter.per_page).execute(),
    q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n), page: filter.page, per_page: filter.per_page };
}

export async function getArea(db: Kysely<DB>, code: string, audience: Audience = ANONYMOUS) {
  const area = await db.selectFrom('areas').where('code', '=', code)
    .select(['code', 'kind', 'name', 'parent_code', 'geometry', 'min_lon', 'min_lat', 'max_lon', 'max_lat', 'postcodes', 'last_verified_at', ...FIGURE_COLUMNS])
    .executeTakeFirst();
  if (!area) return undefined;
  const [parent, children, teams] = await Promise.all([
    area.parent_code
      ? db.selectFrom('areas').select(['code', 'kind', 'name', 'parent_code']).where('code', '=', area.parent_code).executeTakeFirst()
      : undefined,
    db.selectFrom('areas').select(['code', 'kind', 'name', 'parent_code']).where('parent_code', '=', code).orderBy('name').execute(),
    teamsServing(db, code, audience),
  ]);
  const { min_lon, min_lat, max_lon, max_lat, households: _h, share_0_15: _a, share_65_plus: _b, share_single_person: _c,
    share_with_children: _d, share_rented: _e, land_ha: _f, figures_year: _g, ...rest } = area;
  const bbox = min_lon === null || min_lat === null || max_lon === null || max_lat === null ? null : [min_lon, min_lat, max_lon, max_lat] as [number, number, number, number];
  return { ...rest, figures: areaFigures(area), geometry: area.geometry as never, bbox, parent: parent ?? null, children, teams };
}

/** Teams serving any buurt of the area: first points of contact first, then care, welfare, informal. */
export async function teamsServing(db: Kysely<DB>, code: string, audience: Audience = ANONYMOUS) {
  return teamsServingAny(db, [code], audience);
}

/**
 * teamsServing for several areas at once (a PC4 guess covers a few buurten): ONE query,
 * rows shaped exactly as teamsServing's, each team once with its narrowest coverage.
 */
export async function teamsServingAny(db: Kysely<DB>, codes: string[], audience: Audience = ANONYMOUS) {
  if (codes.length === 0) return [];
  const rows = await db.selectFrom('teams as t')
    .innerJoin('team_types as ty', 'ty.key', 't.team_type')
    .innerJoin('organisations as o', 'o.id', 't.organisation_id')
    .innerJoin('team_areas as ta', 'ta.team_id', 't.id')
    .where(teamVisibleTo(audience))
    .where('ta.area_code', 'in', buurtCodesUnder(db, codes))
    .select([
      't.id', 't.name', 't.team_type', 'ty.category', 't.public_phone', 't.access',
      sql<{ id: string; name: string }>`json_build_object('id', o.id, 'name', o.name)`.as('organisation'),
      // the narrowest coverage wins: a team serving the buurt itself is closer than a regional one
      sql<string>`(array_agg(ta.coverage order by array_position(array['buurt','wijk','gemeente','regio'], ta.coverage)))[1]`.as('coverage'),
      sql<number>`min(case ty.category when 'first_contact' then 0 when 'care' then 1 when 'welfare' then 2 when 'informal' then 3 else 4 end)`.as('rank'),
    ])
    .groupBy(['t.id', 'ty.category', 'ty.sort_order', 'o.id'])
    .orderBy('rank').orderBy('ty.sort_order').orderBy('t.name')
    .execute();
  return rows.map(({ rank, ...r }) => r);
}
