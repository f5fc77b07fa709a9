// Loading the seeds: the reference taxonomy (every installation) and the demo wijk
// (demo installations and tests). Each runs in one transaction and only ever inserts
// with ON CONFLICT DO NOTHING under stable ids, so seeding twice changes nothing: no
// new rows, and existing rows (perhaps edited since) keep their version and updated_at.
import type { InsertResult, Kysely } from 'kysely';
import type { DB } from '../server/db/types';
import { seedDemoAccounts } from './demo/accounts';
import { buildDemoRows } from './demo/build';
import { seedDemoFigures } from './demo/figures';
import { seedRecentChanges } from './demo/recent-changes';
import { seedDemoPathways } from './demo/pathways';
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
 * The demo gemeente Lindeburg: areas, organisations, locations, teams and people.
 * Needs the reference data (team types and topics) to be seeded first.
 */
export async function seedDemo(db: Kysely<DB>, opts: SeedOptions = {}): Promise<void> {
  const report = opts.onProgress;
  const now = new Date();
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
  });
}

/** True when the directory has no teams yet: the signal to offer (or run) the demo seed. */
export async function isDirectoryEmpty(db: Kysely<DB>): Promise<boolean> {
  const row = await db.selectFrom('teams').select('id').limit(1).executeTakeFirst();
  return row === undefined;
}
