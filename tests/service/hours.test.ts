// "Nu open" on a controllable clock: the instant is passed in, the hours are Amsterdam wall-clock
// times. Across midnight, a holiday exception, and the switches to and from summer time.
import { describe, expect, it } from 'vitest';
import { localMoment, openAt, type ScheduleRow, teamOpenAt } from '../../server/services/services.hours';

const weekly = (byday: string, opens: string, closes: string, extra: Partial<ScheduleRow> = {}): ScheduleRow =>
  ({ freq: 'WEEKLY', byday, opens_at: opens, closes_at: closes, valid_from: null, valid_to: null, closed: false, ...extra });
const closedOn = (from: string, to = from): ScheduleRow =>
  ({ freq: null, byday: null, opens_at: null, closes_at: null, valid_from: from, valid_to: to, closed: true });
const at = (iso: string) => new Date(iso);

describe('open now', () => {
  const office = [weekly('MO,TU,WE,TH,FR', '09:00', '17:00')];

  it('is open within the hours and says until when, closed outside them and at the closing minute', () => {
    // Tuesday 8 December 2026, winter time (UTC+1)
    expect(openAt(office, at('2026-12-08T09:30:00Z'))).toEqual({ open: true, until: '17:00' });
    expect(openAt(office, at('2026-12-08T07:59:00Z'))).toEqual({ open: false });
    expect(openAt(office, at('2026-12-08T16:00:00Z'))).toEqual({ open: false }); // 17:00 local
    expect(openAt(office, at('2026-12-12T10:00:00Z'))).toEqual({ open: false }); // Saturday
  });

  it('runs past midnight into the next day, and not into a day after a day without those hours', () => {
    const night = [weekly('FR', '14:00', '01:00')];
    // Friday 11 Dec 23:30 local and Saturday 00:30 local: open until 01.00
    expect(openAt(night, at('2026-12-11T22:30:00Z'))).toEqual({ open: true, until: '01:00' });
    expect(openAt(night, at('2026-12-11T23:30:00Z'))).toEqual({ open: true, until: '01:00' });
    expect(openAt(night, at('2026-12-12T00:00:00Z'))).toEqual({ open: false }); // 01:00 Saturday
    // Thursday night 00:30 (Friday early morning): Thursday has no hours
    expect(openAt(night, at('2026-12-10T23:30:00Z'))).toEqual({ open: false });
  });

  it('joins spans that follow on, and says day and night when it never closes', () => {
    expect(openAt([weekly('MO', '09:00', '12:00'), weekly('MO', '12:00', '17:00')], at('2026-12-07T10:00:00Z'))).toEqual({ open: true, until: '17:00' });
    expect(openAt([weekly('MO,TU,WE,TH,FR,SA,SU', '00:00', '24:00')], at('2026-12-07T02:00:00Z'))).toEqual({ open: true });
  });

  it('is closed on a holiday exception and open again the day after', () => {
    const withChristmas = [...office, closedOn('2026-12-25', '2026-12-26')];
    expect(openAt(withChristmas, at('2026-12-24T10:00:00Z')).open).toBe(true); // Thursday
    expect(openAt(withChristmas, at('2026-12-25T10:00:00Z')).open).toBe(false); // Friday, Christmas
    expect(openAt(withChristmas, at('2026-12-28T10:00:00Z')).open).toBe(true); // Monday
  });

  it('other hours on an exception day replace the weekly ones', () => {
    const shortDay = [...office, { ...closedOn('2026-12-24'), closed: false, opens_at: '09:00', closes_at: '12:00' }];
    expect(openAt(shortDay, at('2026-12-24T09:00:00Z'))).toEqual({ open: true, until: '12:00' });
    expect(openAt(shortDay, at('2026-12-24T12:00:00Z'))).toEqual({ open: false }); // 13:00 local
  });

  it('follows the switch to summer time and back (hours stay wall-clock times)', () => {
    // Sunday 28 March 2027 02:00 CET becomes 03:00 CEST. Monday 29 March 08:30 UTC is 10:30 local.
    expect(localMoment(at('2027-03-28T00:59:00Z'))).toEqual({ date: '2027-03-28', minute: 1 * 60 + 59 });
    expect(localMoment(at('2027-03-28T01:00:00Z'))).toEqual({ date: '2027-03-28', minute: 3 * 60 });
    // 07:30 UTC: in winter 08:30 (closed), in summer 09:30 (open)
    expect(openAt(office, at('2027-03-26T07:30:00Z')).open).toBe(false);
    expect(openAt(office, at('2027-03-29T07:30:00Z'))).toEqual({ open: true, until: '17:00' });
    // 15:30 UTC: in summer 17:30 (closed), in winter again (Monday 1 Nov 2027) 16:30 (open)
    expect(openAt(office, at('2027-03-29T15:30:00Z')).open).toBe(false);
    expect(openAt(office, at('2027-11-01T15:30:00Z'))).toEqual({ open: true, until: '17:00' });
    // A night opening across the switch night: Saturday 27 March 22:00 – 04:00 local
    const night = [weekly('SA', '22:00', '04:00')];
    expect(openAt(night, at('2027-03-28T01:30:00Z'))).toEqual({ open: true, until: '04:00' }); // 03:30 CEST
    expect(openAt(night, at('2027-03-28T02:00:00Z')).open).toBe(false); // 04:00 CEST
  });

  it('uses the locations\' hours for a team without its own, with the team\'s closed day on top', () => {
    const building = [weekly('MO,TU,WE,TH,FR', '08:30', '17:00')];
    expect(teamOpenAt([], [building], at('2026-12-08T09:00:00Z'))).toEqual({ open: true, until: '17:00' });
    expect(teamOpenAt([closedOn('2026-12-08')], [building], at('2026-12-08T09:00:00Z'))).toEqual({ open: false });
    expect(teamOpenAt(office, [[weekly('SA', '10:00', '12:00')]], at('2026-12-12T10:00:00Z'))).toEqual({ open: false });
  });
});
