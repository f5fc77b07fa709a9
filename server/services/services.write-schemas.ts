// What editors may send as a team's or location's service data (issue 16, modelled on HSDS 3.0).
// Shared by the API and the team edit page (which runs these before sending), so it imports
// only Zod and the field primitives. Every list replaces the stored one; an id is kept when sent
// (HSDS ids survive an edit), else the database makes one.
import { z } from 'zod';
import { NullableDate, NullableText, Phone, Text, Uuid, WebUrl } from '../editing/editing.fields';

export const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export const Day = z.enum(DAYS);
/** A wall-clock time in Europe/Amsterdam, HH:MM; closes_at may be 24:00, or earlier than opens_at (open past midnight). */
export const Time = z.string().trim().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'Een tijd als 09:00');
export const ClosingTime = z.string().trim().regex(/^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$/, 'Een tijd als 17:00');

const Id = Uuid.optional();

/** Weekly hours: the days, opening and closing time; optionally only between two dates (a summer timetable). */
export const WeeklyHours = z.strictObject({
  id: Id,
  freq: z.literal('WEEKLY'),
  byday: z.array(Day).min(1).max(7),
  opens_at: Time,
  closes_at: ClosingTime,
  valid_from: NullableDate.optional(),
  valid_to: NullableDate.optional(),
  description: NullableText(200).optional(),
  notes: NullableText(200).optional(),
});
/** An exception for a date range (a holiday, a closed period): closed, or other hours on those days. */
export const ExceptionHours = z.strictObject({
  id: Id,
  freq: z.null(),
  valid_from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Een datum als 2026-12-25'),
  valid_to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Een datum als 2026-12-26'),
  closed: z.boolean(),
  opens_at: Time.nullable().optional(),
  closes_at: ClosingTime.nullable().optional(),
  description: NullableText(200).optional(),
  notes: NullableText(200).optional(),
}).refine((e) => e.valid_to >= e.valid_from, { message: 'De einddatum ligt voor de begindatum', path: ['valid_to'] })
  .refine((e) => e.closed ? !e.opens_at && !e.closes_at : Boolean(e.opens_at && e.closes_at),
    { message: 'Gesloten, of een openings- en sluitingstijd', path: ['opens_at'] });
export const ScheduleInput = z.union([WeeklyHours, ExceptionHours]);
export type ScheduleInput = z.infer<typeof ScheduleInput>;

export const PHONE_TYPES = ['voice', 'text', 'cell', 'fax', 'video', 'pager', 'textphone'] as const;
export const PhoneInput = z.strictObject({
  id: Id,
  number: Phone.pipe(z.string()),
  type: z.enum(PHONE_TYPES).default('voice'),
  description: NullableText(200).optional(),
});

export const LanguageInput = z.strictObject({
  id: Id,
  /** ISO 639-1 (or -3 when there is no two-letter code), e.g. nl, ar, tr, ti. */
  code: z.string().trim().toLowerCase().regex(/^[a-z]{2,3}$/, 'Een taalcode als ar of tr'),
  /** The Dutch name; filled in from the code when left out. */
  name: NullableText(80).optional(),
  note: NullableText(200).optional(),
});

export const COST_KINDS = ['free', 'contribution', 'insurance', 'gemeente'] as const;
export const CostInput = z.strictObject({
  id: Id,
  kind: z.enum(COST_KINDS),
  /** Euros, for an eigen bijdrage. */
  amount: z.number().min(0).max(100000).nullable().optional(),
  amount_description: NullableText(200).optional(),
  option: NullableText(200).optional(),
});

export const DocumentInput = z.strictObject({ id: Id, document: Text(400).min(1), uri: WebUrl.optional() });

export const ACCESSIBILITY_KINDS = ['wheelchair', 'hearing_loop', 'parking', 'other'] as const;
export const AccessibilityInput = z.strictObject({
  id: Id,
  kind: z.enum(ACCESSIBILITY_KINDS),
  description: NullableText(300).optional(),
  details: NullableText(300).optional(),
  url: WebUrl.optional(),
});

const Age = z.number().int().min(0).max(120);

