// Memberships: who is in which team, as what, from when until when. A person leaving is an
// end date, not a deletion (the change feed and history need it); the contact role passes
// to a named successor in the same transaction, so a team never keeps pointing residents
// at someone who has gone.
import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/types';
import { auditedWrite, lockVersion, missingIds, throwFirst, type Trx, unknownRefs, type WriteContext } from '../editing/editing.kernel';
import { HttpError } from '../http/errors';
import { isCurrentMembership } from '../domain/membership';
import type { MembershipCreate, MembershipEnd, MembershipPatch } from './memberships.schemas';

const select = (db: Kysely<DB> | Trx) => db.selectFrom('memberships as m')
  .select(['m.id', 'm.person_id', 'm.team_id', 'm.role', 'm.is_contact_person', 'm.since', 'm.until', 'm.version',
    sql<boolean>`${isCurrentMembership('m')}`.as('current')]);

export const getMembership = (db: Kysely<DB> | Trx, id: string) => select(db).where('m.id', '=', id).executeTakeFirst();

/** The team of a membership (and its organisation): who may edit it. */
export async function membershipOwner(db: Kysely<DB>, id: string) {
  return db.selectFrom('memberships as m').innerJoin('teams as t', 't.id', 'm.team_id')
    .select(['t.id as teamId', 't.organisation_id as organisationId']).where('m.id', '=', id).executeTakeFirst();
}

const datesInOrder = (since: string | null | undefined, until: string | null | undefined) => {
  if (since && until && until < since) {
    throw new HttpError(400, 'bad_request', 'De einddatum ligt voor de begindatum.', [{ field: 'until', in: 'body', message: 'until is before since' }]);
  }
};

/** One open membership per person and team (also enforced by the database). */
async function assertNoOpenDuplicate(trx: Trx, personId: string, teamId: string, exceptId?: string) {
  let q = trx.selectFrom('memberships').select('id').where('person_id', '=', personId).where('team_id', '=', teamId).where('until', 'is', null);
  if (exceptId) q = q.where('id', '!=', exceptId);
  if (await q.executeTakeFirst()) {
    throw new HttpError(409, 'conflict', 'Deze persoon zit al in dit team.', [{ field: 'person_id', in: 'body', message: 'Already an open member of this team' }]);
  }
}

export async function createMembership(db: Kysely<DB>, ctx: WriteContext, input: MembershipCreate): Promise<string> {
  datesInOrder(input.since, input.until);
  return auditedWrite(db, ctx, { action: 'membership.create', entityType: 'membership' }, async (trx) => {
    throwFirst(unknownRefs('person_id', await missingIds(trx, 'people', [input.person_id])), unknownRefs('team_id', await missingIds(trx, 'teams', [input.team_id])));
    if (!input.until) await assertNoOpenDuplicate(trx, input.person_id, input.team_id);
    const { id } = await trx.insertInto('memberships').values(input).returning('id').executeTakeFirstOrThrow();
    return { id, before: null, after: await getMembership(trx, id), result: id };
  });
}

export async function patchMembership(db: Kysely<DB>, ctx: WriteContext, id: string, expected: number, input: MembershipPatch) {
  await auditedWrite(db, ctx, { action: 'membership.update', entityType: 'membership', entityId: id }, async (trx) => {
    await lockVersion(trx, 'memberships', id, 'lidmaatschap', expected);
    const before = (await getMembership(trx, id))!;
    datesInOrder(input.since === undefined ? before.since : input.since, input.until === undefined ? before.until : input.until);
    if (input.until === null && before.until !== null) await assertNoOpenDuplicate(trx, before.person_id, before.team_id, id);
    await trx.updateTable('memberships').set(input).where('id', '=', id).execute();
    return { id, before, after: await getMembership(trx, id), result: undefined };
  });
}

/** Ends a membership; a named successor (a current member of the same team) becomes contact person. */
export async function endMembership(db: Kysely<DB>, ctx: WriteContext, id: string, expected: number, input: MembershipEnd) {
  await auditedWrite(db, ctx, { action: 'membership.end', entityType: 'membership', entityId: id, meta: { successor_person_id: input.successor_person_id ?? null } }, async (trx) => {
    await lockVersion(trx, 'memberships', id, 'lidmaatschap', expected);
    const before = (await getMembership(trx, id))!;
    datesInOrder(before.since, input.until);
    let successor: { id: string } | undefined;
    if (input.successor_person_id) {
      successor = await trx.selectFrom('memberships as m').select('m.id').where('m.team_id', '=', before.team_id)
        .where('m.person_id', '=', input.successor_person_id).where('m.id', '!=', id).where(isCurrentMembership('m')).forUpdate().executeTakeFirst();
      if (!successor) {
        throw new HttpError(400, 'bad_request', 'De opvolger moet nu lid zijn van hetzelfde team.',
          [{ field: 'successor_person_id', in: 'body', message: 'Not a current member of this team' }]);
      }
    }
    await trx.updateTable('memberships').set({ until: input.until, ...(successor ? { is_contact_person: false } : {}) }).where('id', '=', id).execute();
    if (successor && before.is_contact_person) await trx.updateTable('memberships').set({ is_contact_person: true }).where('id', '=', successor.id).execute();
    return { id, before, after: await getMembership(trx, id), result: undefined };
  });
}
