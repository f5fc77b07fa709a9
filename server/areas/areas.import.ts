// Import of real CBS wijk- en buurtkaart boundaries (GeoJSON as PDOK/CBS publish them).
// Gemeenten go first, then wijken, then buurten, whatever the order of the files, so a
// parent exists before its children; a parent that no file brings is created from the
// codes and names on its children. Re-importing the same data changes nothing: a row is
// only updated when one of its values differs (the database then bumps its version).
import { type Kysely, sql } from 'kysely';
import { z } from 'zod';
import type { AreaKind, DB } from '../db/types';
import { fillBoundaryBands } from './areas.bands';

const Position = z.tuple([z.number(), z.number()]).rest(z.number());
const Ring = z.array(Position).min(4);
const Geometry = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: z.array(Ring).min(1) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(Ring).min(1)).min(1) }),
]);
const Feature = z.object({
  type: z.literal('Feature'),
  properties: z.record(z.string(), z.unknown()).nullable(),
  geometry: z.unknown(),
});
export const FeatureCollection = z.object({ type: z.literal('FeatureCollection'), features: z.array(Feature) });
export type FeatureCollection = z.infer<typeof FeatureCollection>;

/**
 * The CBS key figures a Wijk- en Buurtkaart feature carries (attribute names as CBS/PDOK
 * publish them); null when absent, unknown or kept secret (CBS writes negative sentinels).
 */
export interface CbsFigures {
  households: number | null; share_0_15: number | null; share_65_plus: number | null;
  share_single_person: number | null; share_with_children: number | null; share_rented: number | null;
  land_ha: number | null; figures_year: number | null;
}
const percentage = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 100 ? Math.round(v) : null);
const year = (v: unknown): number | null => (typeof v === 'number' && Number.isInteger(v) && v >= 1990 && v <= 2100 ? v : typeof v === 'string' && /^\d{4}$/.test(v) ? year(Number(v)) : null);

export function cbsFigures(p: Record<string, unknown>): CbsFigures {
  return {
    households: count(p.aantal_huishoudens),
    share_0_15: percentage(p.percentage_personen_0_tot_15_jaar),
    share_65_plus: percentage(p.percentage_personen_65_jaar_en_ouder),
    share_single_person: percentage(p.percentage_eenpersoonshuishoudens),
    share_with_children: percentage(p.percentage_huishoudens_met_kinderen),
    share_rented: percentage(p.percentage_huurwoningen),
    land_ha: count(p.oppervlakte_land_in_ha),
    figures_year: year(p.jaar),
  };
}
const NO_FIGURES: CbsFigures = { households: null, share_0_15: null, share_65_plus: null, share_single_person: null, share_with_children: null, share_rented: null, land_ha: null, figures_year: null };

export type AreaRow = {
  code: string; kind: AreaKind; name: string; parent_code: string | null; geometry: string | null;
  min_lon: number | null; min_lat: number | null; max_lon: number | null; max_lat: number | null;
  postcodes: string[]; population: number | null;
} & CbsFigures & {
  /** Made up from a child's codes: inserted if missing, never overwrites a real row. */
  placeholder: boolean;
};

export interface ImportReport { read: number; inserted: number; updated: number; unchanged: number; skipped: { code: string | null; reason: string }[] }
export interface ImportOptions { onProgress?: (message: string) => void; batchSize?: number }

const KIND_ORDER: Record<AreaKind, number> = { gemeente: 0, wijk: 1, buurt: 2 };
const KIND_PREFIX: Record<AreaKind, string> = { gemeente: 'GM', wijk: 'WK', buurt: 'BU' };

const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
const count = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : null); // CBS secrecy: negative sentinels

/** "0164" or "GM0164" → "GM0164" (the Locatieserver and some CBS files drop the prefix). */
const normaliseCode = (kind: AreaKind, code: string | null) =>
  code === null ? null : /^\d+$/.test(code) ? `${KIND_PREFIX[kind]}${code}` : code.toUpperCase();

// CBS codes nest: BU + gemeente(4) + wijk(2) + buurt(2), WK + gemeente(4) + wijk(2).
export const parentCodeOf = (code: string): string | null =>
  code.startsWith('BU') ? `WK${code.slice(2, 8)}` : code.startsWith('WK') ? `GM${code.slice(2, 6)}` : null;

