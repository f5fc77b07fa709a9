// The Dutch HSDS profile: how Wijkweb carries CBS areas, team types, topics and its
// B1 texts in HSDS 3.0. Served at /hsds/profile and linked from GET /hsds/.
import { cbsUri, TEAM_TYPE_TAXONOMY, TOPIC_TAXONOMY } from './hsds.ids';

export const HSDS_VERSION = '3.0';

/** B1 sentences for a team's access route, carried in `application_process` (and read back on import). */
export const ACCESS_TEXT: Record<string, string> = {
  walk_in: 'U kunt zonder afspraak binnenlopen.',
  self_referral: 'U kunt zelf contact opnemen.',
  gp_referral: 'U heeft een verwijzing van de huisarts nodig.',
  district_team_referral: 'U komt hier via het wijkteam.',
  municipal_decision: 'U heeft een beschikking van de gemeente nodig.',
};

export const COVERAGE_PREFIX = 'dekking: ';

/**
 * What an import carries, per HSDS object: the fields Wijkweb keeps in its own columns (and
 * lets teams edit), with the column. Every other field of the specification, and any field
 * beyond it, is kept verbatim (hsds_documents) and exported again unchanged.
 */
export const CARRIED: Record<'service' | 'organization' | 'location', [field: string, column: string][]> = {
  service: [
    ['id', 'teams.id'], ['organization_id', 'teams.organisation_id'], ['name', 'teams.name'], ['description', 'teams.description'],
    ['url', 'teams.website'], ['email', 'teams.public_email'], ['application_process', 'teams.access (vaste B1-zin per toegangsroute)'],
    ['assured_date', 'teams.last_verified_at'], ['last_modified', 'teams.updated_at'], ['phones[0].number', 'teams.public_phone (eerste nummer zonder contact_id)'],
    ['schedules[0].description', 'teams.walk_in_hours'], ['funding[0].source', 'teams.funding'],
    ['service_areas[].uri', 'team_areas (CBS-code; een wijk of gemeente: al haar buurten)'],
    ['attributes[].taxonomy_term', 'teams.team_type en team_topics (Wijkweb-term op id of code)'],
    ['service_at_locations[].location_id', 'team_locations'],
  ],
  organization: [
    ['id', 'organisations.id'], ['name', 'organisations.name'], ['description', 'organisations.description'],
    ['website', 'organisations.website'], ['email', 'organisations.email'], ['phones[0].number', 'organisations.phone'],
    ['services', 'de teams van de organisatie (by id, of met full / full_service)'],
  ],
  location: [
    ['id', 'locations.id'], ['name', 'locations.name'], ['latitude', 'locations.lat'], ['longitude', 'locations.lon'],
    ['addresses[physical].address_1', 'locations.street + locations.house_number'], ['addresses[physical].postal_code', 'locations.postcode'],
    ['addresses[physical].city', 'locations.city'], ['external_identifier', 'locations.buurt_code (CBS-buurtcode)'],
    ['schedules[0].description', 'locations.opening_hours'],
  ],
};

const carriedTable = () => (Object.keys(CARRIED) as (keyof typeof CARRIED)[])
  .map((kind) => `| \`${kind}\` | ${CARRIED[kind].map(([f, c]) => `\`${f}\` → ${c}`).join('; ')} |`).join('\n');

export const PROFILE_MARKDOWN = `# Wijkweb HSDS 3.0 profiel (Nederland)

Wijkweb publiceert zijn sociale kaart als HSDS 3.0 (Open Referral). Dit profiel zegt
hoe Nederlandse begrippen in de standaardvelden staan. Alleen openbare gegevens:
geen personen, geen contactpersonen; telefoon en e-mail zijn die van het team of de organisatie.

