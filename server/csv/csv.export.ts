// The exporter: one kind as a CSV file, as the audience may see it.
import type { Kysely } from 'kysely';
import type { DB } from '../db/types';
import type { Audience } from '../domain/audience';
import { toCsv } from '../http/csv-file';
import type { KindName } from './csv.kind';
import { kindByName } from './csv.registry';

export async function exportCsv(db: Kysely<DB>, audience: Audience, name: KindName): Promise<string> {
  const kind = kindByName(name);
  return toCsv(kind.exportHeaders(audience), await kind.exportRows(db, audience));
}
