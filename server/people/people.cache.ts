// People as each audience class sees them, kept per directory state, so that the same
// person shown again (the next request for the same buurt or team) costs no select.
//
// Exact, not "fresh enough": every key starts with the directory's change marker and
// PostgreSQL's date (domain/directory-changes.ts), read once per request BEFORE any
// person, and the staleness cut-offs. Every table a shaped person is made of (people,
// memberships, person_topics, person_consents, teams) moves the marker when a write
// commits, on any instance, so the first request after a change misses and selects anew.
//
// What is shared, and between whom (the visibility rule itself stays in people.visibility.ts):
//   'public'        residents and the analist: the same columns for everyone (seesPublicOnly).
//   'professionals' a signed-in viewer WITHOUT 'team'-level rights on that person: the
//                   professional columns then depend on the person alone.
//   viewer key      a person the viewer HAS 'team'-level rights on: kept for that viewer
//                   only (account, role, person, teams, organisations all in the key).
// Whether a viewer has those rights on a person is itself asked of people.visibility.ts
// (teamLevelAmong) and kept per viewer and state.
import { LRUCache } from 'lru-cache';
import type { Kysely } from 'kysely';
import type { DB } from '../db/types';
import { type Audience, seesPublicOnly } from '../domain/audience';
import { directoryMarkerToday } from '../domain/directory-changes';
import { hiddenCutoff, staleCutoff } from '../domain/staleness';
import type { Person } from './people.visibility';

// One map per state and row class (or viewer, for rights); a few hundred of them at most,
// the oldest dropped first, and none holding more than MAX_PER_MAP people (1–2 KB each).
const MAX_MAPS = 500;
const MAX_PER_MAP = 20_000;
const NOT_VISIBLE = false;

interface Caches { people: LRUCache<string, Map<string, Person | typeof NOT_VISIBLE>>; rights: LRUCache<string, Map<string, boolean>> }
const caches = new WeakMap<object, Caches>();

function cachesOf(db: Kysely<DB>): Caches {
  let found = caches.get(db);
  if (!found) {
    found = { people: new LRUCache({ max: MAX_MAPS }), rights: new LRUCache({ max: MAX_MAPS }) };
    caches.set(db, found);
  }
  return found;
}

function mapIn<V>(cache: LRUCache<string, Map<string, V>>, key: string): Map<string, V> {
  let map = cache.get(key);
  if (!map || map.size > MAX_PER_MAP) {
    map = new Map();
    cache.set(key, map);
  }
  return map;
}

/** The state every cached answer of this request is keyed on; undefined: do not cache. */
export async function peopleState(db: Kysely<DB>): Promise<string | undefined> {
  const marker = await directoryMarkerToday(db);
  return marker && `${marker}|${staleCutoff().toISOString()}|${hiddenCutoff().toISOString()}`;
}

/** Who the viewer is, as far as 'team'-level rights go. */
export function viewerKey(audience: Audience): string {
  if (audience.kind === 'anonymous') return 'anonymous';
  return JSON.stringify([audience.kind, audience.accountId, audience.personId,
    [...audience.teamIds].sort(), [...audience.organisationIds].sort()]);
}

export type RowClass = 'public' | 'professionals' | { viewer: string };

const classKey = (rows: RowClass) => (typeof rows === 'string' ? rows : `viewer:${rows.viewer}`);

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
  const people = mapIn(cachesOf(db).people, `${state}|${classKey(rows)}`);
  const found = new Map<string, Person>();
  const missing: string[] = [];
  for (const id of ids) {
    const hit = people.get(id);
    if (hit === undefined) missing.push(id);
    else if (hit !== NOT_VISIBLE) found.set(id, hit);
  }
  if (missing.length) {
    const selected = await select(missing);
    for (const id of missing) {
      const person = selected.get(id);
      people.set(id, person ? deepFreeze(person) : NOT_VISIBLE);
      if (person) found.set(id, person);
    }
  }
  return found;
}

/** Which of `ids` the viewer sees at 'team' level: from the cache, the misses from `ask`. */
export async function cachedRights(db: Kysely<DB>, state: string | undefined, audience: Audience, ids: readonly string[],
  ask: (missing: string[]) => Promise<Set<string>>): Promise<Set<string>> {
  if (state === undefined) return ask([...ids]);
  const rights = mapIn(cachesOf(db).rights, `${state}|${viewerKey(audience)}`);
  const yes = new Set<string>();
  const missing = ids.filter((id) => {
    const hit = rights.get(id);
    if (hit) yes.add(id);
    return hit === undefined;
  });
  if (missing.length) {
    const answered = await ask(missing);
    for (const id of missing) {
      rights.set(id, answered.has(id));
      if (answered.has(id)) yes.add(id);
    }
  }
  return yes;
}

// A cached person is handed to many responses: none of them may change it for the others.
function deepFreeze<T extends object>(value: T): T {
  for (const field of Object.values(value)) if (field && typeof field === 'object') Object.freeze(field);
  return Object.freeze(value);
}
