// "Nu open": is a team open at a moment, and until when. Schedules are wall-clock times in
// Europe/Amsterdam, so the moment is first turned into the local date, weekday and minute there
// (Intl knows the summer-time switches). Pure: no database, the caller passes the clock's now.
//
// Written by hand rather than with the `rrule` package: Wijkweb stores only weekly hours by day
// plus dated exceptions, and asks one question (open at this instant?), which needs no expansion
// of occurrences; rrule works in UTC-shaped "floating" dates and needs a second library for time
// zones, which is exactly the part that matters here.

export interface ScheduleRow {
  freq: string | null;
  byday: string | null;
  opens_at: string | null;
  closes_at: string | null;
  valid_from: string | null;
  valid_to: string | null;
  dtstart?: string | null;
  until?: string | null;
  closed: boolean;
}

export const ZONE = 'Europe/Amsterdam';
const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;
const DAY_MINUTES = 24 * 60;

const parts = new Intl.DateTimeFormat('en-CA', {
  timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});

export interface LocalMoment { date: string; minute: number }

/** The local date (YYYY-MM-DD) and minute of the day in Amsterdam at `now`. */
export function localMoment(now: Date): LocalMoment {
  const p = Object.fromEntries(parts.formatToParts(now).map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, minute: Number(p.hour) * 60 + Number(p.minute) };
}

function shiftDate(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
const weekdayOf = (date: string) => WEEKDAYS[new Date(`${date}T12:00:00Z`).getUTCDay()]!;
const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const within = (date: string, from: string | null | undefined, to: string | null | undefined) =>
  (!from || from <= date) && (!to || date <= to);

/** Opening spans [open, close) in minutes of `date`; a close at or before the open runs into the next day (close + 1440). */
function spansOn(rows: readonly ScheduleRow[], date: string): Array<[number, number]> {
  const exceptions = rows.filter((r) => !r.freq && r.valid_from && r.valid_to && within(date, r.valid_from, r.valid_to));
  if (exceptions.some((r) => r.closed)) return [];
  const source = exceptions.length
    ? exceptions
    : rows.filter((r) => r.freq === 'WEEKLY' && r.byday?.split(',').includes(weekdayOf(date))
      && within(date, r.valid_from, r.valid_to) && within(date, r.dtstart, r.until));
  return source.filter((r) => r.opens_at && r.closes_at).map((r) => {
    const open = minutes(r.opens_at!);
    const close = minutes(r.closes_at!);
    return [open, close <= open ? close + DAY_MINUTES : close];
  });
}

/** `until` is left out when open day and night (no closing within 24 hours). */
export interface OpenState { open: boolean; until?: string }

/** Open at `now`? If so, until when (HH:MM local; spans that follow on without a gap count as one). */
export function openAt(rows: readonly ScheduleRow[], now: Date): OpenState {
  const { date, minute } = localMoment(now);
  // Yesterday's spans that run past midnight, moved onto today's minutes.
  const spans = [...spansOn(rows, shiftDate(date, -1)).map(([o, c]) => [o - DAY_MINUTES, c - DAY_MINUTES] as [number, number]),
    ...spansOn(rows, date), ...spansOn(rows, shiftDate(date, 1)).map(([o, c]) => [o + DAY_MINUTES, c + DAY_MINUTES] as [number, number])];
  const current = spans.find(([o, c]) => o <= minute && minute < c);
  if (!current) return { open: false };
  let end = current[1];
  for (let next = spans.find(([o, c]) => o <= end && c > end); next; next = spans.find(([o, c]) => o <= end && c > end)) end = next[1];
  if (end - minute >= DAY_MINUTES) return { open: true }; // day and night
  const m = ((end % DAY_MINUTES) + DAY_MINUTES) % DAY_MINUTES;
  return { open: true, until: `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}` };
}

/** A team's hours: its own when it has weekly hours, else each of its locations' (with the team's own exceptions on top). */
export function teamOpenAt(teamRows: readonly ScheduleRow[], locationRows: ReadonlyArray<readonly ScheduleRow[]>, now: Date): OpenState {
  if (teamRows.some((r) => r.freq === 'WEEKLY')) return openAt(teamRows, now);
  const teamExceptions = teamRows.filter((r) => !r.freq);
  const states = locationRows.map((rows) => openAt([...rows, ...teamExceptions], now)).filter((s) => s.open);
  if (!states.length) return { open: false };
  return states.find((s) => !s.until) ?? states[0]!;
}