| Wijkweb | HSDS 3.0 |
|---|---|
| organisatie | \`organization\` (id = Wijkweb-id), algemeen telefoonnummer in \`phones\` |
| team | \`service\` (id = Wijkweb-id), \`status\` = \`active\` |
| beschrijving (B1, Nederlands) | \`description\`; alle teksten zijn Nederlands (taal \`nl\`), op B1-niveau voor bewoners |
| toegang (binnenlopen, verwijzing …) | \`application_process\`, een vaste B1-zin per toegangsroute |
| financiering (Wmo, Jeugdwet, Zvw …) | \`funding[].source\` |
| openbaar telefoonnummer, e-mail, website | \`phones[]\` (type \`voice\`), \`email\`, \`url\` |
| inloopspreekuur | \`schedules[].description\` (vrije tekst, \`attending_type\` = \`in_person\`) |
| laatst gecontroleerd | \`assured_date\` (datum) |
| werkgebied (CBS-buurten) | \`service_areas[]\`: één per buurt; \`uri\` = \`${cbsUri('BU03440101')}\` (CBS-code), \`name\` = buurtnaam, \`extent\` = GeoJSON-grens (WGS84) met \`extent_type\` = \`geojson\` (in \`/hsds/services/{id}\` en de export; lijsten laten de grens weg), \`description\` = \`${COVERAGE_PREFIX}buurt|wijk|gemeente|regio\` (waarvoor het team de buurt bedient) |
| teamtype | \`attributes[]\` met \`link_type\` = \`team_type\`, term uit taxonomie \`${TEAM_TYPE_TAXONOMY}\` (\`code\` = Wijkweb-sleutel) |
| hulponderwerpen | \`attributes[]\` met \`link_type\` = \`topic\`, termen uit taxonomie \`${TOPIC_TAXONOMY}\` |
| locatie | \`service_at_locations[].location\`: \`latitude\`/\`longitude\` (WGS84), adres in \`addresses[]\` (\`address_1\` = straat + huisnummer, \`postal_code\` = \`1234 AB\`, \`country\` = \`NL\`; \`state_province\` blijft leeg), CBS-buurtcode in \`external_identifier\` (\`external_identifier_type\` = \`cbs_buurtcode\`), openingstijden in \`schedules[].description\` |

Taxonomietermen: \`name\` = Nederlands label, \`description\` = Engels label, \`language\` = \`nl\`.
Ids van taxonomieën, termen, telefoons, roosters en werkgebieden zijn vaste UUID's (versie 5, afgeleid van hun sleutel).

Lijsten zijn gepagineerd (\`page\`, \`per_page\` tot 100) en bevatten volledig geneste services.
Filters (\`search\`, \`taxonomy_term_id\`, \`taxonomy_id\`, \`organization_id\`, \`modified_after\`) gelden samen (EN).

## Wat een import bewaart, en hoe

Niets gaat verloren. Een import bewaart elk record (organization, service met alles wat erin
genest is, location) **letterlijk**, naast wat Wijkweb ervan maakte. Wijkweb zet een deel in
eigen kolommen (die teams kunnen bewerken); de export geeft per veld de waarde van de bron
terug zolang Wijkweb dat veld niet veranderde, en de waarde van Wijkweb als het wel veranderde.
Velden zonder kolom komen letterlijk terug, met hun id's: bij een service o.a. \`alternate_name\`,
\`interpretation_services\`, \`fees_description\`, \`fees\`, \`wait_time\`, \`accreditations\`,
\`eligibility_description\`, \`minimum_age\`, \`maximum_age\`, \`assurer_email\`, \`licenses\`, \`alert\`,
\`program\`, \`program_id\`, \`languages\`, \`cost_options\`, \`required_documents\`, \`contacts\`, \`metadata\`,
\`service_at_locations\` (met \`description\`, \`phones\`, \`schedules\`, \`contacts\` en de hele
\`location\` met \`accessibility\`, \`languages\`, \`transportation\`), alle telefoons, roosters en
werkgebieden na de eerste; bij een organization o.a. \`alternate_name\`, \`tax_status\`, \`tax_id\`,
\`year_incorporated\`, \`legal_status\`, \`logo\`, \`uri\`, \`parent_organization_id\`, \`funding\`,
\`programs\`, \`organization_identifiers\`, \`locations\`, \`contacts\`, \`attributes\`, \`metadata\`;
en elk veld buiten de specificatie. Een standaardwaarde van Wijkweb
(zoals de B1-zin in \`application_process\`) vervangt nooit wat de bron had, of dat de bron het veld wegliet.

In kolommen (veld → kolom):

| HSDS | velden in Wijkweb-kolommen |
|---|---|
${carriedTable()}

Openbaar blijft openbaar: een 06-nummer (ook van een contactpersoon in een geïmporteerd record)
komt nooit in een antwoord of export; contactpersonen worden geen Wijkweb-personen.

Importeren (\`npm run import:hsds\`): records houden hun id; een onbekend teamtype wordt \`other\`
(Overig); werkgebieden met een CBS-code in \`uri\` of \`name\` worden buurten (een wijk- of
gemeentecode: al haar buurten); locaties zonder Nederlandse postcode of geldige coördinaten
worden overgeslagen en gemeld.
`;
