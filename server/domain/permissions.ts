// THE permission module: "may this audience do this action on this record?" for every kind
// of record, answered here and nowhere else (routes, CSV import, history, review, invitations,
// photos, and the `may` flags the web app shows its controls by). Routes ask it through
// server/http/authorise.ts, which turns a "no" into 401/403/404.
//
// Ownership (domain.md "Ownership"):
// - an organisation owns its teams and its locations and employs its people;
// - a membership belongs to the team's organisation: the team's editors set its role, contact
//   mark and end date, never the person's own record;
// - a person's own record (name, contact fields, photo, consents, account, invitations) is
//   edited by the person themself and by their employer (its editors); nobody else but admins;
// - a shared location is owned by one organisation: others may link a team to it, never edit it;
// - a membership asked for by a team of another organisation is `requested` until the person's
//   employer (or the person) accepts it; a requested membership grants nothing.
// - a pathway (verwijsroute) belongs to the installation: only admins edit, verify or archive it
//   (the wording of steps is not yet delegated to the editors of the teams a step names).
// Professionals edit nothing but their own record; residents nothing at all.
//
// Why hand-written rather than @casl/ability: every rule here hangs on relations that live in
// the database (who employs this person, which teams of the employer they work in, who owns a
// location), so each check loads an owner first either way; CASL would then only compare ids we
// already hold, while adding a second vocabulary (subjects, conditions, field rules) that reviewers
// must learn to audit trust. A closed union of owners and one switch per kind is checked by the
// compiler (a new kind or action cannot be forgotten) and reads as the rule itself. The web app
// gets the result, not the rules: the API answers `may: {…}` per record, computed here.
import { type Expression, type ExpressionBuilder, type Kysely, sql, type SqlBool } from 'kysely';
import type { DB } from '../db/types';
import type { Audience } from './audience';
import { isCurrentMembership } from './membership';

export type RecordKind = 'organisation' | 'team' | 'location' | 'person' | 'membership' | 'pathway';

/** The person as their ownership needs it: employer, and the employer's teams they work in now. */
export interface PersonOwner {
  kind: 'person'; id: string; archived: boolean;
  /** The employing organisation (null only for old rows that never had a team: admins and the person only). */
  organisationId: string | null;
  /** Teams of the employer the person works in now (for editors scoped to one team). */
  employerTeamIds: readonly string[];
  photoConsent: boolean;
}

export type Owner =
  | { kind: 'organisation'; id: string; archived: boolean; organisationId: string }
  | { kind: 'team'; id: string; archived: boolean; organisationId: string }
  | { kind: 'location'; id: string; archived: boolean; organisationId: string | null;
      /** Teams of the owning organisation linked to it (for editors scoped to one team). */
      ownerTeamIds: readonly string[] }
  | PersonOwner
  | { kind: 'membership'; id: string; archived: false; teamId: string; organisationId: string;
      status: 'requested' | 'current'; person: PersonOwner }
  /** The installation's: no organisation owns it. */
  | { kind: 'pathway'; id: string; archived: boolean; organisationId: null };

export type Action =
  | 'edit' | 'verify' | 'archive' | 'history'
  /** organisation: create a team or location in it, take on a new person (their employer); team: ask for/add a member */
  | 'create_team' | 'create_location' | 'employ' | 'add_member'
  /** membership */
  | 'end' | 'accept'
  /** person: invite an account linked to them; remove a photo; upload one (needs their consent) */
  | 'invite' | 'photo' | 'upload_photo';

// ---- who the audience is to a record -------------------------------------------------------

const isAdmin = (a: Audience) => a.kind === 'admin';
const editsOrganisation = (a: Audience, organisationId: string | null) =>
  a.kind === 'editor' && organisationId !== null && (a.editableOrganisationIds ?? []).includes(organisationId);
/** An editor's teams: scoped teams and every team of a scoped organisation. */
const editsTeam = (a: Audience, teamId: string) => a.kind === 'editor' && (a.editableTeamIds ?? []).includes(teamId);
const isSelf = (a: Audience, personId: string) => a.kind !== 'anonymous' && a.personId === personId;

/** The person's employer speaks: an admin, an editor of the employing organisation, or of an employer's team they work in. */
function speaksForEmployer(a: Audience, p: PersonOwner): boolean {
  return isAdmin(a) || editsOrganisation(a, p.organisationId) || p.employerTeamIds.some((t) => editsTeam(a, t));
}

// ---- the rules -------------------------------------------------------------------------

