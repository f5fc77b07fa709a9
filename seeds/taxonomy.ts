// Reference data: team types and help topics from design/taxonomy.md, plus the lay
// words residents actually type, mapped to topics for search. The keys are stable
// (code, URLs and tests use them); labels may be edited in the database afterwards.
import type { TeamCategory } from '../server/db/types';
import type { TeamTypeKey } from '../server/domain/team-types';

export interface TeamTypeSeed {
  key: TeamTypeKey;
  label_nl: string;
  label_en: string;
  framework: string;
  category: TeamCategory;
}

export interface TopicSeed {
  key: string;
  label_nl: string;
  label_en: string;
  domain: string;
}

// Listed per category, most-asked-for first: sort_order follows this order, so an area
// page that groups by category shows the wijkteam before the Wmo-loket, and so on.
export const TEAM_TYPES = [
  // first_contact: where a resident or a professional starts
  { key: 'social_district_team', label_nl: 'Sociaal wijkteam / buurtteam', label_en: 'Social district team', framework: 'Wmo 2015', category: 'first_contact' },
  { key: 'youth_family_team', label_nl: 'Jeugd- en gezinsteam / CJG', label_en: 'Youth and family team', framework: 'Jeugdwet', category: 'first_contact' },
  { key: 'wmo_desk', label_nl: 'Wmo-loket / informatie en advies', label_en: 'Social support desk (Wmo)', framework: 'Wmo 2015', category: 'first_contact' },
  // care: medical and specialised care
  { key: 'gp_practice', label_nl: 'Huisartsenpraktijk (incl. POH-GGZ)', label_en: 'GP practice (incl. mental health nurse)', framework: 'Zvw', category: 'care' },
  { key: 'district_nursing', label_nl: 'Wijkverpleging', label_en: 'District nursing', framework: 'Zvw', category: 'care' },
  { key: 'mental_health_adults', label_nl: 'GGZ voor volwassenen (basis-GGZ, wijk-GGZ)', label_en: 'Adult mental health care', framework: 'Zvw', category: 'care' },
  { key: 'fact_team', label_nl: 'FACT-team (GGZ)', label_en: 'FACT team (assertive community treatment)', framework: 'Zvw', category: 'care' },
  { key: 'ambulatory_youth_care', label_nl: 'Ambulante jeugdhulp (gebiedsgericht)', label_en: 'Ambulatory youth care', framework: 'Jeugdwet', category: 'care' },
  { key: 'youth_health_care', label_nl: 'Jeugdgezondheidszorg (consultatiebureau, GGD)', label_en: 'Youth health care (child health clinic)', framework: 'Wpg', category: 'care' },
  { key: 'addiction_care', label_nl: 'Verslavingszorg', label_en: 'Addiction care', framework: 'Zvw / Wmo', category: 'care' },
  { key: 'physiotherapy', label_nl: 'Fysiotherapie', label_en: 'Physiotherapy', framework: 'Zvw', category: 'care' },
  { key: 'long_term_care', label_nl: 'Langdurige zorg (Wlz, zorgkantoor/aanbieder)', label_en: 'Long-term care', framework: 'Wlz', category: 'care' },
  // Beschermd wonen and jeugdbescherming are care by a decision or a court order.
  { key: 'sheltered_housing', label_nl: 'Beschermd wonen / maatschappelijke opvang', label_en: 'Sheltered housing and shelter', framework: 'Wmo (centrumgemeente)', category: 'care' },
  { key: 'youth_protection', label_nl: 'Jeugdbescherming / jeugdreclassering (GI)', label_en: 'Child protection and youth probation', framework: 'Jeugdwet', category: 'care' },
  // welfare: free, mostly subsidised by the gemeente
  { key: 'general_social_work', label_nl: 'Algemeen maatschappelijk werk', label_en: 'General social work', framework: 'Wmo', category: 'welfare' },
  { key: 'debt_counselling', label_nl: 'Schuldhulpverlening', label_en: 'Debt counselling', framework: 'Wgs', category: 'welfare' },
  { key: 'work_income', label_nl: 'Werk en inkomen (sociale dienst)', label_en: 'Work and income (social services)', framework: 'Participatiewet', category: 'welfare' },
  { key: 'social_legal_aid', label_nl: 'Sociaal raadslieden / formulierenhulp', label_en: 'Social legal aid and help with forms', framework: 'Wmo (subsidy)', category: 'welfare' },
  { key: 'community_development', label_nl: 'Opbouwwerk', label_en: 'Community development', framework: 'welzijn (Wmo)', category: 'welfare' },
  { key: 'youth_work', label_nl: 'Jongerenwerk', label_en: 'Youth work', framework: 'welzijn (Wmo)', category: 'welfare' },
  { key: 'elderly_welfare', label_nl: 'Ouderenadvies / ouderenwerk', label_en: 'Advice and activities for older people', framework: 'welzijn (Wmo)', category: 'welfare' },
  { key: 'informal_care_support', label_nl: 'Steunpunt mantelzorg', label_en: 'Carer support centre', framework: 'Wmo', category: 'welfare' },
  { key: 'school_social_work', label_nl: 'Schoolmaatschappelijk werk', label_en: 'School social work', framework: 'Jeugdwet / onderwijs', category: 'welfare' },
  { key: 'neighbour_mediation', label_nl: 'Buurtbemiddeling', label_en: 'Neighbour mediation', framework: 'welzijn / veiligheid', category: 'welfare' },
  { key: 'community_centre', label_nl: 'Buurthuis / wijkcentrum', label_en: 'Community centre', framework: 'welzijn (Wmo)', category: 'welfare' },
  // informal: residents, volunteers and people with lived experience
  { key: 'residents_association', label_nl: 'Bewonersorganisatie', label_en: "Residents' association", framework: 'informeel', category: 'informal' },
  { key: 'volunteer_centre', label_nl: 'Vrijwilligerscentrale / maatjesproject', label_en: 'Volunteer centre and buddy project', framework: 'informeel', category: 'informal' },
  { key: 'peer_support', label_nl: 'Ervaringsdeskundigen / herstelcentrum', label_en: 'Peer support and recovery centre', framework: 'various', category: 'informal' },
  // other: partners in the wijk that are not care or welfare
  { key: 'school', label_nl: 'School (primair en voortgezet onderwijs)', label_en: 'School (primary and secondary)', framework: 'onderwijs', category: 'other' },
  { key: 'housing_association', label_nl: 'Woningcorporatie (wijkconsulent)', label_en: 'Housing association', framework: 'Woningwet', category: 'other' },
  { key: 'police', label_nl: 'Wijkagent', label_en: 'Community police officer', framework: 'politie', category: 'other' },
  // Veilig Thuis is regional and reached by phone; the UI shows it with the crisis numbers.
  { key: 'domestic_violence_service', label_nl: 'Veilig Thuis', label_en: 'Domestic violence and child abuse advice centre', framework: 'Wmo 2015', category: 'other' },
] as const satisfies readonly TeamTypeSeed[];

