// Loading the seeds: the reference taxonomy (every installation) and the demo wijk
// (demo installations and tests). Each runs in one transaction and only ever inserts
// with ON CONFLICT DO NOTHING under stable ids, so seeding twice changes nothing: no
// new rows, and existing rows (perhaps edited since) keep their version and updated_at.
import { type InsertResult, type Kysely, sql } from 'kysely';
import type { DB } from '../server/db/types';
import { TEAM_TYPES, TOPICS, TOPIC_SYNONYMS } from './taxonomy';

export interface SeedOptions {
  /** Called with short progress lines such as "teams 32/32 (32 new)". */
  onProgress?: (message: string) => void;
}

// Well under PostgreSQL's 65,535 bind parameters for the widest table (people, ~25 columns).
const CHUNK_SIZE = 500;

/** Inserts rows in multi-row chunks; returns how many were new. */
async function insertInChunks<R>(
  label: string,
  rows: readonly R[],
  insert: (chunk: R[]) => Promise<InsertResult[]>,
  onProgress: SeedOptions['onProgress'],
): Promise<number> {
  let inserted = 0;
  for (let start = 0; start < rows.length; start += CHUNK_SIZE) {
    const results = await insert(rows.slice(start, start + CHUNK_SIZE));
    inserted += results.reduce((sum, r) => sum + Number(r.numInsertedOrUpdatedRows ?? 0n), 0);
    const done = Math.min(start + CHUNK_SIZE, rows.length);
    onProgress?.(`${label} ${done}/${rows.length}${done === rows.length ? ` (${inserted} new)` : ''}`);
  }
  return inserted;
}

/** Team types, help topics and their lay synonyms. */
export async function seedReference(db: Kysely<DB>, opts: SeedOptions = {}): Promise<void> {
  const report = opts.onProgress;
  if (await referenceInPlace(db)) return; // every start: one read instead of hundreds of upserts
  await db.transaction().execute(async (trx) => {
    await insertInChunks('team types', TEAM_TYPES.map((t, index) => ({ ...t, sort_order: (index + 1) * 10 })),
      // An installation whose team types have no plain words yet gets all four texts once;
      // after that (plain_nl set) they are the installation's own and a re-seed leaves them.
      (chunk) => trx.insertInto('team_types').values(chunk).onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({
        short_nl: eb.ref('excluded.short_nl'), short_en: eb.ref('excluded.short_en'),
        plain_nl: eb.ref('excluded.plain_nl'), plain_en: eb.ref('excluded.plain_en'),
      })).where('team_types.plain_nl', 'is', null).where('excluded.plain_nl', 'is not', null)).execute(), report);
    await insertInChunks('topics', TOPICS.map((t, index) => ({ ...t, sort_order: (index + 1) * 10 })),
      (chunk) => trx.insertInto('topics').values(chunk).onConflict((oc) => oc.doNothing()).execute(), report);
    await insertInChunks('topic synonyms', TOPIC_SYNONYMS,
      (chunk) => trx.insertInto('topic_synonyms').values(chunk).onConflict((oc) => oc.doNothing()).execute(), report);
  });
}

/**
 * Would seeding the reference data change nothing? Every team type, topic and synonym is
 * there, and every team type the seed gives plain words has them (the one update it makes).
 */
async function referenceInPlace(db: Kysely<DB>): Promise<boolean> {
  const types = TEAM_TYPES.map((t) => t.key);
  const plain = TEAM_TYPES.filter((t) => t.plain_nl).map((t) => t.key);
  const topics = TOPICS.map((t) => t.key);
  const { rows: [found] } = await sql<{ types: number; plain: number; topics: number; synonyms: number }>`select
    (select count(*)::int from team_types where key = any(${types}::text[])) as types,
    (select count(*)::int from team_types where key = any(${plain}::text[]) and plain_nl is not null) as plain,
    (select count(*)::int from topics where key = any(${topics}::text[])) as topics,
    (select count(*)::int from topic_synonyms s join unnest(${TOPIC_SYNONYMS.map((r) => r.topic_key)}::text[],
      ${TOPIC_SYNONYMS.map((r) => r.phrase)}::text[]) as u(topic_key, phrase) on s.topic_key = u.topic_key and s.phrase = u.phrase) as synonyms`.execute(db);
  return found !== undefined && found.types === types.length && found.plain === plain.length
    && found.topics === topics.length && found.synonyms === new Set(TOPIC_SYNONYMS.map((r) => `${r.topic_key}\u0000${r.phrase}`)).size;
}