/** May `audience` do `action` on the record `owner` describes? Unknown combinations: no. */
export function may(audience: Audience, action: Action, owner: Owner): boolean {
  // residents and the gemeente's analist (insight and public data only) change nothing
  if (audience.kind === 'anonymous' || audience.kind === 'analist') return false;
  switch (owner.kind) {
    case 'organisation':
      if (action === 'archive') return isAdmin(audience);
      // an editor of one of the organisation's teams may add an address for it too
      if (action === 'create_location' || action === 'employ') {
        return isAdmin(audience) || (audience.kind === 'editor' && audience.organisationIds.includes(owner.organisationId));
      }
      return ['edit', 'verify', 'history', 'create_team'].includes(action)
        && (isAdmin(audience) || editsOrganisation(audience, owner.organisationId));
    case 'team':
      return ['edit', 'verify', 'archive', 'history', 'add_member'].includes(action)
        && (isAdmin(audience) || editsTeam(audience, owner.id) || editsOrganisation(audience, owner.organisationId));
    case 'location':
      return ['edit', 'verify', 'archive', 'history'].includes(action)
        && (isAdmin(audience) || editsOrganisation(audience, owner.organisationId)
          || owner.ownerTeamIds.some((t) => editsTeam(audience, t)));
    case 'person':
      switch (action) {
        case 'edit': case 'verify': case 'photo': return isSelf(audience, owner.id) || speaksForEmployer(audience, owner);
        // the person themself may also give consent with the upload (the photo route's ?consent=1)
        case 'upload_photo': return (isSelf(audience, owner.id) || speaksForEmployer(audience, owner)) && owner.photoConsent;
        case 'archive': case 'history': case 'invite': return !isSelf(audience, owner.id) && speaksForEmployer(audience, owner);
        default: return false;
      }
    case 'membership':
      switch (action) {
        case 'edit': case 'end': case 'history': return isAdmin(audience) || editsTeam(audience, owner.teamId);
        case 'accept': return owner.status === 'requested' && (isSelf(audience, owner.person.id) || speaksForEmployer(audience, owner.person));
        default: return false;
      }
    case 'pathway':
      return ['edit', 'verify', 'archive', 'history'].includes(action) && isAdmin(audience);
  }
}

/**
 * May the audience see the gemeente's insight (coverage per buurt, counted usage)? The
 * analist and admins; residents, professionals and editors not. Insight holds figures and
 * public data only, never a person's field.
 */
export function mayViewInsight(audience: Audience): boolean {
  return audience.kind === 'analist' || audience.kind === 'admin';
}

/** The flags an answer carries for the caller (`may: {...}`), per kind. */
const FLAGS: Record<RecordKind, readonly Action[]> = {
  organisation: ['edit', 'verify', 'create_team'],
  team: ['edit', 'verify', 'archive', 'add_member'],
  location: ['edit', 'verify', 'archive'],
  person: ['edit', 'verify', 'archive', 'invite', 'photo', 'upload_photo'],
  membership: ['edit', 'end', 'accept'],
  pathway: ['edit', 'verify', 'archive'],
};
type MayFlags = Partial<Record<Action, boolean>>;

export function mayFlags(audience: Audience, owner: Owner): MayFlags {
  return Object.fromEntries(FLAGS[owner.kind].map((action) => [action, may(audience, action, owner)]));
}

// ---- owner lookups: one per kind, many ids at once, `db` first --------------------------------

type Db = Kysely<DB>;

async function organisationOwners(db: Db, ids: readonly string[]): Promise<Owner[]> {
  const rows = await db.selectFrom('organisations').select(['id', 'archived_at']).where('id', 'in', ids).execute();
  return rows.map((o) => ({ kind: 'organisation', id: o.id, archived: o.archived_at !== null, organisationId: o.id }));
}

async function teamOwners(db: Db, ids: readonly string[]): Promise<Owner[]> {
  const rows = await db.selectFrom('teams').select(['id', 'organisation_id', 'archived_at']).where('id', 'in', ids).execute();
  return rows.map((t) => ({ kind: 'team', id: t.id, archived: t.archived_at !== null, organisationId: t.organisation_id }));
}

async function locationOwners(db: Db, ids: readonly string[]): Promise<Owner[]> {
  const [rows, links] = await Promise.all([
    db.selectFrom('locations').select(['id', 'organisation_id', 'archived_at']).where('id', 'in', ids).execute(),
    db.selectFrom('team_locations as tl').innerJoin('teams as t', 't.id', 'tl.team_id').innerJoin('locations as l', 'l.id', 'tl.location_id')
      .whereRef('t.organisation_id', '=', 'l.organisation_id').where('tl.location_id', 'in', ids).select(['tl.location_id', 'tl.team_id']).execute(),
  ]);
  return rows.map((l) => ({ kind: 'location', id: l.id, archived: l.archived_at !== null, organisationId: l.organisation_id,
    ownerTeamIds: links.filter((k) => k.location_id === l.id).map((k) => k.team_id) }));
}

