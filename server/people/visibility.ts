// THE visibility rule of domain.md, in one place. Every query that returns people builds
// its column list and row filter here, from the audience; nothing else decides what of a
// person may be shown. Fields an audience may not see are not selected at all.
import { type Expression, type ExpressionBuilder, type Kysely, type SelectQueryBuilder, type SqlBool, sql } from 'kysely';
import { z } from 'zod';
import type { Audience } from '../http/audience';
import type { DB } from '../db/types';

type PeopleEb = ExpressionBuilder<DB & { p: DB['people'] }, 'p'>;

/** Rows the audience may see at all: residents see only people who opted in. */
export function personRowFilter(audience: Audience) {
  return (eb: PeopleEb): Expression<SqlBool> =>
    audience.kind === 'anonymous'
      ? eb.and([eb('p.public_profile', '=', true), eb('p.archived_at', 'is', null)])
      : eb('p.archived_at', 'is', null);
}

/** SQL: does the audience see this person's 'team'-level fields? */
function teamLevel(audience: Audience, eb: PeopleEb): Expression<SqlBool> {
  if (audience.kind === 'admin') return sql<SqlBool>`true`;
  if (audience.kind === 'anonymous') return sql<SqlBool>`false`;
  const teams = [...audience.teamIds];
  const orgs = audience.kind === 'editor' ? [...audience.organisationIds] : [];
  const sameTeam = teams.length
    ? eb.exists(eb.selectFrom('memberships as vm').select('vm.id')
        .whereRef('vm.person_id', '=', 'p.id').where('vm.team_id', 'in', teams).where('vm.until', 'is', null))
    : sql<SqlBool>`false`;
  const ownOrg = orgs.length
    ? eb.exists(eb.selectFrom('memberships as om').innerJoin('teams as ot', 'ot.id', 'om.team_id').select('om.id')
        .whereRef('om.person_id', '=', 'p.id').where('ot.organisation_id', 'in', orgs))
    : sql<SqlBool>`false`;
  return audience.personId
    ? eb.or([eb('p.id', '=', audience.personId), sameTeam, ownOrg])
    : eb.or([sameTeam, ownOrg]);
}

/** A contact field's value if its visibility level admits the audience, else nothing. */
function contact(audience: Audience, eb: PeopleEb, field: 'phone_mobile' | 'phone_work' | 'email_work') {
  const level = sql.ref<string>(`p.${field}_visibility`);
  const value = sql.ref<string | null>(`p.${field}`);
  if (audience.kind === 'anonymous') return sql<string | null>`case when ${level} = 'public' then ${value} end`;
  return sql<string | null>`case when ${level} in ('public', 'professionals') or ${teamLevel(audience, eb)} then ${value} end`;
}

/** The columns of a person the audience may see, as a Kysely select list. */
export function personColumns(audience: Audience) {
  return (eb: PeopleEb) => {
    const base = [
      'p.id', 'p.given_name', 'p.family_name', 'p.pronouns', 'p.job_title', 'p.ask_me_about', 'p.languages',
      sql<string | null>`case when p.photo_consent then p.photo_url end`.as('photo_url'),
      'p.public_profile', 'p.last_verified_at', 'p.updated_at',
    ] as const;
    if (audience.kind === 'anonymous') {
      return [...base, contact(audience, eb, 'phone_work').as('phone_work'), contact(audience, eb, 'email_work').as('email_work')];
    }
    const team = teamLevel(audience, eb);
    return [
      ...base,
      'p.working_days', 'p.version',
      contact(audience, eb, 'phone_mobile').as('phone_mobile'),
      contact(audience, eb, 'phone_work').as('phone_work'),
      contact(audience, eb, 'email_work').as('email_work'),
      sql<string | null>`case when ${team} then p.availability_note end`.as('availability_note'),
      sql<string | null>`case when ${team} then p.private_notes end`.as('private_notes'),
    ];
  };
}

/** A person row as selected for some audience; fields it may not see are absent. */
export interface VisibleRow {
  id: string; given_name: string; family_name: string; pronouns: string | null; job_title: string;
  ask_me_about: string; languages: string[]; photo_url: string | null; public_profile: boolean;
  last_verified_at: string | null; updated_at: string; phone_work: string | null; email_work: string | null;
  working_days?: string[]; version?: number; phone_mobile?: string | null;
  availability_note?: string | null; private_notes?: string | null;
}

/** Selects people as the audience may see them (add joins, filters and paging after). */
export function selectVisiblePeople(db: Kysely<DB>, audience: Audience) {
  return db.selectFrom('people as p').where(personRowFilter(audience))
    .select(personColumns(audience) as never) as unknown as SelectQueryBuilder<DB & { p: DB['people'] }, 'p', VisibleRow>;
}

// Response schemas per audience: the public one is strict, so a field that slipped past
// the query would fail serialisation (a 500) instead of reaching a resident.
const personCore = {
  id: z.string(), given_name: z.string(), family_name: z.string(), name: z.string(), initials: z.string(),
  pronouns: z.string().nullable(), job_title: z.string(), ask_me_about: z.string(), languages: z.array(z.string()),
  photo_url: z.string().nullable(), public_profile: z.boolean(), last_verified_at: z.string().nullable(),
  updated_at: z.string(), topics: z.array(z.string()),
  phone_work: z.string().nullable(), email_work: z.string().nullable(),
};
export const PublicPerson = z.strictObject(personCore);
export const ProfessionalPerson = z.strictObject({
  ...personCore,
  working_days: z.array(z.string()), version: z.number().int(),
  phone_mobile: z.string().nullable(), availability_note: z.string().nullable(), private_notes: z.string().nullable(),
});
export const VisiblePerson = z.union([PublicPerson, ProfessionalPerson]);
export type VisiblePerson = z.infer<typeof VisiblePerson>;

export function personSchemaFor(audience: Audience) {
  return audience.kind === 'anonymous' ? PublicPerson : ProfessionalPerson;
}

/** Adds display fields derived from visible columns only. */
export function withDisplayName<T extends { given_name: string; family_name: string }>(row: T) {
  const initials = `${row.given_name[0] ?? ''}${lastNameInitial(row.family_name)}`.toUpperCase();
  return { ...row, name: `${row.given_name} ${row.family_name}`, initials };
}

// Dutch surnames with a tussenvoegsel ("van der Berg") take the initial of the main part.
function lastNameInitial(family: string): string {
  const parts = family.trim().split(/\s+/);
  return parts[parts.length - 1]?.[0] ?? '';
}
