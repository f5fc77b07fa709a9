// The demo's verwijswijzer: five agreed routes, written as a gemeente and its partners would
// start from them. Each step's target is a team type (resolved per address to the team serving
// it and its contact person), a fixed national line, or an instruction. Data only: the
// shape is the API's write schema, so a mistake here fails seeding, not a resident.
//
// Fixed lines used: 112 (acuut gevaar), 113 Zelfmoordpreventie (113 of 0800-0113, gratis),
// Veilig Thuis (0800-2000, gratis, dag en nacht), De Luisterlijn (088-0767000, dag en nacht).
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../server/db/types';
import { PathwayWrite } from '../../server/pathways/pathways.schemas';
import { stableId } from '../ids';

type Step = {
  action: string; resident_action?: string; when?: string; note?: string;
  audience?: 'professionals' | 'residents' | 'both';
  target: { kind: 'team_type'; team_type: string } | { kind: 'service'; name: string; phone?: string; how?: string } | { kind: 'instruction' };
};
interface PathwaySeed {
  key: string; audience: 'professionals' | 'residents' | 'both'; title: string; situation: string;
  resident_title?: string; resident_situation?: string; topics: string[]; steps: Step[]; verifiedDaysAgo: number;
}

const team = (team_type: string) => ({ kind: 'team_type', team_type }) as const;
const instruction = { kind: 'instruction' } as const;
const CALL_112: Step = { action: 'Bel 112', resident_action: 'Bel 112', when: 'bij acuut gevaar', note: 'Als iemand nu in gevaar is: eerst 112, dan de rest.',
  target: { kind: 'service', name: '112 (politie, ambulance, brandweer)', phone: '112', how: 'Dag en nacht.' } };
const VEILIG_THUIS = { kind: 'service', name: 'Veilig Thuis', phone: '0800-2000', how: 'Gratis, dag en nacht. Ook anoniem advies.' } as const;
const LINE_113 = { kind: 'service', name: '113 Zelfmoordpreventie', phone: '0800-0113', how: 'Gratis, dag en nacht; of bel 113, of chat op 113.nl.' } as const;

