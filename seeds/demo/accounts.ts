// The demo installation's accounts, one per role, all with the published password
// `wijkweb-demo` (listed in the README). Never seeded in production: see config.ts.
import { hashPassword } from '../../server/auth/passwords';
import type { Db } from '../../server/db/sql';
import type { AccountRole } from '../../server/db/types';
import { isCurrentOn } from '../../server/domain/membership';
import { stableId } from '../ids';
import type { DemoRows } from './build';

export const DEMO_PASSWORD = 'wijkweb-demo';
/** The organisation the demo editor may edit, and the team the demo professional works in. */
export const DEMO_EDITOR_ORGANISATION = stableId('organisation', 'wijkteams');
export const DEMO_PROFESSIONAL_TEAM = stableId('team', 'wijkteam_west');

export const DEMO_ACCOUNTS = {
  admin: { email: 'admin@wijkweb.demo', password: DEMO_PASSWORD, role: 'admin' as AccountRole },
  editor: { email: 'redacteur@wijkweb.demo', password: DEMO_PASSWORD, role: 'editor' as AccountRole },
  professional: { email: 'professional@wijkweb.demo', password: DEMO_PASSWORD, role: 'professional' as AccountRole },
  analist: { email: 'analist@wijkweb.demo', password: DEMO_PASSWORD, role: 'analist' as AccountRole },
} as const;

/** The demo professional's person: the first (by id) current member of Sociaal Wijkteam West. */
export function demoProfessionalPerson(rows: Pick<DemoRows, 'memberships'>, today: string): string | null {
  const candidates = rows.memberships
    .filter((m) => m.team_id === DEMO_PROFESSIONAL_TEAM && isCurrentOn({ since: m.since ?? null, until: m.until ?? null }, today))
    .map((m) => m.person_id).sort();
  return candidates[0] ?? null;
}

/** Idempotent: accounts that exist (by id or e-mail) are left as they are. Hashes once per run. */
export async function seedDemoAccounts(trx: Db, rows: Pick<DemoRows, 'memberships'>, today: string): Promise<number> {
  const existing = await trx.selectFrom('accounts').select('id')
    .where('id', 'in', Object.values(DEMO_ACCOUNTS).map((a) => stableId('account', a.email))).execute();
  if (existing.length === Object.keys(DEMO_ACCOUNTS).length) return 0;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const personId = demoProfessionalPerson(rows, today);
  const result = await trx.insertInto('accounts').values(Object.values(DEMO_ACCOUNTS).map((a) => ({
    id: stableId('account', a.email), email: a.email, password_hash: passwordHash, role: a.role,
    person_id: a.role === 'professional' ? personId : null,
  }))).onConflict((oc) => oc.doNothing()).executeTakeFirst();
  // Only for the demo editor this seed made (an account of that e-mail made by hand keeps its own scopes).
  const editorId = stableId('account', DEMO_ACCOUNTS.editor.email);
  if (await trx.selectFrom('accounts').select('id').where('id', '=', editorId).executeTakeFirst()) {
    await trx.insertInto('account_scopes').values({ account_id: editorId, organisation_id: DEMO_EDITOR_ORGANISATION, team_id: null })
      .onConflict((oc) => oc.doNothing()).execute();
  }
  return Number(result.numInsertedOrUpdatedRows ?? 0n);
}