// Order and B1 labels as in taxonomy.md (life domains of the Zelfredzaamheid-Matrix).
export const TOPICS = [
  { key: 'debts', label_nl: 'Schulden en geldzorgen', label_en: 'Debts and money worries', domain: 'finance' },
  { key: 'income_benefits', label_nl: 'Inkomen, uitkering en toeslagen', label_en: 'Income, benefits and allowances', domain: 'finance' },
  { key: 'paperwork', label_nl: 'Hulp bij post en formulieren', label_en: 'Help with letters and forms', domain: 'finance' },
  { key: 'housing', label_nl: 'Een woning vinden of houden', label_en: 'Finding or keeping a home', domain: 'housing' },
  { key: 'homelessness', label_nl: 'Geen vaste woonplek', label_en: 'No fixed place to live', domain: 'housing' },
  { key: 'home_adaptations', label_nl: 'Aanpassingen in huis en hulpmiddelen', label_en: 'Home adaptations and aids', domain: 'housing' },
  { key: 'household_help', label_nl: 'Hulp in het huishouden', label_en: 'Help with housekeeping', domain: 'daily_living' },
  { key: 'personal_care', label_nl: 'Verzorging en verpleging thuis', label_en: 'Personal care and nursing at home', domain: 'daily_living' },
  { key: 'transport', label_nl: 'Vervoer en mobiliteit', label_en: 'Transport and mobility', domain: 'daily_living' },
  { key: 'work', label_nl: 'Werk zoeken en aan het werk blijven', label_en: 'Finding and keeping work', domain: 'daytime' },
  { key: 'day_activities', label_nl: 'Dagbesteding', label_en: 'Day activities', domain: 'daytime' },
  { key: 'volunteering', label_nl: 'Vrijwilligerswerk', label_en: 'Volunteering', domain: 'participation' },
  { key: 'language_learning', label_nl: 'Taal leren en lezen/schrijven', label_en: 'Learning Dutch, reading and writing', domain: 'participation' },
  { key: 'newcomers', label_nl: 'Nieuw in Nederland (inburgering)', label_en: 'New in the Netherlands (civic integration)', domain: 'participation' },
  { key: 'physical_health', label_nl: 'Lichamelijke gezondheid', label_en: 'Physical health', domain: 'physical_health' },
  { key: 'disability', label_nl: 'Leven met een beperking', label_en: 'Living with a disability', domain: 'physical_health' },
  { key: 'mental_health', label_nl: 'Psychische klachten', label_en: 'Mental health problems', domain: 'mental_health' },
  { key: 'severe_mental_illness', label_nl: 'Langdurige ernstige psychische problemen', label_en: 'Severe and long-lasting mental illness', domain: 'mental_health' },
  { key: 'dementia', label_nl: 'Geheugenproblemen en dementie', label_en: 'Memory problems and dementia', domain: 'mental_health' },
  { key: 'addiction', label_nl: 'Alcohol, drugs of gokken', label_en: 'Alcohol, drugs or gambling', domain: 'addiction' },
  { key: 'parenting', label_nl: 'Opvoeden en opgroeien', label_en: 'Parenting and growing up', domain: 'family' },
  { key: 'young_children', label_nl: 'Zwangerschap en jonge kinderen (0–4)', label_en: 'Pregnancy and young children (0–4)', domain: 'family' },
  { key: 'school', label_nl: 'School en leerplicht', label_en: 'School and compulsory education', domain: 'family' },
  { key: 'youth', label_nl: 'Jongeren (12–23)', label_en: 'Young people (12–23)', domain: 'family' },
  { key: 'relationship_divorce', label_nl: 'Relatie en scheiding', label_en: 'Relationships and divorce', domain: 'family' },
  { key: 'domestic_violence', label_nl: 'Huiselijk geweld en kindermishandeling', label_en: 'Domestic violence and child abuse', domain: 'safety' },
  { key: 'justice', label_nl: 'Politie, justitie en nazorg', label_en: 'Police, justice and aftercare', domain: 'justice' },
  { key: 'loneliness', label_nl: 'Eenzaamheid en contact met anderen', label_en: 'Loneliness and meeting people', domain: 'social_network' },
  { key: 'informal_care', label_nl: 'Zorgen voor een naaste (mantelzorg)', label_en: 'Caring for someone close (informal care)', domain: 'social_network' },
  { key: 'neighbours', label_nl: 'Problemen met buren', label_en: 'Problems with neighbours', domain: 'social_network' },
  { key: 'community', label_nl: 'Samen iets doen in de buurt', label_en: 'Doing things together in the neighbourhood', domain: 'participation' },
  { key: 'ageing', label_nl: 'Ouder worden en thuis blijven wonen', label_en: 'Growing older and staying at home', domain: 'daily_living' },
  { key: 'crisis', label_nl: 'Acute crisis: direct hulp', label_en: 'Acute crisis: help right now', domain: 'safety' },
] as const satisfies readonly TopicSeed[];

