// The columns of mensen.csv as the import and the export both read them: the membership
// cell, the publishable fields and levels, and which column each header fills. Shared by
// people.kind.ts (the file), people.check.ts (the plan) and people.write.ts (the writes),
// so none of those imports another's internals.
import { type Codec, DATE, EXTERNAL_ID, yesNo } from './csv.values';
import type { SqlType } from '../db/upsert';

export interface MembershipCell { team: string; role: string; contact: boolean; since: string | null }

/** `TEAM:rol:ja:2024-01-31` (role, contact person and since may be left off). */
export const MEMBERSHIP: Codec<MembershipCell> = {
  read: (cell) => {
    const [team = '', role = 'member', contact = 'nee', since = ''] = cell.split(':').map((p) => p.trim());
    const t = EXTERNAL_ID.read(team);
    if (!t.ok) return t;
    if ((role || 'member').length > 60 || /[\u0000-\u001F;,]/.test(role)) return { ok: false, message: 'rol mag hoogstens 60 tekens hebben, zonder ; of ,' };
    const c = yesNo.read(contact);
    if (!c.ok) return c;
    if (since && !DATE.read(since).ok) return { ok: false, message: 'sinds moet een datum zijn als 2025-01-31' };
    return { ok: true, value: { team: t.value, role: role || 'member', contact: c.value, since: since || null } };
  },
  write: (m) => `${m.team}:${m.role}:${yesNo.write(m.contact)}:${m.since ?? ''}`,
};

/** Fields a person can publish to residents besides the contact fields (which use `publiek`). */
export const PUBLISHABLE = ['foto', 'vraag_mij_over'] as const;
export const PUBLISHABLE_FIELD = { foto: 'photo', vraag_mij_over: 'ask_me_about' } as const;
/** Visibility levels in the file, Dutch; empty = leave as it is (or the default for a new person). */
export const LEVELS = { publiek: 'public', professionals: 'professionals', team: 'team' } as const;

export const PEOPLE_FIELDS: Array<{ header: string; column: string; sql: SqlType; keepWhenNull?: boolean; level?: boolean }> = [
  { header: 'voornaam', column: 'given_name', sql: 'text' },
  { header: 'achternaam', column: 'family_name', sql: 'text' },
  { header: 'voornaamwoorden', column: 'pronouns', sql: 'text' },
  { header: 'functie', column: 'job_title', sql: 'text' },
  { header: 'vraag_mij_over', column: 'ask_me_about', sql: 'text' },
  { header: 'talen', column: 'languages', sql: 'text[]' },
  { header: 'werkdagen', column: 'working_days', sql: 'text[]' },
  // no photo in a file (e.g. one exported without consent) keeps the stored address
  { header: 'foto_url', column: 'photo_url', sql: 'text', keepWhenNull: true },
  { header: 'foto_toestemming', column: 'photo_consent', sql: 'boolean' },
  { header: 'publiek_profiel', column: 'public_profile', sql: 'boolean' },
  { header: 'telefoon_mobiel', column: 'phone_mobile', sql: 'text' },
  { header: 'telefoon_mobiel_zichtbaarheid', column: 'phone_mobile_visibility', sql: 'text', keepWhenNull: true, level: true },
  { header: 'telefoon_werk', column: 'phone_work', sql: 'text' },
  { header: 'telefoon_werk_zichtbaarheid', column: 'phone_work_visibility', sql: 'text', keepWhenNull: true, level: true },
  { header: 'email_werk', column: 'email_work', sql: 'text' },
  { header: 'email_werk_zichtbaarheid', column: 'email_work_visibility', sql: 'text', keepWhenNull: true, level: true },
  { header: 'beschikbaarheid', column: 'availability_note', sql: 'text' },
  { header: 'notities', column: 'private_notes', sql: 'text' },
];
