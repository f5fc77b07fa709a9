// The weekly digest job: at most one mail per subscriber per ISO week, recorded in
// digests_sent BEFORE sending (so two runs never both send) and released again when the
// mail fails (so the next hourly run retries). Each digest covers the time since the
// subscriber's previous digest (at most a week), shaped for the subscriber's own audience.
import type { Kysely } from 'kysely';
import type { DB } from '../db/types';
import { loadAudience } from '../auth/auth.queries';
import type { Mailer } from '../mail/mail.transport';
import { areaChanges } from './changes.queries';
import { digestMail } from './digest.mail';
import { isoWeek } from '../mail/mail.week';

const WEEK_MS = 7 * 86_400_000;

interface DigestRun { period: string; sent: number; failed: number }

export async function sendDigests(db: Kysely<DB>, mailer: Mailer, now: Date, options: { appUrl?: string } = {}): Promise<DigestRun> {
  const period = isoWeek(now);
  const subs = await db.selectFrom('digest_subscriptions as s').innerJoin('accounts as a', 'a.id', 's.account_id')
    .innerJoin('areas as ar', 'ar.code', 's.area_code')
    .where('a.deactivated_at', 'is', null)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('digests_sent as d').select('d.account_id')
      .whereRef('d.account_id', '=', 's.account_id').where('d.period', '=', period))))
    .select(['a.id', 'a.email', 'a.role', 'a.person_id', 'ar.code', 'ar.kind', 'ar.name'])
    .orderBy('a.id').orderBy('ar.name').execute();
  const byAccount = new Map<string, typeof subs>();
  for (const s of subs) byAccount.set(s.id, [...(byAccount.get(s.id) ?? []), s]);

  const run: DigestRun = { period, sent: 0, failed: 0 };
  for (const [accountId, areas] of byAccount) {
    const first = areas[0]!;
    const audience = await loadAudience(db, { accountId, role: first.role, personId: first.person_id });
    const last = await db.selectFrom('digests_sent').select((eb) => eb.fn.max('sent_at').as('at')).where('account_id', '=', accountId).executeTakeFirst();
    const since = new Date(Math.max(now.getTime() - WEEK_MS, last?.at ? new Date(last.at as string).getTime() : 0));
    const sections = [];
    for (const a of areas) {
      const changes = (await areaChanges(db, audience, a.code, since)).filter((c) => new Date(c.at) <= now);
      if (changes.length) sections.push({ area: { code: a.code, kind: a.kind, name: a.name }, changes });
    }
    if (sections.length === 0) continue; // nothing to tell: no mail, and a later run this week may still find news
    const claimed = await db.insertInto('digests_sent').values({ account_id: accountId, period, sent_at: now })
      .onConflict((oc) => oc.columns(['account_id', 'period']).doNothing()).returning('account_id').executeTakeFirst();
    if (!claimed) continue;
    try {
      await mailer.send(first.email, digestMail(sections, options.appUrl ?? 'http://127.0.0.1:3000'));
      run.sent += 1;
    } catch {
      await db.deleteFrom('digests_sent').where('account_id', '=', accountId).where('period', '=', period).execute();
      run.failed += 1;
    }
  }
  return run;
}
