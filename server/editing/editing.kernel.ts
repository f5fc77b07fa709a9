// What every write shares: one transaction, the record locked and compared with the
// version the caller read, the change, and its audit entry in that same transaction.
import type { Kysely, Transaction } from 'kysely';
import { sql } from 'kysely';
import type { DB } from '../db/types';
import { writeAudit } from '../audit/audit.queries';
import { HttpError, notFound } from '../http/errors';
import { StaleVersionError } from '../http/versioning';

export type Trx = Transaction<DB>;
export type VersionedTable = 'organisations' | 'teams' | 'locations' | 'people' | 'memberships' | 'pathways';

/**
 * Locks the row for this transaction and checks the version the caller read: 404 when it
 * does not exist (or is archived), StaleVersionError (→ 412) when someone changed it since.
 * Concurrent writers queue on the lock; the loser re-reads the winner's version and fails.
 */
export async function lockVersion(trx: Trx, table: VersionedTable, id: string, what: string, expected: number): Promise<void> {
  const archived = table === 'memberships' ? sql<boolean>`false` : sql<boolean>`archived_at is not null`;
  const row = await trx.selectFrom(table as 'teams').select(['version', archived.as('archived')])
    .where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row || row.archived) throw notFound(what, id);
  if (row.version !== expected) throw new StaleVersionError(row.version);
}

export interface WriteContext { actorAccountId: string }

/** Runs `change` in a transaction and writes its audit entry with the before/after snapshots. */
export async function auditedWrite<T>(db: Kysely<DB>, ctx: WriteContext, entry: { action: string; entityType: string; entityId?: string; meta?: unknown },
  change: (trx: Trx) => Promise<{ id: string; before: unknown; after: unknown; result: T }>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    const { id, before, after, result } = await change(trx);
    await writeAudit(trx, { actorAccountId: ctx.actorAccountId, action: entry.action, entityType: entry.entityType, entityId: entry.entityId ?? id, before, after, meta: entry.meta });
    return result;
  });
}

/** 400 naming each field whose value points at nothing (unknown key, code or id). */
export function unknownRefs(field: string, missing: readonly string[]): HttpError | undefined {
  if (missing.length === 0) return undefined;
  return new HttpError(400, 'bad_request', `Onbekende waarde in ${field}: ${missing.slice(0, 5).join(', ')}.`,
    [{ field, in: 'body', message: `Unknown: ${missing.join(', ')}` }]);
}

/** The values of `wanted` that are not in the table's key column. */
export async function missingKeys(trx: Trx | Kysely<DB>, table: 'topics' | 'team_types', wanted: readonly string[]): Promise<string[]> {
  if (wanted.length === 0) return [];
  const found = await trx.selectFrom(table).select('key').where('key', 'in', [...wanted]).execute();
  const have = new Set(found.map((r) => r.key));
  return [...new Set(wanted)].filter((k) => !have.has(k));
}

export async function missingIds(trx: Trx, table: 'locations' | 'people' | 'teams' | 'organisations', wanted: readonly string[]): Promise<string[]> {
  if (wanted.length === 0) return [];
  const found = await trx.selectFrom(table).select('id').where('id', 'in', [...wanted]).where('archived_at', 'is', null).execute();
  const have = new Set(found.map((r) => r.id));
  return [...new Set(wanted)].filter((k) => !have.has(k));
}

export async function missingBuurten(trx: Trx, codes: readonly string[]): Promise<string[]> {
  if (codes.length === 0) return [];
  const found = await trx.selectFrom('areas').select('code').where('code', 'in', [...codes]).where('kind', '=', 'buurt').execute();
  const have = new Set(found.map((r) => r.code));
  return [...new Set(codes)].filter((c) => !have.has(c));
}

/** Throws the first of several possible 400s. */
export function throwFirst(...errors: (HttpError | undefined)[]): void {
  const first = errors.find(Boolean);
  if (first) throw first;
}

const VERIFIABLE = {
  teams: { type: 'team', what: 'team' }, organisations: { type: 'organisation', what: 'organisatie' },
  locations: { type: 'location', what: 'locatie' }, people: { type: 'person', what: 'persoon' },
  pathways: { type: 'pathway', what: 'verwijsroute' },
} as const;

/** "Klopt nog": the record is confirmed as it stands, with who and when (a write like any other). */
export async function verifyRecord(db: Kysely<DB>, ctx: WriteContext, table: keyof typeof VERIFIABLE, id: string, expected: number, now: Date): Promise<void> {
  const { type, what } = VERIFIABLE[table];
  await auditedWrite(db, ctx, { action: `${type}.verify`, entityType: type, entityId: id }, async (trx) => {
    await lockVersion(trx, table, id, what, expected);
    await trx.updateTable(table as 'teams').set({ last_verified_at: now, last_verified_by: ctx.actorAccountId }).where('id', '=', id).execute();
    return { id, before: null, after: { last_verified_at: now.toISOString() }, result: undefined };
  });
}
