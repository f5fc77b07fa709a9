// Portraits in the database. Saving and removing change people.photo_url in the same
// transaction (with the audit entry), so the URL and the stored bytes never disagree.
import type { Kysely } from 'kysely';
import type { DB } from '../db/types';
import { auditedWrite, type WriteContext } from '../editing/editing.kernel';
import { type ProcessedPhoto, photoUrlOf } from './photos.image';

/** The person a photo is for, with what the consent check needs; undefined if unknown or archived. */
export async function photoSubject(db: Kysely<DB>, personId: string) {
  return db.selectFrom('people').select(['id', 'photo_consent', 'photo_url'])
    .where('id', '=', personId).where('archived_at', 'is', null).executeTakeFirst();
}

/**
 * Stores the photo as the person's one photo and points photo_url at it. `grantConsent`:
 * the person uploads their own photo and says at the same time that colleagues may see it.
 */
export async function savePhoto(db: Kysely<DB>, ctx: WriteContext, personId: string, photo: ProcessedPhoto, grantConsent: boolean) {
  const url = photoUrlOf(photo.hash);
  return auditedWrite(db, ctx, { action: 'person.photo', entityType: 'person', entityId: personId }, async (trx) => {
    const before = await trx.selectFrom('people').select(['photo_url', 'photo_consent']).where('id', '=', personId).forUpdate().executeTakeFirstOrThrow();
    await trx.insertInto('person_photos').values({
      person_id: personId, hash: photo.hash, content_type: photo.contentType, bytes: photo.bytes, width: photo.width, height: photo.height,
    }).onConflict((oc) => oc.column('person_id').doUpdateSet((eb) => ({
      hash: eb.ref('excluded.hash'), content_type: eb.ref('excluded.content_type'), bytes: eb.ref('excluded.bytes'),
      width: eb.ref('excluded.width'), height: eb.ref('excluded.height'), created_at: new Date(),
    }))).execute();
    await trx.updateTable('people').set({ photo_url: url, ...(grantConsent ? { photo_consent: true } : {}) }).where('id', '=', personId).execute();
    // The image itself never goes into the log: only where it is and how big.
    const after = { photo_url: url, photo_consent: grantConsent || before.photo_consent, width: photo.width, height: photo.height, size: photo.bytes.length };
    return { id: personId, before, after, result: { photo_url: url, hash: photo.hash, width: photo.width, height: photo.height } };
  });
}

/** Removes the person's photo (uploaded or not): the initials avatar shows again. */
export async function removePhoto(db: Kysely<DB>, ctx: WriteContext, personId: string): Promise<void> {
  await auditedWrite(db, ctx, { action: 'person.photo', entityType: 'person', entityId: personId }, async (trx) => {
    const before = await trx.selectFrom('people').select(['photo_url']).where('id', '=', personId).forUpdate().executeTakeFirstOrThrow();
    await trx.deleteFrom('person_photos').where('person_id', '=', personId).execute();
    await trx.updateTable('people').set({ photo_url: null }).where('id', '=', personId).execute();
    return { id: personId, before, after: { photo_url: null }, result: undefined };
  });
}

/** The people whose current photo has this hash (usually one). */
export async function photoOwners(db: Kysely<DB>, hash: string): Promise<string[]> {
  const rows = await db.selectFrom('person_photos').select('person_id').where('hash', '=', hash).execute();
  return rows.map((r) => r.person_id);
}

export async function photoBytes(db: Kysely<DB>, personId: string, hash: string): Promise<Buffer | undefined> {
  const row = await db.selectFrom('person_photos').select('bytes').where('person_id', '=', personId).where('hash', '=', hash).executeTakeFirst();
  return row ? Buffer.from(row.bytes) : undefined;
}
