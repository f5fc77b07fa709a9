// People in welzijn, the corporatie, the police, the schools and the bewonersvereniging.
// Almost all of them work in public: the wijkagent, jongerenwerker and ouderenadviseur
// are known faces in the buurt.
import type { TeamKey } from './teams';
import type { PersonSeed } from './types';

export const WELFARE_PEOPLE = [
  // Opbouwwerk
  { given: 'Ruud', family: 'Schreuder', title: 'opbouwwerker', public: true, photo: true,
    ask: 'bewonersinitiatieven en het buurtbudget', topics: ['community'], days: ['ma', 'di', 'wo', 'do'], workPhone: '036-5393101',
    teams: [{ team: 'opbouwwerk', role: 'lid', since: '2014-02-01', contact: true }] },
  { given: 'Latifa', family: 'Azzouzi', title: 'opbouwwerker', public: true, photo: true, langs: ['nl', 'ar', 'fr'],
    ask: 'vrouwengroepen en het taalcafé', topics: ['community', 'language_learning'], days: ['di', 'wo', 'do'],
    teams: [{ team: 'opbouwwerk', role: 'lid', since: '2019-09-01' }, { team: 'wijkcentrum', role: 'lid', since: '2020-01-01' }] },
  { given: 'Sjoerd', family: 'Wiersma', title: 'opbouwwerker',
    ask: 'overlast en leefbaarheid in de flats', topics: ['neighbours', 'community'], days: ['ma', 'wo', 'vr'],
    teams: [{ team: 'opbouwwerk', role: 'lid', since: '2022-04-01' }] },
  // Jongerenwerk
  { given: 'Jamal', family: 'Ouahabi', title: 'jongerenwerker', public: true, photo: true, langs: ['nl', 'ar'],
    ask: 'jongeren op straat en in De Loods', topics: ['youth'], days: ['di', 'wo', 'do', 'vr'], workPhone: '036-5393201',
    teams: [{ team: 'jongerenwerk', role: 'lid', since: '2015-06-01', contact: true }] },
  { given: 'Sharon', family: 'Esajas', title: 'jongerenwerker', public: true, photo: true, langs: ['nl', 'srn', 'en'],
    ask: 'meidenwerk en weerbaarheid', topics: ['youth', 'school'], days: ['di', 'do', 'vr'],
    teams: [{ team: 'jongerenwerk', role: 'lid', since: '2020-09-01' }] },
  { given: 'Kevin', family: 'de Jong', title: 'jongerenwerker',
    ask: 'gamen, social media en online pesten', topics: ['addiction', 'youth'], days: ['wo', 'do', 'vr'],
    teams: [{ team: 'jongerenwerk', role: 'lid', since: '2023-01-01' }] },
  // Ouderenadvies
  { given: 'Riet', family: 'van Dongen', title: 'ouderenadviseur', public: true, photo: true,
    ask: 'langer thuis wonen en de verhuizing naar een seniorenwoning', topics: ['ageing', 'home_adaptations'], days: ['ma', 'di', 'wo'],
    workPhone: '036-5393301', workPhonePublic: true,
    teams: [{ team: 'ouderenadvies', role: 'lid', since: '2009-03-01', contact: true }] },
  { given: 'Mustafa', family: 'Güneş', title: 'ouderenadviseur', public: true, langs: ['nl', 'tr'],
    ask: 'ouderen met een migratieachtergrond', topics: ['ageing', 'loneliness'], days: ['di', 'wo', 'do'],
    teams: [{ team: 'ouderenadvies', role: 'lid', since: '2018-10-01' }] },
  // Steunpunt Mantelzorg
  { given: 'Annet', family: 'Kramer', title: 'mantelzorgconsulent', public: true, photo: true,
    ask: 'respijtzorg en even vrij van zorgen', topics: ['informal_care'], days: ['ma', 'di', 'do'], workPhone: '036-5393401',
    teams: [{ team: 'mantelzorg', role: 'lid', since: '2013-05-01', contact: true }] },
  { given: 'Lotte', family: 'Dijkstra', title: 'mantelzorgconsulent (jonge mantelzorgers)', public: true, photo: true,
    ask: 'kinderen en jongeren die thuis zorgen', topics: ['informal_care', 'youth'], days: ['wo', 'do', 'vr'],
    teams: [{ team: 'mantelzorg', role: 'lid', since: '2021-09-01' }] },
  // Wijkcentrum De Linde
  { given: 'Henk', family: 'Zwart', title: 'beheerder wijkcentrum', public: true,
    ask: 'een ruimte huren voor een buurtactiviteit', topics: ['community'], days: ['ma', 'di', 'wo', 'do', 'vr'], workPhone: '036-5393501',
    teams: [{ team: 'wijkcentrum', role: 'beheerder', since: '2011-01-01', contact: true }] },
  // Vrijwilligerscentrale
  { given: 'Ellen', family: 'Boersma', title: 'vrijwilligerscoördinator', public: true, photo: true,
    ask: 'vrijwilligerswerk dat bij u past', topics: ['volunteering'], days: ['ma', 'wo', 'do'], workPhone: '036-5393601',
    teams: [{ team: 'vrijwilligers', role: 'coördinator', since: '2016-04-01', contact: true }] },
  { given: 'Tariq', family: 'Hussaini', title: 'coördinator maatjesproject', public: true, langs: ['nl', 'fa', 'en'],
    ask: 'maatjes voor nieuwkomers en eenzame ouderen', topics: ['newcomers', 'loneliness'], days: ['di', 'wo', 'do'],
    teams: [{ team: 'vrijwilligers', role: 'coördinator', since: '2022-02-01' }] },
  // Sociaal Raadslieden
  { given: 'Gerard', family: 'Huisman', title: 'sociaal raadsman', public: true, photo: true,
    ask: 'bezwaar maken tegen een besluit', topics: ['paperwork', 'income_benefits'], days: ['ma', 'wo', 'vr'], workPhone: '036-5393701',
    teams: [{ team: 'raadslieden', role: 'lid', since: '2008-09-01', contact: true }] },
  { given: 'Meryem', family: 'Yıldız', title: 'sociaal raadsvrouw', public: true, photo: true, langs: ['nl', 'tr'],
    ask: 'toeslagen en de belastingaangifte', topics: ['income_benefits', 'paperwork'], days: ['ma', 'di', 'vr'],
    teams: [{ team: 'raadslieden', role: 'lid', since: '2019-02-01' }] },
  // Buurtbemiddeling
  { given: 'Corine', family: 'Rutten', title: 'coördinator buurtbemiddeling', public: true,
    ask: 'burenruzies en geluidsoverlast', topics: ['neighbours'], days: ['di', 'do'], workPhone: '036-5393801',
    availability: 'bereikbaar op dinsdag en donderdag',
    teams: [{ team: 'buurtbemiddeling', role: 'coördinator', since: '2017-06-01', contact: true }] },
  { given: 'Ab', family: 'Prins', title: 'buurtbemiddelaar',
    ask: 'bemiddelen tussen buren', topics: ['neighbours'], days: ['wo'],
    teams: [{ team: 'buurtbemiddeling', role: 'vrijwilliger', since: '2019-11-01' }] },
  // Wijkconsulenten Lindewonen
  { given: 'Patrick', family: 'Maas', title: 'wijkconsulent', public: true, photo: true,
    ask: 'overlast en vervuilde woningen', topics: ['housing', 'neighbours'], days: ['ma', 'di', 'wo', 'do'], workPhone: '036-5398101',
    teams: [{ team: 'wijkconsulenten', role: 'lid', since: '2015-01-01', contact: true }] },
  { given: 'Zeynep', family: 'Polat', title: 'wijkconsulent', public: true, langs: ['nl', 'tr', 'en'],
    ask: 'huurachterstand voorkomen', topics: ['housing', 'debts'], days: ['ma', 'wo', 'do'],
    teams: [{ team: 'wijkconsulenten', role: 'lid', since: '2021-05-01' }] },
  // Wijkagenten
  { given: 'Marco', family: 'Vink', title: 'wijkagent', public: true, photo: true,
    ask: 'veiligheid en overlast in Lindehof en De Esch', topics: ['justice', 'neighbours'], days: ['ma', 'di', 'wo', 'do'],
    workPhone: '036-5398511', workPhonePublic: true,
    teams: [{ team: 'wijkagenten', role: 'wijkagent', since: '2016-09-01', contact: true }] },
  { given: 'Nathalie', family: 'Roos', title: 'wijkagent', public: true, photo: true,
    ask: 'huiselijk geweld en veiligheid thuis', topics: ['domestic_violence', 'justice'], days: ['di', 'wo', 'vr'],
    teams: [{ team: 'wijkagenten', role: 'wijkagent', since: '2019-03-01' }] },
  { given: 'Youssef', family: 'Bennani', title: 'wijkagent (jeugd)', public: true, langs: ['nl', 'ar'],
    ask: 'jongeren en jeugdcriminaliteit', topics: ['youth', 'justice'], days: ['ma', 'do', 'vr'],
    teams: [{ team: 'wijkagenten', role: 'wijkagent', since: '2022-01-01' }] },
  // OBS De Regenboog
  { given: 'Petra', family: 'van Vliet', title: 'intern begeleider', photo: true,
    ask: 'extra ondersteuning in de klas', topics: ['school', 'parenting'], days: ['ma', 'di', 'do'], workPhone: '036-5399101',
    teams: [{ team: 'obs_regenboog', role: 'intern begeleider', since: '2012-08-15', contact: true }] },
  { given: 'Jasper', family: 'Koopman', title: 'directeur basisschool',
    ask: 'samenwerking tussen school en jeugdhulp', topics: ['school'], days: ['ma', 'di', 'wo', 'do', 'vr'],
    teams: [{ team: 'obs_regenboog', role: 'directeur', since: '2020-08-01' }] },
  // Lindeburg College
  { given: 'Simone', family: 'Claassen', title: 'zorgcoördinator', photo: true,
    ask: 'het zorgteam en passend onderwijs', topics: ['school', 'youth'], days: ['ma', 'di', 'wo', 'do'], workPhone: '036-5399201',
    teams: [{ team: 'lindeburg_college', role: 'coördinator', since: '2014-08-15', contact: true }] },
  { given: 'Rachid', family: 'El Khatib', title: 'intern begeleider (onderbouw)', langs: ['nl', 'ar', 'en'],
    ask: 'de overstap van basisschool naar middelbare school', topics: ['school', 'youth'], days: ['di', 'wo', 'vr'],
    teams: [{ team: 'lindeburg_college', role: 'lid', since: '2021-08-15' }] },
  // Bewonersvereniging Lindehof Leeft
  { given: 'Truus', family: 'Vermeer', title: 'voorzitter bewonersvereniging', public: true, photo: true,
    ask: 'de renovatie van de flats en de burendag', topics: ['community', 'neighbours'], days: ['ma', 'wo'],
    teams: [{ team: 'bewoners_lindehof', role: 'voorzitter', since: '2015-05-01', contact: true }] },
  { given: 'Abdi', family: 'Warsame', title: 'bestuurslid bewonersvereniging', public: true, langs: ['nl', 'so', 'en'],
    ask: 'contact met Somalische en Eritrese buren', topics: ['community', 'newcomers'], days: ['wo', 'vr'],
    teams: [{ team: 'bewoners_lindehof', role: 'bestuurslid', since: '2021-06-01' }] },
] as const satisfies readonly PersonSeed<TeamKey>[];
