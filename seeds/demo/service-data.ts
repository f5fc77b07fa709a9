// What residents ask before they go, for the demo wijk (issue 16): walk-in hours and opening
// hours as schedules (with Christmas closed, and one team closed on the day the demo is
// loaded), extra phone numbers, languages, costs (most help is free; the fysiotherapeut is
// not), age limits, documents to bring, and accessibility of the buildings.
// Data only; written under stable ids after the teams and locations exist, so seeding again
// changes nothing.
import type { Db } from '../../server/db/sql';
import { stableId } from '../ids';
import type { LocationKey } from './locations';
import type { TeamKey } from './teams';

const WEEKDAYS = 'MO,TU,WE,TH,FR';
type Hours = [byday: string, opens: string, closes: string, notes?: string];

/** Walk-in or service hours per team (the free-text walk-in note stays beside them). */
const TEAM_HOURS: Partial<Record<TeamKey, Hours[]>> = {
  wmo_loket: [[WEEKDAYS, '09:00', '12:00', 'Stadhuis'], ['TH', '13:30', '16:00', 'Wijkcentrum De Linde']],
  schuldhulp: [['TU', '09:00', '12:00', 'Geldspreekuur in het stadhuis']],
  wijkteam_west: [['MO,WE,FR', '09:00', '12:00']],
  wijkteam_centrum: [['TU,TH', '09:00', '12:00']],
  wijkteam_oost: [['MO,TH', '13:00', '16:00']],
  jgt: [['WE', '13:30', '16:30', 'CJG, Spreeuwenlaan']],
  opbouwwerk: [['TU,TH', '10:00', '12:00']],
  // Friday is late: nachtsport until one in the morning.
  jongerenwerk: [['TU,WE,TH', '14:00', '22:00'], ['FR', '14:00', '01:00', 'Vrijdag nachtsport tot 1 uur'], ['SA', '13:00', '18:00']],
  ouderenadvies: [['WE', '10:00', '12:00', 'Buurthuis De Molen']],
  wijkcentrum: [[WEEKDAYS, '09:00', '21:30'], ['SA', '10:00', '16:00']],
  vrijwilligers: [['MO,WE', '10:00', '12:00']],
  raadslieden: [['MO', '13:30', '16:00'], ['FR', '09:30', '12:00']],
  wijkconsulenten: [['WE', '09:00', '11:00']],
  bewoners_lindehof: [['SA', '10:00', '12:00']],
  herstelcentrum: [[WEEKDAYS, '10:00', '16:00']],
  hap_lindehof: [[WEEKDAYS, '08:00', '17:00']],
  hap_de_esch: [[WEEKDAYS, '08:00', '17:00']],
  hap_oude_kern: [['MO,TU,TH,FR', '08:00', '17:00'], ['WE', '08:00', '12:30']],
  hap_beekdal: [[WEEKDAYS, '08:00', '17:00']],
  fysio: [['MO,TU,WE,TH', '07:30', '20:00'], ['FR', '07:30', '17:00']],
};

/** Opening hours per building. The police station's desk answers day and night. */
const LOCATION_HOURS: Partial<Record<LocationKey, Hours[]>> = {
  stadhuis: [['MO,TU,WE,FR', '08:30', '17:00'], ['TH', '08:30', '20:00', 'Donderdagavond alleen burgerzaken']],
  wijkcentrum_de_linde: [[WEEKDAYS, '09:00', '21:30'], ['SA', '10:00', '16:00']],
  buurthuis_de_molen: [[WEEKDAYS, '09:00', '17:00']],
  politiebureau: [['MO,TU,WE,TH,FR,SA,SU', '00:00', '24:00', 'Bel 112 bij spoed, 0900-8844 als het geen spoed heeft']],
};

/** Teams closed over Christmas (the gemeente and its wijkteams). */
const CHRISTMAS_CLOSED: TeamKey[] = ['wmo_loket', 'schuldhulp', 'werk_inkomen', 'wijkteam_west', 'wijkteam_centrum', 'wijkteam_oost', 'jgt'];

/** Closed on the day the demo is loaded. */
const CLOSED_TODAY: { team: TeamKey; description: string } = { team: 'wijkteam_oost', description: 'Teamdag: vandaag gesloten. Bel bij spoed het algemene nummer.' };

