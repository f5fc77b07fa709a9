// Writing organisations: admins create and archive them; an editor scoped to an
// organisation keeps its own details current and confirms them ("klopt nog").
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../db/types';
import { auditedWrite, lockVersion, type WriteContext, verifyRecord } from '../editing/editing.kernel';
import { Email, Name, nonEmpty, Phone, Text, WebUrl } from '../editing/editing.fields';

const fields = { name: Name, description: Text(4000), website: WebUrl, phone: Phone, email: Email };
export const OrganisationCreate = z.strictObject({ ...fields, description: fields.description.optional(), website: fields.website.optional(), phone: fields.phone.optional(), email: fields.email.optional() });
export const OrganisationPatch = z.strictObject(fields).partial().refine(nonEmpty, { message: 'Nothing to change', path: ['body'] });
export type OrganisationCreate = z.infer<typeof OrganisationCreate>;
export type OrganisationPatch = z.infer<typeof OrganisationPatch>;

const snapshot = (db: Kysely<DB>, id: string) => db.selectFrom('organisations')
  .select(['id', 'name', 'description', 'website', 'phone', 'email', 'version', 'archived_at', 'last_verified_at']).where('id', '=', id).executeTakeFirst();

export async function createOrganisation(db: Kysely<DB>, ctx: WriteContext, input: OrganisationCreate): Promise<string> {
  return auditedWrite(db, ctx, { action: 'organisation.create', entityType: 'organisation' }, async (trx) => {
    const { id } = await trx.insertInto('organisations').values(input).returning('id').executeTakeFirstOrThrow();
    return { id, before: null, after: await snapshot(trx, id), result: id };
  });
}

export async function patchOrganisation(db: Kysely<DB>, ctx: WriteContext, id: string, expected: number, input: OrganisationPatch) {
  await auditedWrite(db, ctx, { action: 'organisation.update', entityType: 'organisation', entityId: id }, async (trx) => {
    await lockVersion(trx, 'organisations', id, 'organisatie', expected);
    const before = await snapshot(trx, id);
    await trx.updateTable('organisations').set(input).where('id', '=', id).execute();
    return { id, before, after: await snapshot(trx, id), result: undefined };
  });
}

export async function archiveOrganisation(db: Kysely<DB>, ctx: WriteContext, id: string, expected: number, now: Date) {
  await auditedWrite(db, ctx, { action: 'organisation.archive', entityType: 'organisation', entityId: id }, async (trx) => {
    await lockVersion(trx, 'organisations', id, 'organisatie', expected);
    const before = await snapshot(trx, id);
    // Its teams go with it: a resident must never be sent to a team of a body that stopped.
    await trx.updateTable('teams').set({ archived_at: now }).where('organisation_id', '=', id).where('archived_at', 'is', null).execute();
    await trx.updateTable('organisations').set({ archived_at: now }).where('id', '=', id).execute();
    return { id, before, after: null, result: undefined };
  });
}

export const verifyOrganisation = (db: Kysely<DB>, ctx: WriteContext, id: string, expected: number, now: Date) =>
  verifyRecord(db, ctx, 'organisations', id, expected, now);