async function personOwners(db: Db, ids: readonly string[]): Promise<PersonOwner[]> {
  const [rows, teams] = await Promise.all([
    db.selectFrom('people').select(['id', 'organisation_id', 'archived_at', 'photo_consent']).where('id', 'in', ids).execute(),
    db.selectFrom('memberships as m').innerJoin('teams as t', 't.id', 'm.team_id').innerJoin('people as p', 'p.id', 'm.person_id')
      .whereRef('t.organisation_id', '=', 'p.organisation_id').where('m.person_id', 'in', ids).where(isCurrentMembership('m'))
      .select(['m.person_id', 'm.team_id']).execute(),
  ]);
  return rows.map((p) => ({ kind: 'person', id: p.id, archived: p.archived_at !== null, organisationId: p.organisation_id,
    photoConsent: p.photo_consent, employerTeamIds: teams.filter((t) => t.person_id === p.id).map((t) => t.team_id) }));
}

async function membershipOwners(db: Db, ids: readonly string[]): Promise<Owner[]> {
  const rows = await db.selectFrom('memberships as m').innerJoin('teams as t', 't.id', 'm.team_id')
    .select(['m.id', 'm.team_id', 'm.person_id', 'm.status', 't.organisation_id']).where('m.id', 'in', ids).execute();
  const people = new Map((await personOwners(db, [...new Set(rows.map((r) => r.person_id))])).map((p) => [p.id, p]));
  return rows.map((m) => ({ kind: 'membership', id: m.id, archived: false, teamId: m.team_id, organisationId: m.organisation_id,
    status: m.status, person: people.get(m.person_id)! }));
}

async function pathwayOwners(db: Db, ids: readonly string[]): Promise<Owner[]> {
  const rows = await db.selectFrom('pathways').select(['id', 'archived_at']).where('id', 'in', ids).execute();
  return rows.map((p) => ({ kind: 'pathway', id: p.id, archived: p.archived_at !== null, organisationId: null }));
}

const LOOKUP: Record<RecordKind, (db: Db, ids: readonly string[]) => Promise<Owner[]>> = {
  organisation: organisationOwners, team: teamOwners, location: locationOwners, person: personOwners, membership: membershipOwners,
  pathway: pathwayOwners,
};

/** The owners of many records of one kind, by id (absent ids are missing from the map). */
export async function ownersOf(db: Db, kind: RecordKind, ids: readonly string[]): Promise<Map<string, Owner>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  return new Map((await LOOKUP[kind](db, unique)).map((o) => [o.id, o]));
}

export async function ownerOf(db: Db, kind: RecordKind, id: string): Promise<Owner | undefined> {
  return (await ownersOf(db, kind, [id])).get(id);
}

/** The person's owner (typed), or undefined. */
export async function personOwner(db: Db, id: string): Promise<PersonOwner | undefined> {
  return (await personOwners(db, [id]))[0];
}

// ---- the same rules as SQL, for lists (review) -----------------------------------------------

/** SQL over `people as <alias>`: people whose own record this audience edits (not counting themself). */
export function peopleEditableBy(audience: Audience, alias = 'p') {
  return (eb: ExpressionBuilder<any, any>): Expression<SqlBool> => {
    if (audience.kind === 'admin') return sql<SqlBool>`true`;
    if (audience.kind !== 'editor') return sql<SqlBool>`false`;
    const orgs = audience.editableOrganisationIds ?? [];
    const teams = audience.editableTeamIds ?? [];
    const org = sql.ref(`${alias}.organisation_id`);
    const byOrg = orgs.length ? sql<SqlBool>`${org} in (${sql.join(orgs)})` : sql<SqlBool>`false`;
    const byTeam = teams.length
      ? eb.exists(eb.selectFrom('memberships as em').innerJoin('teams as et', 'et.id', 'em.team_id').select('em.id')
        .whereRef('em.person_id', '=', `${alias}.id`).whereRef('et.organisation_id', '=', `${alias}.organisation_id`)
        .where('em.team_id', 'in', teams).where(isCurrentMembership('em')))
      : sql<SqlBool>`false`;
    return eb.or([byOrg, byTeam]);
  };
}

/** The team ids this audience edits (null: every team, for admins). */
export function teamsEditableBy(audience: Audience): readonly string[] | null {
  if (audience.kind === 'admin') return null;
  if (audience.kind !== 'editor') return [];
  return audience.editableTeamIds ?? [];
}
