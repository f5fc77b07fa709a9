// The audit log: who did what, when, before and after. Written in the same transaction as
// the change it records, so there is never a change without its entry (or the reverse).
import { sql, type Kysely, type SqlBool } from 'kysely';
import type { Audience } from '../domain/audience';
import type { DB } from '../db/types';
import type { Db } from '../db/sql';
import { insertViews, peopleSetId, recordView, type PeopleSet, type ViewRow } from './view-log';

interface AuditEntry {
  actorAccountId: string | null;
  action: string;
  entityType?: string | null;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
  meta?: unknown;
}

// Belt and braces: whatever a caller passes, these never reach the log.
const SECRET_KEYS = new Set(['password', 'password_hash', 'passwordHash', 'token', 'token_hash', 'tokenHash',
  'totp_secret', 'totpSecret', 'secret', 'current_password', 'new_password', 'cookie']);

function scrub(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(scrub);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>)
      .filter(([k]) => !SECRET_KEYS.has(k)).map(([k, v]) => [k, scrub(v)]));
  }
  return value;
}

const json = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(scrub(value)));

export async function writeAudit(db: Db, entry: AuditEntry): Promise<void> {
  await db.insertInto('audit_log').values({
    actor_account_id: entry.actorAccountId,
    action: entry.action,
    entity_type: entry.entityType ?? null,
    entity_id: entry.entityId ?? null,
    before: json(entry.before),
    after: json(entry.after),
    meta: json(entry.meta),
  }).execute();
}

/**
 * One `view_mobile` row per answer that showed a signed-in audience someone else's 06
 * number: who (actor), when (at), whose: one person as entity_type 'person' and their id, more
 * as entity_type 'person_set' and the id of the kept list of them (viewed_people_sets, written
 * once per distinct list; also for an export); meta.count says how many. "Who saw X's number"
 * is `viewsOfMobile` / the admin log's `person` filter.
 */
export async function auditMobileViews(db: Db, audience: Audience, personIds: readonly string[]): Promise<void> {
  const view = mobileView(audience, personIds);
  if (!view) return;
  // Inside a transaction the row belongs to it; otherwise it joins the next shared write (view-log.ts).
  if (db.isTransaction) await insertViews(db as Kysely<DB>, [view.row], view.set ? [view.set] : []);
  else await recordView(db as Kysely<DB>, view.row, view.set);
}

/** The view row (and list of people) for an answer showing `personIds`' 06 numbers; undefined: nothing to record. */
export function mobileView(audience: Audience, personIds: readonly string[]): { row: ViewRow; set: PeopleSet | null } | undefined {
  const ids = [...new Set(personIds)].sort();
  if (audience.kind === 'anonymous' || ids.length === 0) return undefined;
  const set: PeopleSet | null = ids.length === 1 ? null : { id: peopleSetId(ids), person_ids: ids };
  const row: ViewRow = {
    actor_account_id: audience.accountId, action: 'view_mobile', entity_type: set ? 'person_set' : 'person',
    entity_id: set ? set.id : ids[0]!, meta: JSON.stringify({ count: ids.length }),
  };
  return { row, set };
}

/** SQL: audit row `l` records a view of person `personId`'s 06 number. */
export function viewedMobileOf(personId: string) {
  return sql<SqlBool>`(l.action = 'view_mobile' and (
    (l.entity_type = 'person' and l.entity_id = ${personId})
    or (l.entity_type = 'person_set' and l.entity_id in (
      select s.id::text from viewed_people_sets s where s.person_ids @> array[${personId}]::uuid[]))))`;
}

/** Whose 06 numbers one `view_mobile` row recorded (sorted ids). */
export async function peopleInView(db: Kysely<DB>, row: { entity_type: string | null; entity_id: string | null }): Promise<string[]> {
  if (row.entity_type === 'person' && row.entity_id) return [row.entity_id];
  if (row.entity_type !== 'person_set' || !row.entity_id) return [];
  const set = await db.selectFrom('viewed_people_sets').select('person_ids').where('id', '=', row.entity_id).executeTakeFirst();
  return [...(set?.person_ids ?? [])].sort();
}

/** Who saw person `personId`'s 06 number, and when, newest first. */
export async function viewsOfMobile(db: Kysely<DB>, personId: string) {
  return db.selectFrom('audit_log as l').select(['l.actor_account_id', 'l.at']).where(viewedMobileOf(personId))
    .orderBy('l.at', 'desc').orderBy('l.id', 'desc').execute();
}

interface AuditFilter {
  actions?: string[]; actorAccountId?: string;
  /** The account as actor or as the record acted on (a failed sign-in has no actor). */
  accountId?: string;
  /** Views of this person's 06 number (one row per answer, naming them or a kept list that holds them). */
  personId?: string;
  from?: Date; to?: Date; page: number; perPage: number;
}

/** The log, newest first, with the actor's e-mail and the record acted on in words. */
export async function listAudit(db: Kysely<DB>, filter: AuditFilter) {
  let q = db.selectFrom('audit_log as l');
  if (filter.actions?.length) q = q.where('l.action', 'in', filter.actions);
  if (filter.actorAccountId) q = q.where('l.actor_account_id', '=', filter.actorAccountId);
  if (filter.accountId) {
    const id = filter.accountId;
    q = q.where((eb) => eb.or([eb('l.actor_account_id', '=', id), eb.and([eb('l.entity_type', '=', 'account'), eb('l.entity_id', '=', id)])]));
  }
  if (filter.personId) q = q.where(viewedMobileOf(filter.personId));
  if (filter.from) q = q.where('l.at', '>=', filter.from.toISOString());
  if (filter.to) q = q.where('l.at', '<', filter.to.toISOString());
  const [items, total] = await Promise.all([
    q.leftJoin('accounts as actor', 'actor.id', 'l.actor_account_id')
      // entity_id is text (ids of several tables): compare as text, never cast the log's value
      .leftJoin('accounts as subject_account', (j) => j.on('l.entity_type', '=', 'account').on(sql`subject_account.id::text`, '=', sql.ref('l.entity_id')))
      .leftJoin('people as subject_person', (j) => j.on('l.entity_type', '=', 'person').on(sql`subject_person.id::text`, '=', sql.ref('l.entity_id')))
      .selectAll('l')
      .select((eb) => [
        'actor.email as actor_email',
        eb.fn.coalesce('subject_account.email', sql<string | null>`subject_person.given_name || ' ' || subject_person.family_name`).as('subject'),
      ])
      .orderBy('l.at', 'desc').orderBy('l.id', 'desc')
      .limit(filter.perPage).offset((filter.page - 1) * filter.perPage).execute(),
    q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}
