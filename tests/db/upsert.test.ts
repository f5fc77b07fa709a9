// The one bulk upsert both importers (CSV and HSDS) write through: inserts keep the ids
// and keys they bring, a stored record changes only where a value differs (and then its
// version moves once), a second run of the same rows changes nothing, and what a row
// leaves out keeps the stored value.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database';
import { type UpsertColumn, upsertRows } from '../../server/db/upsert';
import { createTestDatabase, TEST_BACKEND } from '../helpers/db';

const COLUMNS: UpsertColumn[] = [
  { name: 'name', type: 'text' }, { name: 'description', type: 'text' },
  { name: 'website', type: 'text', keepWhenNull: true }, { name: 'phone', type: 'text' },
  { name: 'last_verified_at', type: 'timestamptz', sameDay: true },
];
const KNOWN_ID = '00000000-0000-4000-8000-0000000000a1';

let database: Database;
beforeAll(async () => { database = await createTestDatabase(); });
afterAll(async () => { await database?.close(); });

const stored = () => database.db.selectFrom('organisations')
  .select(['id', 'external_id', 'name', 'description', 'website', 'phone', 'last_verified_at', 'version', 'updated_at']).orderBy('name').execute();
const write = (rows: Parameters<typeof upsertRows>[3], progress?: (done: number, total: number) => void) =>
  database.db.transaction().execute((trx) => upsertRows(trx, 'organisations', COLUMNS, rows, { defaults: { description: 'nieuw' }, progress }));

describe(`one bulk upsert on ${TEST_BACKEND}`, () => {
  it('inserts under the given id or key, then a second run changes nothing', async () => {
    const rows = [
      { external_id: 'ORG-1', name: 'Buurtwerk', website: 'https://buurtwerk.example', phone: null },
      { id: KNOWN_ID, name: 'Schuldhulp', description: 'Geldzaken', last_verified_at: '2026-11-01T08:00:00Z', updated_at: '2026-10-01T00:00:00Z' },
      ...Array.from({ length: 1500 }, (_, i) => ({ external_id: `BULK-${i}`, name: `Organisatie ${String(i).padStart(4, '0')}` })),
    ];
    const progress: number[] = [];
    const first = await write(rows, (done) => progress.push(done));
    expect(first.inserted.size).toBe(1502);
    expect(first.updated.size).toBe(0);
    expect(first.inserted.get(KNOWN_ID)).toBe(KNOWN_ID);
    expect(progress.at(-1)).toBe(1502);
    expect(progress.length).toBeGreaterThan(1); // statements of at most 1000 rows
    const after = await stored();
    const schuld = after.find((o) => o.id === KNOWN_ID)!;
    expect(schuld).toMatchObject({ external_id: null, description: 'Geldzaken', version: 1 });
    expect(new Date(schuld.updated_at).toISOString()).toBe('2026-10-01T00:00:00.000Z'); // the source's time
    expect(after.find((o) => o.external_id === 'ORG-1')).toMatchObject({ id: first.inserted.get('ORG-1'), description: 'nieuw' });

    // The same rows again (the stored ones now by id, as an importer matches them): nothing moves.
    const again = rows.map((r) => ('id' in r ? r : { ...r, id: first.inserted.get(r.external_id!)! }));
    const second = await write(again);
    expect(second).toEqual({ inserted: new Map(), updated: new Set(), unchanged: 1502 });
    expect(await stored()).toEqual(after);
  });

  it('updates only what differs, keeps what a row leaves out, and bumps the version once', async () => {
    const before = await stored();
    const buurtwerk = before.find((o) => o.external_id === 'ORG-1')!;
    const schuld = before.find((o) => o.id === KNOWN_ID)!;
    const result = await write([
      // website null keeps the stored one; description left out keeps it too
      { id: buurtwerk.id, name: 'Buurtwerk Lindeburg', website: null },
      // the same day of verification is no change
      { id: KNOWN_ID, name: 'Schuldhulp', last_verified_at: '2026-11-01T17:30:00Z' },
    ]);
    expect(result).toEqual({ inserted: new Map(), updated: new Set([buurtwerk.id]), unchanged: 1 });
    const after = await stored();
    expect(after.find((o) => o.id === buurtwerk.id)).toMatchObject({
      name: 'Buurtwerk Lindeburg', website: 'https://buurtwerk.example', description: 'nieuw', version: buurtwerk.version + 1,
    });
    expect(after.find((o) => o.id === KNOWN_ID)).toEqual(schuld);

    const nextDay = await write([{ id: KNOWN_ID, name: 'Schuldhulp', last_verified_at: '2026-11-02T08:00:00Z', phone: '020 123 4567' }]);
    expect(nextDay.updated).toEqual(new Set([KNOWN_ID]));
    const changed = (await stored()).find((o) => o.id === KNOWN_ID)!;
    expect(changed).toMatchObject({ phone: '020 123 4567', version: schuld.version + 1 });
    expect(new Date(changed.last_verified_at!).toISOString()).toBe('2026-11-02T08:00:00.000Z');
    expect(new Date(changed.updated_at).getTime()).toBeGreaterThan(new Date(schuld.updated_at).getTime()); // stamped by the database
  });
});
