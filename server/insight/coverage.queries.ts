// Coverage per buurt (issue 17): for every buurt of a gemeente or wijk, which team types of the
// installation's basic set a shown, not-stale team serves, how many named professionals work
// for it per 1,000 inhabitants, and the gaps weighed by its CBS figures. Figures only: no
// person's name or field leaves this module, so the answer is the same for every audience.
import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/types';
import { isCurrentMembership } from '../domain/membership';
import { staleCutoff, verifiedBasis } from '../domain/staleness';
import { buurtCodesUnder } from '../areas/areas.queries';
import { areaFigures, FIGURE_COLUMNS, figuresSource } from '../areas/areas.figures';
import type { Coverage, CoverageBuurt } from './insight.schemas';

type NeedFigure = 'share_0_15' | 'share_65_plus' | 'share_single_person' | 'share_with_children' | 'share_rented';

/**
 * Which CBS figure says a buurt needs a team type more than usual, and the usual share
 * (Netherlands, CBS 2023, rounded): a buurt with twice the usual 65+ weighs a missing
 * ouderenwerk twice as heavily. Types not listed weigh by inhabitants alone.
 */
export const NEED: Readonly<Record<string, { figure: NeedFigure; typical: number }>> = {
  elderly_welfare: { figure: 'share_65_plus', typical: 20 },
  district_nursing: { figure: 'share_65_plus', typical: 20 },
  informal_care_support: { figure: 'share_65_plus', typical: 20 },
  youth_family_team: { figure: 'share_0_15', typical: 16 },
  youth_work: { figure: 'share_0_15', typical: 16 },
  debt_counselling: { figure: 'share_rented', typical: 42 },
  community_development: { figure: 'share_single_person', typical: 39 },
};

const round1 = (n: number) => Math.round(n * 10) / 10;

/** The gaps of a buurt: each missing type, weighed by inhabitants (thousands, 1 when unknown) × need. */
export function weighGaps(missing: readonly string[], figures: Partial<Record<NeedFigure | 'population', number | null>>) {
  const people = figures.population ? figures.population / 1000 : 1;
  const gaps = missing.map((type) => {
    const need = NEED[type];
    const share = need ? figures[need.figure] ?? null : null;
    const factor = need && share !== null ? share / need.typical : 1;
    return { type, weight: round1(people * factor), figure: need && share !== null ? need.figure : null };
  }).sort((a, b) => b.weight - a.weight || a.type.localeCompare(b.type));
  return { gaps, gap_score: round1(gaps.reduce((sum, g) => sum + g.weight, 0)) };
}