export type TopicKey = (typeof TOPICS)[number]['key'];

export interface TopicSynonymSeed {
  topic_key: TopicKey;
  phrase: string;
  lang: 'nl' | 'en';
}

// What residents type, in their words (lower case; search compares case-insensitively).
// A phrase may point at more than one topic ("burn-out": mental health and work).
const SYNONYMS_NL: Record<TopicKey, readonly string[]> = {
  debts: ['geldzorgen', 'geldproblemen', 'schuld', 'schulden', 'rekeningen', 'rekeningen niet betalen', 'kan de huur niet betalen', 'deurwaarder', 'betalingsachterstand', 'incasso', 'incassobureau', 'aanmaning', 'beslag op loon', 'budgetcoach', 'krap bij kas', 'rood staan', 'geen geld voor eten', 'voedselbank', 'afbetalen', 'schuldsanering', 'wsnp'],
  income_benefits: ['toeslagen', 'huurtoeslag', 'zorgtoeslag', 'kinderopvangtoeslag', 'uitkering', 'bijstand', 'bijstandsuitkering', 'aow', 'ww', 'kwijtschelding', 'minimaregeling', 'laag inkomen', 'pensioen', 'kindgebonden budget'],
  paperwork: ['formulieren', 'brief van de belastingdienst', 'belastingaangifte', 'post', 'brieven', 'digid', 'ik snap de brief niet', 'administratie', 'papieren', 'ooievaarspas', 'bezwaar maken'],
  housing: ['huisuitzetting', 'huurachterstand', 'woning zoeken', 'huurwoning', 'urgentie', 'woningcorporatie', 'verhuizen', 'schimmel in huis', 'vocht in huis', 'huisbaas', 'ontruiming'],
  homelessness: ['dakloos', 'thuisloos', 'geen huis', 'op straat', 'slapen op de bank bij vrienden', 'nachtopvang', 'daklozenopvang', 'geen adres', 'briefadres'],
  home_adaptations: ['traplift', 'rolstoel', 'scootmobiel', 'hulpmiddelen', 'woningaanpassing', 'douchestoel', 'drempels', 'badkamer aanpassen', 'rollator'],
  household_help: ['huishoudelijke hulp', 'schoonmaken', 'poetshulp', 'boodschappen doen', 'wassen en strijken', 'huis wordt vies'],
  personal_care: ['thuiszorg', 'wijkverpleging', 'wijkverpleegkundige', 'verpleging thuis', 'hulp bij douchen', 'steunkousen', 'wondzorg', 'medicijnen klaarzetten', 'pgb'],
  transport: ['vervoer', 'regiotaxi', 'wmo-vervoer', 'taxi naar het ziekenhuis', 'gehandicaptenparkeerkaart', 'niet meer kunnen autorijden'],
  work: ['werk zoeken', 'baan', 'sollicitatie', 'solliciteren', 'ontslag', 'werkloos', 'burn-out', 'ziek thuis van werk', 'stage', 'cv schrijven', 're-integratie'],
  day_activities: ['dagbesteding', 'iets te doen overdag', 'dagopvang', 'werkplaats', 'zinvolle dag'],
  volunteering: ['vrijwilligerswerk', 'vrijwilliger worden', 'iets betekenen voor een ander', 'maatje worden', 'helpen in de buurt'],
  language_learning: ['taalles', 'nederlands leren', 'taalcafé', 'laaggeletterd', 'niet goed kunnen lezen', 'niet goed kunnen schrijven', 'taalmaatje', 'digitaal niet handig'],
  newcomers: ['inburgering', 'statushouder', 'vluchteling', 'nieuwkomer', 'verblijfsvergunning', 'asiel', 'oekraïne', 'gezinshereniging'],
  physical_health: ['ziek', 'pijn', 'huisarts', 'dokter', 'diabetes', 'suikerziekte', 'overgewicht', 'afvallen', 'bewegen', 'fysiotherapie', 'rugpijn', 'chronisch ziek', 'vallen'],
  disability: ['beperking', 'handicap', 'gehandicapt', 'autisme', 'adhd', 'verstandelijke beperking', 'lvb', 'slechtziend', 'doof', 'niet-aangeboren hersenletsel', 'nah'],
  mental_health: ['somber', 'depressie', 'depressief', 'angst', 'paniekaanvallen', 'burn-out', 'psycholoog', 'stress', 'slecht slapen', 'piekeren', 'overspannen', 'trauma', 'rouw', 'poh-ggz', 'psychische klachten'],
  severe_mental_illness: ['psychose', 'schizofrenie', 'bipolair', 'manisch', 'stemmen horen', 'psychiater', 'verward gedrag', 'fact'],
  dementia: ['vergeetachtig', 'alzheimer', 'dementie', 'geheugen', 'dingen vergeten', 'verward', 'casemanager dementie', 'alzheimer café'],
  addiction: ['drank', 'alcohol', 'te veel drinken', 'drugs', 'blowen', 'wiet', 'cocaïne', 'gokken', 'gokverslaving', 'verslaafd', 'verslaving', 'gamen', 'gameverslaving', 'lachgas'],
  parenting: ['opvoeden', 'opvoeding', 'opvoedvragen', 'puber', 'driftbuien', 'mijn kind luistert niet', 'ruzie met mijn kind', 'gezinscoach', 'jeugdhulp', 'cjg', 'pleegzorg'],
  young_children: ['zwanger', 'zwangerschap', 'baby', 'consultatiebureau', 'peuter', 'borstvoeding', 'huilbaby', 'kinderopvang', 'slapen baby'],
  school: ['mijn kind spijbelt', 'spijbelen', 'leerplicht', 'leerplichtambtenaar', 'thuiszitter', 'pesten', 'gepest worden', 'schoolkeuze', 'passend onderwijs', 'huiswerk', 'schooluitval'],
  youth: ['jongeren', 'hangjongeren', 'jongerenwerk', 'tiener', 'mijn zoon hangt op straat', 'jongerencentrum', 'startkwalificatie', 'jongerenwerker'],
  relationship_divorce: ['scheiding', 'scheiden', 'uit elkaar', 'relatieproblemen', 'ruzie thuis', 'omgangsregeling', 'co-ouderschap', 'alimentatie', 'vechtscheiding'],
  domestic_violence: ['mishandeling', 'slaan', 'geslagen worden', 'huiselijk geweld', 'kindermishandeling', 'veilig thuis', 'bang voor mijn partner', 'loverboy', 'eergerelateerd geweld', 'ouderenmishandeling'],
  justice: ['politie', 'wijkagent', 'aangifte doen', 'reclassering', 'gevangenis', 'detentie', 'strafblad', 'nazorg', 'slachtofferhulp', 'inbraak', 'jeugdcriminaliteit'],
  loneliness: ['eenzaam', 'eenzaamheid', 'alleen', 'alleen zijn', 'niemand om mee te praten', 'geen vrienden', 'maatje', 'koffieochtend', 'contact met anderen', 'weduwe', 'weduwnaar'],
  informal_care: ['mantelzorger', 'mantelzorg', 'zorgen voor mijn moeder', 'zorgen voor mijn vader', 'zorgen voor mijn partner', 'overbelast', 'respijtzorg', 'even vrij van zorgen', 'jonge mantelzorger'],
  neighbours: ['ruzie met de buren', 'geluidsoverlast', 'overlast', 'burenruzie', 'buurtbemiddeling', 'lawaai', 'stankoverlast', 'vervuilde woning'],
  community: ['buurthuis', 'wijkcentrum', 'buurtinitiatief', 'bewonersvereniging', 'buurtfeest', 'buurtbudget', 'meedoen in de buurt', 'opbouwwerker', 'wijkbudget'],
  ageing: ['ouder worden', 'oudere', 'senioren', 'ouderenadviseur', 'langer thuis wonen', 'verzorgingshuis', 'verpleeghuis', 'seniorenwoning', 'valpreventie'],
  crisis: ['zelfmoord', 'suïcide', 'niet meer willen leven', 'dood willen', 'noodgeval', 'acuut', 'spoed', 'crisisdienst', 'direct hulp nodig'],
};

