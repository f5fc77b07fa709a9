import { t } from '../i18n/i18n';

/** tel: href from a Dutch number as written ("020 - 123 45 67" → "tel:0201234567"). */
function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}

export function Phone({ number, label }: { number: string; label?: string }) {
  return (
    <a class="phone" href={telHref(number)}>
      {label ? <span class="sr-only">{label} </span> : null}
      {number}
    </a>
  );
}

export function Email({ address }: { address: string }) {
  return <a href={`mailto:${address}`}>{address}</a>;
}

type AccessRoute = 'walk_in' | 'self_referral' | 'gp_referral' | 'district_team_referral' | 'municipal_decision';

/** The access route in plain words (B1), e.g. "zelf binnenlopen, zonder afspraak". */
export function accessText(access: string): string {
  return t(`access.${access}`);
}
