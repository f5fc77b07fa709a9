import type { Person } from '../api/client';
import { t } from '../i18n/i18n';
import { Avatar } from './Avatar';
import { Email, Phone } from './contact';
import { isNew, NewMark } from './NewMark';

/** A plain membership ('lid') adds nothing to the job title. */
export function showRole(role: string | undefined, job: string): role is string {
  return Boolean(role) && !['lid', 'member', 'medewerker'].includes(role!.toLowerCase()) && role !== job;
}

/** 'ma' / 'mon' / 'monday' → the weekday in the current language. */
export function dayName(day: string): string {
  const key = day.slice(0, 2).toLowerCase();
  const index = ['ma', 'mo', 'di', 'tu', 'wo', 'we', 'do', 'th', 'vr', 'fr', 'za', 'sa', 'zo', 'su'].indexOf(key);
  if (index < 0) return day;
  return t(`day.${Math.floor(index / 2)}`);
}

/** A face with name, role, "Vraag mij over" and whatever contact fields the API sent. */
/** `fresh` overrides the person's own newness (the pack counts it per wijk). */
export function PersonCard({ person, role, contact, fresh = isNew(person) }: { person: Person; role?: string; contact?: boolean; fresh?: boolean }) {
  const mobile = 'phone_mobile' in person ? person.phone_mobile : null;
  const days = 'working_days' in person ? person.working_days : [];
  const note = 'availability_note' in person ? person.availability_note : null;
  return (
    <div class="person-card" data-testid="person-card">
      <Avatar name={person.name} initials={person.initials} photo={person.photo_url} />
      <div class="person-card__body">
        <p class="person-card__name"><a href={`/mensen/${person.id}`}>{person.name}</a></p>
        <p class="person-card__role">{showRole(role, person.job_title) ? `${role} · ${person.job_title}` : person.job_title}</p>
        {contact && <p class="pill">{t('person.contact_person')}</p>}
        <NewMark show={fresh} />
        {person.ask_me_about && <p class="person-card__ask"><span class="label">{t('person.ask_me')}</span> {person.ask_me_about}</p>}
        {(person.phone_work || mobile || person.email_work) && (
          <ul class="person-card__contact">
            {person.phone_work && <li><Phone number={person.phone_work} label={t('person.phone_work')} /></li>}
            {mobile && <li><Phone number={mobile} label={t('person.phone_mobile')} /></li>}
            {person.email_work && <li><Email address={person.email_work} /></li>}
          </ul>
        )}
        {days.length > 0 && <p class="person-card__days"><span class="label">{t('person.working_days')}</span> {days.map(dayName).join(', ')}</p>}
        {note && <p class="person-card__team-note"><span class="label">{t('person.team_only')}</span> {note}</p>}
      </div>
    </div>
  );
}
