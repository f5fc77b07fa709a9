// Weekly "te controleren" reminders: each editor with something stale or nearly stale in
// their scope gets at most one mail per ISO week. Like the digest, the week is claimed in
// review_reminders_sent BEFORE sending (two runs, or two instances, never both send) and
// released when the mail fails, so the next hourly run retries.
import type { Kysely } from 'kysely';
import type { DB } from '../db/types';
import { loadAudience } from '../auth/auth.queries';
import type { SignedIn } from '../auth/auth.guards';
import type { Mailer } from '../mail/mail.transport';
import type { MailContent } from '../mail/templates';
import { isoWeek } from '../mail/mail.week';
import { reviewItems, type ReviewItem } from './review.queries';

interface ReminderRun { period: string; sent: number; failed: number }

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const SHOWN = 10;

function reminderMail(items: ReviewItem[], appUrl: string): MailContent {
  const base = appUrl.replace(/\/$/, '');
  const link = `${base}/te-controleren`;
  const stale = items.filter((i) => i.stale).length;
  const subject = `Te controleren: ${items.length} ${items.length === 1 ? 'gegeven' : 'gegevens'} in de sociale kaart / Please review`;
  const line = (i: ReviewItem) => `${i.name}${i.organisation_name ? ` (${i.organisation_name})` : ''}: ${i.stale ? `${Math.floor(i.age_days / 30)} maanden niet gecontroleerd` : 'binnenkort te controleren'}`;
  const shown = items.slice(0, SHOWN);
  const more = items.length > SHOWN ? [`... en nog ${items.length - SHOWN}`] : [];
  const intro = `${stale} ${stale === 1 ? 'gegeven is' : 'gegevens zijn'} lang niet gecontroleerd. Klopt het nog? Eén klik op "Klopt nog" is genoeg.`;
  const text = ['Hallo,', '', intro, '', ...shown.map((i) => `- ${line(i)}`), ...more, '', `Bekijk de lijst: ${link}`, '',
    'English: some entries you edit have not been checked for a long time. Please review them at the link above.'].join('\n');
  const html = [`<p>Hallo,</p><p>${escapeHtml(intro)}</p><ul>`, ...shown.map((i) => `<li>${escapeHtml(line(i))}</li>`),
    ...more.map((m) => `<li>${escapeHtml(m)}</li>`), `</ul><p><a href="${escapeHtml(link)}">Bekijk de lijst</a></p>`,
    '<p lang="en">Some entries you edit have not been checked for a long time. Please review them at the link above.</p>'].join('');
  return { subject, text, html, link };
}

export async function sendReviewReminders(db: Kysely<DB>, mailer: Mailer, now: Date, options: { appUrl?: string } = {}): Promise<ReminderRun> {
  const period = isoWeek(now);
  const editors = await db.selectFrom('accounts as a').where('a.role', '=', 'editor').where('a.deactivated_at', 'is', null)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('review_reminders_sent as r').select('r.account_id')
      .whereRef('r.account_id', '=', 'a.id').where('r.period', '=', period))))
    .select(['a.id', 'a.email', 'a.role', 'a.person_id']).orderBy('a.id').execute();
  const run: ReminderRun = { period, sent: 0, failed: 0 };
  for (const editor of editors) {
    const audience = await loadAudience(db, { accountId: editor.id, role: editor.role, personId: editor.person_id }) as SignedIn;
    const items = await reviewItems(db, audience, {}, now);
    if (items.length === 0) continue; // nothing to check: no mail (a later run this week may still find some)
    const claimed = await db.insertInto('review_reminders_sent').values({ account_id: editor.id, period, sent_at: now })
      .onConflict((oc) => oc.columns(['account_id', 'period']).doNothing()).returning('account_id').executeTakeFirst();
    if (!claimed) continue;
    try {
      await mailer.send(editor.email, reminderMail(items, options.appUrl ?? 'http://127.0.0.1:3000'));
      run.sent += 1;
    } catch {
      await db.deleteFrom('review_reminders_sent').where('account_id', '=', editor.id).where('period', '=', period).execute();
      run.failed += 1;
    }
  }
  return run;
}
