// What residents filter on (issue 16): Nu open, Gratis, Zonder verwijzing, a language, an age,
// Rolstoeltoegankelijk. A step after the search or list query: it takes the candidate teams and
// keeps those that match every filter asked, each with the reasons it matches, in words a
// resident reads ("open tot 17.00", "gratis"). "Nu open" uses the app's clock (tests control it).
import { type Kysely, sql } from 'kysely';
import type { Db } from '../db/sql';
import type { DB } from '../db/types';
import { teamOpenAt } from './services.hours';
import { FILTER_KEYS, type MatchReason, type ServiceFilters } from './services.schemas';
import { scheduleRowsFor } from './services.queries';
import { languageName } from './services.write';
export const hasServiceFilters = (f: Partial<ServiceFilters>) => FILTER_KEYS.some((k) => f[k] !== undefined);

const NO_REFERRAL = ['walk_in', 'self_referral'] as const;
const englishLanguage = new Intl.DisplayNames(['en'], { type: 'language' });
const dutchTime = (hhmm: string) => hhmm.replace(':', '.');

/** The candidates that match every filter asked, in the order given, each with why it matches. */
export async function matchTeams(db: Db, teamIds: readonly string[], filters: Partial<ServiceFilters>, now: Date): Promise<Map<string, MatchReason[]>> {
  const out = new Map<string, MatchReason[]>();
  const ids = [...new Set(teamIds)];
  if (!ids.length) return out;
  const k = db as unknown as Kysely<DB>;
  const rows = await k.selectFrom('teams as t').where('t.id', 'in', ids)
    .select(['t.id', 't.access', 't.minimum_age', 't.maximum_age', 't.interpretation_available',
      sql<boolean>`exists (select 1 from cost_options c where c.team_id = t.id and c.kind = 'free')`.as('free'),
      sql<string[]>`coalesce((select array_agg(l.code) from languages l where l.team_id = t.id), '{}')`.as('languages'),
      sql<boolean>`exists (select 1 from team_locations tl join locations l on l.id = tl.location_id join accessibility a on a.location_id = l.id
        where tl.team_id = t.id and l.archived_at is null and a.kind = 'wheelchair')`.as('wheelchair'),
    ]).execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const schedules = filters.open_now ? await scheduleRowsFor(db, ids) : undefined;
  for (const id of ids) {
    const t = byId.get(id);
    if (!t) continue;
    const reasons: MatchReason[] = [];
    if (filters.open_now) {
      const state = teamOpenAt(schedules!.team.get(id) ?? [], schedules!.locations.get(id) ?? [], now);
      if (!state.open) continue;
      reasons.push(state.until
        ? { filter: 'open_now', nl: `open tot ${dutchTime(state.until)}`, en: `open until ${state.until}` }
        : { filter: 'open_now', nl: 'dag en nacht open', en: 'open day and night' });
    }
    if (filters.free) {
      if (!t.free) continue;
      reasons.push({ filter: 'free', nl: 'gratis', en: 'free' });
    }
    if (filters.no_referral) {
      if (!(NO_REFERRAL as readonly string[]).includes(t.access)) continue;
      reasons.push(t.access === 'walk_in'
        ? { filter: 'no_referral', nl: 'zonder verwijzing, gewoon binnenlopen', en: 'no referral, just walk in' }
        : { filter: 'no_referral', nl: 'zonder verwijzing', en: 'no referral needed' });
    }
    if (filters.language) {
      const code = filters.language;
      if (t.languages.includes(code)) reasons.push({ filter: 'language', nl: `spreekt ${languageName(code)}`, en: `speaks ${englishLanguage.of(code) ?? code}` });
      else if (t.interpretation_available) reasons.push({ filter: 'language', nl: 'met een tolk', en: 'with an interpreter' });
      else continue;
    }
    if (filters.age !== undefined) {
      const age = filters.age;
      if ((t.minimum_age !== null && age < t.minimum_age) || (t.maximum_age !== null && age > t.maximum_age)) continue;
      reasons.push(ageReason(t.minimum_age, t.maximum_age));
    }
    if (filters.wheelchair) {
      if (!t.wheelchair) continue;
      reasons.push({ filter: 'wheelchair', nl: 'rolstoeltoegankelijk', en: 'wheelchair accessible' });
    }
    out.set(id, reasons);
  }
  return out;
}

function ageReason(min: number | null, max: number | null): MatchReason {
  if (min === null && max === null) return { filter: 'age', nl: 'voor alle leeftijden', en: 'for all ages' };
  if (min !== null && max !== null) return { filter: 'age', nl: `voor ${min} tot en met ${max} jaar`, en: `for ages ${min} to ${max}` };
  if (min !== null) return { filter: 'age', nl: `vanaf ${min} jaar`, en: `from age ${min}` };
  return { filter: 'age', nl: `tot en met ${max} jaar`, en: `up to age ${max}` };
}
