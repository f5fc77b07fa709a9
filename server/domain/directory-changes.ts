// THE change marker of the directory: a counter the database moves once per committed
// transaction that wrote to a table the directory shows (migration
// 2026-12-07_50_directory_changes: a deferred trigger on every such table, so writes
// through any app instance, a command or plain SQL all count). One primary-key read of a
// one-row table; caches of derived answers (map markers, boundaries, search) key on it.
// Read it BEFORE the data it keys: data read after it is at least as new, so the worst
// case is caching newer data under an older marker, which the next change replaces.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/types';
import { hiddenCutoff, staleCutoff } from './staleness';

export async function directoryMarker(db: Kysely<DB>): Promise<string> {
  const { rows } = await sql<{ n: string }>`select n::text as n from directory_changes where id`.execute(db);
  return rows[0]?.n ?? '0';
}

/** The marker and PostgreSQL's date, as one row (n, d): the database's part of directoryState. */
export const STATE_ROW_SQL = 'select n::text as n, current_date::text as d from directory_changes where id';

/** The staleness cut-offs' part of directoryState, on the app's clock now. */
export const cutoffsOfState = (): string => `|${staleCutoff().toISOString()}|${hiddenCutoff().toISOString()}`;

/** directoryState from its row and cut-offs; the marker and date alone (`n@d`) are its part before the first "|". */
export const stateOf = (row: { n: string; d: string } | undefined, cutoffs: string): string | undefined =>
  row && `${row.n}@${row.d}${cutoffs}`;

/**
 * The state of the directory as caches of shaped answers see it: the marker, PostgreSQL's
 * date (current memberships end, "nieuw in de wijk" runs out) and the staleness cut-offs
 * (day steps), in one read. Read it BEFORE the data it keys, as the marker. Undefined when
 * the marker row is missing: a caller must not cache then, as nothing would ever move it.
 */
export async function directoryState(db: Kysely<DB>): Promise<string | undefined> {
  const { rows } = await sql.raw<{ n: string; d: string }>(STATE_ROW_SQL).execute(db);
  return stateOf(rows[0], cutoffsOfState());
}
