// Counting what residents look for, without tracking anyone (issue 17, domain.md "Counting
// without tracking"). A search or an address look-up adds one to an aggregate in memory: the
// week, what was asked (a normalised term, a topic, a buurt) and nothing else: no cookie, IP
// address, user agent, session or account is read here, ever. Once a minute (and when the app
// closes) the aggregates are added to `usage_counts` in one upsert (count = count + n), so
// several instances count into the same rows without loss, and a restart loses nothing and
// counts nothing twice (what was written is dropped from memory; what failed stays for the
// next flush).
//
// A term is kept only when it holds no digit (postcodes, house and phone numbers), no e-mail
// address and no name of a person in the directory; digits and e-mail are refused at once,
// names are checked against the people table at the flush, so no search waits on it. Rows
// older than 13 months are dropped at every flush.
import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/types';

export type UsageKind = 'term' | 'zero' | 'topic' | 'lookup';
export const FLUSH_EVERY_MS = 60_000;
export const KEEP_MONTHS = 13;
const MAX_TERM_LENGTH = 100;
const MAX_PENDING = 50_000;

/** Monday (UTC) of the ISO week of `at`, as YYYY-MM-DD. */
export function weekOf(at: Date): string {
  const d = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

/**
 * A search text as it may be counted, or null when it must never be stored: lower case,
 * punctuation to spaces, spaces collapsed; null with any digit or an e-mail address.
 */
export function normaliseTerm(text: string): string | null {
  const t = text.normalize('NFKC').toLowerCase();
  if (/\p{Nd}/u.test(t) || /\S@\S/.test(t) || t.includes('@')) return null;
  const words = t.replace(/[^\p{L}\p{M}'\- ]+/gu, ' ').replace(/(^|\s)['-]+|['-]+(?=\s|$)/g, ' ').trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return null;
  const term = words.join(' ');
  return term.length > MAX_TERM_LENGTH ? null : term;
}

/** The words of a term and its runs of 2 and 3 words ("van der berg"), to compare with names. */
function phrasesOf(term: string): string[] {
  const words = term.split(' ');
  const out = new Set(words);
  for (let n = 2; n <= 3; n++) for (let i = 0; i + n <= words.length; i++) out.add(words.slice(i, i + n).join(' '));
  return [...out];
}

/**
 * The phrases among `phrases` that are the name of a person in the directory: a given name,
 * a family name with or without its tussenvoegsel ("van der Berg", "Berg"), or both together.
 */
async function directoryNames(db: Kysely<DB>, phrases: string[]): Promise<Set<string>> {
  if (phrases.length === 0) return new Set();
  const list = sql.join(phrases);
  const rows = await sql<{ name: string }>`
    select n.name from (
      select lower(p.given_name) as name from people p
      union select lower(p.family_name) from people p
      union select lower(regexp_replace(p.family_name, '^.*\\s', '')) from people p
      union select lower(p.given_name || ' ' || p.family_name) from people p
    ) n where n.name in (${list})`.execute(db);
  return new Set(rows.rows.map((r) => r.name));
}

interface Pending { week: string; kind: UsageKind; key: string; area: string; count: number }

export class UsageCounter {
  private pending = new Map<string, Pending>();
  /** When the oldest count still in memory was made (null: nothing waits). */
  private oldest: number | null = null;
  private flushing: Promise<number> | null = null;

  constructor(private readonly db: Kysely<DB>, private readonly clock: () => Date, private readonly every = FLUSH_EVERY_MS) {}

  /** Adds one to an aggregate (in memory; nothing waits on the database). */
  add(kind: UsageKind, key: string, area = ''): void {
    const at = this.clock();
    const week = weekOf(at);
    this.oldest ??= at.getTime();
    const id = `${week}\u0000${kind}\u0000${key}\u0000${area}`;
    const row = this.pending.get(id);
    if (row) row.count += 1;
    else if (this.pending.size < MAX_PENDING) this.pending.set(id, { week, kind, key, area, count: 1 });
  }

  /** A search: its normalised term (if it may be kept), whether it found nothing, the topics it asked. */
  search(text: string, found: number, topics: readonly string[], area: string | undefined): void {
    const term = text.trim() ? normaliseTerm(text) : null;
    if (term) {
      this.add('term', term);
      if (found === 0) this.add('zero', term);
    }
    for (const topic of new Set(topics)) this.add('topic', topic, area ?? '');
  }

  /** An address looked up, counted for its buurt only. */
  lookup(buurt: string | null | undefined): void {
    if (buurt) this.add('lookup', '', buurt);
  }

  /** Aggregates not yet written. */
  get size(): number { return this.pending.size; }

  /** Writes when the oldest waiting count is a minute old on the clock (the timer calls this). */
  async tick(): Promise<number> {
    if (this.oldest === null || this.clock().getTime() - this.oldest < this.every) return 0;
    return this.flush();
  }

  /** Adds everything counted so far to the table and drops what is older than 13 months. */
  async flush(): Promise<number> {
    if (this.flushing) await this.flushing.catch(() => 0);
    this.flushing = this.write();
    try { return await this.flushing; } finally { this.flushing = null; }
  }

  private async write(): Promise<number> {
    const batch = [...this.pending.values()];
    if (batch.length === 0) return 0;
    this.pending = new Map();
    this.oldest = null;
    try {
      const names = await directoryNames(this.db, [...new Set(batch.filter((r) => r.kind === 'term' || r.kind === 'zero').flatMap((r) => phrasesOf(r.key)))]);
      const rows = batch.filter((r) => !((r.kind === 'term' || r.kind === 'zero') && phrasesOf(r.key).some((p) => names.has(p))));
      const cutoff = new Date(this.clock().getTime());
      cutoff.setUTCMonth(cutoff.getUTCMonth() - KEEP_MONTHS);
      await this.db.transaction().execute(async (trx) => {
        // 2,000 rows × 5 values stays far under PostgreSQL's 65,535 bind parameters
        for (let i = 0; i < rows.length; i += 2000) {
          await trx.insertInto('usage_counts')
            .values(rows.slice(i, i + 2000).map((r) => ({ week: r.week, kind: r.kind, key: r.key, area_code: r.area, count: r.count })))
            .onConflict((oc) => oc.columns(['week', 'kind', 'key', 'area_code'])
              .doUpdateSet({ count: sql<number>`usage_counts.count + excluded.count` }))
            .execute();
        }
        await trx.deleteFrom('usage_counts').where('week', '<', weekOf(cutoff)).execute();
      });
      return rows.length;
    } catch (error) {
      // Not written: keep the counts for the next flush (merged with what came in meanwhile).
      this.oldest ??= this.clock().getTime();
      for (const r of batch) {
        const id = `${r.week}\u0000${r.kind}\u0000${r.key}\u0000${r.area}`;
        const row = this.pending.get(id);
        if (row) row.count += r.count; else if (this.pending.size < MAX_PENDING) this.pending.set(id, r);
      }
      throw error;
    }
  }
}
