// Writing people: their fields, expertise topics and published fields (consents, dated).
// One transaction, row locked and version compared, audited with before and after.
import { type Kysely, sql } from 'kysely';
import type { ConsentField, DB } from '../db/types';
import { syncChildren } from '../db/sync-children';
import { auditedWrite, lockVersion, missingIds, missingKeys, throwFirst, type Trx, unknownRefs, type WriteContext, verifyRecord } from '../editing/editing.kernel';
import { endMembershipsOn } from '../memberships/memberships.queries';
import type { PersonCreate, PersonPatch } from './people.write-schemas';

const COLUMNS = ['given_name', 'family_name', 'pronouns', 'job_title', 'ask_me_about', 'languages', 'working_days', 'phone_mobile',
  'phone_mobile_visibility', 'phone_work', 'phone_work_visibility', 'email_work', 'email_work_visibility', 'availability_note',
  'private_notes', 'public_profile', 'photo_consent'] as const;

async function personSnapshot(db: Trx | Kysely<DB>, id: string) {
  const person = await db.selectFrom('people').select([...COLUMNS, 'id', 'version', 'archived_at', 'last_verified_at']).where('id', '=', id).executeTakeFirst();
  if (!person) return undefined;
  const [topics, published] = await Promise.all([
    db.selectFrom('person_topics').select('topic_key').where('person_id', '=', id).orderBy('topic_key').execute(),
    db.selectFrom('person_consents').select('field').where('person_id', '=', id).where('withdrawn_at', 'is', null).orderBy('field').execute(),
  ]);
  return { ...person, topics: topics.map((t) => t.topic_key), published: published.map((p) => p.field) };
}

/** Grants the consents newly in `wanted` (dated now) and withdraws the ones left out. */
async function syncConsents(trx: Trx, id: string, wanted: readonly ConsentField[], now: Date) {
  const active = (await trx.selectFrom('person_consents').select('field').where('person_id', '=', id).where('withdrawn_at', 'is', null).execute()).map((r) => r.field);
  const gone = active.filter((f) => !wanted.includes(f));
  const added = [...new Set(wanted)].filter((f) => !active.includes(f));
  if (gone.length) await trx.updateTable('person_consents').set({ withdrawn_at: now }).where('person_id', '=', id).where('field', 'in', gone).where('withdrawn_at', 'is', null).execute();
  if (added.length) await trx.insertInto('person_consents').values(added.map((field) => ({ person_id: id, field, granted_at: now }))).execute();
}

export async function patchPerson(db: Kysely<DB>, ctx: WriteContext, id: string, expected: number, input: PersonPatch, now: Date) {
  await auditedWrite(db, ctx, { action: 'person.update', entityType: 'person', entityId: id }, async (trx) => {
    await lockVersion(trx, 'people', id, 'persoon', expected);
    throwFirst(unknownRefs('topics', await missingKeys(trx, 'topics', input.topics ?? [])));
    const before = await personSnapshot(trx, id);
    const own = Object.fromEntries(COLUMNS.filter((c) => input[c] !== undefined).map((c) => [c, input[c]]));
    if (Object.keys(own).length) await trx.updateTable('people').set(own).where('id', '=', id).execute();
    if (input.topics) await syncChildren(trx, { table: 'person_topics', parent: 'person_id', child: 'topic_key', replaceFor: [id], rows: [...new Set(input.topics)].map((topic_key) => ({ person_id: id, topic_key })) });
    if (input.published) await syncConsents(trx, id, input.published, now);
    return { id, before, after: await personSnapshot(trx, id), result: undefined };
  });
}

export async function createPerson(db: Kysely<DB>, ctx: WriteContext, input: PersonCreate): Promise<string> {
  return auditedWrite(db, ctx, { action: 'person.create', entityType: 'person' }, async (trx) => {
    throwFirst(unknownRefs('team_id', await missingIds(trx, 'teams', [input.team_id])));
    const { team_id, role, is_contact_person, ...fields } = input;
    // employed by the team's organisation: the one that adds them owns their record
    const { organisation_id } = await trx.selectFrom('teams').select('organisation_id').where('id', '=', team_id).executeTakeFirstOrThrow();
    const { id } = await trx.insertInto('people').values({ ...fields, organisation_id }).returning('id').executeTakeFirstOrThrow();
    const membership = await trx.insertInto('memberships').values({ person_id: id, team_id, role: role ?? 'lid', is_contact_person: is_contact_person ?? false })
      .returning(['id', 'team_id', 'role', 'is_contact_person', 'since']).executeTakeFirstOrThrow();
    return { id, before: null, after: { ...(await personSnapshot(trx, id)), membership }, result: id };
  });
}

export async function archivePerson(db: Kysely<DB>, ctx: WriteContext, id: string, expected: number, now: Date) {
  await auditedWrite(db, ctx, { action: 'person.archive', entityType: 'person', entityId: id }, async (trx) => {
    await lockVersion(trx, 'people', id, 'persoon', expected);
    const before = await personSnapshot(trx, id);
    // Leaving every team today: no team keeps pointing anyone at someone who has gone.
    const open = await trx.selectFrom('memberships').select('id').where('person_id', '=', id).where('until', 'is', null).execute();
    await endMembershipsOn(trx, open.map((m) => m.id), null, { dropContact: true });
    await trx.updateTable('people').set({ archived_at: now, public_profile: false }).where('id', '=', id).execute();
    return { id, before, after: null, result: undefined };
  });
}

export const verifyPerson = (db: Kysely<DB>, ctx: WriteContext, id: string, expected: number, now: Date) =>
  verifyRecord(db, ctx, 'people', id, expected, now);