/** The kind, code, name and parent of a feature, from CBS names or PDOK's statcode/statnaam. */
export function describeFeature(p: Record<string, unknown>): { kind: AreaKind; code: string; name: string | null; parent: string | null } | null {
  const stat = text(p.statcode);
  if (text(p.buurtcode) || stat?.startsWith('BU')) {
    const code = normaliseCode('buurt', text(p.buurtcode) ?? stat)!;
    return { kind: 'buurt', code, name: text(p.buurtnaam) ?? text(p.statnaam), parent: normaliseCode('wijk', text(p.wijkcode)) ?? parentCodeOf(code) };
  }
  if (text(p.wijkcode) || stat?.startsWith('WK')) {
    const code = normaliseCode('wijk', text(p.wijkcode) ?? stat)!;
    return { kind: 'wijk', code, name: text(p.wijknaam) ?? text(p.statnaam), parent: normaliseCode('gemeente', text(p.gemeentecode)) ?? parentCodeOf(code) };
  }
  if (text(p.gemeentecode) || stat?.startsWith('GM')) {
    const code = normaliseCode('gemeente', text(p.gemeentecode) ?? stat)!;
    return { kind: 'gemeente', code, name: text(p.gemeentenaam) ?? text(p.statnaam), parent: null };
  }
  return null;
}

function bboxOf(coordinates: unknown): [number, number, number, number] {
  let [minLon, minLat, maxLon, maxLat] = [Infinity, Infinity, -Infinity, -Infinity];
  const walk = (node: unknown): void => {
    if (Array.isArray(node) && typeof node[0] === 'number') {
      const [lon, lat] = node as number[];
      minLon = Math.min(minLon, lon!); maxLon = Math.max(maxLon, lon!);
      minLat = Math.min(minLat, lat!); maxLat = Math.max(maxLat, lat!);
    } else if (Array.isArray(node)) node.forEach(walk);
  };
  walk(coordinates);
  return [minLon, minLat, maxLon, maxLat];
}

/** Rows to write, parents first, plus placeholder parents for codes no file brought. */
export function areaRows(collections: FeatureCollection[], skipped: ImportReport['skipped'] = []): AreaRow[] {
  const rows = new Map<string, AreaRow>();
  const wanted = new Map<string, { kind: AreaKind; name: string; parent: string | null }>();
  for (const feature of collections.flatMap((c) => c.features)) {
    const p = feature.properties ?? {};
    const about = describeFeature(p);
    if (!about) { skipped.push({ code: null, reason: 'no buurtcode, wijkcode, gemeentecode or statcode' }); continue; }
    const geometry = Geometry.safeParse(feature.geometry);
    if (!geometry.success) { skipped.push({ code: about.code, reason: 'geometry is not a Polygon or MultiPolygon' }); continue; }
    const [min_lon, min_lat, max_lon, max_lat] = bboxOf(geometry.data.coordinates);
    const postcode = text(p.meest_voorkomende_postcode);
    rows.set(about.code, {
      code: about.code, kind: about.kind, name: about.name ?? about.code, parent_code: about.parent,
      geometry: JSON.stringify(geometry.data), min_lon, min_lat, max_lon, max_lat,
      postcodes: postcode && /^[1-9]\d{3}$/.test(postcode) ? [postcode] : [],
      population: count(p.aantal_inwoners), ...cbsFigures(p), placeholder: false,
    });
    // A buurt file alone still names its wijk and gemeente: enough for placeholder parents.
    if (about.kind === 'buurt' && about.parent) {
      const gm = normaliseCode('gemeente', text(p.gemeentecode)) ?? parentCodeOf(about.parent);
      wanted.set(about.parent, { kind: 'wijk', name: text(p.wijknaam) ?? about.parent, parent: gm });
    }
    const gemeente = about.kind === 'wijk' ? about.parent : about.kind === 'buurt' ? wanted.get(about.parent ?? '')?.parent ?? null : null;
    if (gemeente) wanted.set(gemeente, { kind: 'gemeente', name: text(p.gemeentenaam) ?? gemeente, parent: null });
  }
  for (const [code, w] of wanted) {
    if (!rows.has(code)) rows.set(code, { code, kind: w.kind, name: w.name, parent_code: w.parent, geometry: null, min_lon: null, min_lat: null, max_lon: null, max_lat: null, postcodes: [], population: null, ...NO_FIGURES, placeholder: true });
  }
  return [...rows.values()].sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.code.localeCompare(b.code));
}

