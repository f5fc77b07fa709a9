// "Bewerken" links on the team and person pages: shown by the `may` flags the API sends with
// each record for the signed-in caller (server/domain/permissions.ts decides; the web app never
// re-derives who may edit what). Kept free of zod: these live in the main bundle.
import { t } from '../i18n/i18n';

export type May = Partial<Record<string, boolean>> | undefined;

/** What the server says the caller may do with a record (absent for residents: nothing). */
export const mayDo = (may: May, action: string): boolean => may?.[action] === true;

export function TeamEditLink({ team }: { team: { id: string; name: string; may?: May } }) {
  if (!mayDo(team.may, 'edit')) return null;
  return <p class="edit-link"><a class="button-secondary" href={`/teams/${team.id}/bewerken`}>{t('edit.link')}<span class="sr-only"> {team.name}</span></a></p>;
}

export function PersonEditLink({ person, may }: { person: { id: string; name: string }; may: May }) {
  if (!mayDo(may, 'edit')) return null;
  return <p class="edit-link"><a class="button-secondary" href={`/mensen/${person.id}/bewerken`}>{t('edit.link')}<span class="sr-only"> {person.name}</span></a></p>;
}
