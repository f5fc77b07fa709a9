// Locations: addresses teams work from. Public, like teams. Writing them: editors of a team
// at the location (or of no team yet: a new address), admins everywhere. The buurt of a
// location follows from its coordinate through the stored boundaries.
import type { Kysely } from 'kysely';
import type { DB } from '../db/types';
import { auditedWrite, lockVersion, type WriteContext, verifyRecord } from '../editing/editing.kernel';
import { buurtAt } from '../lookup/lookup.queries';
import type { LocationCreate, LocationPatch } from './locations.schemas';
import { teamVisibleTo } from '../domain/team-visibility';
import { ANONYMOUS, type Audience } from '../domain/audience';
import { phonesFor } from '../people/people.visibility';
import { locationServiceData } from '../services/services.queries';
import { writeLocationService } from '../services/services.write';
import type { LocationServiceInput } from '../services/services.write-schemas';

/** The address's own columns, and its service data (schedules, phones, accessibility) apart. */
function split<T extends LocationServiceInput>({ schedules, phones, accessibility, ...own }: T) {
  return { own, service: { schedules, phones, accessibility } };
}

const COLUMNS = ['id', 'name', 'street', 'house_number', 'postcode', 'city', 'lat', 'lon', 'buurt_code', 'opening_hours', 'version', 'updated_at', 'last_verified_at'] as const;

export async function getLocation(db: Kysely<DB>, id: string, audience: Audience = ANONYMOUS) {
  const location = await db.selectFrom('locations').select(COLUMNS).where('id', '=', id).where('archived_at', 'is', null).executeTakeFirst();
  if (!location) return undefined;
  const teams = await db.selectFrom('team_locations as tl').innerJoin('teams as t', 't.id', 'tl.team_id')
    .select(['t.id', 't.name']).where('tl.location_id', '=', id).where(teamVisibleTo(audience)).orderBy('t.name').execute();
  const service = (await locationServiceData(db, [id])).get(id)!;
  return { ...location, ...service, phones: phonesFor(audience, service.phones), teams };
}

/** The buurt of a coordinate, read before the write's transaction (PGlite has one connection). */
export async function buurtOf(db: Kysely<DB>, point: { lat?: number; lon?: number }): Promise<string | null | undefined> {
  if (point.lat === undefined || point.lon === undefined) return undefined;
  return (await buurtAt(db, { lat: point.lat, lon: point.lon }))?.buurt.code ?? null;
}

async function snapshot(db: Kysely<DB>, id: string) {
  const row = await db.selectFrom('locations').select([...COLUMNS, 'archived_at']).where('id', '=', id).executeTakeFirst();
  return row && { ...row, ...(await locationServiceData(db, [id])).get(id)! };
}

export async function createLocation(db: Kysely<DB>, ctx: WriteContext, input: Omit<LocationCreate, 'organisation_id'> & { organisation_id: string | null }, buurt: string | null | undefined): Promise<string> {
  return auditedWrite(db, ctx, { action: 'location.create', entityType: 'location' }, async (trx) => {
    const { own, service } = split(input);
    const { id } = await trx.insertInto('locations').values({ ...own, buurt_code: buurt ?? null }).returning('id').executeTakeFirstOrThrow();
    await writeLocationService(trx, id, service);
    return { id, before: null, after: await snapshot(trx, id), result: id };
  });
}

export async function patchLocation(db: Kysely<DB>, ctx: WriteContext, id: string, expected: number, input: LocationPatch, buurt: string | null | undefined) {
  await auditedWrite(db, ctx, { action: 'location.update', entityType: 'location', entityId: id }, async (trx) => {
    await lockVersion(trx, 'locations', id, 'locatie', expected);
    const before = await snapshot(trx, id);
    const { own, service } = split(input);
    const set = { ...own, ...(buurt === undefined ? {} : { buurt_code: buurt }) };
    if (Object.keys(set).length) await trx.updateTable('locations').set(set).where('id', '=', id).execute();
    await writeLocationService(trx, id, service);
    return { id, before, after: await snapshot(trx, id), result: undefined };
  });
}

export async function archiveLocation(db: Kysely<DB>, ctx: WriteContext, id: string, expected: number, now: Date) {
  await auditedWrite(db, ctx, { action: 'location.archive', entityType: 'location', entityId: id }, async (trx) => {
    await lockVersion(trx, 'locations', id, 'locatie', expected);
    const before = await snapshot(trx, id);
    await trx.updateTable('locations').set({ archived_at: now }).where('id', '=', id).execute();
    await trx.deleteFrom('team_locations').where('location_id', '=', id).execute();
    return { id, before, after: null, result: undefined };
  });
}

export const verifyLocation = (db: Kysely<DB>, ctx: WriteContext, id: string, expected: number, now: Date) =>
  verifyRecord(db, ctx, 'locations', id, expected, now);
