// The HTTP face of the permission module (server/domain/permissions.ts): loads the record's
// owner and turns the module's "no" into 401 (not signed in), 404 (no such record) or 403.
import type { Kysely } from 'kysely';
import type { DB } from '../db/types';
import type { Audience } from '../domain/audience';
import { type Action, may, mayViewInsight, type Owner, ownerOf, type RecordKind } from '../domain/permissions';
import { HttpError, notFound } from './errors';

export const notSignedIn = () => new HttpError(401, 'not_signed_in', 'Log eerst in. / Please sign in first.');
export const forbidden = (message = 'U mag dit niet doen. / You are not allowed to do this.') => new HttpError(403, 'forbidden', message);
const OUTSIDE = 'Dit valt buiten uw organisatie of team. / This is outside your organisation or team.';
const LABEL: Record<RecordKind, string> = { organisation: 'organisatie', team: 'team', location: 'locatie', person: 'persoon', membership: 'lidmaatschap', pathway: 'verwijsroute' };

/** The gemeente's insight screens: 401 when not signed in, 403 unless analist or admin. */
export function authoriseInsight(audience: Audience): void {
  if (audience.kind === 'anonymous') throw notSignedIn();
  if (!mayViewInsight(audience)) throw forbidden('Alleen voor analisten van de gemeente en beheerders. / For the gemeente\'s analists and admins only.');
}

/**
 * The record's owner when `audience` may do `action` on it; else 401 (anonymous), 404 (no such
 * record, or archived unless `archived: true`) or 403.
 */
export async function authorise(db: Kysely<DB>, audience: Audience, action: Action, kind: RecordKind, id: string,
  options: { archived?: boolean; message?: string } = {}): Promise<Owner> {
  if (audience.kind === 'anonymous') throw notSignedIn();
  const owner = await ownerOf(db, kind, id);
  if (!owner || (owner.archived && !options.archived)) throw notFound(LABEL[kind], id);
  if (!may(audience, action, owner)) throw forbidden(options.message ?? OUTSIDE);
  return owner;
}
