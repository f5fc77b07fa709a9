// What the CSV importer adds to the one bulk upsert (server/db/upsert.ts): finding the
// stored rows a file's keys name (its own extern_id, or the Wijkweb id of an export).
import type { Kysely } from 'kysely';
import type { DB } from '../db/types';
import { chunks, type UpsertTable } from '../db/upsert';
import { isUuid } from '../http/schemas';

/** Existing rows by import key: external_id first, else a Wijkweb id (an export's own key). */
export async function matchKeys(db: Kysely<DB>, table: UpsertTable, keys: string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const part of chunks(keys, 5000)) {
    const ids = part.filter(isUuid);
    const rows = await db.selectFrom(table).select(['id', 'external_id'])
      .where((eb) => eb.or([eb('external_id', 'in', part), ...(ids.length ? [eb('id', 'in', ids)] : [])]))
      .execute() as Array<{ id: string; external_id: string | null }>;
    const wanted = new Set(part);
    for (const r of rows) if (r.external_id !== null && wanted.has(r.external_id)) found.set(r.external_id, r.id);
    for (const r of rows) if (wanted.has(r.id) && !found.has(r.id)) found.set(r.id, r.id);
  }
  return found;
}
