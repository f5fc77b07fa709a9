// The own consents and visibility switches, each one audited in the same transaction.
// Effective on the very next request: people.visibility.ts reads them live on every query.
//   photo | ask_me_about | phone_work | email_work   residents may see it (person_consents, dated)
//   photo_internal                                    colleagues may see my photo (people.photo_consent)
// The two photo switches are kept coherent: a public photo needs the internal one, so
// granting 'photo' grants 'photo_internal' too, and withdrawing 'photo_internal' withdraws
// 'photo' as well.
import { type Kysely, sql } from 'kysely';
import type { ConsentField, DB } from '../db/types';
import { auditedWrite, type Trx, type WriteContext } from '../editing/editing.kernel';
import type { MyConsentField } from './me.schemas';

async function grantPublic(trx: Trx, personId: string, field: ConsentField) {
  const active = await trx.selectFrom('person_consents').select('id')
    .where('person_id', '=', personId).where('field', '=', field).where('withdrawn_at', 'is', null).executeTakeFirst();
  if (!active) await trx.insertInto('person_consents').values({ person_id: personId, field }).execute();
}

async function withdrawPublic(trx: Trx, personId: string, field: ConsentField) {
  await trx.updateTable('person_consents').set({ withdrawn_at: sql<string>`greatest(now(), granted_at)` })
    .where('person_id', '=', personId).where('field', '=', field).where('withdrawn_at', 'is', null).execute();
}

async function consentState(trx: Trx | Kysely<DB>, personId: string) {
  const person = await trx.selectFrom('people').select(['photo_consent', 'public_profile']).where('id', '=', personId).forUpdate().executeTakeFirstOrThrow();
  const active = await trx.selectFrom('person_consents').select('field')
    .where('person_id', '=', personId).where('withdrawn_at', 'is', null).orderBy('field').execute();
  return { photo_internal: person.photo_consent, public_profile: person.public_profile, public_fields: active.map((r) => r.field) };
}

/** Grants (`on`) or withdraws a consent of the own person; answers the state afterwards. */
export async function setMyConsent(db: Kysely<DB>, ctx: WriteContext, personId: string, field: MyConsentField, on: boolean) {
  const action = on ? 'consent.grant' : 'consent.withdraw';
  return auditedWrite(db, ctx, { action, entityType: 'person', entityId: personId, meta: { field } }, async (trx) => {
    const before = await consentState(trx, personId);
    if (field === 'photo_internal') {
      await trx.updateTable('people').set({ photo_consent: on }).where('id', '=', personId).execute();
      if (!on) await withdrawPublic(trx, personId, 'photo');
    } else if (on) {
      await grantPublic(trx, personId, field);
      if (field === 'photo') await trx.updateTable('people').set({ photo_consent: true }).where('id', '=', personId).execute();
    } else {
      await withdrawPublic(trx, personId, field);
    }
    const after = await consentState(trx, personId);
    return { id: personId, before, after, result: after };
  });
}

/** Shows or hides the own profile for residents (public_profile). */
export async function setMyPublicProfile(db: Kysely<DB>, ctx: WriteContext, personId: string, visible: boolean) {
  return auditedWrite(db, ctx, { action: 'person.public_profile', entityType: 'person', entityId: personId }, async (trx) => {
    const before = await consentState(trx, personId);
    await trx.updateTable('people').set({ public_profile: visible }).where('id', '=', personId).execute();
    const after = await consentState(trx, personId);
    return { id: personId, before, after, result: after };
  });
}

/**
 * Withdraws the 06 number: it is removed (not merely narrowed to the team), because a
 * mobile number is private and the person asked for it to go. The level returns to 'team'
 * so a number added later starts at the narrowest level. The number is not logged.
 */
export async function removeMyMobile(db: Kysely<DB>, ctx: WriteContext, personId: string) {
  return auditedWrite(db, ctx, { action: 'person.mobile_removed', entityType: 'person', entityId: personId }, async (trx) => {
    const row = await trx.selectFrom('people').select(['phone_mobile', 'phone_mobile_visibility']).where('id', '=', personId).forUpdate().executeTakeFirstOrThrow();
    await trx.updateTable('people').set({ phone_mobile: null, phone_mobile_visibility: 'team' }).where('id', '=', personId).execute();
    return {
      id: personId,
      before: { had_phone_mobile: row.phone_mobile !== null, phone_mobile_visibility: row.phone_mobile_visibility },
      after: { had_phone_mobile: false, phone_mobile_visibility: 'team' },
      result: undefined,
    };
  });
}
