// "Nieuw in de wijk" on a face. The server decides who is new (domain/newness.ts) and sends
// `new_in_wijk` only to signed-in viewers; a resident's person never carries it.
import type { Person, PersonCard } from '../api/client';
import { t } from '../i18n/i18n';

export const isNew = (person: Person | PersonCard): boolean => person.shown_to === 'professionals' && person.new_in_wijk;

/** The mark as a pill (cards) or inline text (compact rows); nothing for a person who is not new. */
export function NewMark({ show, inline = false }: { show: boolean; inline?: boolean }) {
  if (!show) return null;
  return inline
    ? <span class="pill pill--new pill--inline" data-testid="new-mark">{t('person.new')}</span>
    : <p class="pill pill--new" data-testid="new-mark">{t('person.new')}</p>;
}
