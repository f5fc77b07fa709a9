// Views of 06 numbers are recorded before the answer that shows them leaves (audit.queries.ts
// auditMobileViews), as one row per answer. Under load, the rows of answers that are ready at
// the same moment share one INSERT: a group commit. The first answer writes at once, alone;
// the answers that come while that write is on its way wait for the next one, which takes
// them all. No answer is sent before its row is committed, and a failed write fails every
// answer in it (503), as a single insert would; only the statement, round trip and commit
// are shared (half of what a signed-in "wie werkt hier" cost above a resident's).
import type { Kysely } from 'kysely';
import type { DB } from '../db/types';

export interface ViewRow { actor_account_id: string; action: 'view_mobile'; entity_type: 'person'; entity_id: string | null; meta: string }

interface Waiting { row: ViewRow; done: (error?: unknown) => void }

// One statement stays well under PostgreSQL's 65,535 parameters (5 a row).
const MAX_BATCH = 500;

class ViewLog {
  private waiting: Waiting[] = [];
  private writing = false;

  constructor(private readonly db: Kysely<DB>) {}

  record(row: ViewRow): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ row, done: (error) => (error === undefined ? resolve() : reject(error)) });
      if (!this.writing) void this.write();
    });
  }

  private async write(): Promise<void> {
    this.writing = true;
    while (this.waiting.length) {
      const batch = this.waiting.splice(0, MAX_BATCH);
      try {
        await this.db.insertInto('audit_log').values(batch.map((w) => ({ ...w.row, before: null, after: null }))).execute();
        for (const w of batch) w.done();
      } catch (error) {
        for (const w of batch) w.done(error ?? new Error('audit write failed'));
      }
    }
    this.writing = false;
  }
}

const logs = new WeakMap<object, ViewLog>();

/** Records `row`, sharing the INSERT with rows recorded at the same moment; resolves once committed. */
export function recordView(db: Kysely<DB>, row: ViewRow): Promise<void> {
  let log = logs.get(db);
  if (!log) { log = new ViewLog(db); logs.set(db, log); }
  return log.record(row);
}
