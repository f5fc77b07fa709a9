// Shared by the review/staleness tests: three teams and three people of the demo editor's
// organisation, counted from 11, 13 and 16 months before `now` (fresh / stale but shown /
// hidden from residents), renamed so their names occur nowhere else.
import { type Kysely, sql, type SqlBool } from 'kysely';
import type { DB } from '../../server/db/types';
import { isCurrentMembership } from '../../server/domain/membership';
import { DEMO_EDITOR_ORGANISATION } from '../../seeds/demo/accounts';

export const monthsBefore = (now: Date, months: number) => { const d = new Date(now); d.setUTCMonth(d.getUTCMonth() - months); return d; };

export interface Aged { id: string; name: string }
export interface ReviewFixture { org: string; teams: Record<'fresh' | 'stale' | 'hidden', Aged>; people: Record<'fresh' | 'stale' | 'hidden', Aged & { given: string; family: string }> }

const TEAM_NAMES = { fresh: 'Buurtteam Kwikstaart', stale: 'Buurtteam Grutto', hidden: 'Buurtteam Zwaluwstaart' } as const;
const PEOPLE_NAMES = { fresh: ['Fenna', 'Versmeulen'], stale: ['Saskia', 'Oudenhoven'], hidden: ['Vera', 'Verstoftsma'] } as const;
const AGES = { fresh: 11, stale: 13, hidden: 16 } as const;

export async function ageFixture(db: Kysely<DB>, now: Date): Promise<ReviewFixture> {
  // Everything else is fresh, so lists hold only what this fixture made old.
  await db.updateTable('teams').set({ last_verified_at: now }).execute();
  await db.updateTable('people').set({ last_verified_at: now }).execute();
  const teams = await db.selectFrom('teams as t').select('t.id').where('t.organisation_id', '=', DEMO_EDITOR_ORGANISATION)
    .where('t.archived_at', 'is', null)
    .where((eb) => eb.exists(eb.selectFrom('team_locations as tl').select('tl.team_id').whereRef('tl.team_id', '=', 't.id')))
    .where((eb) => eb.exists(eb.selectFrom('team_areas as ta').select('ta.team_id').whereRef('ta.team_id', '=', 't.id')))
    .orderBy('t.id').limit(3).execute();
  // employed by the editor's organisation (the one that edits them), working in one of its teams
  const people = await db.selectFrom('people as p').select('p.id').where('p.public_profile', '=', true).where('p.archived_at', 'is', null)
    .where('p.organisation_id', '=', DEMO_EDITOR_ORGANISATION)
    .where((eb) => eb.exists(eb.selectFrom('memberships as m').innerJoin('teams as t', 't.id', 'm.team_id').select('m.id')
      .whereRef('m.person_id', '=', 'p.id').where(isCurrentMembership('m')).where('t.organisation_id', '=', DEMO_EDITOR_ORGANISATION)))
    .orderBy('p.id').limit(3).execute();
  if (teams.length < 3 || people.length < 3) throw new Error('demo wijk too small for the review fixture');
  const kinds = ['fresh', 'stale', 'hidden'] as const;
  const out = { org: DEMO_EDITOR_ORGANISATION, teams: {}, people: {} } as ReviewFixture;
  for (const [i, kind] of kinds.entries()) {
    const at = monthsBefore(now, AGES[kind]);
    await db.updateTable('teams').set({ name: TEAM_NAMES[kind], last_verified_at: at }).where('id', '=', teams[i]!.id).execute();
    out.teams[kind] = { id: teams[i]!.id, name: TEAM_NAMES[kind] };
    const [given, family] = PEOPLE_NAMES[kind];
    // never verified: counted from creation
    await db.updateTable('people').set({ given_name: given, family_name: family, last_verified_at: null, created_at: at }).where('id', '=', people[i]!.id).execute();
    out.people[kind] = { id: people[i]!.id, name: `${given} ${family}`, given, family };
  }
  return out;
}

/**
 * For tests about something else: the demo wijk holds a team and some people checked so
 * long ago that residents no longer see them (by design); this checks them again today,
 * so every demo record is visible to every audience. Staleness itself: tests/staleness*.
 */
export async function checkEverythingAgain(db: Kysely<DB>, now = new Date()): Promise<void> {
  const cutoff = monthsBefore(now, 14).toISOString();
  await db.updateTable('teams').set({ last_verified_at: now }).where(sql<SqlBool>`coalesce(last_verified_at, created_at) < ${cutoff}::timestamptz`).execute();
  await db.updateTable('people').set({ last_verified_at: now }).where(sql<SqlBool>`coalesce(last_verified_at, created_at) < ${cutoff}::timestamptz`).execute();
}