// English phrases for expats, students and newcomers who search in English.
const SYNONYMS_EN: Partial<Record<TopicKey, readonly string[]>> = {
  debts: ['debt', 'money problems', 'bailiff', 'unpaid bills'],
  income_benefits: ['benefits', 'allowance', 'welfare benefit'],
  paperwork: ['forms', 'tax letter'],
  housing: ['eviction', 'rent arrears', 'landlord'],
  homelessness: ['homeless', 'rough sleeping'],
  mental_health: ['depression', 'anxiety', 'therapist', 'panic attacks'],
  loneliness: ['lonely', 'loneliness'],
  parenting: ['parenting', 'teenager'],
  school: ['truancy', 'bullying'],
  informal_care: ['carer', 'caregiver'],
  addiction: ['drinking problem', 'drug use', 'gambling'],
  domestic_violence: ['domestic abuse', 'child abuse'],
  neighbours: ['noisy neighbours'],
  dementia: ['dementia', 'memory loss'],
  crisis: ['suicide', 'emergency'],
  work: ['job', 'unemployed'],
  language_learning: ['learn dutch'],
  newcomers: ['refugee', 'residence permit'],
};

function flatten(table: Partial<Record<TopicKey, readonly string[]>>, lang: 'nl' | 'en'): TopicSynonymSeed[] {
  return (Object.entries(table) as [TopicKey, readonly string[]][]).flatMap(([topic_key, phrases]) =>
    phrases.map((phrase) => ({ topic_key, phrase, lang })),
  );
}

export const TOPIC_SYNONYMS: readonly TopicSynonymSeed[] = [
  ...flatten(SYNONYMS_NL, 'nl'),
  ...flatten(SYNONYMS_EN, 'en'),
];