type Cost = ['free' | 'contribution' | 'insurance' | 'gemeente', number | null, string | null];
const COSTS: Partial<Record<TeamKey, { options: Cost[]; explanation: string }>> = {
  wmo_loket: { options: [['free', null, null]], explanation: 'Advies is gratis. Voor hulp via de Wmo betaalt u soms een eigen bijdrage.' },
  schuldhulp: { options: [['free', null, null]], explanation: 'Schuldhulp van de gemeente is gratis.' },
  werk_inkomen: { options: [['free', null, null]], explanation: 'Gratis.' },
  wijkteam_west: { options: [['free', null, null]], explanation: 'Gratis.' },
  wijkteam_centrum: { options: [['free', null, null]], explanation: 'Gratis.' },
  wijkteam_oost: { options: [['free', null, null]], explanation: 'Gratis.' },
  jgt: { options: [['free', null, null]], explanation: 'Gratis.' },
  opbouwwerk: { options: [['free', null, null]], explanation: 'Gratis.' },
  jongerenwerk: { options: [['free', null, null]], explanation: 'Gratis. Voor een uitje vragen we soms een kleine bijdrage.' },
  ouderenadvies: { options: [['free', null, null]], explanation: 'Gratis.' },
  mantelzorg: { options: [['free', null, null]], explanation: 'Gratis.' },
  wijkcentrum: { options: [['free', null, null], ['contribution', 2.5, 'per activiteit']], explanation: 'Binnenlopen en koffie zijn gratis; een cursus of activiteit kost meestal € 2,50.' },
  vrijwilligers: { options: [['free', null, null]], explanation: 'Gratis.' },
  raadslieden: { options: [['free', null, null]], explanation: 'Gratis.' },
  buurtbemiddeling: { options: [['free', null, null]], explanation: 'Gratis.' },
  wijkconsulenten: { options: [['free', null, null]], explanation: 'Gratis voor huurders van Lindewonen.' },
  herstelcentrum: { options: [['free', null, null]], explanation: 'Gratis.' },
  kompas_ambulant: { options: [['gemeente', null, null]], explanation: 'Betaald door de gemeente; u betaalt niets.' },
  wijk_ggz: { options: [['insurance', null, null]], explanation: 'Vergoed door uw zorgverzekering; het eigen risico geldt.' },
  fact: { options: [['insurance', null, null]], explanation: 'Vergoed door uw zorgverzekering; het eigen risico geldt.' },
  wijkverpleging_noord: { options: [['insurance', null, null]], explanation: 'Vergoed door uw zorgverzekering, zonder eigen risico.' },
  wijkverpleging_zuid: { options: [['insurance', null, null]], explanation: 'Vergoed door uw zorgverzekering, zonder eigen risico.' },
  hap_lindehof: { options: [['insurance', null, null]], explanation: 'De huisarts kost u niets: de zorgverzekering betaalt.' },
  fysio: { options: [['insurance', null, 'met aanvullende verzekering'], ['contribution', 38, 'per behandeling']],
    explanation: 'Zonder aanvullende verzekering betaalt u zelf € 38 per behandeling.' },
};

type Language = [code: string, name: string, note?: string];
const LANGUAGES: Partial<Record<TeamKey, { spoken: Language[]; interpretation: boolean }>> = {
  wmo_loket: { spoken: [['nl', 'Nederlands'], ['en', 'Engels']], interpretation: true },
  schuldhulp: { spoken: [['nl', 'Nederlands'], ['en', 'Engels'], ['tr', 'Turks', 'Op dinsdag']], interpretation: true },
  wijkteam_west: { spoken: [['nl', 'Nederlands'], ['ar', 'Arabisch'], ['tr', 'Turks'], ['en', 'Engels']], interpretation: true },
  wijkteam_centrum: { spoken: [['nl', 'Nederlands'], ['pl', 'Pools'], ['en', 'Engels']], interpretation: true },
  wijkteam_oost: { spoken: [['nl', 'Nederlands'], ['en', 'Engels']], interpretation: true },
  jgt: { spoken: [['nl', 'Nederlands'], ['tr', 'Turks'], ['en', 'Engels']], interpretation: true },
  raadslieden: { spoken: [['nl', 'Nederlands'], ['ar', 'Arabisch'], ['ti', 'Tigrinya'], ['uk', 'Oekraïens']], interpretation: true },
  hap_lindehof: { spoken: [['nl', 'Nederlands'], ['en', 'Engels'], ['ar', 'Arabisch']], interpretation: true },
  jongerenwerk: { spoken: [['nl', 'Nederlands'], ['en', 'Engels'], ['ar', 'Arabisch']], interpretation: false },
  fysio: { spoken: [['nl', 'Nederlands'], ['en', 'Engels'], ['de', 'Duits']], interpretation: false },
};

