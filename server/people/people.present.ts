// THE way a person leaves the server. Every response that carries people (people routes,
// team members, lookup contacts, search results, the area's "wie werkt hier") gets them
// from presentPeople: selected through people.visibility.ts, given display fields, and checked
// against the audience's strict schema. Callers decide which people (memberships, paging,
// ranking) by id; they never select person columns themselves.
import { type Kysely, type SqlBool, sql } from 'kysely';
import type { DB } from '../db/types';
import { auditMobileViews } from '../audit/audit.queries';
import { type Audience, seesPublicOnly } from '../domain/audience';
import { newPeopleAmong } from '../domain/newness';
import { directoryState } from '../domain/directory-changes';
import { cachedPeople, cachedRights, publicOrProfessional, viewerKey } from './people.cache';
import { type Person, personSchemaFor, selectVisiblePeople, teamLevelAmong, withDisplayName, WITHOUT_TEAM_RIGHTS } from './people.visibility';

interface PresentOptions {
  /** false for checks that show nothing (may this audience see the person at all?). */
  recordViews?: boolean;
  /** directoryState, when the caller read it already (before any of the data it keys). */
  state?: string | undefined;
}

/**
 * The people among `ids` that the audience may see, shaped for it, by id. A person the
 * audience may not see at all is simply absent (callers count those as hidden).
 */
export async function presentPeople(db: Kysely<DB>, audience: Audience, ids: readonly string[], options: PresentOptions = {}): Promise<Map<string, Person>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  // Read before any person (people.cache.ts): what is cached under it is at least this new.
  const state = options.state ?? await directoryState(db);
  let people: Map<string, Person>;
  if (seesPublicOnly(audience)) {
    people = await cachedPeople(db, state, 'public', unique, (missing) => selectPeople(db, audience, missing));
  } else {
    // Most people shown to a professional are outside their own teams: those rows are the
    // same for every professional. The few inside (team-level fields) are kept per viewer.
    const circle = await cachedRights(db, state, audience, unique, (missing) => teamLevelAmong(db, audience, missing));
    const outsideIds: string[] = [];
    const insideIds: string[] = [];
    for (const id of unique) (circle.has(id) ? insideIds : outsideIds).push(id);
    const outside = cachedPeople(db, state, publicOrProfessional(audience), outsideIds, (missing) => selectPeople(db, WITHOUT_TEAM_RIGHTS, missing));
    if (insideIds.length === 0) {
      // The usual list: nobody in the viewer's own circle, so the shared rows are the answer.
      people = await outside;
    } else {
      const [shared, own] = await Promise.all([outside,
        cachedPeople(db, state, { viewer: viewerKey(audience) }, insideIds, (missing) => selectPeople(db, audience, missing))]);
      people = new Map([...shared, ...own]);
    }
  }
  // Every view of someone else's 06 number is on record (who, when, whose), here where
  // every person leaving the server passes.
  if (options.recordViews !== false && !seesPublicOnly(audience)) {
    const self = audience.kind === 'anonymous' ? null : audience.personId;
    const mobiles: string[] = [];
    for (const p of people.values()) if (p.shown_to === 'professionals' && p.phone_mobile && p.id !== self) mobiles.push(p.id);
    await auditMobileViews(db, audience, mobiles);
  }
  return people;
}

/** The people among `ids` as `audience` sees them, straight from the database. */
async function selectPeople(db: Kysely<DB>, audience: Audience, ids: readonly string[]): Promise<Map<string, Person>> {
  // A signed-in audience also learns who is new in the wijk: asked beside the select, for all at once.
  const [rows, fresh] = await Promise.all([
    selectVisiblePeople(db, audience).where(sql<SqlBool>`p.id = any(${[...ids]}::uuid[])`).execute(),
    seesPublicOnly(audience) ? undefined : newPeopleAmong(db, ids),
  ]);
  const schema = personSchemaFor(audience);
  // Strict: a column that slipped into the select fails here, before any response exists.
  return new Map(rows.map((row) => [row.id,
    schema.parse(withDisplayName(fresh ? { ...row, new_in_wijk: fresh.has(row.id) } : row)) as Person]));
}

/** `presentPeople` in the callers' order, leaving out the people the audience may not see. */
export async function presentInOrder(db: Kysely<DB>, audience: Audience, ids: readonly string[]): Promise<Person[]> {
  const people = await presentPeople(db, audience, ids);
  return ids.flatMap((id) => people.get(id) ?? []);
}
