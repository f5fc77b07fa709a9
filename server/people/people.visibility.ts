// THE visibility rule of domain.md, in one place. Every query that returns people builds
// its column list and row filter here, from the audience; nothing else decides what of a
// person may be shown. Fields an audience may not see are not selected at all.
//
//   resident (anonymous)  only people who opted in (public_profile): name and job title;
//                         photo, "vraag mij over" (+ topics), work phone and work e-mail each
//                         only with that person's active consent (person_consents).
//   any signed-in account everyone: photo (if a photo is allowed at all), job title,
//                         expertise, languages, contact fields at level 'professionals',
//                         and whether the person is new (domain/newness.ts, added by
//                         people.present.ts from one read for the whole answer).
//   analist               exactly as a resident (seesPublicOnly): public data only.
//   'team' level          private notes, availability, and contact fields at level 'team':
//                         members of the same current team, editors of an organisation the
//                         person currently works in, admins, and the person themself.
import { type Expression, type ExpressionBuilder, expressionBuilder, type Kysely, type SelectQueryBuilder, type SqlBool, sql } from 'kysely';
import { z } from 'zod';
import { type Audience, seesPublicOnly } from '../domain/audience';
import type { ConsentField, DB } from '../db/types';
import { isCurrentMembership } from '../domain/membership';
import { hiddenCutoff, staleCutoff, verifiedBasis } from '../domain/staleness';

type PeopleEb = ExpressionBuilder<DB & { p: DB['people'] }, 'p'>;

const CONSENT_FIELDS = ['photo', 'ask_me_about', 'phone_work', 'email_work'] as const satisfies readonly ConsentField[];

/**
 * Rows the audience may see at all: residents see only people who opted in and who are
 * not hidden for staleness (not verified for too long: domain/staleness.ts, cut-off from
 * the app's clock and config); professionals see those too, marked by `stale`.
 */
export function personRowFilter(audience: Audience) {
  return (eb: PeopleEb): Expression<SqlBool> =>
    seesPublicOnly(audience)
      ? eb.and([eb('p.public_profile', '=', true), eb('p.archived_at', 'is', null),
        sql<SqlBool>`${verifiedBasis('p')} >= ${hiddenCutoff().toISOString()}::timestamptz`])
      : eb('p.archived_at', 'is', null);
}

/** Staleness columns of person `p` (domain/staleness.ts): the same for every audience. */
function stalenessColumns() {
  const basis = verifiedBasis('p');
  return [
    sql<boolean>`${basis} < ${staleCutoff().toISOString()}::timestamptz`.as('stale'),
    sql<boolean>`${basis} < ${hiddenCutoff().toISOString()}::timestamptz`.as('hidden_from_residents'),
  ];
}

/** SQL: person `p` has an active (not withdrawn) consent to show `field` to residents. */
function consented(field: ConsentField): Expression<SqlBool> {
  return sql<SqlBool>`exists (select 1 from person_consents pc
    where pc.person_id = p.id and pc.field = ${field} and pc.withdrawn_at is null)`;
}

/**
 * SQL: may the audience see what person `p` can be asked about (ask_me_about and topics)?
 * Filters on topics must use it too, or a topic filter would reveal a hidden expertise.
 */
export function expertiseVisible(audience: Audience): Expression<SqlBool> {
  return seesPublicOnly(audience) ? consented('ask_me_about') : sql<SqlBool>`true`;
}

/** SQL: does the audience see person `p`'s 'team'-level fields? */
function teamLevel(audience: Audience, eb: PeopleEb): Expression<SqlBool> {
  if (audience.kind === 'admin') return sql<SqlBool>`true`;
  // the analist sees people as residents do (seesPublicOnly): never a 'team' field
  if (audience.kind === 'anonymous' || audience.kind === 'analist') return sql<SqlBool>`false`;
  // teamIds are the viewer's current teams (sign-in fills them); p must be in one now too.
  const teams = [...audience.teamIds];
  const orgs = audience.kind === 'editor' ? [...audience.organisationIds] : [];
  const sameTeam = teams.length
    ? eb.exists(eb.selectFrom('memberships as vm').select('vm.id')
        .whereRef('vm.person_id', '=', 'p.id').where('vm.team_id', 'in', teams).where(isCurrentMembership('vm')))
    : sql<SqlBool>`false`;
  // An editor sees the notes of people working in their organisation now, not of those who left.
  const ownOrg = orgs.length
    ? eb.exists(eb.selectFrom('memberships as om').innerJoin('teams as ot', 'ot.id', 'om.team_id').select('om.id')
        .whereRef('om.person_id', '=', 'p.id').where('ot.organisation_id', 'in', orgs)
        .where('ot.archived_at', 'is', null).where(isCurrentMembership('om')))
    : sql<SqlBool>`false`;
  return audience.personId
    ? eb.or([eb('p.id', '=', audience.personId), sameTeam, ownOrg])
    : eb.or([sameTeam, ownOrg]);
}