const ELIGIBILITY: Partial<Record<TeamKey, { min?: number; max?: number; forWhom: string }>> = {
  schuldhulp: { min: 18, forWhom: 'Voor iedereen vanaf 18 jaar die in Lindeburg woont en zorgen heeft over geld.' },
  jgt: { max: 23, forWhom: 'Voor kinderen, jongeren tot 23 jaar en hun ouders.' },
  jongerenwerk: { min: 12, max: 23, forWhom: 'Voor jongeren van 12 tot en met 23 jaar.' },
  schoolmw: { min: 4, max: 18, forWhom: 'Voor leerlingen en hun ouders.' },
  kompas_ambulant: { max: 18, forWhom: 'Voor kinderen tot 18 jaar en hun gezin, na verwijzing door het jeugd- en gezinsteam.' },
  ouderenadvies: { min: 65, forWhom: 'Voor ouderen vanaf 65 jaar en hun familie.' },
  obs_regenboog: { min: 4, max: 12, forWhom: 'Basisschool voor kinderen van 4 tot 12 jaar.' },
  lindeburg_college: { min: 12, max: 18, forWhom: 'Middelbare school (vmbo, havo, vwo).' },
  wijk_ggz: { min: 18, forWhom: 'Voor volwassenen met psychische klachten, na verwijzing door de huisarts.' },
};

const DOCUMENTS: Partial<Record<TeamKey, string[]>> = {
  schuldhulp: ['Een identiteitsbewijs', 'Uw laatste loonstrook of uitkeringsspecificatie', 'Brieven van schuldeisers en deurwaarders'],
  wmo_loket: ['Een identiteitsbewijs'],
  raadslieden: ['De brief waar u vragen over heeft'],
};

type Phone = [number: string, type: 'voice' | 'text' | 'cell', description: string];
const TEAM_PHONES: Partial<Record<TeamKey, Phone[]>> = {
  schuldhulp: [['036-5391140', 'voice', 'Spoed: beslag, huisuitzetting of afsluiting van gas, water of stroom']],
  wijkteam_oost: [['036-5391150', 'voice', 'Algemeen nummer, ook als het team gesloten is']],
  jongerenwerk: [['06-21436587', 'text', 'Alleen WhatsApp, ma t/m za']],
  wijkagenten: [['0900-8844', 'voice', 'Geen spoed'], ['112', 'voice', 'Spoed: direct gevaar']],
};

type Access = ['wheelchair' | 'hearing_loop' | 'parking' | 'other', string];
const ACCESSIBILITY: Partial<Record<LocationKey, Access[]>> = {
  stadhuis: [['wheelchair', 'Ingang met automatische deur, lift naar alle verdiepingen'], ['hearing_loop', 'Ringleiding bij de balies'], ['parking', 'Gehandicaptenparkeerplaatsen aan het Raadhuisplein']],
  wijkcentrum_de_linde: [['wheelchair', 'Alles gelijkvloers, aangepast toilet'], ['hearing_loop', 'Ringleiding in de grote zaal']],
  gc_lindehof: [['wheelchair', 'Gelijkvloers'], ['parking', 'Eigen parkeerterrein']],
  buurthuis_de_molen: [['other', 'Drempel bij de ingang; vraag binnen naar de oprijplaat']],
  welzijn_markt: [['other', 'Kantoor op de eerste verdieping, geen lift']],
  zorgcentrum_lindewaarde: [['wheelchair', 'Gelijkvloers, aangepast toilet'], ['parking', 'Parkeren voor de deur']],
  fysio_wiekenweg: [['wheelchair', 'Gelijkvloers'], ['parking', 'Gratis parkeren']],
  politiebureau: [['wheelchair', 'Hellingbaan bij de ingang']],
};

const teamId = (key: string) => stableId('team', key);
const locationId = (key: string) => stableId('location', key);

function weekly(kind: 'team' | 'location', key: string, hours: Hours[]) {
  return hours.map(([byday, opens, closes, notes], i) => ({
    id: stableId('schedule', `${kind}/${key}/${i}`), [`${kind}_id`]: kind === 'team' ? teamId(key) : locationId(key),
    freq: 'WEEKLY', byday, opens_at: opens, closes_at: closes, notes: notes ?? null, sort_order: i,
  }));
}

