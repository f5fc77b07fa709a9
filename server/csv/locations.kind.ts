// locaties.csv: extern_id;naam;straat;huisnummer;postcode;plaats;breedtegraad;lengtegraad;buurtcode;openingstijden;tijden;telefoons;toegankelijkheid
import { may, ownersOf } from '../domain/permissions';
import { phonesFor } from '../people/people.visibility';
import { type Kind, exportKey, byCells, type RowError } from './csv.kind';
import { AREA_CODE, type Codec, decimal, EXTERNAL_ID, optional, text } from './csv.values';
import { matchKeys } from './csv.keys';
import { type SqlType, upsertRows } from '../db/upsert';
import { locationServiceData } from '../services/services.queries';
import { writeLocationService } from '../services/services.write';
import type { LocationServiceInput } from '../services/services.write-schemas';
import { hasInput, LOCATION_SERVICE_COLUMNS, LOCATION_SERVICE_HEADERS, locationServiceCells, locationServiceInput } from './services.columns';

const POSTCODE: Codec<string> = {
  read: (cell) => {
    const v = cell.trim().toUpperCase().replace(/\s+/g, '');
    return /^[1-9][0-9]{3}[A-Z]{2}$/.test(v) ? { ok: true, value: v } : { ok: false, message: 'moet een postcode zijn zoals 1234 AB' };
  },
  write: (v) => v,
};

const FIELDS: Array<{ header: string; column: string; sql: SqlType }> = [
  { header: 'naam', column: 'name', sql: 'text' },
  { header: 'straat', column: 'street', sql: 'text' },
  { header: 'huisnummer', column: 'house_number', sql: 'text' },
  { header: 'postcode', column: 'postcode', sql: 'text' },
  { header: 'plaats', column: 'city', sql: 'text' },
  { header: 'breedtegraad', column: 'lat', sql: 'double precision' },
  { header: 'lengtegraad', column: 'lon', sql: 'double precision' },
  { header: 'buurtcode', column: 'buurt_code', sql: 'text' },
  { header: 'openingstijden', column: 'opening_hours', sql: 'text' },
];

interface Plan { inserts: Array<Record<string, unknown>>; updates: Array<Record<string, unknown>>; service: Array<{ key: string; id?: string | undefined; input: LocationServiceInput }> }

export const locationsKind: Kind = {
  name: 'locations',
  columns: [
    { header: 'extern_id', codec: EXTERNAL_ID, required: true, doc: 'Sleutel van de locatie' },
    { header: 'naam', codec: optional(text(200)), doc: 'Naam van het gebouw (mag leeg)' },
    { header: 'straat', codec: text(200, true), required: true, doc: 'Straat' },
    { header: 'huisnummer', codec: text(20, true), required: true, doc: 'Huisnummer met toevoeging' },
    { header: 'postcode', codec: POSTCODE, required: true, doc: 'Postcode, 1234AB of 1234 AB' },
    { header: 'plaats', codec: text(100, true), required: true, doc: 'Plaats' },
    { header: 'breedtegraad', codec: decimal(-90, 90), required: true, doc: 'WGS84-breedtegraad (punt of komma)' },
    { header: 'lengtegraad', codec: decimal(-180, 180), required: true, doc: 'WGS84-lengtegraad (punt of komma)' },
    { header: 'buurtcode', codec: optional(AREA_CODE), doc: 'CBS-buurtcode van het adres' },
    { header: 'openingstijden', codec: optional(text(1000)), doc: 'Openingstijden, vrije tekst' },
    ...LOCATION_SERVICE_COLUMNS,
  ],
  exportHeaders: () => ['extern_id', ...FIELDS.map((f) => f.header), ...LOCATION_SERVICE_HEADERS],
  async exportRows(db, audience) {
    const rows = await db.selectFrom('locations').where('archived_at', 'is', null)
      .select(['id', 'external_id', 'name', 'street', 'house_number', 'postcode', 'city', 'lat', 'lon', 'buurt_code', 'opening_hours']).execute();
    const service = await locationServiceData(db, rows.map((r) => r.id));
    return rows
      .map((r) => [exportKey(r), r.name ?? '', r.street, r.house_number, r.postcode, r.city, String(r.lat), String(r.lon), r.buurt_code ?? '', r.opening_hours ?? '',
        ...locationServiceCells({ ...service.get(r.id)!, phones: phonesFor(audience, service.get(r.id)!.phones) })])
      .sort((a, b) => byCells([a[4]!, a[2]!, a[3]!, a[0]!], [b[4]!, b[2]!, b[3]!, b[0]!]));
  },
  async check(db, audience, rows, headers) {
    const errors: RowError[] = [];
    const existing = await matchKeys(db, 'locations', rows.map((r) => r.key));
    const codes = [...new Set(rows.map((r) => r.values.buurtcode).filter((c): c is string => !!c))];
    const known = new Set(codes.length ? (await db.selectFrom('areas').select('code').where('code', 'in', codes).where('kind', '=', 'buurt').execute()).map((a) => a.code) : []);
    // An existing location: its owner's editors. A new one belongs to the importing editor's organisation.
    const owners = await ownersOf(db, 'location', [...existing.values()]);
    const newOwner = audience.kind === 'editor' && audience.organisationIds.length === 1 ? audience.organisationIds[0]! : null;
    const plan: Plan = { inserts: [], updates: [], service: [] };
    for (const r of rows) {
      const id = existing.get(r.key);
      if (id ? !may(audience, 'edit', owners.get(id)!) : audience.kind !== 'admin' && !newOwner) {
        errors.push({ row: r.row, column: 'extern_id', message: id ? 'u mag deze locatie niet wijzigen (ze is van een andere organisatie)' : 'u mag geen locaties toevoegen' });
        continue;
      }
      if (r.values.buurtcode && !known.has(r.values.buurtcode)) errors.push({ row: r.row, column: 'buurtcode', message: `buurt ${r.values.buurtcode} bestaat niet` });
      const values: Record<string, unknown> = {};
      for (const f of FIELDS) if (headers.has(f.header)) values[f.column] = r.values[f.header];
      if (id) plan.updates.push({ id, ...values }); else plan.inserts.push({ external_id: r.key, organisation_id: newOwner, ...values });
      const input = locationServiceInput(r.values, headers);
      if (hasInput(input)) plan.service.push({ key: r.key, id, input });
    }
    return { errors, plan };
  },
  async write(trx, raw, headers) {
    const plan = raw as Plan;
    const cols = FIELDS.filter((f) => headers.has(f.header)).map((f) => ({ name: f.column, type: f.sql }));
    const { inserted, updated } = await upsertRows(trx, 'locations', [{ name: 'organisation_id', type: 'uuid', keepWhenNull: true }, ...cols], [...plan.inserts, ...plan.updates]);
    for (const x of plan.service) {
      const id = x.id ?? inserted.get(x.key)!;
      if (await writeLocationService(trx, id, x.input) && x.id) updated.add(id);
    }
    // audit: one entry per created/updated location
    return { created: inserted.size, updated: updated.size };
  },
};
