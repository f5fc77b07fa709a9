// A compact row of faces for the map's side panel: photo or initials, name, role, and the
// direct line when the viewer may see it (the server decides; this only shows what came).
import type { MemberCard } from '../api/client';
import { t } from '../i18n/i18n';
import { Avatar } from './Avatar';
import { Phone } from './contact';
import { showRole } from './PersonCard';
import { isNew, NewMark } from './NewMark';

// A team's whole members fit too: a card is a cut of the person.
export function FaceList({ members, hidden }: { members: readonly MemberCard[]; hidden: number }) {
  return (
    <>
      {members.length > 0 && (
        <ul class="face-list" data-testid="face-list">
          {members.map(({ person, role, is_contact_person }) => {
            const mobile = person.shown_to === 'professionals' ? person.phone_mobile : null;
            return (
              <li key={person.id} class="face-list__item">
                <Avatar name={person.name} initials={person.initials} photo={person.photo_url} size="sm" />
                <span class="face-list__text">
                  <span><a href={`/mensen/${person.id}`}>{person.name}</a><NewMark show={isNew(person)} inline /></span>
                  <span class="muted">{showRole(role, person.job_title) ? `${role} · ${person.job_title}` : person.job_title}
                    {is_contact_person ? ` · ${t('person.contact_person')}` : ''}</span>
                  {mobile && <Phone number={mobile} label={t('person.phone_mobile')} />}
                </span>
              </li>
            );
          })}
        </ul>
      )}
      {hidden > 0 && <p class="hint">{t(members.length ? 'team.hidden_more' : 'team.hidden_only', { n: hidden })}</p>}
    </>
  );
}
