// A team in a list: badge, name (link to the team page), type, organisation, how to get
// in, public phone and walk-in hours. Used by the map list, topic and area pages.
import type { ComponentChildren } from 'preact';
import { t } from '../i18n/i18n';
import { accessText, Phone } from './contact';
import { TypeBadge } from './TypeBadge';
import type { Taxonomy } from './taxonomy';

interface CardTeam {
  id: string; name: string; team_type: string; organisation: { name: string };
  access: string; public_phone: string | null; walk_in_hours?: string | null;
  locations?: Array<{ address: string }>;
}

interface Props {
  team: CardTeam; tax: Taxonomy; headingLevel?: 2 | 3 | 4; selected?: boolean;
  href?: string; onSelect?: () => void; children?: ComponentChildren;
}

export function TeamCard({ team, tax, headingLevel = 3, selected, href, onSelect, children }: Props) {
  const H = `h${headingLevel}` as 'h3';
  const address = team.locations?.[0]?.address;
  return (
    <article class={selected ? 'team-card is-selected' : 'team-card'} data-team-id={team.id} aria-current={selected ? 'true' : undefined}>
      <div class="team-card__head">
        <TypeBadge type={team.team_type} category={tax.category(team.team_type)} />
        <div>
          <H class="team-card__title">
            <a href={href ?? `/teams/${team.id}`} onClick={onSelect ? (e) => { e.preventDefault(); onSelect(); } : undefined}>
              {team.name}
            </a>
          </H>
          <p class="team-card__meta">{tax.type(team.team_type)} · {team.organisation.name}</p>
          {tax.plain(team.team_type) && <p class="team-card__plain">{tax.plain(team.team_type)}</p>}
        </div>
      </div>
      <dl class="facts">
        <dt>{t('team.access')}</dt><dd>{accessText(team.access)}</dd>
        {team.public_phone && (<><dt>{t('team.phone')}</dt><dd><Phone number={team.public_phone} /></dd></>)}
        {team.walk_in_hours && (<><dt>{t('team.walk_in')}</dt><dd>{team.walk_in_hours}</dd></>)}
        {address && (<><dt>{t('team.address')}</dt><dd>{address}</dd></>)}
      </dl>
      {children}
    </article>
  );
}