export const DEMO_PATHWAYS: readonly PathwaySeed[] = [
  {
    key: 'jeugdige', audience: 'both', verifiedDaysAgo: 20,
    title: 'Zorgen over een jeugdige: gedrag, thuis of school',
    situation: 'U maakt zich zorgen over een kind of jongere tot 23 jaar: gedrag, somberheid, problemen thuis of op school. Overleg eerst met het jeugd- en gezinsteam van de buurt, vóór u verwijst naar specialistische jeugdhulp: zij kennen het gezin vaak al en kunnen snel en dichtbij helpen.',
    resident_title: 'Zorgen over uw kind',
    resident_situation: 'Gaat het niet goed met uw kind of tiener? Thuis, op school of met vrienden? U kunt zelf naar het jeugd- en gezinsteam. U heeft geen verwijzing nodig. Het kost niets.',
    topics: ['parenting', 'youth', 'young_children', 'school'],
    steps: [
      CALL_112,
      { action: 'Bel Veilig Thuis', resident_action: 'Bel Veilig Thuis', when: 'bij zorgen over de veiligheid van het kind', target: VEILIG_THUIS },
      { action: 'Overleg eerst met', resident_action: 'Ga naar of bel', note: 'Bel de contactpersoon vóór u verwijst: samen bepaalt u of het team zelf helpt, of welke jeugdhulp nodig is. Zo weet het team van het kind, ook als er later een verwijzing volgt.',
        target: team('youth_family_team') },
      { action: 'Betrek', when: 'als het vooral op school speelt', audience: 'professionals', note: 'Het schoolmaatschappelijk werk kent de leerling en de school; overleg samen met het jeugd- en gezinsteam.',
        target: team('school_social_work') },
      { action: 'Verwijs daarna naar', when: 'alleen na overleg met het jeugd- en gezinsteam', audience: 'professionals', note: 'Ambulante jeugdhulp dichtbij, vóór specialistische of klinische zorg. Verwijs met het team mee, zodat één plan het gezin volgt.',
        target: team('ambulatory_youth_care') },
    ],
  },
  {
    key: 'huiselijk_geweld', audience: 'both', verifiedDaysAgo: 35,
    title: 'Vermoeden van huiselijk geweld of kindermishandeling (meldcode)',
    situation: 'U ziet signalen van huiselijk geweld, kindermishandeling, ouderenmishandeling of seksueel geweld. De meldcode schrijft vijf stappen voor; bij acuut of structureel onveilig meldt u altijd bij Veilig Thuis.',
    resident_title: 'Is het thuis niet veilig?',
    resident_situation: 'Wordt u of iemand anders thuis bedreigd, geslagen of vernederd? Of maakt u zich zorgen over een kind of een oudere? U hoeft dit niet alleen op te lossen. Bel voor advies, ook als u twijfelt.',
    topics: ['domestic_violence', 'justice'],
    steps: [
      CALL_112,
      { action: 'Bel voor advies of een melding', resident_action: 'Bel voor advies', note: 'U kunt ook anoniem bellen. Veilig Thuis denkt met u mee en komt zo nodig in actie.', audience: 'residents', target: VEILIG_THUIS },
      { action: 'Stap 1: breng de signalen in kaart', audience: 'professionals', note: 'Schrijf feitelijk op wat u ziet en hoort, met datum; ook gesprekken en uw eigen stappen. Geen interpretaties.', target: instruction },
      { action: 'Stap 2: overleg met een collega en vraag advies', audience: 'professionals', note: 'Overleg met een collega of de aandachtsfunctionaris, en vraag zo nodig advies bij Veilig Thuis (dat mag anoniem over de cliënt).', target: VEILIG_THUIS },
      { action: 'Stap 3: ga in gesprek met de betrokkene', audience: 'professionals', note: 'Bespreek wat u ziet met de cliënt (bij een kind: met de ouders en het kind, passend bij de leeftijd), tenzij dat de veiligheid in gevaar brengt.', target: instruction },
      { action: 'Stap 4: weeg het geweld met het afwegingskader', audience: 'professionals', note: 'Is er een vermoeden? Is er acute of structurele onveiligheid? Kunt u zelf passende hulp bieden of organiseren?', target: instruction },
      { action: 'Stap 5: meld bij Veilig Thuis', audience: 'professionals', when: 'bij acute of structurele onveiligheid, altijd', note: 'Melden is iets anders dan de zorg overdragen: blijf na de melding betrokken als dat kan.', target: VEILIG_THUIS },
      { action: 'Organiseer hulp met', when: 'als er kinderen in het gezin zijn en u zelf hulp kunt organiseren', audience: 'professionals', target: team('youth_family_team') },
      { action: 'Organiseer hulp met', when: 'bij volwassenen en ouderen', audience: 'professionals', target: team('social_district_team') },
    ],
  },
  {
    key: 'psychische_klachten', audience: 'both', verifiedDaysAgo: 50,
    title: 'Psychische klachten bij een volwassene',
    situation: 'Een volwassene heeft psychische klachten: somberheid, angst, spanning, verward gedrag. Begin dichtbij (POH-GGZ in de huisartsenpraktijk), dan de wijk-GGZ; het FACT-team is er voor ernstige en langdurige psychiatrische problemen. Bij gedachten aan zelfdoding: 113.',
    resident_title: 'Somber, angstig of in de war',
    resident_situation: 'Voelt u zich al een tijd somber, angstig of gespannen? Of maakt u zich zorgen over iemand in uw omgeving? Praat erover. Uw huisarts is de eerste stap. Denkt u aan zelfdoding? Bel dan meteen 113.',
    topics: ['mental_health', 'severe_mental_illness', 'crisis'],
    steps: [
      { action: 'Bel 113', resident_action: 'Bel 113 of 0800-0113', when: 'bij gedachten aan zelfdoding', note: 'Praat er direct over. Ook als naaste kunt u bellen.', target: LINE_113 },
      CALL_112,
      { action: 'Overleg eerst met de POH-GGZ', resident_action: 'Maak een afspraak bij uw huisarts', note: 'De praktijkondersteuner GGZ van de eigen huisartsenpraktijk: kortdurende begeleiding en een goede inschatting of meer nodig is.', target: instruction },
      { action: 'Verwijs door naar', when: 'als de POH-GGZ niet genoeg is', audience: 'professionals', note: 'Wijk-GGZ: behandeling en begeleiding dichtbij, ook thuis.', target: team('mental_health_adults') },
      { action: 'Verwijs naar', when: 'bij ernstige psychiatrische problemen die lang duren', audience: 'professionals', note: 'FACT: intensieve zorg aan huis, ook als iemand zelf geen hulp zoekt.', target: team('fact_team') },
      { action: 'Betrek daarnaast', resident_action: 'Hulp bij geld, wonen of meedoen', when: 'voor wonen, geld, werk of dagbesteding', target: team('social_district_team') },
      { action: 'Wijs op', resident_action: 'Praat met iemand die het kent', when: 'naast behandeling, voor herstel', note: 'Herstel met ervaringsdeskundigen; vrij toegankelijk.', target: team('peer_support') },
    ],
  },
  {
    key: 'schulden', audience: 'both', verifiedDaysAgo: 40,
    title: 'Geldzorgen en schulden',
    situation: 'Iemand heeft betalingsachterstanden of schulden, of raakt de grip op de post kwijt. Hoe eerder hulp komt, hoe kleiner het probleem. Huurachterstand, een afsluiting of een deurwaarder vragen om snelle actie.',
    resident_title: 'Geldzorgen of schulden',
    resident_situation: 'Kunt u uw rekeningen niet meer betalen? Of heeft u een stapel post die u niet opent? Vraag hulp. Hoe eerder, hoe beter. De hulp is gratis.',
    topics: ['debts', 'income_benefits', 'paperwork'],
    steps: [
      { action: 'Verwijs naar', resident_action: 'Bel of loop binnen bij', note: 'Schuldhulpverlening van de gemeente: overzicht, afspraken met schuldeisers, zo nodig een schuldregeling.', target: team('debt_counselling') },
      { action: 'Of naar', resident_action: 'Of ga naar', when: 'als er ook andere zorgen zijn (gezin, wonen, gezondheid)', target: team('social_district_team') },
      { action: 'Bel met voorrang', resident_action: 'Bel meteen', when: 'bij huurachterstand of dreigende ontruiming', note: 'De wijkconsulent kan een betalingsregeling treffen en ontruiming voorkomen.', target: team('housing_association') },
      { action: 'Hulp bij formulieren', resident_action: 'Hulp bij brieven en formulieren', note: 'Sociaal raadslieden helpen met toeslagen, bezwaar en brieven.', target: team('social_legal_aid') },
    ],
  },
  {
    key: 'eenzame_oudere', audience: 'both', verifiedDaysAgo: 60,
    title: 'Een eenzame oudere',
    situation: 'Een oudere is veel alleen, komt de deur weinig uit of mist mensen om zich heen. Een ouderenadviseur komt thuis en zoekt samen met de oudere naar contact en activiteiten dichtbij.',
    resident_title: 'Alleen en ouder',
    resident_situation: 'Bent u veel alleen? Of kent u een oudere die weinig mensen ziet? Er is hulp dichtbij. Iemand komt graag bij u langs om te praten over wat u zou willen.',
    topics: ['loneliness', 'ageing', 'community'],
    steps: [
      { action: 'Meld aan bij', resident_action: 'Bel', note: 'De ouderenadviseur komt thuis, kijkt naar contact, wonen, geld en zorg, en gaat mee naar een eerste activiteit.', target: team('elderly_welfare') },
      { action: 'Bel', resident_action: 'Wilt u nu even praten? Bel', when: 'als iemand nu behoefte heeft aan een gesprek', target: { kind: 'service', name: 'De Luisterlijn', phone: '088-0767000', how: 'Dag en nacht een luisterend oor; ook chat op deluisterlijn.nl.' } },
      { action: 'Ontmoeting in de buurt', resident_action: 'Ontmoet mensen in uw buurt', target: team('community_centre') },
      { action: 'Doe mee met', resident_action: 'Doe mee met', note: 'Bewoners die samen iets organiseren in hun eigen buurt.', target: team('residents_association') },
      { action: 'Betrek', when: 'als er ook zorg nodig is (wassen, medicatie, wondzorg)', audience: 'professionals', target: team('district_nursing') },
      { action: 'Betrek', when: 'als er meer speelt (geld, wonen, mantelzorg)', audience: 'professionals', target: team('social_district_team') },
    ],
  },
];

/** Inserts the demo pathways (ON CONFLICT DO NOTHING under stable ids); returns how many were new. */
export async function seedDemoPathways(trx: Transaction<DB> | Kysely<DB>, now: Date): Promise<number> {
  const rows = DEMO_PATHWAYS.map((p, index) => {
    const input = PathwayWrite.parse({ ...p, sort_order: (index + 1) * 10 });
    return {
      id: stableId('pathway', p.key), key: input.key, audience: input.audience, title: input.title, situation: input.situation,
      resident_title: input.resident_title, resident_situation: input.resident_situation, topics: input.topics,
      steps: JSON.stringify(input.steps), sort_order: input.sort_order,
      last_verified_at: new Date(now.getTime() - p.verifiedDaysAgo * 86_400_000),
    };
  });
  const result = await trx.insertInto('pathways').values(rows).onConflict((oc) => oc.doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n);
}
