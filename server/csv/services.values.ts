// Cell codecs for service data (issue 16) in teams.csv and locaties.csv: short Dutch notations
// that a person can type in a spreadsheet and that read back exactly as written (FORMAT.md).
// Items are separated by |, a note goes between brackets at the end of an item:
//   openingstijden  ma,di,do 09:00-12:00 (Stadhuis)|vr 14:00-01:00|2026-12-25/2026-12-26 gesloten (Kerst)|2026-12-24 09:00-12:00
//   telefoons       036-5391140 (spoed)|sms:06-21436587 (alleen WhatsApp)
//   talen           nl|ar|tr (op dinsdag)
//   kosten          gratis|eigen bijdrage 38 (per behandeling)|verzekering|gemeente
//   documenten      Een identiteitsbewijs|Uw laatste loonstrook
//   toegankelijkheid rolstoel (Gelijkvloers)|ringleiding|parkeren|anders (Drempel bij de ingang)
import { type ScheduleInput, scheduleFromText, scheduleToText } from '../services/services.write-schemas';
import { type Codec, list, type Read } from './csv.values';

const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const fail = <T>(message: string): Read<T> => ({ ok: false, message });

/** "text (note)" → [text, note]; a note has no | and ends the item. */
function withNote(cell: string): [string, string | null] {
  const m = /^(.*?)\s*\(([^()|]*)\)\s*$/.exec(cell.trim());
  return m ? [m[1]!.trim(), m[2]!.trim() || null] : [cell.trim(), null];
}
const addNote = (text: string, note: string | null | undefined) => (note ? `${text} (${note})` : text);

export const SCHEDULE: Codec<ScheduleInput> = {
  read(cell) {
    const s = scheduleFromText(cell);
    return typeof s === 'string' ? fail(s) : ok(s);
  },
  write: scheduleToText,
};

const PHONE_TYPES: Record<string, 'voice' | 'text' | 'cell' | 'fax' | 'video' | 'pager' | 'textphone'> =
  { sms: 'text', mobiel: 'cell', fax: 'fax', video: 'video', pieper: 'pager', teksttelefoon: 'textphone' };
export interface PhoneCell { number: string; type: 'voice' | 'text' | 'cell' | 'fax' | 'video' | 'pager' | 'textphone'; description: string | null }
export const PHONE_ITEM: Codec<PhoneCell> = {
  read(cell) {
    const [body, note] = withNote(cell);
    const m = /^(?:([a-z]+):)?\s*(\+?[0-9][0-9 ()-]{1,18}[0-9])$/.exec(body);
    if (!m || (m[1] && !PHONE_TYPES[m[1]])) return fail(`${cell}: een nummer, eventueel met soort (sms:, mobiel:, fax:) en (notitie)`);
    return ok({ number: m[2]!, type: m[1] ? PHONE_TYPES[m[1]]! : 'voice', description: note });
  },
  write(p) {
    const prefix = Object.entries(PHONE_TYPES).find(([, v]) => v === p.type)?.[0];
    return addNote(`${prefix ? `${prefix}:` : ''}${p.number}`, p.description);
  },
};

export interface LanguageCell { code: string; note: string | null }
export const LANGUAGE_ITEM: Codec<LanguageCell> = {
  read(cell) {
    const [code, note] = withNote(cell);
    return /^[a-z]{2,3}$/.test(code) ? ok({ code, note }) : fail(`${cell}: een taalcode als ar of tr (ISO 639)`);
  },
  write: (l) => addNote(l.code, l.note),
};

const COST_WORDS = { gratis: 'free', 'eigen bijdrage': 'contribution', verzekering: 'insurance', gemeente: 'gemeente' } as const;
export interface CostCell { kind: 'free' | 'contribution' | 'insurance' | 'gemeente'; amount: number | null; amount_description: string | null }
export const COST_ITEM: Codec<CostCell> = {
  read(cell) {
    const [body, note] = withNote(cell);
    const m = /^(gratis|eigen bijdrage|verzekering|gemeente)(?:\s+([0-9]+(?:[.,][0-9]{1,2})?))?$/.exec(body);
    if (!m) return fail(`${cell}: gratis, eigen bijdrage 12,50, verzekering of gemeente`);
    return ok({ kind: COST_WORDS[m[1] as keyof typeof COST_WORDS], amount: m[2] ? Number(m[2].replace(',', '.')) : null, amount_description: note });
  },
  write(c) {
    const word = Object.entries(COST_WORDS).find(([, v]) => v === c.kind)![0];
    return addNote(c.amount === null ? word : `${word} ${c.amount}`, c.amount_description);
  },
};

const ACCESS_WORDS = { rolstoel: 'wheelchair', ringleiding: 'hearing_loop', parkeren: 'parking', anders: 'other' } as const;
export interface AccessCell { kind: 'wheelchair' | 'hearing_loop' | 'parking' | 'other'; description: string | null }
export const ACCESS_ITEM: Codec<AccessCell> = {
  read(cell) {
    const [word, note] = withNote(cell);
    const kind = ACCESS_WORDS[word as keyof typeof ACCESS_WORDS];
    return kind ? ok({ kind, description: note }) : fail(`${cell}: rolstoel, ringleiding, parkeren of anders, met (uitleg)`);
  },
  write: (a) => addNote(Object.entries(ACCESS_WORDS).find(([, v]) => v === a.kind)![0], a.description),
};

/** The list codecs; `|` inside a note is not allowed (it separates items). */
export const SCHEDULES = list(SCHEDULE, 60);
export const PHONES = list(PHONE_ITEM, 10);
export const LANGUAGES = list(LANGUAGE_ITEM, 40);
export const COSTS = list(COST_ITEM, 10);
export const ACCESSIBILITY = list(ACCESS_ITEM, 20);
