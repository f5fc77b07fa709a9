// "Account verwijderen": the account goes (sessions, scopes and tokens cascade), and so does
// the person record (memberships, consents, topics and photo cascade). The audit log keeps
// every row — who did what, when — but not the deleted values: entries about this person,
// account or their memberships lose their snapshots ({"deleted": true}; a membership keeps
// its team), and any other entry mentioning them has the person's values blanked.
import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/types';
import { auditedWrite, type Trx } from '../editing/editing.kernel';

const BLANK = '[verwijderd]';
const DELETED = JSON.stringify({ deleted: true });

/** The strings stored about the person and account, to blank wherever the log repeats them. */
async function personalValues(trx: Trx, accountId: string, personId: string | null): Promise<Set<string>> {
  const values = new Set<string>();
  const add = (v: unknown) => { if (typeof v === 'string' && v.trim().length >= 3) values.add(v); };
  const account = await trx.selectFrom('accounts').select('email').where('id', '=', accountId).executeTakeFirstOrThrow();
  add(account.email);
  for (const s of await trx.selectFrom('sessions').select('user_agent').where('account_id', '=', accountId).execute()) add(s.user_agent);
  if (personId) {
    const p = await trx.selectFrom('people').selectAll().where('id', '=', personId).executeTakeFirst();
    if (p) {
      for (const key of ['given_name', 'family_name', 'pronouns', 'ask_me_about', 'phone_mobile', 'phone_work', 'email_work',
        'availability_note', 'private_notes', 'photo_url'] as const) add(p[key]);
      add(`${p.given_name} ${p.family_name}`);
    }
    for (const m of await trx.selectFrom('memberships').select('role').where('person_id', '=', personId).execute()) add(m.role);
  }
  return values;
}

function blank(value: unknown, values: Set<string>): unknown {
  if (typeof value === 'string') return values.has(value) ? BLANK : value;
  if (Array.isArray(value)) return value.map((v) => blank(v, values));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, blank(v, values)]));
  }
  return value;
}

const asJson = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));

async function scrubAudit(trx: Trx, accountId: string, personId: string | null, values: Set<string>) {
  const membershipIds = personId
    ? (await trx.selectFrom('memberships').select('id').where('person_id', '=', personId).execute()).map((m) => m.id)
    : [];
  const own = [accountId, ...(personId ? [personId] : [])];
  // The whole snapshot goes for entries about the person or account themselves.
  await trx.updateTable('audit_log')
    .set({ before: sql<string>`case when before is null then null else ${DELETED}::jsonb end`, after: sql<string>`case when after is null then null else ${DELETED}::jsonb end`, meta: null })
    .where('entity_id', 'in', own).execute();
  if (membershipIds.length) {
    const keepTeam = (col: 'before' | 'after') => sql<string>`case when ${sql.ref(col)} is null then null
      else jsonb_build_object('deleted', true, 'team_id', ${sql.ref(col)}->'team_id') end`;
    await trx.updateTable('audit_log').set({ before: keepTeam('before'), after: keepTeam('after'), meta: null })
      .where('entity_id', 'in', membershipIds).execute();
  }
  // Lists of people whose numbers were shown (views of 06 numbers): they leave the list; the view stays on record.
  if (personId) {
    await trx.updateTable('viewed_people_sets').set({ person_ids: sql<string[]>`array_remove(person_ids, ${personId}::uuid)` })
      .where(sql<boolean>`person_ids @> array[${personId}]::uuid[]`).execute();
  }
  // Other entries that mention them (a team's snapshot, a successor, a failed sign-in): blank the values.
  const needles = [...own, ...values].map((v) => `%${v.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  const text = sql<string>`coalesce(before::text, '') || coalesce(after::text, '') || coalesce(meta::text, '')`;
  const mentions = await trx.selectFrom('audit_log').select(['id', 'before', 'after', 'meta'])
    .where(sql<boolean>`${text} like any(${needles}::text[])`).execute();
  for (const row of mentions) {
    await trx.updateTable('audit_log').set({
      before: asJson(blank(row.before, values)), after: asJson(blank(row.after, values)), meta: asJson(blank(row.meta, values)),
    }).where('id', '=', row.id as never).execute();
  }
  return { entries_blanked: mentions.length };
}

/** Deletes the account and its person record; the audit entry says that it happened, nothing more. */
export async function deleteMe(db: Kysely<DB>, accountId: string, personId: string | null): Promise<void> {
  await auditedWrite(db, { actorAccountId: accountId }, { action: 'account.delete', entityType: 'account', entityId: accountId }, async (trx) => {
    const values = await personalValues(trx, accountId, personId);
    const scrubbed = await scrubAudit(trx, accountId, personId, values);
    await trx.deleteFrom('accounts').where('id', '=', accountId).execute();
    if (personId) await trx.deleteFrom('people').where('id', '=', personId).execute();
    return { id: accountId, before: { deleted: true }, after: null, result: { person_deleted: personId !== null, ...scrubbed } };
  });
}