const TOPICS = sql<string[]>`array(select pt.topic_key from person_topics pt where pt.person_id = p.id order by pt.topic_key)`;
const IDENTITY = ['p.id', 'p.given_name', 'p.family_name', 'p.pronouns', 'p.job_title', 'p.public_profile', 'p.last_verified_at', 'p.updated_at'] as const;

/** Columns a resident may see: identity, and each consent field only when consented. */
function publicColumns() {
  const ask = consented('ask_me_about');
  return [
    ...IDENTITY, ...stalenessColumns(), sql<'public'>`'public'`.as('shown_to'),
    sql<string | null>`case when p.photo_consent and ${consented('photo')} then p.photo_url end`.as('photo_url'),
    sql<string | null>`case when ${ask} then p.ask_me_about end`.as('ask_me_about'),
    sql<string[]>`case when ${ask} then ${TOPICS} else '{}'::text[] end`.as('topics'),
    sql<string | null>`case when ${consented('phone_work')} then p.phone_work end`.as('phone_work'),
    sql<string | null>`case when ${consented('email_work')} then p.email_work end`.as('email_work'),
  ];
}

// What a signed-in answer needs per person twice or more (the 'team'-level check, for five
// fields; the published fields, for two more and as a column) is worked out once per row in
// a lateral subquery `v`. Written inline per field, PostgreSQL planned and ran the same
// EXISTS subqueries five times over, which was most of what a signed-in select cost above a
// resident's. OFFSET 0 keeps the planner from pulling `v` up into the select list again.
const PUBLISHED = sql<ConsentField[]>`array(select pc.field from person_consents pc
  where pc.person_id = p.id and pc.withdrawn_at is null order by pc.field)`;

function perPersonChecks(audience: Audience) {
  const eb = expressionBuilder<DB & { p: DB['people'] }, 'p'>();
  return sql`lateral (select ${teamLevel(audience, eb)} as team, ${PUBLISHED} as published offset 0)`.as('v');
}

/** Columns a signed-in audience may see (of `p` and its checks `v`); contact fields by level (or a public consent). */
function professionalColumns() {
  const contact = (field: 'phone_mobile' | 'phone_work' | 'email_work') => {
    const level = sql.ref<string>(`p.${field}_visibility`);
    const value = sql.ref<string | null>(`p.${field}`);
    // What residents may see is no secret to professionals (never true for a 06 number).
    const published = field === 'phone_mobile' ? sql<SqlBool>`false` : sql<SqlBool>`${field}::text = any(v.published)`;
    return sql<string | null>`case when ${level} = 'professionals' or ${published} or v.team then ${value} end`.as(field);
  };
  return [
    ...IDENTITY, ...stalenessColumns(), sql<'professionals'>`'professionals'`.as('shown_to'),
    sql<string | null>`case when p.photo_consent then p.photo_url end`.as('photo_url'),
    'p.ask_me_about', TOPICS.as('topics'), 'p.languages', 'p.working_days', 'p.version',
    contact('phone_mobile'), contact('phone_work'), contact('email_work'),
    sql<string | null>`case when v.team then p.availability_note end`.as('availability_note'),
    sql<string | null>`case when v.team then p.private_notes end`.as('private_notes'),
    sql<ConsentField[]>`v.published`.as('public_fields'),
  ];
}

/** A person row as selected for some audience (checked against the strict schema after). */
interface VisibleRow { id: string; given_name: string; family_name: string; [field: string]: unknown }

/** Selects people as the audience may see them (add filters after). Use presentPeople to shape them. */
export function selectVisiblePeople(db: Kysely<DB>, audience: Audience) {
  const rows = db.selectFrom('people as p').where(personRowFilter(audience));
  const query = seesPublicOnly(audience)
    ? rows.select(publicColumns() as never)
    : (rows.innerJoin(perPersonChecks(audience) as never, (join) => join.onTrue()) as unknown as typeof rows).select(professionalColumns() as never);
  return query as unknown as SelectQueryBuilder<DB & { p: DB['people'] }, 'p', VisibleRow>;
}

// Response schemas per audience, both strict and told apart by `shown_to`: a person shaped
// for residents that carries any field more fails serialisation (a 500, nothing sent)
// instead of reaching a resident. Every route that returns people uses `Person`.
const identity = {
  id: z.string(), given_name: z.string(), family_name: z.string(), name: z.string(), initials: z.string(),
  pronouns: z.string().nullable(), job_title: z.string(), public_profile: z.boolean(),
  last_verified_at: z.string().nullable(), updated_at: z.string(),
  stale: z.boolean().describe('Not verified for STALE_AFTER_MONTHS'),
  hidden_from_residents: z.boolean().describe('Hidden from residents for staleness; professionals still see it'),
};
const ConsentFieldSchema = z.enum(CONSENT_FIELDS);
const PublicPerson = z.strictObject({
  shown_to: z.literal('public').describe('Shaped for residents: only what this person published'),
  ...identity,
  photo_url: z.string().nullable(), ask_me_about: z.string().nullable(), topics: z.array(z.string()),
  phone_work: z.string().nullable(), email_work: z.string().nullable(),
});
const ProfessionalPerson = z.strictObject({
  shown_to: z.literal('professionals').describe('Shaped for a signed-in audience'),
  ...identity,
  photo_url: z.string().nullable(), ask_me_about: z.string(), topics: z.array(z.string()),
  languages: z.array(z.string()), working_days: z.array(z.string()), version: z.number().int(),
  phone_mobile: z.string().nullable(), phone_work: z.string().nullable(), email_work: z.string().nullable(),
  availability_note: z.string().nullable(), private_notes: z.string().nullable(),
  public_fields: z.array(ConsentFieldSchema).describe('Fields this person published to residents'),
  new_in_wijk: z.boolean().describe('"Nieuw in de wijk": first membership began within NEW_IN_WIJK_WEEKS weeks (domain/newness.ts)'),
});
export const Person = z.discriminatedUnion('shown_to', [PublicPerson, ProfessionalPerson]);
export type Person = z.infer<typeof Person>;

