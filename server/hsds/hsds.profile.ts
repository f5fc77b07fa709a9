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

Importeren (\`npm run import:hsds\`): records houden hun id; een onbekend teamtype wordt \`other\`
(Overig); werkgebieden met een CBS-code in \`uri\` of \`name\` worden buurten (een wijk- of
gemeentecode: al haar buurten); locaties zonder Nederlandse postcode of geldige coördinaten
worden overgeslagen en gemeld.
`;
