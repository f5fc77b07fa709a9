// One team in the pack: what they do, when to call and how, and its faces, each with an
// "Ontmoet" toggle (aria-pressed) and a "nieuw in de wijk" mark.
import { getLang, t } from '../i18n/i18n';
import { accessText, Email, Phone } from '../components/contact';
import { PersonCard } from '../components/PersonCard';
import type { Taxonomy } from '../components/taxonomy';
import type { PackMember, PackTeam } from './api';

function MetToggle({ member, busy, onToggle }: { member: PackMember; busy: boolean; onToggle: (m: PackMember) => void }) {
  return (
    <button type="button" class={member.met ? 'met-toggle met-toggle--on' : 'met-toggle'} aria-pressed={member.met}
      aria-label={t('onb.met_label', { name: member.person.name })} disabled={busy} onClick={() => onToggle(member)}>
      <span aria-hidden="true">{member.met ? '✓ ' : ''}</span>{t('onb.met')}
    </button>
  );
}

export function PackTeamSection({ team, tax, busy, onToggle }: { team: PackTeam; tax: Taxonomy; busy: ReadonlySet<string>; onToggle: (m: PackMember) => void }) {
  const when = team.when_to_call ? team.when_to_call[getLang()] : null;
  return (
    <section class="pack-team" aria-labelledby={`team-${team.id}`} data-testid="pack-team" data-team-type={team.team_type}>
      <h3 id={`team-${team.id}`}><a href={`/teams/${team.id}`}>{team.name}</a></h3>
      <p class="pack-team__type">
        {tax.type(team.team_type)} · {team.organisation.name}
        {team.priority && <> <span class="pill">{t('onb.priority')}</span></>}
      </p>
      {team.description && <p>{team.description}</p>}
      {when && <p><strong>{t('onb.when_to_call')}</strong> {when}</p>}
      <p>
        <strong>{t('onb.how')}</strong> {accessText(team.access)}
        {team.public_phone && <> · <Phone number={team.public_phone} /></>}
        {team.public_email && <> · <Email address={team.public_email} /></>}
      </p>
      {team.walk_in_hours && <p><strong>{t('onb.walk_in')}</strong> {team.walk_in_hours}</p>}
      {team.members.length === 0 && <p class="hint">{t('onb.no_members')}</p>}
      <ul class="card-list card-list--grid">
        {team.members.map((m) => (
          <li key={m.person.id} class="pack-member">
            <PersonCard person={m.person} role={m.role} contact={m.is_contact_person} fresh={m.new_in_wijk} />
            <MetToggle member={m} busy={busy.has(m.person.id)} onToggle={onToggle} />
          </li>
        ))}
      </ul>
      {team.hidden_member_count > 0 && <p class="hint">{t('onb.hidden', { n: team.hidden_member_count })}</p>}
    </section>
  );
}
