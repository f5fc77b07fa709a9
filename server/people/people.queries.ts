// People, always through the visibility module: the audience decides rows and columns.
import { type Kysely, type SqlBool, sql } from 'kysely';
import type { DB } from '../db/types';
import type { Audience } from '../http/audience';
import { likePattern } from '../db/sql';
import type { PeopleQuery } from './people.schemas';
import { personRowFilter, personSchemaFor, selectVisiblePeople, type VisiblePerson, type VisibleRow, withDisplayName } from './visibility';

type Row = VisibleRow;

/** Current memberships only: a person who left a team no longer shows on it. */
export const currentMembership = sql<SqlBool>`(m.until is null or m.until >= current_date)`;

async function topicsOf(db: Kysely<DB>, ids: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (ids.length === 0) return map;
  const rows = await db.selectFrom('person_topics').select(['person_id', 'topic_key'])
    .where('person_id', 'in', ids).orderBy('topic_key').execute();
  for (const r of rows) map.set(r.person_id, [...(map.get(r.person_id) ?? []), r.topic_key]);
  return map;
}

/** Shapes visible rows for the response and checks them against the audience's strict schema. */
async function present(db: Kysely<DB>, audience: Audience, rows: Row[]): Promise<VisiblePerson[]> {
  const topics = await topicsOf(db, rows.map((r) => r.id));
  const schema = personSchemaFor(audience);
  return rows.map((r) => schema.parse(withDisplayName({ ...r, topics: topics.get(r.id) ?? [] })));
}

export async function listMembers(db: Kysely<DB>, audience: Audience, teamId: string) {
  const rows = await selectVisiblePeople(db, audience)
    .innerJoin('memberships as m', 'm.person_id', 'p.id')
    .where('m.team_id', '=', teamId).where(currentMembership)
    .select(['m.role as m_role', 'm.is_contact_person as m_contact', 'm.since as m_since'])
    .orderBy('m.is_contact_person', 'desc').orderBy('p.family_name').orderBy('p.id')
    .execute();
  const total = await db.selectFrom('memberships as m').innerJoin('people as p', 'p.id', 'm.person_id')
    .where('m.team_id', '=', teamId).where('p.archived_at', 'is', null).where(currentMembership)
    .select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const people = await present(db, audience, rows.map(({ m_role, m_contact, m_since, ...r }) => r));
  const members = rows.map((r, i) => ({ role: r.m_role, is_contact_person: r.m_contact, since: r.m_since, person: people[i]! }));
  return { members, hidden: Number(total.n) - members.length };
}

export async function getPerson(db: Kysely<DB>, audience: Audience, id: string) {
  const row = await selectVisiblePeople(db, audience).where('p.id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const [person] = await present(db, audience, [row]);
  const memberships = await db.selectFrom('memberships as m')
    .innerJoin('teams as t', 't.id', 'm.team_id').innerJoin('organisations as o', 'o.id', 't.organisation_id')
    .where('m.person_id', '=', id).where('t.archived_at', 'is', null)
    .where(currentMembership)
    .select(['m.role', 'm.is_contact_person', 'm.since', 't.id', 't.name', 't.team_type', 'o.name as organisation_name'])
    .orderBy('t.name').execute();
  return {
    person: person!,
    memberships: memberships.map((m) => ({
      role: m.role, is_contact_person: m.is_contact_person, since: m.since,
      team: { id: m.id, name: m.name, team_type: m.team_type, organisation_name: m.organisation_name },
    })),
  };
}

export async function listPeople(db: Kysely<DB>, audience: Audience, query: PeopleQuery) {
  let base = db.selectFrom('people as p').where(personRowFilter(audience));
  if (query.team) {
    const team = query.team;
    base = base.where((eb) => eb.exists(eb.selectFrom('memberships as fm').select('fm.id').whereRef('fm.person_id', '=', 'p.id').where('fm.team_id', '=', team)));
  }
  if (query.topic?.length) {
    const topics = query.topic;
    base = base.where((eb) => eb.exists(eb.selectFrom('person_topics as fp').select('fp.person_id').whereRef('fp.person_id', '=', 'p.id').where('fp.topic_key', 'in', topics)));
  }
  if (query.q) {
    const pattern = likePattern(query.q);
    base = base.where((eb) => eb.or([eb('p.given_name', 'ilike', pattern), eb('p.family_name', 'ilike', pattern), eb('p.job_title', 'ilike', pattern)]));
  }
  const ids = base.select('p.id');
  const [rows, count] = await Promise.all([
    selectVisiblePeople(db, audience).where('p.id', 'in', ids).orderBy('p.family_name').orderBy('p.id')
      .limit(query.per_page).offset((query.page - 1) * query.per_page).execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: await present(db, audience, rows), total: Number(count.n), page: query.page, per_page: query.per_page };
}
