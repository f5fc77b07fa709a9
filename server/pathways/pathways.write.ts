// Writing pathways: create, change, archive and "klopt nog", each in one transaction with the
// row locked and compared with the version the caller read, and an audit entry with before
// and after (the history). The database bumps `version`; nothing here does.
import type { Kysely } from 'kysely';
import type { DB } from '../db/types';
import { auditedWrite, lockVersion, missingKeys, throwFirst, type Trx, unknownRefs, type WriteContext, verifyRecord } from '../editing/editing.kernel';
import { HttpError } from '../http/errors';
import type { PathwayPatch, PathwayWrite } from './pathways.schemas';

const FIELDS = ['audience', 'title', 'situation', 'resident_title', 'resident_situation', 'topics', 'steps', 'sort_order'] as const;

export async function pathwaySnapshot(db: Trx | Kysely<DB>, id: string) {
  return db.selectFrom('pathways').select(['id', 'key', ...FIELDS, 'version', 'archived_at', 'last_verified_at']).where('id', '=', id).executeTakeFirst();
}

async function checkRefs(trx: Trx, input: PathwayPatch): Promise<void> {
  const types = (input.steps ?? []).flatMap((s) => (s.target.kind === 'team_type' ? [s.target.team_type] : []));
  const [badTypes, badTopics] = await Promise.all([missingKeys(trx, 'team_types', types), missingKeys(trx, 'topics', input.topics ?? [])]);
  throwFirst(unknownRefs('steps.target.team_type', badTypes), unknownRefs('topics', badTopics));
}

const values = (input: PathwayPatch) => Object.fromEntries(FIELDS.filter((f) => input[f] !== undefined)
  .map((f) => [f, f === 'steps' ? JSON.stringify(input.steps) : input[f]]));

export async function createPathway(db: Kysely<DB>, ctx: WriteContext, input: PathwayWrite): Promise<string> {
  return auditedWrite(db, ctx, { action: 'pathway.create', entityType: 'pathway' }, async (trx) => {
    await checkRefs(trx, input);
    const taken = await trx.selectFrom('pathways').select('id').where('key', '=', input.key).executeTakeFirst();
    if (taken) throw new HttpError(409, 'conflict', `Er is al een verwijsroute met de sleutel ${input.key}.`, [{ field: 'key', in: 'body', message: 'Already taken' }]);
    const { id } = await trx.insertInto('pathways').values({ key: input.key, ...values(input) } as never).returning('id').executeTakeFirstOrThrow();
    return { id, before: null, after: await pathwaySnapshot(trx, id), result: id };
  });
}

export async function patchPathway(db: Kysely<DB>, ctx: WriteContext, id: string, expected: number, input: PathwayPatch): Promise<void> {
  await auditedWrite(db, ctx, { action: 'pathway.update', entityType: 'pathway', entityId: id }, async (trx) => {
    await lockVersion(trx, 'pathways', id, 'verwijsroute', expected);
    await checkRefs(trx, input);
    const before = await pathwaySnapshot(trx, id);
    const set = values(input);
    if (Object.keys(set).length) await trx.updateTable('pathways').set(set).where('id', '=', id).execute();
    return { id, before, after: await pathwaySnapshot(trx, id), result: undefined };
  });
}

export async function archivePathway(db: Kysely<DB>, ctx: WriteContext, id: string, expected: number, now: Date): Promise<void> {
  await auditedWrite(db, ctx, { action: 'pathway.archive', entityType: 'pathway', entityId: id }, async (trx) => {
    await lockVersion(trx, 'pathways', id, 'verwijsroute', expected);
    const before = await pathwaySnapshot(trx, id);
    await trx.updateTable('pathways').set({ archived_at: now }).where('id', '=', id).execute();
    return { id, before, after: await pathwaySnapshot(trx, id), result: undefined };
  });
}

export const verifyPathway = (db: Kysely<DB>, ctx: WriteContext, id: string, expected: number, now: Date) =>
  verifyRecord(db, ctx, 'pathways', id, expected, now);
