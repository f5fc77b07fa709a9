// Writes a checked people file: rows, expertise topics and team memberships. A membership
// the file no longer lists is ended the one way memberships end (endMembershipsOn: its last
// day is today), not deleted, so "who left" stays answerable; one that had not begun is removed.
import { type Kysely, sql } from 'kysely';
import type { ConsentField, DB } from '../db/types';
import { endMembershipsOn } from '../memberships/memberships.queries';
import { isCurrentMembership } from '../domain/membership';
import type { Progress, WriteResult } from './csv.kind';
import { syncChildren } from '../db/sync-children';
import { chunks, upsertRows } from '../db/upsert';
import type { PeoplePlan } from './people.check';
import { PEOPLE_FIELDS } from './people.fields';

export async function writePeople(trx: Kysely<DB>, raw: unknown, headers: Set<string>, progress: Progress): Promise<WriteResult> {
  const plan = raw as PeoplePlan;
  const cols = PEOPLE_FIELDS.filter((f) => headers.has(f.header)).map((f) => ({ name: f.column, type: f.sql, keepWhenNull: f.keepWhenNull }));
  const { inserted: created, updated: changed } = await upsertRows(trx, 'people', [{ name: 'organisation_id', type: 'uuid', keepWhenNull: true }, ...cols], [...plan.inserts, ...plan.updates]);
  progress(`mensen: ${created.size} nieuw`);
  progress(`mensen: ${changed.size} gewijzigd`);
  const links = plan.links.map((l) => ({ ...l, id: l.id ?? created.get(l.key)! }));
  if (headers.has('onderwerpen')) {
    const rows = links.flatMap((l) => (l.topics ?? []).map((topic_key) => ({ person_id: l.id, topic_key })));
    const topics = await syncChildren(trx, { table: 'person_topics', parent: 'person_id', child: 'topic_key', replaceFor: links.map((l) => l.id), rows });
    for (const id of topics.changedParents) changed.add(id);
  }
  if (headers.has('teams')) for (const id of await syncMemberships(trx, links, plan.scopeTeams)) changed.add(id);
  for (const id of await syncConsents(trx, links)) changed.add(id);
  progress('mensen: lidmaatschappen bijgewerkt');
  for (const id of created.values()) changed.delete(id);
  // audit: one entry per created/changed person (ids in `created` and `changed`)
  return { created: created.size, updated: changed.size };
}

type Wanted = { person_id: string; team_id: string; role: string; is_contact_person: boolean; since: string | null };

async function syncMemberships(trx: Kysely<DB>, links: Array<PeoplePlan['links'][number] & { id: string }>, scopeTeams: string[] | null) {
  const changed = new Set<string>();
  for (const part of chunks(links)) {
    const owners = part.map((l) => l.id);
    let q = trx.selectFrom('memberships as m').select(['m.id', 'm.person_id', 'm.team_id', 'm.role', 'm.is_contact_person', 'm.since'])
      .where('m.person_id', 'in', owners).where(isCurrentMembership('m'));
    if (scopeTeams) q = scopeTeams.length ? q.where('m.team_id', 'in', scopeTeams) : q.where(sql<boolean>`false`);
    const current = new Map((await q.execute()).map((m) => [`${m.person_id}/${m.team_id}`, m]));
    // a team's open request for someone the file (written by their employer) lists in it: accepted
    const requested = new Map((await trx.selectFrom('memberships').select(['id', 'person_id', 'team_id']).where('person_id', 'in', owners)
      .where('status', '=', 'requested').where('until', 'is', null).execute()).map((m) => [`${m.person_id}/${m.team_id}`, m.id]));
    const accepted: string[] = [];
    const inserts: Wanted[] = [];
    const updates: Array<Wanted & { id: string }> = [];
    for (const l of part) {
      for (const w of l.teams ?? []) {
        const want: Wanted = { person_id: l.id, team_id: w.team_id, role: w.role, is_contact_person: w.contact, since: w.since };
        const have = current.get(`${l.id}/${w.team_id}`);
        current.delete(`${l.id}/${w.team_id}`);
        const asked = requested.get(`${l.id}/${w.team_id}`);
        if (!have && asked) accepted.push(asked);
        else if (!have) inserts.push(want);
        else if (have.role !== want.role || have.is_contact_person !== want.is_contact_person || have.since !== want.since) updates.push({ ...want, id: have.id });
      }
    }
    const ended = [...current.values()];
    if (accepted.length) await trx.updateTable('memberships').set({ status: 'current', accepted_at: sql<string>`now()` }).where('id', 'in', accepted).execute();
    if (inserts.length) {
      await sql`insert into memberships (person_id, team_id, role, is_contact_person, since)
        select v.person_id, v.team_id, v.role, v.is_contact_person, v.since
        from jsonb_to_recordset(${JSON.stringify(inserts)}::jsonb) as v(person_id uuid, team_id uuid, role text, is_contact_person boolean, since date)`.execute(trx);
    }
    if (updates.length) {
      await sql`update memberships as t set role = v.role, is_contact_person = v.is_contact_person, since = v.since
        from jsonb_to_recordset(${JSON.stringify(updates)}::jsonb) as v(id uuid, role text, is_contact_person boolean, since date)
        where t.id = v.id`.execute(trx);
    }
    await endMembershipsOn(trx, ended.map((m) => m.id));
    for (const m of [...inserts, ...updates, ...ended]) changed.add(m.person_id);
  }
  return changed;
}

/**
 * 'publiek' (contact fields) or a field in `openbaar` grants the person's consent for that
 * field; another level withdraws it. Set-based: one insert and one update per chunk.
 */
async function syncConsents(trx: Kysely<DB>, links: Array<PeoplePlan['links'][number] & { id: string }>) {
  const changed = new Set<string>();
  const stated = links.filter((l) => l.consents && Object.keys(l.consents).length > 0);
  for (const part of chunks(stated)) {
    const active = await trx.selectFrom('person_consents').select(['person_id', 'field'])
      .where('person_id', 'in', part.map((l) => l.id)).where('withdrawn_at', 'is', null).execute();
    const has = new Set(active.map((a) => `${a.person_id}/${a.field}`));
    const grant: Array<{ person_id: string; field: ConsentField }> = [];
    const withdraw: Array<{ person_id: string; field: ConsentField }> = [];
    for (const l of part) {
      for (const [field, wanted] of Object.entries(l.consents!) as Array<[ConsentField, boolean]>) {
        if (wanted === has.has(`${l.id}/${field}`)) continue;
        (wanted ? grant : withdraw).push({ person_id: l.id, field });
        changed.add(l.id);
      }
    }
    if (grant.length) await trx.insertInto('person_consents').values(grant).execute();
    if (withdraw.length) {
      await sql`update person_consents as c set withdrawn_at = now()
        from jsonb_to_recordset(${JSON.stringify(withdraw)}::jsonb) as v(person_id uuid, field text)
        where c.person_id = v.person_id and c.field = v.field and c.withdrawn_at is null`.execute(trx);
    }
  }
  return changed;
}
