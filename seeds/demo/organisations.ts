// The organisations working in the demo wijk. Fictional names; websites and e-mail on
// `.example` domains (RFC 2606) so nothing in the demo points at a real organisation.
// `domain` also builds the staff e-mail addresses (voornaam.achternaam@domain).

export interface OrganisationSeed {
  key: string;
  name: string;
  description: string;
  domain: string;
  website: string;
  phone: string;
  email: string;
}

export const ORGANISATIONS = [
  { key: 'gemeente', name: 'Gemeente Lindeburg', domain: 'lindeburg.example', website: 'https://www.lindeburg.example',
    phone: '036-5391000', email: 'info@lindeburg.example',
    description: 'De gemeente regelt hulp en ondersteuning via de Wmo, de Jeugdwet en de Participatiewet. Bij het Wmo-loket, Schuldhulpverlening en Werk en Inkomen kunt u terecht met vragen over zorg, geld en werk.' },
  { key: 'wijkteams', name: 'Stichting Wijkteams Lindeburg', domain: 'wijkteamslindeburg.example', website: 'https://www.wijkteamslindeburg.example',
    phone: '036-5392000', email: 'info@wijkteamslindeburg.example',
    description: 'De stichting voert in opdracht van de gemeente de sociale wijkteams en het jeugd- en gezinsteam uit. Eén plek in de buurt voor alle vragen over zorg, opvoeden, geld en meedoen.' },
  { key: 'welzijn', name: 'Welzijn Lindeburg', domain: 'welzijnlindeburg.example', website: 'https://www.welzijnlindeburg.example',
    phone: '036-5393000', email: 'info@welzijnlindeburg.example',
    description: 'Welzijnsorganisatie voor heel Lindeburg: opbouwwerk, jongerenwerk, ouderenadvies, mantelzorgondersteuning, sociaal raadslieden, buurtbemiddeling en de vrijwilligerscentrale. Wij beheren ook wijkcentrum De Linde.' },
  { key: 'ggz', name: 'GGZ Polderland', domain: 'ggzpolderland.example', website: 'https://www.ggzpolderland.example',
    phone: '036-5394000', email: 'info@ggzpolderland.example',
    description: 'Instelling voor geestelijke gezondheidszorg in de regio. In Lindeburg werken een FACT-team, een wijk-GGZ-team en herstelcentrum De Brug.' },
  { key: 'kompas', name: 'Kompas Jeugdhulp', domain: 'kompasjeugdhulp.example', website: 'https://www.kompasjeugdhulp.example',
    phone: '036-5395000', email: 'info@kompasjeugdhulp.example',
    description: 'Aanbieder van ambulante jeugdhulp en schoolmaatschappelijk werk. Wij helpen kinderen, jongeren en ouders thuis, op school en in de buurt.' },
  { key: 'lindewaarde', name: 'Zorggroep Lindewaarde', domain: 'lindewaarde.example', website: 'https://www.lindewaarde.example',
    phone: '036-5396000', email: 'info@lindewaarde.example',
    description: 'Zorggroep voor wijkverpleging, thuiszorg en verpleeghuiszorg. Met zorgcentrum Lindewaarde aan de beek en twee wijkverpleegteams.' },
  { key: 'hap_lindehof', name: 'Gezondheidscentrum Lindehof', domain: 'gc-lindehof.example', website: 'https://www.gc-lindehof.example',
    phone: '036-5397100', email: 'praktijk@gc-lindehof.example',
    description: 'Huisartsenpraktijk in gezondheidscentrum Lindehof, samen met de wijkverpleging, fysiotherapie en de wijk-GGZ onder één dak.' },
  { key: 'hap_esch', name: 'Huisartsenpraktijk De Esch', domain: 'huisartsendeesch.example', website: 'https://www.huisartsendeesch.example',
    phone: '036-5397200', email: 'praktijk@huisartsendeesch.example',
    description: 'Huisartsenpraktijk met drie huisartsen aan de Hooiweide, voor patiënten uit De Esch, Oude Kern en Lindehof.' },
  { key: 'hap_oude_kern', name: 'Huisartsenpraktijk Oude Kern', domain: 'huisartsoudekern.example', website: 'https://www.huisartsoudekern.example',
    phone: '036-5397300', email: 'praktijk@huisartsoudekern.example',
    description: 'Kleine huisartsenpraktijk in het oude dorpshart, al veertig jaar aan de Dorpsstraat.' },
  { key: 'hap_beekdal', name: 'Huisartsen Beekdal', domain: 'huisartsenbeekdal.example', website: 'https://www.huisartsenbeekdal.example',
    phone: '036-5397400', email: 'praktijk@huisartsenbeekdal.example',
    description: 'Huisartsenpraktijk naast zorgcentrum Lindewaarde, met extra aandacht voor ouderenzorg.' },
  { key: 'lindewonen', name: 'Woonstichting Lindewonen', domain: 'lindewonen.example', website: 'https://www.lindewonen.example',
    phone: '036-5398000', email: 'info@lindewonen.example',
    description: 'Woningcorporatie met ruim 4.000 huurwoningen in Lindeburg. Wijkconsulenten zijn het aanspreekpunt voor huurders over overlast, huurachterstand en leefbaarheid.' },
  { key: 'politie', name: 'Politie basisteam Lindeburg', domain: 'politie-lindeburg.example', website: 'https://www.politie-lindeburg.example',
    phone: '036-5398500', email: 'basisteam@politie-lindeburg.example',
    description: 'Het basisteam zorgt voor veiligheid in Lindeburg. Elke buurt heeft een wijkagent. Bij spoed belt u altijd 112.' },
  { key: 'onderwijs', name: 'Stichting Onderwijs Lindeburg', domain: 'onderwijslindeburg.example', website: 'https://www.onderwijslindeburg.example',
    phone: '036-5399000', email: 'bestuur@onderwijslindeburg.example',
    description: 'Schoolbestuur van openbare basisschool De Regenboog en het Lindeburg College (vmbo, havo, vwo).' },
  { key: 'fysio', name: 'Fysiotherapie Lindeburg-Oost', domain: 'fysiolindeburg.example', website: 'https://www.fysiolindeburg.example',
    phone: '036-5399500', email: 'info@fysiolindeburg.example',
    description: 'Praktijk voor fysiotherapie, oefentherapie en beweegprogramma’s voor ouderen en mensen met een chronische ziekte.' },
  { key: 'bewoners', name: 'Bewonersvereniging Lindehof Leeft', domain: 'lindehofleeft.example', website: 'https://www.lindehofleeft.example',
    phone: '036-5399800', email: 'bestuur@lindehofleeft.example',
    description: 'Vereniging van en voor bewoners van Lindehof. Wij organiseren buurtactiviteiten en praten mee met gemeente en corporatie over de buurt.' },
] as const satisfies readonly OrganisationSeed[];

export type OrganisationKey = (typeof ORGANISATIONS)[number]['key'];

export function organisationByKey(key: OrganisationKey): OrganisationSeed {
  const organisation = ORGANISATIONS.find((o) => o.key === key);
  if (!organisation) throw new Error(`Unknown organisation ${key}`);
  return organisation;
}
