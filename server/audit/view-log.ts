// Views of 06 numbers are recorded before the answer that shows them leaves (audit.queries.ts
// auditMobileViews), as one row per answer. Under load, the rows of answers that are ready at
// the same moment share one INSERT: a group commit. The first answer writes at once, alone;
// the answers that come while that write is on its way wait for the next one, which takes
// them all. No answer is sent before its row is committed, and a failed write fails every
// answer in it (503), as a single insert would; only the statement, round trip and commit
// are shared.
//
// An answer made only of people already kept under the directory's newest state writes its
// row another way, in no round trip of its own: in the statement that reads the state, and
// only if the state is still that one (readStateRecordingView, used by people.present.ts).
//
// A row names the list of people it showed (viewed_people_sets, migration 2026-12-08_10);
// the list goes along in the same statement the first time this process writes it and is
// known to be kept after that (lists are never deleted; an erasure only takes a person out).
import { createHash } from 'node:crypto';
import { CompiledQuery, type Kysely } from 'kysely';
import type { DB } from '../db/types';
import { prepared } from '../db/prepared';
import { STATE_ROW_SQL } from '../domain/directory-changes';

export interface ViewRow { actor_account_id: string; action: 'view_mobile'; entity_type: 'person' | 'person_set'; entity_id: string; meta: string }
/** A list of people shown by one answer: its id and the ids, sorted. */
export interface PeopleSet { id: string; person_ids: readonly string[] }

interface Waiting { row: ViewRow; set: PeopleSet | null; done: (error?: unknown) => void }

// One statement stays well under PostgreSQL's 65,535 parameters (5 a row, 2 a list).
const MAX_BATCH = 500;
// Lists known to be stored: a bound, not a cache that must be right (a list sent again is skipped by the database).
const MAX_KNOWN = 20_000;

/** The id of a list of people: the first 128 bits of SHA-256 over the sorted ids, as a uuid (the migration computes the same). */
export function peopleSetId(sortedIds: readonly string[]): string {
  const h = createHash('sha256').update(sortedIds.join(',')).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

// The usual write (every list already kept) is one of two fixed statements, sent as they
// are and prepared once per connection (db/prepared.ts): building and compiling the same
// INSERT through the query builder for every answer cost more than the row itself.
// Columns as in the audit_log table; before/after stay null.
const INSERT_ONE = prepared(`insert into audit_log (actor_account_id, action, entity_type, entity_id, meta) values ($1, 'view_mobile', $2, $3, $4)`);
const INSERT_MANY = prepared(`insert into audit_log (actor_account_id, action, entity_type, entity_id, meta)
  select v.actor, 'view_mobile', v.entity_type, v.entity_id, v.meta::jsonb
  from unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) as v(actor, entity_type, entity_id, meta)`);

function insertRows(rows: readonly ViewRow[]): CompiledQuery {
  if (rows.length === 1) {
    const [row] = rows as [ViewRow];
    return CompiledQuery.raw(INSERT_ONE, [row.actor_account_id, row.entity_type, row.entity_id, row.meta]);
  }
  return CompiledQuery.raw(INSERT_MANY, [rows.map((r) => r.actor_account_id), rows.map((r) => r.entity_type),
    rows.map((r) => r.entity_id), rows.map((r) => r.meta)]);
}

/** Writes `rows` with the lists they name that are not `known`, in one statement. */
export async function insertViews(db: Kysely<DB>, rows: readonly ViewRow[], sets: readonly PeopleSet[]): Promise<void> {
  if (!sets.length) { await db.executeQuery(insertRows(rows)); return; }
  const values = rows.map((row) => ({ ...row, before: null, after: null }));
  await db.with('kept', (q) => q.insertInto('viewed_people_sets')
    .values(sets.map((s) => ({ id: s.id, person_ids: [...s.person_ids] })))
    .onConflict((oc) => oc.column('id').doNothing()))
    .insertInto('audit_log').values(values).execute();
}

class ViewLog {
  private waiting: Waiting[] = [];
  private writing = false;
  private known = new Set<string>();

  constructor(private readonly db: Kysely<DB>) {}

  knows(id: string): boolean { return this.known.has(id); }

  record(row: ViewRow, set: PeopleSet | null): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ row, set, done: (error) => (error === undefined ? resolve() : reject(error)) });
      if (!this.writing) void this.write();
    });
  }

  private async write(): Promise<void> {
    this.writing = true;
    while (this.waiting.length) {
      const batch = this.waiting.splice(0, MAX_BATCH);
      const sets = new Map<string, PeopleSet>();
      for (const w of batch) if (w.set && !this.known.has(w.set.id)) sets.set(w.set.id, w.set);
      try {
        await insertViews(this.db, batch.map((w) => w.row), [...sets.values()]);
        if (this.known.size + sets.size > MAX_KNOWN) this.known.clear();
        for (const id of sets.keys()) this.known.add(id);
        for (const w of batch) w.done();
      } catch (error) {
        for (const w of batch) w.done(error ?? new Error('audit write failed'));
      }
    }
    this.writing = false;
  }
}

const logs = new WeakMap<object, ViewLog>();

/** Whether this process knows the list `id` to be kept: a row may then name it without writing it. */
export function isKeptSet(db: Kysely<DB>, id: string): boolean {
  return logs.get(db)?.knows(id) ?? false;
}

// The directory's state row, and the view row written in the same statement only while the
// marker and date are still the ones the answer was worked out under (`n@d`, $5).
const RECORD_WITH_STATE = prepared(`with s as (${STATE_ROW_SQL}),
  w as (insert into audit_log (actor_account_id, action, entity_type, entity_id, meta)
    select $1::uuid, 'view_mobile', $2::text, $3::text, $4::jsonb from s where s.n || '@' || s.d = $5::text returning 1)
  select s.n, s.d, (select count(*) from w)::int as recorded from s`);

/**
 * Reads the directory's state row and, when its marker and date are still `marker`, writes
 * `row` in the same statement: one round trip instead of two, the row committed when it
 * returns. For an answer worked out from what was kept under that state (people.present.ts),
 * so the row names exactly the people that answer shows; `recorded` false: the state moved,
 * nothing was written. The list `row` names must be kept already (isKeptSet).
 */
export async function readStateRecordingView(db: Kysely<DB>, row: ViewRow, marker: string): Promise<{ state: { n: string; d: string } | undefined; recorded: boolean }> {
  const { rows } = await db.executeQuery(CompiledQuery.raw(RECORD_WITH_STATE,
    [row.actor_account_id, row.entity_type, row.entity_id, row.meta, marker]));
  const found = rows[0] as { n: string; d: string; recorded: number } | undefined;
  return { state: found && { n: found.n, d: found.d }, recorded: found?.recorded === 1 };
}

/** Records `row` (and its list of people), sharing the INSERT with rows recorded at the same moment; resolves once committed. */
export function recordView(db: Kysely<DB>, row: ViewRow, set: PeopleSet | null): Promise<void> {
  let log = logs.get(db);
  if (!log) { log = new ViewLog(db); logs.set(db, log); }
  return log.record(row, set);
}
