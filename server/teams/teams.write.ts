// Writing teams: create, change (fields and the lists of topics, buurten and locations),
// archive and verify. Each runs in one transaction with the row locked, compares the
// version the caller read, and leaves an audit entry with before and after.
import type { Kysely } from 'kysely';
import type { DB } from '../db/types';
import { syncChildren } from '../db/sync-children';
import { auditedWrite, lockVersion, missingBuurten, missingIds, missingKeys, throwFirst, type Trx, unknownRefs, type WriteContext, verifyRecord } from '../editing/editing.kernel';
import type { TeamCreate, TeamPatch } from './teams.write-schemas';

const COLUMNS = ['name', 'team_type', 'description', 'target_groups', 'access', 'funding', 'public_phone', 'public_email',
  'website', 'walk_in_hours', 'organisation_id'] as const;

/** The team as the audit log remembers it: its own fields and its lists. */
async function teamSnapshot(db: Trx | Kysely<DB>, id: string) {
  const team = await db.selectFrom('teams').select([...COLUMNS, 'id', 'version', 'archived_at', 'last_verified_at']).where('id', '=', id).executeTakeFirst();
  if (!team) return undefined;
  const [topics, areas, locations] = await Promise.all([
    db.selectFrom('team_topics').select('topic_key').where('team_id', '=', id).orderBy('topic_key').execute(),
    db.selectFrom('team_areas').select('area_code').where('team_id', '=', id).orderBy('area_code').execute(),
    db.selectFrom('team_locations').select('location_id').where('team_id', '=', id).orderBy('location_id').execute(),
  ]);
  return { ...team, topics: topics.map((t) => t.topic_key), areas: areas.map((a) => a.area_code), location_ids: locations.map((l) => l.location_id) };
}

async function checkRefs(trx: Trx, input: Partial<TeamCreate & TeamPatch>): Promise<void> {
  const [types, topics, buurten, locations, orgs] = await Promise.all([
    missingKeys(trx, 'team_types', input.team_type ? [input.team_type] : []),
    missingKeys(trx, 'topics', input.topics ?? []),
    missingBuurten(trx, input.areas ?? []),
    missingIds(trx, 'locations', input.location_ids ?? []),
    missingIds(trx, 'organisations', input.organisation_id ? [input.organisation_id] : []),
  ]);
  throwFirst(unknownRefs('team_type', types), unknownRefs('topics', topics), unknownRefs('areas', buurten),
    unknownRefs('location_ids', locations), unknownRefs('organisation_id', orgs));
}

/** Replaces whichever child lists the input carries, by difference: an unchanged list touches no row. */
async function replaceLists(trx: Trx, id: string, input: Pick<TeamPatch, 'topics' | 'areas' | 'location_ids'>) {
  if (input.topics) await syncChildren(trx, { table: 'team_topics', parent: 'team_id', child: 'topic_key', replaceFor: [id], rows: [...new Set(input.topics)].map((topic_key) => ({ team_id: id, topic_key })) });
  if (input.areas) await syncChildren(trx, { table: 'team_areas', parent: 'team_id', child: 'area_code', replaceFor: [id], rows: [...new Set(input.areas)].map((area_code) => ({ team_id: id, area_code })) });
  if (input.location_ids) await syncChildren(trx, { table: 'team_locations', parent: 'team_id', child: 'location_id', replaceFor: [id], rows: [...new Set(input.location_ids)].map((location_id) => ({ team_id: id, location_id })) });
}

const ownFields = (input: Partial<TeamCreate & TeamPatch>) =>
  Object.fromEntries(COLUMNS.filter((c) => input[c] !== undefined).map((c) => [c, input[c]]));

export async function createTeam(db: Kysely<DB>, ctx: WriteContext, input: TeamCreate): Promise<string> {
  return auditedWrite(db, ctx, { action: 'team.create', entityType: 'team' }, async (trx) => {
    await checkRefs(trx, input);
    const { id } = await trx.insertInto('teams').values(ownFields(input) as never).returning('id').executeTakeFirstOrThrow();
    await replaceLists(trx, id, input);
    return { id, before: null, after: await teamSnapshot(trx, id), result: id };
  });
}

export async function patchTeam(db: Kysely<DB>, ctx: WriteContext, id: string, expected: number, input: TeamPatch): Promise<void> {
  await auditedWrite(db, ctx, { action: 'team.update', entityType: 'team', entityId: id }, async (trx) => {
    await lockVersion(trx, 'teams', id, 'team', expected);
    await checkRefs(trx, input);
    const before = (await teamSnapshot(trx, id))!;
    const own = ownFields(input);
    if (Object.keys(own).length) await trx.updateTable('teams').set(own).where('id', '=', id).execute();
    await replaceLists(trx, id, input);
    return { id, before, after: await teamSnapshot(trx, id), result: undefined };
  });
}

export async function archiveTeam(db: Kysely<DB>, ctx: WriteContext, id: string, expected: number): Promise<void> {
  await auditedWrite(db, ctx, { action: 'team.archive', entityType: 'team', entityId: id }, async (trx) => {
    await lockVersion(trx, 'teams', id, 'team', expected);
    const before = await teamSnapshot(trx, id);
    await trx.updateTable('teams').set({ archived_at: new Date() }).where('id', '=', id).execute();
    return { id, before, after: await teamSnapshot(trx, id), result: undefined };
  });
}

export const verifyTeam = (db: Kysely<DB>, ctx: WriteContext, id: string, expected: number, now: Date) =>
  verifyRecord(db, ctx, 'teams', id, expected, now);
