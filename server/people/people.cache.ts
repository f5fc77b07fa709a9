// People as each audience class sees them, kept per directory state, so that the same
// person shown again (the next request for the same buurt or team) costs no select.
//
// Exact, not "fresh enough": every key starts with the directory's state (its change
// marker, PostgreSQL's date and the staleness cut-offs: directoryState in
// domain/directory-changes.ts), read once per request BEFORE any person. Every table a
// shaped person is made of (people, memberships, person_topics, person_consents, teams;
// the audit row that dates a membership is written with it) moves the marker when a write
// commits, on any instance, so the first request after a change misses and selects anew.
//
// What is shared, and between whom (the visibility rule itself stays in people.visibility.ts):
//   'public'        residents and the analist: the same columns for everyone (seesPublicOnly).
//   'professionals' a signed-in viewer WITHOUT 'team'-level rights on that person: the
//                   professional columns then depend on the person alone.
//   viewer key      a person the viewer HAS 'team'-level rights on: kept for that viewer
//                   only (account, role, person, teams, organisations all in the key).
// Whether a viewer has those rights on a person is itself asked of people.visibility.ts
// (teamLevelAmong) and kept per viewer and state. What is worked out of those for one viewer
// and list of people (keptWorkOut) is kept in the same generation and dropped with it.
import { LRUCache } from 'lru-cache';
import type { Kysely } from 'kysely';
import type { DB } from '../db/types';
import { type Audience, seesPublicOnly } from '../domain/audience';
import type { Person } from './people.visibility';

// One generation per database: the people and rights of the latest directory state seen.
// A request that reads another state starts a new generation (the old one is dropped
// whole), so memory is bounded by the two limits below, whatever the number of changes.
const MAX_PEOPLE = 50_000; // about 1–2 KB each
const MAX_RIGHTS = 100_000; // answers of all viewers together; past it, all are dropped and asked again
// Worked-out answers (keptWorkOut) of all viewers together; past it, all are dropped. With what
// is kept beside them (a buurt's answer and its JSON, people.area-answer.ts) an entry holds up
// to ~100 KB for a buurt of 150 people, so this bounds them near 50 MB.
const MAX_WORKED_OUT = 500;
const NOT_VISIBLE = false;

interface Generation {
  state: string;
  people: LRUCache<string, Person | typeof NOT_VISIBLE>;
  /** Per viewer tag: whether they have 'team'-level rights on a person, by person id. One
   * map per viewer, so a list of 150 people costs one lookup of the viewer and 150 of a Map. */
  rights: Map<string, Map<string, boolean>>;
  rightsCount: number;
  /** Short tags for viewer keys, so that per-person keys stay short. */
  viewers: Map<string, string>;
  /** What keptWorkOut worked out from this generation's people and rights, by its key. */
  workedOut: Map<string, unknown>;
}
const generations = new WeakMap<object, Generation>();

function generationOf(db: Kysely<DB>, state: string): Generation {
  let found = generations.get(db);
  if (found?.state !== state) {
    found = { state, people: new LRUCache({ max: MAX_PEOPLE }), rights: new Map(), rightsCount: 0, viewers: new Map(), workedOut: new Map() };
    generations.set(db, found);
  }
  return found;
}

function tagOf(generation: Generation, key: string): string {
  let tag = generation.viewers.get(key);
  if (tag === undefined) {
    tag = `v${generation.viewers.size}`;
    generation.viewers.set(key, tag);
  }
  return tag;
}

// An audience is never changed once made (auth keeps one per session): its key is worked out once.
const viewerKeys = new WeakMap<Audience, string>();

/** Who the viewer is, as far as 'team'-level rights go. */
export function viewerKey(audience: Audience): string {
  if (audience.kind === 'anonymous') return 'anonymous';
  let key = viewerKeys.get(audience);
  if (key === undefined) {
    key = JSON.stringify([audience.kind, audience.accountId, audience.personId,
      [...audience.teamIds].sort(), [...audience.organisationIds].sort()]);
    viewerKeys.set(audience, key);
  }
  return key;
}

export type RowClass = 'public' | 'professionals' | { viewer: string };

const classTag = (generation: Generation, rows: RowClass) => (typeof rows === 'string' ? rows : tagOf(generation, rows.viewer));

export function publicOrProfessional(audience: Audience): RowClass {
  return seesPublicOnly(audience) ? 'public' : 'professionals';
}

/**
 * The people among `ids` of one row class: from the cache, and the misses from `select`
 * (which returns the visible ones among the ids it is given). Absent = not visible.
 */
