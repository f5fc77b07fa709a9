// The people of a team as faces. The page shows exactly what the API returned for this
// audience; it never filters people itself.
import type { TeamDetail } from '../api/client';
import { t } from '../i18n/i18n';
import { PersonCard } from '../components/PersonCard';

export function Members({ team }: { team: TeamDetail }) {
  const members = [...team.members].sort((a, b) => Number(b.is_contact_person) - Number(a.is_contact_person));
  const hidden = team.hidden_member_count;
  return (
    <section aria-labelledby="people-title" data-testid="members">
      <h2 id="people-title">{t('team.people')}</h2>
      {members.length > 0 ? (
        <ul class="face-grid">
          {members.map((m) => (
            <li key={m.person.id}><PersonCard person={m.person} role={m.role} contact={m.is_contact_person} /></li>
          ))}
        </ul>
      ) : hidden === 0 ? <p class="muted">{t('team.no_people')}</p> : null}
      {hidden > 0 && (
        <p class="hidden-count" data-testid="hidden-count">
          {members.length ? t('team.hidden_more', { n: hidden }) : t('team.hidden_only', { n: hidden })}
        </p>
      )}
    </section>
  );
}
