// Service data through the CSV format: the demo's hours, costs, languages and accessibility
// export in their short notations, a changed file imports back into the same structured rows
// (and says nothing changed the second time), and a bad cell is named by row and column.
// The byte-identical round trip of every kind (these columns included) is in tests/csv/csv.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportCsv } from '../../server/csv/csv.export';
import { importCsv } from '../../server/csv/csv.import';
import { SCHEDULES } from '../../server/csv/services.values';
import type { Audience } from '../../server/domain/audience';
import type { Database } from '../../server/db/database';
import { teamServiceData } from '../../server/services/services.queries';
import { stableId } from '../../seeds/ids';
import { createSeededDatabase, TEST_BACKEND } from '../helpers/db';

const ADMIN: Audience = { kind: 'admin', accountId: '00000000-0000-4000-8000-00000000a001', personId: null, teamIds: [], organisationIds: [] };
let database: Database;

beforeAll(async () => { database = await createSeededDatabase(); });
afterAll(async () => { await database?.close(); });

/** The export as rows of cells by header (the files are ;-separated, no quoted ; in these cells). */
function table(csv: string): Array<Record<string, string>> {
  const [head, ...lines] = csv.replace(/^\uFEFF/, '').trim().split('\r\n').map((l) => l.split(';').map((c) => c.replace(/^"|"$/g, '').replace(/""/g, '"')));
  return lines.map((cells) => Object.fromEntries(head!.map((h, i) => [h, cells[i] ?? ''])));
}

describe(`service data in CSV on ${TEST_BACKEND}`, () => {
  it('exports the demo\'s hours, costs, languages, ages, documents and accessibility', async () => {
    const teams = table(await exportCsv(database.db, ADMIN, 'teams'));
    const debt = teams.find((t) => t.naam === 'Schuldhulpverlening Lindeburg')!;
    expect(debt.tijden).toBe(`di 09:00-12:00 (Geldspreekuur in het stadhuis)|${new Date().getUTCFullYear()}-12-25/${new Date().getUTCFullYear()}-12-26 gesloten (Kerst: gesloten)`);
    expect(debt.kosten).toBe('gratis');
    expect(debt.talen).toBe('nl|en|tr (Op dinsdag)');
    expect(debt.tolk).toBe('ja');
    expect(debt.leeftijd_van).toBe('18');
    expect(debt.documenten!.split('|')).toHaveLength(3);
    const fysio = teams.find((t) => t.naam === 'Fysiotherapie Lindeburg-Oost')!;
    expect(fysio.kosten).toBe('verzekering (met aanvullende verzekering)|eigen bijdrage 38 (per behandeling)');
    const youth = teams.find((t) => t.naam === 'Jongerenwerk Lindeburg-Oost')!;
    expect(youth.tijden).toContain('vr 14:00-01:00 (Vrijdag nachtsport tot 1 uur)');
    const locations = table(await exportCsv(database.db, ADMIN, 'locations'));
    expect(locations.find((l) => l.naam === 'Stadhuis Lindeburg')!.toegankelijkheid)
      .toBe('rolstoel (Ingang met automatische deur, lift naar alle verdiepingen)|ringleiding (Ringleiding bij de balies)|parkeren (Gehandicaptenparkeerplaatsen aan het Raadhuisplein)');
  });

  it('reads every notation back as it writes it', () => {
    const cell = 'ma,di,do 09:00-12:00 (Stadhuis)|vr 14:00-01:00|za 00:00-24:00|2026-12-25/2026-12-26 gesloten (Kerst)|2026-12-24 09:00-12:00';
    const read = SCHEDULES.read(cell);
    expect(read.ok).toBe(true);
    if (read.ok) expect(SCHEDULES.write(read.value)).toBe(cell);
    expect(SCHEDULES.read('maandag 9-12').ok).toBe(false);
  });

  it('imports changed cells into the structured rows, then changes nothing on a second run', async () => {
    const header = 'extern_id;organisatie;naam;teamtype;tijden;kosten;talen;leeftijd_van;leeftijd_tot;toegankelijkheid';
    const teams = table(await exportCsv(database.db, ADMIN, 'teams'));
    const row = teams.find((t) => t.naam === 'Buurtbemiddeling Lindeburg')!;
    const file = `${header.replace(';toegankelijkheid', '')}\r\n${[row.extern_id, row.organisatie, row.naam, row.teamtype,
      'ma,wo 19:00-21:00 (Avondspreekuur)|2026-12-31 gesloten', 'eigen bijdrage 12,50 (per gesprek)', 'nl|so', '16', '99'].join(';')}\r\n`;
    const first = await importCsv(database.db, ADMIN, 'teams', file, { dryRun: false });
    expect(first.errors).toEqual([]);
    expect(first.updated).toBe(1);
    const data = await teamServiceData(database.db, stableId('team', 'buurtbemiddeling'));
    expect(data.schedules.map((s) => [s.byday, s.opens_at, s.closes_at, s.closed, s.valid_from])).toEqual([
      [['MO', 'WE'], '19:00', '21:00', false, null], [null, null, null, true, '2026-12-31']]);
    expect(data.cost_options).toEqual([expect.objectContaining({ kind: 'contribution', amount: 12.5, amount_description: 'per gesprek' })]);
    expect(data.languages.map((l) => [l.code, l.name])).toEqual([['nl', 'Nederlands'], ['so', 'Somalisch']]);
    expect([data.minimum_age, data.maximum_age]).toEqual([16, 99]);
    const again = await importCsv(database.db, ADMIN, 'teams', file, { dryRun: false });
    expect([again.updated, again.unchanged]).toEqual([0, 1]);

    const bad = `${header.replace(';toegankelijkheid', '')}\r\n${[row.extern_id, row.organisatie, row.naam, row.teamtype, 'maandag 9-12', 'duur', 'nl', '30', '20'].join(';')}\r\n`;
    const refused = await importCsv(database.db, ADMIN, 'teams', bad, { dryRun: false });
    expect(refused.applied).toBe(false);
    expect(refused.errors.map((e) => e.column).sort()).toEqual(['kosten', 'tijden']);
    const ages = `${header.replace(';toegankelijkheid', '')}\r\n${[row.extern_id, row.organisatie, row.naam, row.teamtype, '', 'gratis', 'nl', '30', '20'].join(';')}\r\n`;
    const agesRefused = await importCsv(database.db, ADMIN, 'teams', ages, { dryRun: false });
    expect(agesRefused.errors.map((e) => [e.row, e.column])).toEqual([[2, 'leeftijd_tot']]);
  });
});
