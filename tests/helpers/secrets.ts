// The values a resident must never see, read from the database as it is: 06 numbers,
// team-level notes, and every contact field, photo or "vraag mij over" the person has not
// published (no active consent). Shared by every test that crawls anonymous output.
import type { Kysely } from 'kysely';
import type { DB } from '../../server/db/types';

export async function residentSecrets(db: Kysely<DB>): Promise<string[]> {
  const active = await db.selectFrom('person_consents').select(['person_id', 'field']).where('withdrawn_at', 'is', null).execute();
  const published = new Set(active.map((c) => `${c.person_id}/${c.field}`));
  const people = await db.selectFrom('people')
    .select(['id', 'phone_mobile', 'email_work', 'phone_work', 'photo_url', 'ask_me_about', 'private_notes', 'availability_note']).execute();
  const unless = (id: string, field: string, value: string | null) => (published.has(`${id}/${field}`) ? null : value);
  return people.flatMap((p) => [
    p.phone_mobile, p.private_notes, p.availability_note,
    unless(p.id, 'email_work', p.email_work), unless(p.id, 'phone_work', p.phone_work),
    unless(p.id, 'photo', p.photo_url),
    // a short phrase may recur in a team's description: look for it as a whole JSON value
    p.ask_me_about && !published.has(`${p.id}/ask_me_about`) ? JSON.stringify(p.ask_me_about) : null,
  ]).filter((s): s is string => !!s && s.length > 4);
}