export async function cachedPeople(db: Kysely<DB>, state: string | undefined, rows: RowClass, ids: readonly string[],
  select: (missing: string[]) => Promise<Map<string, Person>>): Promise<Map<string, Person>> {
  if (ids.length === 0) return new Map();
  if (state === undefined) return select([...ids]);
  const generation = generationOf(db, state);
  const prefix = `${classTag(generation, rows)}|`;
  const { found, missing } = lookUp(generation, prefix, ids);
  if (missing.length) {
    const selected = await select(missing);
    for (const id of missing) {
      const person = selected.get(id);
      generation.people.set(prefix + id, person ? deepFreeze(person) : NOT_VISIBLE);
      if (person) found.set(id, person);
    }
  }
  return found;
}

function lookUp(generation: Generation, prefix: string, ids: readonly string[]) {
  const found = new Map<string, Person>();
  const missing: string[] = [];
  for (const id of ids) {
    const hit = generation.people.get(prefix + id);
    if (hit === undefined) missing.push(id);
    else if (hit !== NOT_VISIBLE) found.set(id, hit);
  }
  return { found, missing };
}

/** The state the people kept for `db` were read under (the newest one seen), if any. */
export function keptState(db: Kysely<DB>): string | undefined {
  return generations.get(db)?.state;
}

/** The people among `ids` of one row class as kept under `state`, asking nothing; undefined when any of them is not kept. */
export function keptPeople(db: Kysely<DB>, state: string, rows: RowClass, ids: readonly string[]): Map<string, Person> | undefined {
  const generation = generations.get(db);
  if (generation?.state !== state) return undefined;
  if (ids.length === 0) return new Map();
  const { found, missing } = lookUp(generation, `${classTag(generation, rows)}|`, ids);
  return missing.length ? undefined : found;
}

/** Which of `ids` the viewer sees at 'team' level as kept under `state`, asking nothing; undefined when any answer is not kept. */
export function keptRights(db: Kysely<DB>, state: string, audience: Audience, ids: readonly string[]): Set<string> | undefined {
  const generation = generations.get(db);
  if (generation?.state !== state) return undefined;
  const { yes, missing } = rightsLookUp(generation.rights.get(tagOf(generation, viewerKey(audience))), ids);
  return missing.length ? undefined : yes;
}

/**
 * What `work` makes of the people and rights kept under `state` for one viewer and list of
 * ids, kept beside them: the same request again (the next answer for that buurt) gets the
 * same object without doing the work again. `purpose` names the work (one kind of result
 * per purpose). Exact for as long as it is kept: `work` may read only what is kept under
 * `state` and the audience (whose key is part of the key), so
 * the same key gives the same result until the state moves, and then the generation and all
 * it worked out are dropped together. Undefined (not kept) is not kept either.
 */
export function keptWorkOut<T extends object>(db: Kysely<DB>, state: string, purpose: string, audience: Audience, ids: readonly string[],
  work: () => T | undefined): T | undefined {
  const generation = generations.get(db);
  if (generation?.state !== state) return undefined;
  const key = `${purpose}|${tagOf(generation, viewerKey(audience))}|${ids.join(',')}`;
  let found = generation.workedOut.get(key) as T | undefined;
  if (found === undefined) {
    found = work();
    if (found === undefined) return undefined;
    if (generation.workedOut.size >= MAX_WORKED_OUT) generation.workedOut.clear();
    generation.workedOut.set(key, found);
  }
  return found;
}

/** Of `ids`, those a viewer's kept answers say yes to, and those with no kept answer. */
function rightsLookUp(known: Map<string, boolean> | undefined, ids: readonly string[]) {
  const yes = new Set<string>();
  const missing: string[] = [];
  for (const id of ids) {
    const hit = known?.get(id);
    if (hit === undefined) missing.push(id);
    else if (hit) yes.add(id);
  }
  return { yes, missing };
}

/** Which of `ids` the viewer sees at 'team' level: from the cache, the misses from `ask`. */
export async function cachedRights(db: Kysely<DB>, state: string | undefined, audience: Audience, ids: readonly string[],
  ask: (missing: string[]) => Promise<Set<string>>): Promise<Set<string>> {
  if (state === undefined) return ask([...ids]);
  const generation = generationOf(db, state);
  const tag = tagOf(generation, viewerKey(audience));
  const { yes, missing } = rightsLookUp(generation.rights.get(tag), ids);
  if (missing.length) {
    const answered = await ask(missing);
    if (generation.rightsCount + missing.length > MAX_RIGHTS) {
      generation.rights.clear();
      generation.rightsCount = 0;
    }
    let mine = generation.rights.get(tag);
    if (!mine) generation.rights.set(tag, (mine = new Map()));
    for (const id of missing) {
      if (!mine.has(id)) generation.rightsCount += 1;
      mine.set(id, answered.has(id));
      if (answered.has(id)) yes.add(id);
    }
  }
  return yes;
}

// A cached person is handed to many responses: none of them may change it for the others.
// Frozen whole, also what hangs off it (topics, an answer's teams and members).
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const field of Object.values(value)) deepFreeze(field);
    Object.freeze(value);
  }
  return value;
}
