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
  /** For residents: what the badge calls it ("Huisarts", "School"), and one plain line under a jargon label. */
  short_nl?: string; short_en?: string; plain_nl?: string; plain_en?: string;
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
  { key: 'social_district_team', label_nl: 'Sociaal wijkteam / buurtteam', label_en: 'Social district team', framework: 'Wmo 2015', category: 'first_contact', short_nl: 'Wijkteam', short_en: 'District team',
    plain_nl: 'Voor vragen over geld, wonen, zorg, gezin of meedoen. Het team kijkt samen met u wat u nodig hebt.',
    plain_en: 'For questions about money, housing, care, family or taking part. The team works out with you what you need.' },
  { key: 'youth_family_team', label_nl: 'Jeugd- en gezinsteam / CJG', label_en: 'Youth and family team', framework: 'Jeugdwet', category: 'first_contact', short_nl: 'Jeugdteam', short_en: 'Youth team',
    plain_nl: 'Voor vragen over opvoeden en opgroeien, van baby tot 23 jaar. U kunt zelf bellen.',
    plain_en: 'For questions about raising and growing up, from baby to 23. You can call yourself.' },
  { key: 'wmo_desk', label_nl: 'Wmo-loket / informatie en advies', label_en: 'Social support desk (Wmo)', framework: 'Wmo 2015', category: 'first_contact', short_nl: 'Loket gemeente', short_en: 'Council desk',
    plain_nl: 'Hier vraagt u hulp van de gemeente aan, zoals hulp in huis of een aanpassing.',
    plain_en: 'Where you apply for support from the council, such as help at home or an adaptation.' },
  // care: medical and specialised care
  { key: 'gp_practice', label_nl: 'Huisartsenpraktijk (incl. POH-GGZ)', label_en: 'GP practice (incl. mental health nurse)', framework: 'Zvw', category: 'care', short_nl: 'Huisarts', short_en: 'GP',
    plain_nl: 'Uw huisarts, en de praktijkondersteuner voor psychische klachten (POH-GGZ).',
    plain_en: 'Your GP, and the practice nurse for mental health problems.' },
  { key: 'district_nursing', label_nl: 'Wijkverpleging', label_en: 'District nursing', framework: 'Zvw', category: 'care', short_nl: 'Wijkverpleging', short_en: 'District nurse',
    plain_nl: 'Verpleging en verzorging bij u thuis.',
    plain_en: 'Nursing and personal care in your home.' },
  { key: 'mental_health_adults', label_nl: 'GGZ voor volwassenen (basis-GGZ, wijk-GGZ)', label_en: 'Adult mental health care', framework: 'Zvw', category: 'care', short_nl: 'GGZ', short_en: 'Mental health',
    plain_nl: 'Hulp bij psychische klachten voor volwassenen. Meestal via de huisarts.',
    plain_en: 'Help with mental health problems for adults. Usually through your GP.' },
  { key: 'fact_team', label_nl: 'FACT-team (GGZ)', label_en: 'FACT team (assertive community treatment)', framework: 'Zvw', category: 'care', short_nl: 'GGZ-team', short_en: 'Mental health team',
    plain_nl: 'Hulp thuis voor mensen met ernstige psychische problemen die lang duren.',
    plain_en: 'Help at home for people with severe, long-lasting mental illness.' },
  { key: 'ambulatory_youth_care', label_nl: 'Ambulante jeugdhulp (gebiedsgericht)', label_en: 'Ambulatory youth care', framework: 'Jeugdwet', category: 'care', short_nl: 'Jeugdhulp', short_en: 'Youth care',
    plain_nl: 'Hulp thuis voor kinderen en ouders als het thuis of met het kind niet goed gaat. Via het jeugdteam of de huisarts.',
    plain_en: 'Help at home for children and parents when things are not going well. Through the youth team or the GP.' },
  { key: 'youth_health_care', label_nl: 'Jeugdgezondheidszorg (consultatiebureau, GGD)', label_en: 'Youth health care (child health clinic)', framework: 'Wpg', category: 'care', short_nl: 'Consultatiebureau', short_en: 'Child health clinic',
    plain_nl: 'Het consultatiebureau en de jeugdarts: groei en gezondheid van uw kind, prikken en advies.',
    plain_en: 'The child health clinic and youth doctor: growth and health of your child, vaccinations and advice.' },
  { key: 'addiction_care', label_nl: 'Verslavingszorg', label_en: 'Addiction care', framework: 'Zvw / Wmo', category: 'care', short_nl: 'Verslavingszorg', short_en: 'Addiction care',
    plain_nl: 'Hulp bij problemen met alcohol, drugs, gokken of gamen.',
    plain_en: 'Help with alcohol, drugs, gambling or gaming problems.' },
  { key: 'physiotherapy', label_nl: 'Fysiotherapie', label_en: 'Physiotherapy', framework: 'Zvw', category: 'care', short_nl: 'Fysiotherapie', short_en: 'Physiotherapy',
    plain_nl: 'Hulp bij pijn en bewegen.',
    plain_en: 'Help with pain and movement.' },
  { key: 'long_term_care', label_nl: 'Langdurige zorg (Wlz, zorgkantoor/aanbieder)', label_en: 'Long-term care', framework: 'Wlz', category: 'care', short_nl: 'Langdurige zorg', short_en: 'Long-term care',
    plain_nl: 'Zorg voor mensen die altijd zorg nodig hebben, thuis of in een zorginstelling.',
    plain_en: 'Care for people who need care all the time, at home or in a care home.' },
  // Beschermd wonen and jeugdbescherming are care by a decision or a court order.
  { key: 'sheltered_housing', label_nl: 'Beschermd wonen / maatschappelijke opvang', label_en: 'Sheltered housing and shelter', framework: 'Wmo (centrumgemeente)', category: 'care', short_nl: 'Opvang', short_en: 'Shelter',
    plain_nl: 'Een slaapplek of woonplek met begeleiding als u geen huis hebt of niet alleen kunt wonen.',
    plain_en: 'A place to sleep or live with support when you have no home or cannot live alone.' },
  { key: 'youth_protection', label_nl: 'Jeugdbescherming / jeugdreclassering (GI)', label_en: 'Child protection and youth probation', framework: 'Jeugdwet', category: 'care', short_nl: 'Jeugdbescherming', short_en: 'Child protection',
    plain_nl: 'Als een rechter heeft besloten dat een kind bescherming nodig heeft.',
    plain_en: 'When a court has decided that a child needs protection.' },
  // welfare: free, mostly subsidised by the gemeente
  { key: 'general_social_work', label_nl: 'Algemeen maatschappelijk werk', label_en: 'General social work', framework: 'Wmo', category: 'welfare', short_nl: 'Maatschappelijk werk', short_en: 'Social work',
    plain_nl: 'Praten over problemen thuis, met geld, relaties of rouw. Gratis.',
    plain_en: 'Talk about problems at home, with money, relationships or grief. Free.' },
  { key: 'debt_counselling', label_nl: 'Schuldhulpverlening', label_en: 'Debt counselling', framework: 'Wgs', category: 'welfare', short_nl: 'Schuldhulp', short_en: 'Debt help',
    plain_nl: 'Hulp als u rekeningen niet kunt betalen of schulden hebt. Gratis.',
    plain_en: 'Help when you cannot pay your bills or have debts. Free.' },
  { key: 'work_income', label_nl: 'Werk en inkomen (sociale dienst)', label_en: 'Work and income (social services)', framework: 'Participatiewet', category: 'welfare', short_nl: 'Werk en inkomen', short_en: 'Work and income',
    plain_nl: 'De gemeente helpt bij een uitkering, toeslagen en werk zoeken.',
    plain_en: 'The council helps with benefits, allowances and finding work.' },
  { key: 'social_legal_aid', label_nl: 'Sociaal raadslieden / formulierenhulp', label_en: 'Social legal aid and help with forms', framework: 'Wmo (subsidy)', category: 'welfare', short_nl: 'Hulp bij post', short_en: 'Help with letters',
    plain_nl: 'Hulp bij brieven, formulieren en regelingen. Gratis.',
    plain_en: 'Help with letters, forms and schemes. Free.' },
  { key: 'community_development', label_nl: 'Opbouwwerk', label_en: 'Community development', framework: 'welzijn (Wmo)', category: 'welfare', short_nl: 'Opbouwwerk', short_en: 'Community work',
    plain_nl: 'Helpt bewoners om samen iets te doen of te verbeteren in de buurt.',
    plain_en: 'Helps residents do or improve things together in the neighbourhood.' },
  { key: 'youth_work', label_nl: 'Jongerenwerk', label_en: 'Youth work', framework: 'welzijn (Wmo)', category: 'welfare', short_nl: 'Jongerenwerk', short_en: 'Youth work',
    plain_nl: 'Voor jongeren: activiteiten, een plek om te zijn en iemand om mee te praten.',
    plain_en: 'For young people: activities, a place to be and someone to talk to.' },
  { key: 'elderly_welfare', label_nl: 'Ouderenadvies / ouderenwerk', label_en: 'Advice and activities for older people', framework: 'welzijn (Wmo)', category: 'welfare', short_nl: 'Ouderenadvies', short_en: 'Advice for older people',
    plain_nl: 'Advies en activiteiten voor ouderen, zodat u langer thuis kunt blijven wonen.',
    plain_en: 'Advice and activities for older people, so you can stay at home longer.' },
  { key: 'informal_care_support', label_nl: 'Steunpunt mantelzorg', label_en: 'Carer support centre', framework: 'Wmo', category: 'welfare', short_nl: 'Mantelzorg', short_en: 'Carer support',
    plain_nl: 'Steun voor mensen die zorgen voor een ziek of oud familielid of vriend.',
    plain_en: 'Support for people who care for a sick or older relative or friend.' },
  { key: 'school_social_work', label_nl: 'Schoolmaatschappelijk werk', label_en: 'School social work', framework: 'Jeugdwet / onderwijs', category: 'welfare', short_nl: 'Hulp op school', short_en: 'Help at school',
    plain_nl: 'Een hulpverlener op school voor kinderen en ouders, bijvoorbeeld bij pesten of problemen thuis.',
    plain_en: 'A social worker at school for children and parents, for example with bullying or problems at home.' },
  { key: 'neighbour_mediation', label_nl: 'Buurtbemiddeling', label_en: 'Neighbour mediation', framework: 'welzijn / veiligheid', category: 'welfare', short_nl: 'Buurtbemiddeling', short_en: 'Neighbour mediation',
    plain_nl: 'Vrijwilligers helpen u een ruzie of overlast met de buren op te lossen. Gratis.',
    plain_en: 'Volunteers help you solve a dispute or nuisance with neighbours. Free.' },
  { key: 'community_centre', label_nl: 'Buurthuis / wijkcentrum', label_en: 'Community centre', framework: 'welzijn (Wmo)', category: 'welfare', short_nl: 'Buurthuis', short_en: 'Community centre',
    plain_nl: 'Een plek in de buurt om mensen te ontmoeten en mee te doen.',
    plain_en: 'A place in the neighbourhood to meet people and join in.' },
  // informal: residents, volunteers and people with lived experience
  { key: 'residents_association', label_nl: 'Bewonersorganisatie', label_en: "Residents' association", framework: 'informeel', category: 'informal', short_nl: 'Bewoners', short_en: 'Residents',
    plain_nl: 'Bewoners die samen opkomen voor de buurt.',
    plain_en: 'Residents who stand up together for the neighbourhood.' },
  { key: 'volunteer_centre', label_nl: 'Vrijwilligerscentrale / maatjesproject', label_en: 'Volunteer centre and buddy project', framework: 'informeel', category: 'informal', short_nl: 'Vrijwilligers', short_en: 'Volunteers',
    plain_nl: 'Vrijwilligerswerk vinden, of een maatje die u helpt.',
    plain_en: 'Find volunteer work, or a buddy to help you.' },
  { key: 'peer_support', label_nl: 'Ervaringsdeskundigen / herstelcentrum', label_en: 'Peer support and recovery centre', framework: 'various', category: 'informal', short_nl: 'Ervaringsdeskundigen', short_en: 'Peer support',
    plain_nl: 'Mensen die zelf psychische problemen of een verslaving hebben gehad, en u helpen.',
    plain_en: 'People who have had mental health problems or an addiction themselves, and help you.' },
  // other: partners in the wijk that are not care or welfare
  { key: 'school', label_nl: 'School (primair en voortgezet onderwijs)', label_en: 'School (primary and secondary)', framework: 'onderwijs', category: 'other', short_nl: 'School', short_en: 'School',
    plain_nl: 'Een school. Voor hulp bij problemen: vraag naar de intern begeleider of het schoolmaatschappelijk werk.',
    plain_en: 'A school. For help with problems: ask for the special needs coordinator or the school social worker.' },
  { key: 'housing_association', label_nl: 'Woningcorporatie (wijkconsulent)', label_en: 'Housing association', framework: 'Woningwet', category: 'other', short_nl: 'Woningcorporatie', short_en: 'Housing association',
    plain_nl: 'Verhuurt sociale huurwoningen. Voor vragen over uw huurhuis of huurachterstand.',
    plain_en: 'Rents out social housing. For questions about your rented home or rent arrears.' },
  { key: 'police', label_nl: 'Wijkagent', label_en: 'Community police officer', framework: 'politie', category: 'other', short_nl: 'Wijkagent', short_en: 'Police officer',
    plain_nl: 'De politieagent van uw buurt. Bij spoed belt u 112.',
    plain_en: 'The police officer for your neighbourhood. In an emergency call 112.' },
  // Veilig Thuis is regional and reached by phone; the UI shows it with the crisis numbers.
  { key: 'domestic_violence_service', label_nl: 'Veilig Thuis', label_en: 'Domestic violence and child abuse advice centre', framework: 'Wmo 2015', category: 'other', short_nl: 'Veilig Thuis', short_en: 'Veilig Thuis',
    plain_nl: 'Bij huiselijk geweld of kindermishandeling. Dag en nacht, gratis: 0800-2000.',
    plain_en: 'For domestic violence or child abuse. Day and night, free: 0800-2000.' },
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
  debts: ['geldzorgen', 'geldproblemen', 'schuld', 'schulden', 'rekeningen', 'rekeningen niet betalen', 'kan de huur niet betalen', 'deurwaarder', 'betalingsachterstand', 'incasso', 'incassobureau', 'aanmaning', 'beslag op loon', 'budgetcoach', 'krap bij kas', 'rood staan', 'geen geld voor eten', 'voedselbank', 'afbetalen', 'schuldsanering', 'wsnp', 'gokschulden', 'schulden door gokken'],
  income_benefits: ['toeslagen', 'huurtoeslag', 'zorgtoeslag', 'kinderopvangtoeslag', 'uitkering', 'bijstand', 'bijstandsuitkering', 'aow', 'ww', 'kwijtschelding', 'minimaregeling', 'laag inkomen', 'pensioen', 'kindgebonden budget'],
  paperwork: ['formulieren', 'brief van de belastingdienst', 'belastingaangifte', 'post', 'brieven', 'digid', 'ik snap de brief niet', 'administratie', 'papieren', 'ooievaarspas', 'bezwaar maken', 'aangifte', 'hulp bij de aangifte', 'belastingformulier', 'toeslag aanvragen'],
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
  disability: ['beperking', 'handicap', 'gehandicapt', 'autisme', 'adhd', 'verstandelijke beperking', 'lvb', 'slechtziend', 'doof', 'niet-aangeboren hersenletsel', 'nah', 'autistisch'],
  mental_health: ['somber', 'depressie', 'depressief', 'angst', 'paniekaanvallen', 'burn-out', 'psycholoog', 'stress', 'slecht slapen', 'piekeren', 'overspannen', 'trauma', 'rouw', 'poh-ggz', 'psychische klachten'],
  severe_mental_illness: ['psychose', 'schizofrenie', 'bipolair', 'manisch', 'stemmen horen', 'psychiater', 'verward gedrag', 'fact'],
  dementia: ['vergeetachtig', 'alzheimer', 'dementie', 'geheugen', 'dingen vergeten', 'verward', 'casemanager dementie', 'alzheimer café'],
  addiction: ['drank', 'alcohol', 'te veel drinken', 'drugs', 'blowen', 'wiet', 'cocaïne', 'gokken', 'gokverslaving', 'verslaafd', 'verslaving', 'gamen', 'gameverslaving', 'lachgas', 'blowt', 'mijn zoon blowt', 'mijn kind blowt', 'gokt', 'gokschulden', 'gamet', 'gameverslaafd', 'drinkt te veel', 'verslaafd aan gamen'],
  parenting: ['opvoeden', 'opvoeding', 'opvoedvragen', 'puber', 'driftbuien', 'mijn kind luistert niet', 'ruzie met mijn kind', 'gezinscoach', 'jeugdhulp', 'cjg', 'pleegzorg', 'autisme', 'adhd', 'mijn kind heeft adhd', 'mijn kind heeft autisme', 'gedragsproblemen', 'mijn kind wordt gepest', 'mijn zoon', 'mijn dochter', 'mijn zoon blowt', 'mijn kind blowt', 'mijn kind gamet te veel'],
  young_children: ['zwanger', 'zwangerschap', 'baby', 'consultatiebureau', 'peuter', 'borstvoeding', 'huilbaby', 'kinderopvang', 'slapen baby'],
  school: ['mijn kind spijbelt', 'spijbelen', 'leerplicht', 'leerplichtambtenaar', 'thuiszitter', 'pesten', 'gepest worden', 'schoolkeuze', 'passend onderwijs', 'huiswerk', 'schooluitval', 'mijn kind wordt gepest', 'wordt gepest op school'],
  youth: ['jongeren', 'hangjongeren', 'jongerenwerk', 'tiener', 'mijn zoon hangt op straat', 'jongerencentrum', 'startkwalificatie', 'jongerenwerker'],
  relationship_divorce: ['scheiding', 'scheiden', 'uit elkaar', 'relatieproblemen', 'ruzie thuis', 'omgangsregeling', 'co-ouderschap', 'alimentatie', 'vechtscheiding', 'we gaan uit elkaar', 'uit elkaar gaan', 'relatie voorbij', 'ex-partner'],
  domestic_violence: ['mishandeling', 'slaan', 'geslagen worden', 'huiselijk geweld', 'kindermishandeling', 'veilig thuis', 'bang voor mijn partner', 'loverboy', 'eergerelateerd geweld', 'ouderenmishandeling'],
  justice: ['politie', 'wijkagent', 'aangifte doen', 'reclassering', 'gevangenis', 'detentie', 'strafblad', 'nazorg', 'slachtofferhulp', 'inbraak', 'jeugdcriminaliteit', 'aangifte bij de politie'],
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
