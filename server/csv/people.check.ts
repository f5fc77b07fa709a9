// Checks a people file: references (teams, topics), the never-public 06 rule, and per row
// the permission module's answer (an existing person: their employer edits them; a new one is
// employed by the organisation of their first team; memberships only in teams one edits).
// Builds the write plan.
import type { Kysely } from 'kysely';
import type { DB } from '../db/types';
import type { Audience } from '../domain/audience';
import type { ConsentField } from '../db/types';
import { may, ownersOf, teamsEditableBy } from '../domain/permissions';
import { type ImportRow, type RowError } from './csv.kind';
import { matchKeys } from './csv.keys';
import { existingKeys } from './csv.refs';
import { type MembershipCell, PEOPLE_FIELDS, PUBLISHABLE_FIELD } from './people.fields';

// 'publiek' is not a stored level: it means "professionals, and published to residents"
// (a dated consent of the person, see server/people/people.visibility.ts).
const LEVEL_VALUE: Record<string, string> = { publiek: 'professionals', professionals: 'professionals', team: 'team' };
const CONSENT_OF: Record<string, 'phone_work' | 'email_work'> = { telefoon_werk_zichtbaarheid: 'phone_work', email_werk_zichtbaarheid: 'email_work' };
const MOBILE = /^(\+31|0031|0)[\s-]*6/;

export interface PeoplePlan {
  inserts: Array<Record<string, unknown>>;
  updates: Array<Record<string, unknown>>;
  links: Array<{ key: string; id?: string; topics?: string[]; teams?: Array<Omit<MembershipCell, 'team'> & { team_id: string }>;
    /** Published to residents or not, per consent field the file states a level for. */
    consents?: Partial<Record<ConsentField, boolean>> }>;
  /** Teams whose memberships this file may change (null: all, for an admin). */
  scopeTeams: string[] | null;
}

export async function checkPeople(db: Kysely<DB>, audience: Audience, rows: ImportRow[], headers: Set<string>) {
  const errors: RowError[] = [];
  const [existing, teams, topics] = await Promise.all([
    matchKeys(db, 'people', rows.map((r) => r.key)),
    matchKeys(db, 'teams', rows.flatMap((r) => (r.values.teams ?? []).map((m: MembershipCell) => m.team))),
    existingKeys(db, 'topics', rows.flatMap((r) => r.values.onderwerpen ?? [])),
  ]);
  const editable = teamsEditableBy(audience);
  const scopeTeams = editable === null ? null : [...editable];
  const [people, teamOwners] = await Promise.all([ownersOf(db, 'person', [...existing.values()]), ownersOf(db, 'team', [...teams.values()])]);
  const employers = await ownersOf(db, 'organisation', [...teamOwners.values()].flatMap((t) => (t.organisationId ? [t.organisationId] : [])));
  const soleOrganisation = audience.kind === 'editor' && audience.organisationIds.length === 1 ? audience.organisationIds[0]! : null;
  const plan: PeoplePlan = { inserts: [], updates: [], links: [], scopeTeams };
  for (const r of rows) {
    const err = (column: string, message: string) => errors.push({ row: r.row, column, message });
    const id = existing.get(r.key);
    const v = r.values;
    // a new person is employed by the organisation of their first team (else the editor's own)
    const firstTeam = ((v.teams ?? []) as MembershipCell[]).map((m) => teamOwners.get(teams.get(m.team) ?? ''))[0];
    const employer = id ? undefined : firstTeam?.organisationId ?? soleOrganisation;
    const allowed = id ? may(audience, 'edit', people.get(id)!)
      : employer ? may(audience, 'employ', employers.get(employer) ?? { kind: 'organisation', id: employer, archived: false, organisationId: employer })
        : audience.kind === 'admin';
    if (!allowed) { err('extern_id', 'u mag deze persoon niet wijzigen (niet in dienst van uw organisatie)'); continue; }
    if (v.telefoon_mobiel_zichtbaarheid === 'publiek') err('telefoon_mobiel_zichtbaarheid', 'een 06-nummer is nooit openbaar: kies professionals of team');
    if (v.telefoon_werk_zichtbaarheid === 'publiek' && v.telefoon_werk && MOBILE.test(v.telefoon_werk)) err('telefoon_werk', 'een 06-nummer is nooit openbaar: zet het bij telefoon_mobiel');
    for (const k of v.onderwerpen ?? []) if (!topics.has(k)) err('onderwerpen', `onderwerp ${k} bestaat niet`);
    const memberships = [];
    for (const m of (v.teams ?? []) as MembershipCell[]) {
      const teamId = teams.get(m.team);
      if (!teamId) { err('teams', `team ${m.team} bestaat niet (importeer eerst teams.csv)`); continue; }
      if (!may(audience, 'add_member', teamOwners.get(teamId)!)) { err('teams', `u mag geen leden toevoegen aan team ${m.team}`); continue; }
      memberships.push({ team_id: teamId, role: m.role, contact: m.contact, since: m.since });
    }
    const values: Record<string, unknown> = {};
    const consents: Partial<Record<ConsentField, boolean>> = {};
    if (headers.has('openbaar')) {
      const published = new Set((v.openbaar ?? []) as string[]);
      for (const [cell, field] of Object.entries(PUBLISHABLE_FIELD)) consents[field] = published.has(cell);
    }
    for (const f of PEOPLE_FIELDS) {
      if (!headers.has(f.header)) continue;
      const raw = v[f.header];
      values[f.column] = f.level ? (raw ? LEVEL_VALUE[raw] : id ? null : 'professionals') : raw;
      const consent = CONSENT_OF[f.header];
      if (consent && raw) consents[consent] = raw === 'publiek';
    }
    if (id) plan.updates.push({ id, ...values }); else plan.inserts.push({ external_id: r.key, organisation_id: employer ?? null, ...values });
    plan.links.push({ key: r.key, id, topics: v.onderwerpen, teams: headers.has('teams') ? memberships : undefined, consents });
  }
  return { errors, plan };
}