export async function importAreas(db: Kysely<DB>, input: FeatureCollection | FeatureCollection[], options: ImportOptions = {}): Promise<ImportReport> {
  const collections = (Array.isArray(input) ? input : [input]).map((c, i) => {
    const parsed = FeatureCollection.safeParse(c);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0]!;
    throw new Error(`input ${i + 1} is not a GeoJSON FeatureCollection (${issue.path.join('.') || 'root'}: ${issue.message})`);
  });
  const report: ImportReport = { read: collections.reduce((n, c) => n + c.features.length, 0), inserted: 0, updated: 0, unchanged: 0, skipped: [] };
  const rows = areaRows(collections, report.skipped);
  const batchSize = options.batchSize ?? 100;
  await db.transaction().execute(async (trx) => {
    let done = 0;
    // Kind by kind (gemeente, wijk, buurt): every parent is written before its children.
    for (const kind of ['gemeente', 'wijk', 'buurt'] as const) {
      const ofKind = rows.filter((r) => r.kind === kind);
      for (let i = 0; i < ofKind.length; i += batchSize) {
        const batch = ofKind.slice(i, i + batchSize);
        await writeBatch(trx, batch, report);
        done += batch.length;
        options.onProgress?.(`${kind}: ${done}/${rows.length} areas (${report.inserted} new, ${report.updated} changed, ${report.unchanged} unchanged)`);
      }
    }
    // Simplified boundaries per zoom band for every new or changed geometry, in the same transaction.
    await fillBoundaryBands(trx);
  });
  return report;
}

const strip = ({ placeholder: _, ...row }: AreaRow) => row;

async function writeBatch(trx: Kysely<DB>, batch: AreaRow[], report: ImportReport) {
  const placeholders = batch.filter((r) => r.placeholder).map(strip);
  const real = batch.filter((r) => !r.placeholder).map(strip);
  if (placeholders.length) {
    // Never overwrite an area that exists (it may be the real one from an earlier import).
    const added = await trx.insertInto('areas').values(placeholders).onConflict((oc) => oc.column('code').doNothing()).returning('code').execute();
    report.inserted += added.length;
    report.unchanged += placeholders.length - added.length;
  }
  if (real.length) {
    const written = await upsert(trx, real);
    report.inserted += written.filter((w) => w.inserted).length;
    report.updated += written.filter((w) => !w.inserted).length;
    report.unchanged += real.length - written.length;
  }
}

// ON CONFLICT … DO UPDATE … WHERE: only rows whose values differ are touched, so a second
// import of the same files bumps no version. (xmax = 0) tells an insert from an update.
function upsert(trx: Kysely<DB>, rows: Omit<AreaRow, 'placeholder'>[]) {
  return trx.insertInto('areas').values(rows)
    .onConflict((oc) => oc.column('code').doUpdateSet((eb) => ({
      kind: eb.ref('excluded.kind'), name: eb.ref('excluded.name'), parent_code: eb.ref('excluded.parent_code'),
      geometry: eb.ref('excluded.geometry'), min_lon: eb.ref('excluded.min_lon'), min_lat: eb.ref('excluded.min_lat'),
      max_lon: eb.ref('excluded.max_lon'), max_lat: eb.ref('excluded.max_lat'),
      postcodes: eb.ref('excluded.postcodes'), population: eb.ref('excluded.population'),
      households: eb.ref('excluded.households'), share_0_15: eb.ref('excluded.share_0_15'), share_65_plus: eb.ref('excluded.share_65_plus'),
      share_single_person: eb.ref('excluded.share_single_person'), share_with_children: eb.ref('excluded.share_with_children'),
      share_rented: eb.ref('excluded.share_rented'), land_ha: eb.ref('excluded.land_ha'), figures_year: eb.ref('excluded.figures_year'),
    })).where(sql<boolean>`(areas.kind, areas.name, areas.parent_code, areas.geometry, areas.min_lon, areas.min_lat, areas.max_lon, areas.max_lat, areas.postcodes, areas.population,
        areas.households, areas.share_0_15, areas.share_65_plus, areas.share_single_person, areas.share_with_children, areas.share_rented, areas.land_ha, areas.figures_year)
      is distinct from (excluded.kind, excluded.name, excluded.parent_code, excluded.geometry, excluded.min_lon, excluded.min_lat, excluded.max_lon, excluded.max_lat, excluded.postcodes, excluded.population,
        excluded.households, excluded.share_0_15, excluded.share_65_plus, excluded.share_single_person, excluded.share_with_children, excluded.share_rented, excluded.land_ha, excluded.figures_year)`))
    .returning(sql<boolean>`(xmax = 0)`.as('inserted'))
    .execute();
}
