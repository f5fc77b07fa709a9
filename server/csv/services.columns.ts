// The service-data columns of teams.csv and locaties.csv (issue 16): how a team's or
// location's schedules, phones, languages, costs, ages, documents and accessibility become
// cells and back. Notations in services.values.ts and FORMAT.md. A column left out of a file
// leaves that data alone; an empty cell empties it. Only weekly hours and dated exceptions
// have a notation: other HSDS recurrences (MONTHLY) are not in the CSV format.
import type { LocationServiceData, TeamServiceData } from '../services/services.queries';
import type { LocationServiceInput, ScheduleInput, TeamServiceInput } from '../services/services.write-schemas';
import type { Column } from './csv.kind';
import { decimal, list, optional, text, yesNo } from './csv.values';
import { ACCESSIBILITY, COSTS, LANGUAGES, PHONES, SCHEDULES } from './services.values';

const AGE = optional(decimal(0, 120));
const DOCUMENTS = list(text(400), 20);

export const TEAM_SERVICE_COLUMNS: Column[] = [
  { header: 'tijden', codec: SCHEDULES, doc: 'Inloop- of openingstijden per week en uitzonderingen, gescheiden door | (zie "Openingstijden")' },
  { header: 'telefoons', codec: PHONES, doc: 'Extra telefoonnummers met (notitie), gescheiden door |; sms:, mobiel: of fax: ervoor voor een andere soort' },
  { header: 'talen', codec: LANGUAGES, doc: 'Talen die het team spreekt (ISO 639, bijvoorbeeld nl|ar|tr), met (notitie)' },
  { header: 'tolk', codec: optional(yesNo), doc: 'ja als er een tolk kan komen' },
  { header: 'kosten', codec: COSTS, doc: 'gratis, eigen bijdrage 12,50 (per keer), verzekering of gemeente; gescheiden door |' },
  { header: 'kosten_uitleg', codec: optional(text(300)), doc: 'Eén regel uitleg over de kosten' },
  { header: 'leeftijd_van', codec: AGE, doc: 'Vanaf deze leeftijd (jaren)' },
  { header: 'leeftijd_tot', codec: AGE, doc: 'Tot en met deze leeftijd (jaren)' },
  { header: 'voor_wie', codec: optional(text(400)), doc: 'Voor wie, in gewone woorden' },
  { header: 'documenten', codec: DOCUMENTS, doc: 'Wat u meeneemt, gescheiden door |' },
];
export const LOCATION_SERVICE_COLUMNS: Column[] = [
  { header: 'tijden', codec: SCHEDULES, doc: 'Openingstijden per week en uitzonderingen, gescheiden door | (zie "Openingstijden")' },
  { header: 'telefoons', codec: PHONES, doc: 'Telefoonnummers van het gebouw met (notitie), gescheiden door |' },
  { header: 'toegankelijkheid', codec: ACCESSIBILITY, doc: 'rolstoel, ringleiding, parkeren of anders, elk met (uitleg), gescheiden door |' },
];
export const TEAM_SERVICE_HEADERS = TEAM_SERVICE_COLUMNS.map((c) => c.header);
export const LOCATION_SERVICE_HEADERS = LOCATION_SERVICE_COLUMNS.map((c) => c.header);

const cell = (columns: Column[], header: string, value: unknown) => columns.find((c) => c.header === header)!.codec.write(value);

/** Stored schedules as the CSV writes them (weekly and dated ones only). */
function schedulesIn(schedules: TeamServiceData['schedules']): ScheduleInput[] {
  return schedules.flatMap((s): ScheduleInput[] => {
    if (s.freq === 'WEEKLY' && s.byday && s.opens_at && s.closes_at) {
      return [{ freq: 'WEEKLY', byday: s.byday as never, opens_at: s.opens_at, closes_at: s.closes_at, notes: s.notes }];
    }
    if (s.freq === null && s.valid_from && s.valid_to) {
      return [{ freq: null, valid_from: s.valid_from, valid_to: s.valid_to, closed: s.closed, opens_at: s.opens_at, closes_at: s.closes_at, description: s.description }];
    }
    return [];
  });
}

export function teamServiceCells(d: TeamServiceData): string[] {
  const c = (h: string, v: unknown) => cell(TEAM_SERVICE_COLUMNS, h, v);
  return [
    c('tijden', schedulesIn(d.schedules)), c('telefoons', d.phones), c('talen', d.languages), c('tolk', d.interpretation_available),
    c('kosten', d.cost_options), c('kosten_uitleg', d.fees_description), c('leeftijd_van', d.minimum_age), c('leeftijd_tot', d.maximum_age),
    c('voor_wie', d.eligibility_description), c('documenten', d.required_documents.map((x) => x.document)),
  ];
}

export function locationServiceCells(d: LocationServiceData): string[] {
  const c = (h: string, v: unknown) => cell(LOCATION_SERVICE_COLUMNS, h, v);
  return [c('tijden', schedulesIn(d.schedules)), c('telefoons', d.phones), c('toegankelijkheid', d.accessibility)];
}

/** What a row's service cells ask to write (only the columns the file has). */
export function teamServiceInput(values: Record<string, any>, headers: Set<string>): TeamServiceInput {
  const out: TeamServiceInput = {};
  if (headers.has('tijden')) out.schedules = values.tijden ?? [];
  if (headers.has('telefoons')) out.phones = values.telefoons ?? [];
  if (headers.has('talen')) out.languages = values.talen ?? [];
  if (headers.has('tolk')) out.interpretation_available = values.tolk ?? false;
  if (headers.has('kosten')) out.cost_options = values.kosten ?? [];
  if (headers.has('kosten_uitleg')) out.fees_description = values.kosten_uitleg ?? null;
  if (headers.has('leeftijd_van')) out.minimum_age = values.leeftijd_van === null || values.leeftijd_van === undefined ? null : Math.round(values.leeftijd_van);
  if (headers.has('leeftijd_tot')) out.maximum_age = values.leeftijd_tot === null || values.leeftijd_tot === undefined ? null : Math.round(values.leeftijd_tot);
  if (headers.has('voor_wie')) out.eligibility_description = values.voor_wie ?? null;
  if (headers.has('documenten')) out.required_documents = (values.documenten ?? []).map((document: string) => ({ document }));
  return out;
}

export function locationServiceInput(values: Record<string, any>, headers: Set<string>): LocationServiceInput {
  const out: LocationServiceInput = {};
  if (headers.has('tijden')) out.schedules = values.tijden ?? [];
  if (headers.has('telefoons')) out.phones = values.telefoons ?? [];
  if (headers.has('toegankelijkheid')) out.accessibility = values.toegankelijkheid ?? [];
  return out;
}

export const hasInput = (input: object) => Object.keys(input).length > 0;
