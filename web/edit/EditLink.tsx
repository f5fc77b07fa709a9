// "Bewerken" links on the team and person pages: only for accounts that may edit (the
// server checks every write anyway). Kept free of zod: these live in the main bundle.
import { useSession, type Me } from '../auth/session';
import { t } from '../i18n/i18n';

interface Scope { organisation_id: string | null; team_id: string | null }
const scopesOf = (me: Me): Scope[] => (Array.isArray(me.scopes) ? me.scopes as Scope[] : []);

export function mayEditTeam(me: Me | null | undefined, team: { id: string; organisation: { id: string } }): boolean {
  if (!me) return false;
  if (me.role === 'admin') return true;
  return me.role === 'editor' && scopesOf(me).some((s) => s.team_id === team.id || s.organisation_id === team.organisation.id);
}

/** Self, admin, or an editor with a scope (the server checks that the person works in it). */
export function mayEditPerson(me: Me | null | undefined, personId: string, teamIds: string[]): boolean {
  if (!me) return false;
  if (me.person_id === personId || me.role === 'admin') return true;
  return me.role === 'editor' && scopesOf(me).some((s) => s.organisation_id !== null || (s.team_id !== null && teamIds.includes(s.team_id)));
}

export function TeamEditLink({ team }: { team: { id: string; name: string; organisation: { id: string } } }) {
  const { me } = useSession();
  if (!mayEditTeam(me, team)) return null;
  return <p class="edit-link"><a class="button-secondary" href={`/teams/${team.id}/bewerken`}>{t('edit.link')}<span class="sr-only"> {team.name}</span></a></p>;
}

export function PersonEditLink({ person, teamIds }: { person: { id: string; name: string }; teamIds: string[] }) {
  const { me } = useSession();
  if (!mayEditPerson(me, person.id, teamIds)) return null;
  return <p class="edit-link"><a class="button-secondary" href={`/mensen/${person.id}/bewerken`}>{t('edit.link')}<span class="sr-only"> {person.name}</span></a></p>;
}
