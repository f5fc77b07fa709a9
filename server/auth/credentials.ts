// What a credential change ends. Changing the password (own, through a reset link, by the
// command line, or choosing the first one from an invitation) and switching the second
// factor on each mean "from now on, only who knows the new secret": so every other session
// of the account ends, and so does every outstanding one-time link (a reset or invitation
// mailed earlier would otherwise set a password past the change and sign in without it).
import type { Kysely } from 'kysely';
import type { DB } from '../db/types';
import { retireTokens } from './invitations.queries';
import { revokeAllSessions } from './sessions.queries';

interface Ended { sessions: number; links: number }

/** Run inside the transaction that changes the credential; `keepSessionId` is the session making the change. */
export async function endOtherCredentials(db: Kysely<DB>, accountId: string, input: { keepSessionId?: string | null; now: Date }): Promise<Ended> {
  const sessions = await revokeAllSessions(db, accountId, input.keepSessionId ?? undefined, input.now);
  const links = await retireTokens(db, accountId, input.now);
  return { sessions, links };
}
