// organisaties.csv: extern_id;naam;omschrijving;website;telefoon;email
import { may, ownersOf } from '../domain/permissions';
import { type Kind, exportKey, byCells, type RowError } from './csv.kind';
import { EMAIL, EXTERNAL_ID, optional, PHONE, text, URL_OR_PATH } from './csv.values';
import { matchKeys } from './csv.keys';
import { type SqlType, upsertRows } from '../db/upsert';

const FIELDS: Array<{ header: string; column: string; sql: SqlType }> = [
  { header: 'naam', column: 'name', sql: 'text' },
  { header: 'omschrijving', column: 'description', sql: 'text' },
  { header: 'website', column: 'website', sql: 'text' },
  { header: 'telefoon', column: 'phone', sql: 'text' },
  { header: 'email', column: 'email', sql: 'text' },
];

interface Plan { inserts: Array<Record<string, unknown>>; updates: Array<Record<string, unknown>> }

export const organisationsKind: Kind = {
  name: 'organisations',
  columns: [
    { header: 'extern_id', codec: EXTERNAL_ID, required: true, doc: 'Sleutel van de organisatie (bij een export zonder eigen sleutel: de Wijkweb-id)' },
    { header: 'naam', codec: text(200, true), required: true, doc: 'Naam' },
    { header: 'omschrijving', codec: text(4000), doc: 'Korte omschrijving' },
    { header: 'website', codec: optional(URL_OR_PATH), doc: 'Website (https://…)' },
    { header: 'telefoon', codec: optional(PHONE), doc: 'Algemeen telefoonnummer' },
    { header: 'email', codec: optional(EMAIL), doc: 'Algemeen e-mailadres' },
  ],
  exportHeaders: () => ['extern_id', ...FIELDS.map((f) => f.header)],
  async exportRows(db) {
    const rows = await db.selectFrom('organisations').where('archived_at', 'is', null)
      .select(['id', 'external_id', 'name', 'description', 'website', 'phone', 'email']).execute();
    return rows
      .map((r) => [exportKey(r), r.name, r.description, r.website ?? '', r.phone ?? '', r.email ?? ''])
      .sort((a, b) => byCells([a[1]!, a[0]!], [b[1]!, b[0]!]));
  },
  async check(db, audience, rows, headers) {
    const existing = await matchKeys(db, 'organisations', rows.map((r) => r.key));
    const owners = await ownersOf(db, 'organisation', [...existing.values()]);
    const errors: RowError[] = [];
    const plan: Plan = { inserts: [], updates: [] };
    for (const r of rows) {
      const id = existing.get(r.key);
      // a new organisation is an admin's act; an existing one its own editors'
      if (id ? !may(audience, 'edit', owners.get(id)!) : audience.kind !== 'admin') {
        errors.push({ row: r.row, column: 'extern_id', message: id ? 'u mag deze organisatie niet wijzigen' : 'alleen een beheerder mag organisaties toevoegen' });
        continue;
      }
      const values: Record<string, unknown> = {};
      for (const f of FIELDS) if (headers.has(f.header)) values[f.column] = r.values[f.header];
      if (id) plan.updates.push({ id, ...values }); else plan.inserts.push({ external_id: r.key, ...values });
    }
    return { errors, plan };
  },
  async write(trx, raw, headers) {
    const plan = raw as Plan;
    const cols = FIELDS.filter((f) => headers.has(f.header)).map((f) => ({ name: f.column, type: f.sql }));
    const { inserted, updated } = await upsertRows(trx, 'organisations', cols, [...plan.inserts, ...plan.updates]);
    // audit: one entry per created/updated organisation (the lead adds the audit writer here)
    return { created: inserted.size, updated: updated.size };
  },
};
