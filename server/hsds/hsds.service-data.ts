// The structured service data of an imported HSDS record (weekly hours, phones, languages,
// costs, required documents; per location also accessibility), written into the rows that
// the residents' filters read (server/services/), so an imported sociale kaart answers
// "Nu open" and "Gratis" like one kept in Wijkweb. Every item goes through the same input
// schema as an edit; an item that does not fit (a monthly rule, a text too long) is left out
// of the rows and lives on only in the verbatim original (hsds.merge.ts gives it back on
// export). A list the record does not mention is left as it is. Source ids are not reused:
// HSDS data sets share child ids between records (the official example does), rows may not.
import type { z } from 'zod';
import type { Db } from '../db/sql';
import { writeLocationService, writeTeamService } from '../services/services.write';
import {
  AccessibilityInput, CostInput, DocumentInput, LanguageInput, PhoneInput, type LocationServiceInput, type TeamServiceInput, WeeklyHours,
} from '../services/services.write-schemas';
import type { Obj } from './hsds.collect';

const list = (record: Obj, key: string): Obj[] | undefined =>
  Array.isArray(record[key]) ? (record[key] as unknown[]).filter((x): x is Obj => typeof x === 'object' && x !== null) : undefined;

function fitting<S extends z.ZodType>(schema: S, items: unknown[]): z.infer<S>[] {
  return items.flatMap((item) => { const r = schema.safeParse(item); return r.success ? [r.data] : []; });
}

const time = (v: unknown) => (typeof v === 'string' ? v.slice(0, 5) : v);
const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v : undefined);

const schedules = (items: Obj[]) => fitting(WeeklyHours, items.filter((s) => s.freq === 'WEEKLY').map((s) => ({
  freq: 'WEEKLY', byday: typeof s.byday === 'string' ? s.byday.split(',').map((d) => d.trim().toUpperCase()) : s.byday,
  opens_at: time(s.opens_at), closes_at: time(s.closes_at), valid_from: s.valid_from ?? null, valid_to: s.valid_to ?? null,
  description: text(s.description) ?? null, notes: text(s.notes) ?? null,
})));
const phones = (items: Obj[]) => fitting(PhoneInput, items.map((p) => ({ number: p.number, type: p.type ?? 'voice', description: text(p.description) ?? null })));

/** HSDS has no kind of cost: an amount of 0 or the word "gratis"/"free" is free, any other amount an own contribution. */
function costKind(c: Obj): 'free' | 'contribution' | undefined {
  if (c.amount === 0 || /\b(gratis|kosteloos|free)\b/i.test(`${c.option ?? ''} ${c.amount_description ?? ''}`)) return 'free';
  return typeof c.amount === 'number' && c.amount > 0 ? 'contribution' : undefined;
}

function accessibilityKind(a: Obj): 'wheelchair' | 'hearing_loop' | 'parking' | 'other' {
  const words = `${a.description ?? ''} ${a.details ?? ''}`;
  if (/rolstoel|wheelchair|drempelvrij|step-free/i.test(words)) return 'wheelchair';
  if (/ringleiding|hearing loop|induction loop/i.test(words)) return 'hearing_loop';
  if (/parkeer|parking/i.test(words)) return 'parking';
  return 'other';
}

export function teamServiceData(record: Obj): TeamServiceInput {
  const out: TeamServiceInput = {};
  const s = list(record, 'schedules'); if (s) out.schedules = schedules(s);
  const p = list(record, 'phones'); if (p) out.phones = phones(p);
  const l = list(record, 'languages');
  if (l) out.languages = fitting(LanguageInput, l.map((x) => ({ code: x.code, name: text(x.name) ?? null, note: text(x.note) ?? null })));
  const c = list(record, 'cost_options');
  if (c) out.cost_options = fitting(CostInput, c.flatMap((x) => { const kind = costKind(x); return kind ? [{ kind, amount: typeof x.amount === 'number' ? x.amount : null, amount_description: text(x.amount_description) ?? null, option: text(x.option) ?? null }] : []; }));
  const d = list(record, 'required_documents');
  if (d) out.required_documents = fitting(DocumentInput, d.map((x) => ({ document: x.document, ...(text(x.uri) ? { uri: x.uri } : {}) })));
  return out;
}

export function locationServiceData(record: Obj): LocationServiceInput {
  const out: LocationServiceInput = {};
  const s = list(record, 'schedules'); if (s) out.schedules = schedules(s);
  const p = list(record, 'phones'); if (p) out.phones = phones(p);
  const a = list(record, 'accessibility');
  if (a) out.accessibility = fitting(AccessibilityInput, a.map((x) => ({ kind: accessibilityKind(x), description: text(x.description) ?? null, details: text(x.details) ?? null, ...(text(x.url) ? { url: x.url } : {}) })));
  return out;
}

/** Writes the structured data of the imported records; how many teams and locations changed. */
export async function writeImportedServiceData(trx: Db, teams: { id: string; record: Obj }[], locations: { id: string; record: Obj }[]): Promise<number> {
  let changed = 0;
  for (const t of teams) if (await writeTeamService(trx, t.id, teamServiceData(t.record))) changed++;
  for (const l of locations) if (await writeLocationService(trx, l.id, locationServiceData(l.record))) changed++;
  return changed;
}
