// Writing a team's or location's service data inside the caller's transaction (the edit kernel
// locks the row and checks the version). A list that equals what is stored touches no row, so
// the version triggers leave the ETag alone; a changed list is replaced in one statement pair,
// which the triggers count as one change of the parent.
import type { Kysely } from 'kysely';
import type { Db } from '../db/sql';
import type { DB } from '../db/types';
import { HttpError } from '../http/errors';
import type { LocationServiceInput, ScheduleInput, TeamServiceInput } from './services.write-schemas';

type Parent = { team_id: string; location_id?: never } | { location_id: string; team_id?: never };
type ChildTable = 'schedules' | 'phones' | 'languages' | 'cost_options' | 'required_documents' | 'accessibility';

const dutchLanguage = new Intl.DisplayNames(['nl'], { type: 'language' });
/** The Dutch name of an ISO 639 code ("ar" → "Arabisch"), or the code itself when unknown. */
export function languageName(code: string): string {
  try { return dutchLanguage.of(code) ?? code; } catch { return code; }
}

const scheduleRow = (s: ScheduleInput) => ({
  freq: s.freq, byday: s.freq ? s.byday.join(',') : null, opens_at: s.opens_at ?? null, closes_at: s.closes_at ?? null,
  valid_from: s.valid_from ?? null, valid_to: s.valid_to ?? null, closed: s.freq ? false : s.closed,
  description: s.description ?? null, notes: s.notes ?? null,
});

/** Rows to compare and write: without ids (an edit that only drops ids changes nothing), in order. */
async function replaceList(trx: Db, table: ChildTable, parent: Parent, rows: Array<Record<string, unknown> & { id?: string | undefined }>): Promise<boolean> {
  const db = trx as unknown as Kysely<any>;
  const [column, value] = parent.team_id ? ['team_id', parent.team_id] : ['location_id', parent.location_id!];
  const wanted = rows.map(({ id, ...r }, i) => ({ ...(id ? { id } : {}), ...r, [column]: value, sort_order: i }));
  const fields = Object.keys(rows[0] ?? {}).filter((f) => f !== 'id');
  const stored: Array<Record<string, unknown>> = await db.selectFrom(table).selectAll().where(column, '=', value).orderBy('sort_order').orderBy('id').execute();
  const norm = (v: unknown) => (v === undefined ? null : typeof v === 'string' && /^\d+\.\d+$/.test(v) ? Number(v) : v);
  const same = stored.length === wanted.length && stored.every((s, i) => {
    const w = wanted[i]! as Record<string, unknown>;
    return (!w.id || w.id === s.id) && fields.every((f) => JSON.stringify(norm(s[f])) === JSON.stringify(norm(w[f])));
  });
  if (same) return false;
  await db.deleteFrom(table).where(column, '=', value).execute();
  if (wanted.length) await db.insertInto(table).values(wanted).execute();
  return true;
}

/** Writes what the input carries; true when anything changed. */
export async function writeTeamService(trx: Db, teamId: string, input: TeamServiceInput): Promise<boolean> {
  const columns = (['interpretation_available', 'minimum_age', 'maximum_age', 'eligibility_description', 'fees_description'] as const).filter((c) => input[c] !== undefined);
  let changed = false;
  if (columns.length) {
    const k = trx as Kysely<DB>;
    const stored = await k.selectFrom('teams').select(columns).where('id', '=', teamId).executeTakeFirst() as Record<string, unknown> | undefined;
    const own = Object.fromEntries(columns.filter((c) => stored?.[c] !== input[c]).map((c) => [c, input[c]]));
    if ('minimum_age' in own || 'maximum_age' in own) {
      const ages = await k.selectFrom('teams').select(['minimum_age', 'maximum_age']).where('id', '=', teamId).executeTakeFirst();
      const min = input.minimum_age !== undefined ? input.minimum_age : ages?.minimum_age ?? null;
      const max = input.maximum_age !== undefined ? input.maximum_age : ages?.maximum_age ?? null;
      if (min !== null && max !== null && min > max) {
        throw new HttpError(400, 'bad_request', 'De leeftijd "tot en met" ligt onder de leeftijd "vanaf".',
          [{ field: 'maximum_age', in: 'body', message: 'maximum_age is below minimum_age' }]);
      }
    }
    if (Object.keys(own).length) { await k.updateTable('teams').set(own).where('id', '=', teamId).execute(); changed = true; }
  }
  const parent = { team_id: teamId };
  const lists = [
    input.schedules && (() => replaceList(trx, 'schedules', parent, input.schedules!.map((s) => ({ id: s.id, ...scheduleRow(s) })))),
    input.phones && (() => replaceList(trx, 'phones', parent, input.phones!.map((p) => ({ id: p.id, number: p.number, type: p.type, description: p.description ?? null })))),
    input.languages && (() => replaceList(trx, 'languages', parent, [...new Map(input.languages!.map((l) => [l.code, l])).values()]
      .map((l) => ({ id: l.id, code: l.code, name: l.name ?? languageName(l.code), note: l.note ?? null })))),
    input.cost_options && (() => replaceList(trx, 'cost_options', parent, input.cost_options!.map((c) => ({
      id: c.id, kind: c.kind, amount: c.amount ?? null, amount_description: c.amount_description ?? null, option: c.option ?? null })))),
    input.required_documents && (() => replaceList(trx, 'required_documents', parent, input.required_documents!.map((d) => ({ id: d.id, document: d.document, uri: d.uri ?? null })))),
  ];
  // One after the other: a transaction runs one statement at a time.
  for (const step of lists) if (step && await step()) changed = true;
  return changed;
}

export async function writeLocationService(trx: Db, locationId: string, input: LocationServiceInput): Promise<boolean> {
  const parent = { location_id: locationId };
  let changed = false;
  if (input.schedules && await replaceList(trx, 'schedules', parent, input.schedules.map((s) => ({ id: s.id, ...scheduleRow(s) })))) changed = true;
  if (input.phones && await replaceList(trx, 'phones', parent, input.phones.map((p) => ({ id: p.id, number: p.number, type: p.type, description: p.description ?? null })))) changed = true;
  if (input.accessibility && await replaceList(trx, 'accessibility', parent, input.accessibility.map((a) => ({
    id: a.id, kind: a.kind, description: a.description ?? null, details: a.details ?? null, url: a.url ?? null })))) changed = true;
  return changed;
}