/**
 * The demo gemeente Lindeburg: areas, organisations, locations, teams and people.
 * Needs the reference data (team types and topics) to be seeded first.
 */
export async function seedDemo(db: Kysely<DB>, opts: SeedOptions = {}): Promise<void> {
  const report = opts.onProgress;
  const now = new Date();
  // The demo wijk's modules load only when it is seeded: every other start skips them.
  const [{ seedDemoAccounts }, { buildDemoRows }, { seedDemoFigures }, { seedRecentChanges }, { seedServiceData }, { seedDemoPathways }] = await Promise.all([
    import('./demo/accounts'), import('./demo/build'), import('./demo/figures'), import('./demo/recent-changes'),
    import('./demo/service-data'), import('./demo/pathways')]);
  const rows = buildDemoRows(now);
  await db.transaction().execute(async (trx) => {
    const typeCount = await trx.selectFrom('team_types').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    if (Number(typeCount.n) === 0) throw new Error('seedDemo needs the reference data: run seedReference first');
    // Parents before children, so every foreign key already exists when it is referenced.
    await insertInChunks('areas', rows.areas,
      (chunk) => trx.insertInto('areas').values(chunk).onConflict((oc) => oc.doNothing()).execute(), report);
    await insertInChunks('organisations', rows.organisations,
      (chunk) => trx.insertInto('organisations').values(chunk).onConflict((oc) => oc.doNothing()).execute(), report);
    await insertInChunks('locations', rows.locations,
      (chunk) => trx.insertInto('locations').values(chunk).onConflict((oc) => oc.doNothing()).execute(), report);
    await insertInChunks('teams', rows.teams,
      (chunk) => trx.insertInto('teams').values(chunk).onConflict((oc) => oc.doNothing()).execute(), report);
    await insertInChunks('team topics', rows.team_topics,
      (chunk) => trx.insertInto('team_topics').values(chunk).onConflict((oc) => oc.doNothing()).execute(), report);
    await insertInChunks('team areas', rows.team_areas,
      (chunk) => trx.insertInto('team_areas').values(chunk).onConflict((oc) => oc.doNothing()).execute(), report);
    await insertInChunks('team locations', rows.team_locations,
      (chunk) => trx.insertInto('team_locations').values(chunk).onConflict((oc) => oc.doNothing()).execute(), report);
    await insertInChunks('people', rows.people,
      (chunk) => trx.insertInto('people').values(chunk).onConflict((oc) => oc.doNothing()).execute(), report);
    await insertInChunks('person topics', rows.person_topics,
      (chunk) => trx.insertInto('person_topics').values(chunk).onConflict((oc) => oc.doNothing()).execute(), report);
    await insertInChunks('memberships', rows.memberships,
      (chunk) => trx.insertInto('memberships').values(chunk).onConflict((oc) => oc.doNothing()).execute(), report);
    await insertInChunks('person consents', rows.person_consents,
      (chunk) => trx.insertInto('person_consents').values(chunk).onConflict((oc) => oc.doNothing()).execute(), report);
    const figures = await seedDemoFigures(trx);
    report?.(`demo area figures ${figures} filled`);
    const accounts = await seedDemoAccounts(trx, rows, now.toISOString().slice(0, 10));
    report?.(`demo accounts ${accounts} new`);
    // After everything it refers to: the feed's last weeks, dated from today.
    const recent = await seedRecentChanges(trx, now);
    report?.(`demo recent changes ${recent} new`);
    const pathways = await seedDemoPathways(trx, now);
    report?.(`demo pathways ${pathways} new`);
    const service = await seedServiceData(trx, now);
    report?.(`demo service data ${service} schedules new`);
  });
}

/** True when the directory has no teams yet: the signal to offer (or run) the demo seed. */
export async function isDirectoryEmpty(db: Kysely<DB>): Promise<boolean> {
  const row = await db.selectFrom('teams').select('id').limit(1).executeTakeFirst();
  return row === undefined;
}