/** The demo's service data, dated from `now` (Christmas of this year; the team closed today). */
export function buildServiceData(now: Date) {
  const year = now.getUTCFullYear();
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(now);
  const schedules: Array<Record<string, unknown>> = [
    ...Object.entries(TEAM_HOURS).flatMap(([key, hours]) => weekly('team', key, hours)),
    ...Object.entries(LOCATION_HOURS).flatMap(([key, hours]) => weekly('location', key, hours)),
    ...CHRISTMAS_CLOSED.map((key) => ({
      id: stableId('schedule', `team/${key}/kerst-${year}`), team_id: teamId(key), freq: null,
      valid_from: `${year}-12-25`, valid_to: `${year}-12-26`, closed: true, description: 'Kerst: gesloten', sort_order: 50 })),
    { id: stableId('schedule', `location/stadhuis/kerst-${year}`), location_id: locationId('stadhuis'), freq: null,
      valid_from: `${year}-12-25`, valid_to: `${year}-12-26`, closed: true, description: 'Kerst: gesloten', sort_order: 50 },
    { id: stableId('schedule', `team/${CLOSED_TODAY.team}/closed-on-load`), team_id: teamId(CLOSED_TODAY.team), freq: null,
      valid_from: today, valid_to: today, closed: true, description: CLOSED_TODAY.description, sort_order: 60 },
  ];
  const cost_options = Object.entries(COSTS).flatMap(([key, c]) => c.options.map(([kind, amount, amountDescription], i) => ({
    id: stableId('cost', `${key}/${i}`), team_id: teamId(key), kind, amount, amount_description: amountDescription, sort_order: i })));
  const languages = Object.entries(LANGUAGES).flatMap(([key, l]) => l.spoken.map(([code, name, note], i) => ({
    id: stableId('language', `${key}/${code}`), team_id: teamId(key), code, name, note: note ?? null, sort_order: i })));
  const required_documents = Object.entries(DOCUMENTS).flatMap(([key, docs]) => docs.map((document, i) => ({
    id: stableId('document', `${key}/${i}`), team_id: teamId(key), document, sort_order: i })));
  const phones = Object.entries(TEAM_PHONES).flatMap(([key, list]) => list.map(([number, type, description], i) => ({
    id: stableId('phone', `${key}/${i}`), team_id: teamId(key), number, type, description, sort_order: i })));
  const accessibility = Object.entries(ACCESSIBILITY).flatMap(([key, list]) => list.map(([kind, description], i) => ({
    id: stableId('accessibility', `${key}/${kind}`), location_id: locationId(key), kind, description, sort_order: i })));
  const teams = [...new Set([...Object.keys(COSTS), ...Object.keys(LANGUAGES), ...Object.keys(ELIGIBILITY)])].map((key) => ({
    id: teamId(key),
    fees_description: COSTS[key as TeamKey]?.explanation ?? null,
    interpretation_available: LANGUAGES[key as TeamKey]?.interpretation ?? false,
    minimum_age: ELIGIBILITY[key as TeamKey]?.min ?? null,
    maximum_age: ELIGIBILITY[key as TeamKey]?.max ?? null,
    eligibility_description: ELIGIBILITY[key as TeamKey]?.forWhom ?? null,
  }));
  return { schedules, cost_options, languages, required_documents, phones, accessibility, teams };
}

/** Writes the demo's service data once (the first schedule row is the marker). */
export async function seedServiceData(db: Db, now: Date): Promise<number> {
  const data = buildServiceData(now);
  const marker = await db.selectFrom('schedules').select('id').where('id', '=', data.schedules[0]!.id as string).executeTakeFirst();
  if (marker) return 0;
  for (const t of data.teams) {
    const { id, ...fields } = t;
    await db.updateTable('teams').set(fields).where('id', '=', id).execute();
  }
  const insert = async (table: 'schedules' | 'cost_options' | 'languages' | 'required_documents' | 'phones' | 'accessibility', rows: Array<Record<string, unknown>>) => {
    if (rows.length) await db.insertInto(table).values(rows as never).onConflict((oc) => oc.doNothing()).execute();
  };
  await insert('schedules', data.schedules);
  await insert('cost_options', data.cost_options);
  await insert('languages', data.languages);
  await insert('required_documents', data.required_documents);
  await insert('phones', data.phones);
  await insert('accessibility', data.accessibility);
  return data.schedules.length;
}
