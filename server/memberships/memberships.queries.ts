// Memberships: who is in which team, as what, from when until when. A person leaving is an
// end date, not a deletion (the change feed and history need it); the contact role passes
// to a named successor in the same transaction, so a team never keeps pointing residents
// at someone who has gone. A team asking for someone employed elsewhere makes a `requested`
// membership that counts nowhere until the person's employer (or the person) accepts it.
import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/types';
import { auditedWrite, lockVersion, missingIds, throwFirst, type Trx, unknownRefs, type WriteContext } from '../editing/editing.kernel';
import { HttpError } from '../http/errors';
import { isCurrentMembership } from '../domain/membership';
import type { MembershipCreate, MembershipEnd, MembershipPatch } from './memberships.schemas';

const select = (db: Kysely<DB> | Trx) => db.selectFrom('memberships as m')
  .select(['m.id', 'm.person_id', 'm.team_id', 'm.role', 'm.is_contact_person', 'm.since', 'm.until', 'm.version', 'm.status',
    'm.requested_at', 'm.accepted_at', sql<boolean>`${isCurrentMembership('m')}`.as('current')]);

export const getMembership = (db: Kysely<DB> | Trx, id: string) => select(db).where('m.id', '=', id).executeTakeFirst();

/**
 * THE way a membership ends (every path: the end route, archiving a person, a CSV import):
 * its last day is `until` (default today; the person still counts that day). A membership
 * that would end before it begins never was, and is deleted. `dropContact` also takes the
 * contact-person mark away (the caller names a successor, or the person is gone).
 */
export async function endMembershipsOn(trx: Kysely<DB> | Trx, ids: readonly string[], until: string | null = null, options: { dropContact?: boolean } = {}) {
  if (ids.length === 0) return;
  const last = until === null ? sql<string>`current_date` : sql<string>`${until}::date`;
  await trx.deleteFrom('memberships').where('id', 'in', [...ids]).where(sql<boolean>`since > ${last}`).execute();
  await trx.updateTable('memberships').where('id', 'in', [...ids])
    .set({ until: last, ...(options.dropContact ? { is_contact_person: false } : {}) }).execute();
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

/**
 * A new membership: `current` when the creator may accept it (the person's employer or the
 * person), else `requested`: the team asked, the person's employer answers.
 */
export async function createMembership(db: Kysely<DB>, ctx: WriteContext, input: MembershipCreate, accepted: boolean, now: Date): Promise<string> {
  datesInOrder(input.since, input.until);
  const status = accepted ? { status: 'current' as const, accepted_by: ctx.actorAccountId, accepted_at: now.toISOString() }
    : { status: 'requested' as const, requested_by: ctx.actorAccountId, requested_at: now.toISOString() };
  return auditedWrite(db, ctx, { action: accepted ? 'membership.create' : 'membership.request', entityType: 'membership' }, async (trx) => {
    throwFirst(unknownRefs('person_id', await missingIds(trx, 'people', [input.person_id])), unknownRefs('team_id', await missingIds(trx, 'teams', [input.team_id])));
    if (!input.until) await assertNoOpenDuplicate(trx, input.person_id, input.team_id);
    const { id } = await trx.insertInto('memberships').values({ ...input, ...status }).returning('id').executeTakeFirstOrThrow();
    return { id, before: null, after: await getMembership(trx, id), result: id };
  });
}

/** The person's employer (or the person) accepts a requested membership: from now it counts. */
export async function acceptMembership(db: Kysely<DB>, ctx: WriteContext, id: string, expected: number, now: Date) {
  await auditedWrite(db, ctx, { action: 'membership.accept', entityType: 'membership', entityId: id }, async (trx) => {
    await lockVersion(trx, 'memberships', id, 'lidmaatschap', expected);
    const before = (await getMembership(trx, id))!;
    if (before.status !== 'requested') {
      throw new HttpError(409, 'conflict', 'Dit lidmaatschap is al geaccepteerd.', [{ field: 'id', in: 'path', message: 'Not a requested membership' }]);
    }
    await trx.updateTable('memberships').set({ status: 'current', accepted_by: ctx.actorAccountId, accepted_at: now.toISOString() }).where('id', '=', id).execute();
    return { id, before, after: await getMembership(trx, id), result: undefined };
  });
}

export async function patchMembership(db: Kysely<DB>, ctx: WriteContext, id: string, expected: number, input: MembershipPatch) {
  await auditedWrite(db, ctx, { action: 'membership.update', entityType: 'membership', entityId: id }, async (trx) => {
    await lockVersion(trx, 'memberships', id, 'lidmaatschap', expected);
    const before = (await getMembership(trx, id))!;
    datesInOrder(input.since, before.until);
    await trx.updateTable('memberships').set(input).where('id', '=', id).execute();
    return { id, before, after: await getMembership(trx, id), result: undefined };
  });
}

/** Ends a membership; a named successor (a current member of the same team) becomes contact person. */
export async function endMembership(db: Kysely<DB>, ctx: WriteContext, id: string, expected: number, input: MembershipEnd, now: Date) {
  await auditedWrite(db, ctx, { action: 'membership.end', entityType: 'membership', entityId: id, meta: { successor_person_id: input.successor_person_id ?? null } }, async (trx) => {
    await lockVersion(trx, 'memberships', id, 'lidmaatschap', expected);
    const before = (await getMembership(trx, id))!;
    const until = input.until ?? now.toISOString().slice(0, 10);
    datesInOrder(before.since, until);
    let successor: { id: string } | undefined;
    if (input.successor_person_id) {
      successor = await trx.selectFrom('memberships as m').select('m.id').where('m.team_id', '=', before.team_id)
        .where('m.person_id', '=', input.successor_person_id).where('m.id', '!=', id).where(isCurrentMembership('m')).forUpdate().executeTakeFirst();
      if (!successor) {
        throw new HttpError(400, 'bad_request', 'De opvolger moet nu lid zijn van hetzelfde team.',
          [{ field: 'successor_person_id', in: 'body', message: 'Not a current member of this team' }]);
      }
    }
    await endMembershipsOn(trx, [id], until, { dropContact: Boolean(successor) });
    if (successor && before.is_contact_person) await trx.updateTable('memberships').set({ is_contact_person: true }).where('id', '=', successor.id).execute();
    return { id, before, after: await getMembership(trx, id), result: undefined };
  });
}