/** The coverage of the buurten under `code`, largest gap first; undefined when no such area. */
export async function coverageOf(db: Kysely<DB>, code: string, basicSet: readonly string[]): Promise<Coverage | undefined> {
  const cutoff = staleCutoff().toISOString();
  const under = buurtCodesUnder(db, code);
  // A team counts when it is shown (not archived) and not stale, exactly as the staleness rule says.
  const servingTeams = () => db.selectFrom('team_areas as ta').innerJoin('teams as t', 't.id', 'ta.team_id')
    .where('ta.area_code', 'in', under).where('t.archived_at', 'is', null)
    .where(sql<boolean>`${verifiedBasis('t')} >= ${cutoff}::timestamptz`);
  // Four grouped queries at once (no per-buurt subqueries): area, labels, buurten, teams per
  // type per buurt, and named professionals per buurt.
  const [area, labels, rows, served, professionals] = await Promise.all([
    db.selectFrom('areas').where('code', '=', code).select(['code', 'name', 'kind', 'min_lon', 'min_lat', 'max_lon', 'max_lat']).executeTakeFirst(),
    db.selectFrom('team_types').where('key', 'in', [...basicSet]).select(['key', 'label_nl', 'label_en']).execute(),
    db.selectFrom('areas as b').where('b.kind', '=', 'buurt').where('b.code', 'in', under)
      .select(['b.code', 'b.name', 'b.parent_code', ...FIGURE_COLUMNS.map((c) => `b.${c}` as const)]).orderBy('b.code').execute(),
    servingTeams().where('t.team_type', 'in', [...basicSet])
      .select(['ta.area_code', 't.team_type', sql<number>`count(*)::int`.as('n')]).groupBy(['ta.area_code', 't.team_type']).execute(),
    servingTeams().innerJoin('memberships as m', 'm.team_id', 't.id').innerJoin('people as p', 'p.id', 'm.person_id')
      .where(isCurrentMembership('m')).where('p.archived_at', 'is', null)
      .select(['ta.area_code', sql<number>`count(distinct m.person_id)::int`.as('n')]).groupBy('ta.area_code').execute(),
  ]);
  if (!area) return undefined;
  const servedBy = new Map<string, Record<string, number>>();
  for (const s of served) servedBy.set(s.area_code, { ...servedBy.get(s.area_code), [s.team_type]: Number(s.n) });
  const prosBy = new Map(professionals.map((p) => [p.area_code, Number(p.n)]));
  const order = new Map(basicSet.map((k, i) => [k, i]));
  const basic = labels.sort((a, b) => order.get(a.key)! - order.get(b.key)!);
  const buurten: CoverageBuurt[] = rows.map((r) => {
    const served = Object.fromEntries(basicSet.map((k) => [k, servedBy.get(r.code)?.[k] ?? 0]));
    const { gaps, gap_score } = weighGaps(basicSet.filter((k) => served[k] === 0), r);
    const professionals = prosBy.get(r.code) ?? 0;
    return {
      code: r.code, name: r.name, wijk: r.parent_code, figures: areaFigures(r), served, professionals,
      professionals_per_1000: r.population ? round1((professionals * 1000) / r.population) : null,
      gaps, gap_score,
    };
  }).sort((a, b) => b.gap_score - a.gap_score || a.name.localeCompare(b.name, 'nl'));
  const years = [...new Set(rows.map((r) => r.figures_year).filter((y): y is number => y !== null))].sort();
  const { min_lon, min_lat, max_lon, max_lat } = area;
  return {
    area: { code: area.code, name: area.name, kind: area.kind,
      bbox: min_lon === null || min_lat === null || max_lon === null || max_lat === null ? null : [min_lon, min_lat, max_lon, max_lat] },
    basic_set: basic,
    source: years.length > 1 ? `Kadaster / CBS, ${years.join(', ')}` : figuresSource(years[0] ?? null),
    buurten,
    totals: {
      buurten: buurten.length, with_gaps: buurten.filter((b) => b.gaps.length > 0).length,
      inhabitants: rows.reduce((n, r) => n + (r.population ?? 0), 0), gaps: buurten.reduce((n, b) => n + b.gaps.length, 0),
    },
  };
}

/** The coverage as a spreadsheet: one row per buurt, one column per type of the basic set. */
export function coverageCsvRows(c: Coverage): { headers: string[]; rows: string[][] } {
  const n = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v).replace('.', ','));
  const headers = ['buurtcode', 'buurt', 'wijkcode', 'inwoners', 'huishoudens', 'procent_0_15', 'procent_65_plus',
    'procent_eenpersoonshuishoudens', 'procent_huishoudens_met_kinderen', 'procent_huurwoningen', 'jaar',
    ...c.basic_set.map((t) => `teams_${t.key}`), 'professionals', 'professionals_per_1000', 'gaten', 'gewicht_gaten', 'bron'];
  const rows = c.buurten.map((b) => [
    b.code, b.name, b.wijk ?? '', n(b.figures?.inhabitants), n(b.figures?.households), n(b.figures?.share_0_15), n(b.figures?.share_65_plus),
    n(b.figures?.share_single_person), n(b.figures?.share_with_children), n(b.figures?.share_rented), n(b.figures?.year),
    ...c.basic_set.map((t) => String(b.served[t.key] ?? 0)), String(b.professionals), n(b.professionals_per_1000),
    b.gaps.map((g) => g.type).join('|'), n(b.gap_score), b.figures?.source ?? c.source,
  ]);
  return { headers, rows };
}
