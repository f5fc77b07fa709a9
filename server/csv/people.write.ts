// Writes a checked people file: rows, expertise topics and team memberships. A membership
// the file no longer lists is ended the one way memberships end (endMembershipsOn: its last
// day is today), not deleted, so "who left" stays answerable; one that had not begun is removed.
import { type Kysely, sql } from 'kysely';
import type { ConsentField, DB } from '../db/types';
import { endMembershipsOn } from '../memberships/memberships.queries';
import { isCurrentMembership } from '../domain/membership';
import type { Progress, WriteResult } from './csv.kind';
import { chunks, insertRows, syncLinks, updateRows } from './csv.upsert';
import type { PeoplePlan } from './people.check';
import { PEOPLE_FIELDS } from './people.fields';

export async function writePeople(trx: Kysely<DB>, raw: unknown, headers: Set<string>, progress: Progress): Promise<WriteResult> {
  const plan = raw as PeoplePlan;
  const cols = PEOPLE_FIELDS.filter((f) => headers.has(f.header)).map((f) => ({ name: f.column, type: f.sql, keepWhenNull: f.keepWhenNull }));
  const created = await insertRows(trx, 'people', [{ name: 'organisation_id', type: 'uuid' }, ...cols], plan.inserts);
  progress(`mensen: ${created.size} nieuw`);
  const changed = await updateRows(trx, 'people', cols, plan.updates);
  progress(`mensen: ${changed.size} gewijzigd`);
  const links = plan.links.map((l) => ({ ...l, id: l.id ?? created.get(l.key)! }));
  if (headers.has('onderwerpen')) {
    const pairs = links.flatMap((l) => (l.topics ?? []).map((k) => ({ o: l.id, k })));
    for (const id of await syncLinks(trx, { table: 'person_topics', owner: 'person_id', key: 'topic_key', keyType: 'text' }, links.map((l) => l.id), pairs)) changed.add(id);
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
      await sql`update memberships as t set role = v.role, is_contact_person = v.is_contact_person, since = v.since,
          version = t.version + 1, updated_at = now()
        from jsonb_to_recordset(${JSON.stringify(updates)}::jsonb) as v(id uuid, role text, is_contact_person boolean, since date)
        where t.id = v.id`.execute(trx);
    }
    await endMembershipsOn(trx, ended.map((m) => m.id));
    for (const m of [...inserts, ...updates, ...ended]) changed.add(m.person_id);
  }
  return changed;
}

/** 'publiek' (contact fields) or a field in `openbaar` grants the person's consent for that field; another level withdraws it. */
async function syncConsents(trx: Kysely<DB>, links: Array<PeoplePlan['links'][number] & { id: string }>) {
  const changed = new Set<string>();
  const stated = links.filter((l) => l.consents && Object.keys(l.consents).length > 0);
  if (stated.length === 0) return changed;
  const active = await trx.selectFrom('person_consents').select(['person_id', 'field'])
    .where('person_id', 'in', stated.map((l) => l.id)).where('withdrawn_at', 'is', null).execute();
  const has = new Set(active.map((a) => `${a.person_id}/${a.field}`));
  for (const l of stated) {
    for (const [field, wanted] of Object.entries(l.consents!) as Array<[ConsentField, boolean]>) {
      const now = has.has(`${l.id}/${field}`);
      if (wanted && !now) await trx.insertInto('person_consents').values({ person_id: l.id, field }).execute();
      else if (!wanted && now) {
        await trx.updateTable('person_consents').set({ withdrawn_at: sql<string>`now()` })
          .where('person_id', '=', l.id).where('field', '=', field).where('withdrawn_at', 'is', null).execute();
      } else continue;
      changed.add(l.id);
    }
  }
  return changed;
}
