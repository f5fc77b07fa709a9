// Reference checks shared by the kinds: do the keys a file names exist?
import type { Kysely } from 'kysely';
import type { DB } from '../db/types';

export async function existingKeys(db: Kysely<DB>, table: 'topics' | 'team_types', keys: Iterable<string>): Promise<Set<string>> {
  const list = [...new Set(keys)];
  if (list.length === 0) return new Set();
  return new Set((await db.selectFrom(table).select('key').where('key', 'in', list).execute()).map((r) => r.key));
}

export async function existingBuurten(db: Kysely<DB>, codes: Iterable<string>): Promise<Set<string>> {
  const list = [...new Set(codes)];
  if (list.length === 0) return new Set();
  return new Set((await db.selectFrom('areas').select('code').where('kind', '=', 'buurt').where('code', 'in', list).execute()).map((r) => r.code));
}

/** Keys of rows by id, for export columns that point at other kinds. */
export async function keysById(db: Kysely<DB>, table: 'organisations' | 'teams' | 'locations'): Promise<Map<string, string>> {
  const rows = await db.selectFrom(table).select(['id', 'external_id']).execute() as Array<{ id: string; external_id: string | null }>;
  return new Map(rows.map((r) => [r.id, r.external_id ?? r.id]));
}