// A person in a long list ("wie werkt hier": a buurt's teams and everyone in them): what a
// row of faces shows and the lines to call, cut from the person as shaped above (so never
// more than the audience may see), strict as they are. The rest is one click away on
// /api/people/{id}. A professional's list of a buurt holds ten times the people a resident's
// does: at the full shape that answer was 137 kB, as cards 74 kB.
const CARD = { shown_to: true, id: true, name: true, initials: true, job_title: true, photo_url: true, phone_work: true, email_work: true } as const;
const PublicCard = PublicPerson.pick(CARD);
const ProfessionalCard = ProfessionalPerson.pick({ ...CARD, phone_mobile: true, availability_note: true, stale: true, new_in_wijk: true });
export const PersonCard = z.discriminatedUnion('shown_to', [PublicCard, ProfessionalCard]);
export type PersonCard = z.infer<typeof PersonCard>;

const CARD_KEYS = { public: Object.keys(PublicCard.shape), professionals: Object.keys(ProfessionalCard.shape) };
const cards = new WeakMap<Person, PersonCard>();
/** The card of a shaped person; the same object for the same (cached, frozen) person. */
export function cardOf(person: Person): PersonCard {
  let card = cards.get(person);
  if (!card) {
    const keys = CARD_KEYS[person.shown_to];
    card = Object.freeze(Object.fromEntries(keys.map((k) => [k, person[k as keyof Person]]))) as PersonCard;
    cards.set(person, card);
  }
  return card;
}

export function personSchemaFor(audience: Audience) {
  return seesPublicOnly(audience) ? PublicPerson : ProfessionalPerson;
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

/**
 * The whole stored record of a person, for that person alone (Mijn gegevens, AVG inzage):
 * every column, levels and team-level notes included. Callers pass the signed-in
 * audience's own personId, never an id from a request.
 */
export async function ownPersonRecord(db: Kysely<DB>, audience: Audience) {
  if (audience.kind === 'anonymous' || !audience.personId) return undefined;
  return db.selectFrom('people as p').selectAll('p').select(TOPICS.as('topics'))
    .where('p.id', '=', audience.personId).executeTakeFirst();
}

/** Fields of a person at 'team' level (or possibly so): shown only to audiences teamLevel admits. */
export const TEAM_LEVEL_FIELDS = ['private_notes', 'availability_note', 'phone_mobile', 'phone_work', 'email_work'] as const;

/** Does the audience see person `personId`'s 'team'-level fields? (e.g. in their change history) */
export async function seesTeamLevelFields(db: Kysely<DB>, audience: Audience, personId: string): Promise<boolean> {
  return (await teamLevelAmong(db, audience, [personId])).has(personId);
}

/** Which of `ids` the audience sees at 'team' level (teamLevel above, for many people in one read). */
export async function teamLevelAmong(db: Kysely<DB>, audience: Audience, ids: readonly string[]): Promise<Set<string>> {
  if (seesPublicOnly(audience) || ids.length === 0) return new Set();
  const rows = await db.selectFrom('people as p').select('p.id').where(sql<SqlBool>`p.id = any(${[...ids]}::uuid[])`)
    .where((eb) => teamLevel(audience, eb)).execute();
  return new Set(rows.map((r) => r.id));
}

/** A signed-in viewer with no 'team'-level rights on anyone: what every professional sees of a person outside their circle. */
export const WITHOUT_TEAM_RIGHTS: Audience = Object.freeze({ kind: 'professional', accountId: '', personId: null, teamIds: [], organisationIds: [] });

/** A Dutch mobile (06) number: never shown to residents, whoever published it (also inside imported HSDS records). */
export const MOBILE_NUMBER = /^\s*(\+31|0031|0)[\s-]*(\(0\)[\s-]*)?6/;
export const residentsMaySeeNumber = (number: unknown): boolean => typeof number !== 'string' || !MOBILE_NUMBER.test(number);

/** A team's or location's phone lines as the audience may see them: residents never get an 06 number. */
export function phonesFor<P extends { number: string }>(audience: Audience, phones: P[]): P[] {
  return seesPublicOnly(audience) ? phones.filter((p) => residentsMaySeeNumber(p.number)) : phones;
}
