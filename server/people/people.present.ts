// THE way a person leaves the server. Every response that carries people (people routes,
// team members, lookup contacts, search results, the area's "wie werkt hier") gets them
// from presentPeople: selected through people.visibility.ts, given display fields, and checked
// against the audience's strict schema. Callers decide which people (memberships, paging,
// ranking) by id; they never select person columns themselves.
import { type Kysely, type SqlBool, sql } from 'kysely';
import type { DB } from '../db/types';
import { auditMobileViews, mobileView } from '../audit/audit.queries';
import { isKeptSet, readStateRecordingView } from '../audit/view-log';
import { type Audience, seesPublicOnly } from '../domain/audience';
import { newPeopleAmong } from '../domain/newness';
import { cutoffsOfState, directoryState, stateOf } from '../domain/directory-changes';
import { cachedPeople, cachedRights, keptPeople, keptRights, keptState, keptWorkOut, publicOrProfessional, viewerKey } from './people.cache';
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
export async function presentPeople(db: Kysely<DB>, audience: Audience, ids: readonly string[], options: PresentOptions = {}): Promise<ReadonlyMap<string, Person>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  // Every view of someone else's 06 number is on record (who, when, whose), here where
  // every person leaving the server passes.
  const records = options.recordViews !== false && !seesPublicOnly(audience);
  let state = options.state;
  if (records && state === undefined && !db.isTransaction) {
    const kept = await presentKept(db, audience, unique);
    if (kept && 'people' in kept) return kept.people;
    if (kept) state = kept.state;
  }
  // Read before any person (people.cache.ts): what is cached under it is at least this new.
  state ??= await directoryState(db);
  let people: ReadonlyMap<string, Person>;
  if (seesPublicOnly(audience)) {
    people = (state !== undefined && keptShared(db, state, audience, unique, () => keptPeople(db, state, 'public', unique)))
      || await cachedPeople(db, state, 'public', unique, (missing) => selectPeople(db, audience, missing));
  } else {
    // Most people shown to a professional are outside their own teams: those rows are the
    // same for every professional. The few inside (team-level fields) are kept per viewer.
    const circle = await cachedRights(db, state, audience, unique, (missing) => teamLevelAmong(db, audience, missing));
    const { inside, outside } = split(unique, circle);
    const shared = cachedPeople(db, state, publicOrProfessional(audience), outside, (missing) => selectPeople(db, WITHOUT_TEAM_RIGHTS, missing));
    people = inside.length === 0 ? await shared : merged(...await Promise.all([shared,
      cachedPeople(db, state, { viewer: viewerKey(audience) }, inside, (missing) => selectPeople(db, audience, missing))]));
  }
  if (records) await auditMobileViews(db, audience, mobilesShown(audience, people));
  return people;
}

/**
 * A professional's usual answer is made of people kept under the newest state: worked out
 * from those first, its view row then goes in the statement that reads the state (one round
 * trip instead of two), and is written only if the state is still that one, so it names
 * exactly the people shown. Undefined: not all kept, or nothing to record (the usual path);
 * `state`: the state had moved, nothing was written, and this is the state read.
 */
async function presentKept(db: Kysely<DB>, audience: Audience, unique: readonly string[]): Promise<{ people: ReadonlyMap<string, Person> } | { state: string | undefined } | undefined> {
  const state = keptState(db);
  const cutoffs = cutoffsOfState();
  if (state === undefined || !state.endsWith(cutoffs)) return undefined;
  // The same list for the same viewer under the same state: the same people and view row,
  // worked out once (the next answer for that buurt or team only looks it up).
  const kept = keptWorkOut(db, state, 'people and view', audience, unique, () => {
    const circle = keptRights(db, state, audience, unique);
    if (!circle) return undefined;
    const { inside, outside } = split(unique, circle);
    const shared = keptPeople(db, state, publicOrProfessional(audience), outside);
    const own = inside.length === 0 ? new Map<string, Person>() : keptPeople(db, state, { viewer: viewerKey(audience) }, inside);
    if (!shared || !own) return undefined;
    const people: ReadonlyMap<string, Person> = own.size === 0 ? shared : merged(shared, own);
    sharedPeople.add(people);
    return { people, view: mobileView(audience, mobilesShown(audience, people)) };
  });
  if (!kept?.view || (kept.view.set && !isKeptSet(db, kept.view.set.id))) return undefined;
  const read = await readStateRecordingView(db, kept.view.row, state.slice(0, state.indexOf('|')));
  return read.recorded ? { people: kept.people } : { state: stateOf(read.state, cutoffs) };
}

// The maps handed to every answer for the same viewer, list and state.
const sharedPeople = new WeakSet<ReadonlyMap<string, Person>>();
/** keptWorkOut for a map of people alone, marked as shared. */
function keptShared(db: Kysely<DB>, state: string, audience: Audience, ids: readonly string[], work: () => Map<string, Person> | undefined) {
  return keptWorkOut(db, state, 'people', audience, ids, () => {
    const people = work();
    if (people) sharedPeople.add(people);
    return people;
  });
}
/** Whether `people` is handed to other answers too (the same object for the same viewer, list and state): what is made of it alone may be kept beside it. */
export const isSharedPeople = (people: ReadonlyMap<string, Person>): boolean => sharedPeople.has(people);

/** The ids the viewer has 'team'-level rights on (inside their circle), and the others. */
function split(ids: readonly string[], circle: ReadonlySet<string>) {
  const inside: string[] = [];
  const outside: string[] = [];
  for (const id of ids) (circle.has(id) ? inside : outside).push(id);
  return { inside, outside };
}

const merged = (shared: Map<string, Person>, own: Map<string, Person>) => new Map([...shared, ...own]);

/** Whose 06 numbers an answer of `people` shows this audience: others' numbers shown to professionals. */
function mobilesShown(audience: Audience, people: ReadonlyMap<string, Person>): string[] {
  const self = audience.kind === 'anonymous' ? null : audience.personId;
  const mobiles: string[] = [];
  for (const p of people.values()) if (p.shown_to === 'professionals' && p.phone_mobile && p.id !== self) mobiles.push(p.id);
  return mobiles;
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