/** The fields a team write (POST/PATCH /api/teams) may carry besides its own. */
export const teamServiceFields = {
  schedules: z.array(ScheduleInput).max(60),
  phones: z.array(PhoneInput).max(10),
  languages: z.array(LanguageInput).max(40),
  interpretation_available: z.boolean(),
  cost_options: z.array(CostInput).max(10),
  fees_description: NullableText(300),
  minimum_age: Age.nullable(),
  maximum_age: Age.nullable(),
  eligibility_description: NullableText(400),
  required_documents: z.array(DocumentInput).max(20),
};
/** The fields a location write may carry besides its own. */
export const locationServiceFields = {
  schedules: z.array(ScheduleInput).max(60),
  phones: z.array(PhoneInput).max(10),
  accessibility: z.array(AccessibilityInput).max(20),
};

export type TeamServiceInput = Partial<{ [K in keyof typeof teamServiceFields]: z.infer<(typeof teamServiceFields)[K]> }>;
export type LocationServiceInput = Partial<{ [K in keyof typeof locationServiceFields]: z.infer<(typeof locationServiceFields)[K]> }>;

// The short Dutch notation of hours, shared by the CSV format and the team edit page:
// "ma,di,do 09:00-12:00 (notitie)", "vr 14:00-01:00" (past midnight), "2026-12-25/2026-12-26 gesloten (Kerst)",
// "2026-12-24 09:00-12:00". Reads back exactly as written.
const DUTCH_DAYS = ['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo'] as const;
const HOURS = /^(([01][0-9]|2[0-3]):[0-5][0-9])-(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$/;

function withNote(text: string): [string, string | null] {
  const m = /^(.*?)\s*\(([^()|]*)\)\s*$/.exec(text.trim());
  return m ? [m[1]!.trim(), m[2]!.trim() || null] : [text.trim(), null];
}
const addNote = (text: string, note: string | null | undefined) => (note ? `${text} (${note})` : text);

/** One item of the notation as a schedule, or the Dutch reason it cannot be read. */
export function scheduleFromText(text: string): ScheduleInput | string {
  const [body, note] = withNote(text);
  const [first = '', rest = ''] = body.split(/\s+(.*)/s);
  const hours = HOURS.exec(rest.trim());
  const dates = /^(\d{4}-\d{2}-\d{2})(?:\/(\d{4}-\d{2}-\d{2}))?$/.exec(first);
  if (dates) {
    const from = dates[1]!; const to = dates[2] ?? from;
    if (to < from || Number.isNaN(Date.parse(from)) || Number.isNaN(Date.parse(to))) return `${first}: een datum of periode als 2026-12-25/2026-12-26`;
    if (rest.trim() === 'gesloten') return { freq: null, valid_from: from, valid_to: to, closed: true, description: note };
    if (!hours) return `${text}: na de datum "gesloten" of tijden als 09:00-12:00`;
    return { freq: null, valid_from: from, valid_to: to, closed: false, opens_at: hours[1]!, closes_at: hours[3]!, description: note };
  }
  const days = first.split(',').map((d) => DUTCH_DAYS.indexOf(d.trim().toLowerCase() as (typeof DUTCH_DAYS)[number]));
  if (!first || days.some((d) => d < 0)) return `${text}: begin met dagen als ma,di,wo of een datum`;
  if (!hours) return `${text}: tijden als 09:00-17:00 (sluiten voor openen: open tot na middernacht)`;
  return { freq: 'WEEKLY', byday: [...new Set(days)].sort().map((d) => DAYS[d]!), opens_at: hours[1]!, closes_at: hours[3]!, notes: note };
}

export function scheduleToText(s: ScheduleInput): string {
  if (s.freq === null) {
    const dates = s.valid_to && s.valid_to !== s.valid_from ? `${s.valid_from}/${s.valid_to}` : s.valid_from;
    return addNote(`${dates} ${s.closed ? 'gesloten' : `${s.opens_at}-${s.closes_at}`}`, s.description);
  }
  return addNote(`${s.byday.map((d) => DUTCH_DAYS[DAYS.indexOf(d)]).join(',')} ${s.opens_at}-${s.closes_at}`, s.notes);
}
