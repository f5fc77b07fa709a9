// Danger vocabulary: the words people use when they, or someone near them, are not safe,
// and the crisis lines that fit. Pure data, beside the search vocabulary; search.crisis.ts
// matches it. A phrase is a run of words after search's normalisation (lower case, no
// accents, no punctuation); "*" ends a word that may go on ("zelfmoord*" is also
// "zelfmoordgedachten"), and "…" lets up to three words stand between two parts
// ("zorgen … kind … buren"). Filler words ("echt", "gewoon") are skipped on both sides.
//
// Phrases of two words or more on purpose: "dood" alone is also "dood hout", "slaat" alone
// also "de klok slaat". Every phrase here is checked against ordinary searches in
// tests/search/danger.test.ts.

export type DangerKind = 'suicide' | 'violence' | 'emergency' | 'psychiatric';
type Text = { nl: string; en: string };

export interface CrisisLineData {
  key: string;
  name: Text;
  /** As written for people; null when the number is local (the huisartsenpost). */
  number: string | null;
  when: Text;
  text: Text;
  /** A chat or web page beside the number. */
  web?: string;
}

export const CRISIS_LINES = {
  emergency_112: {
    key: 'emergency_112', number: '112', name: { nl: 'Alarmnummer 112', en: 'Emergency number 112' },
    when: { nl: 'Dag en nacht', en: 'Day and night' },
    text: { nl: 'Bent u of iemand anders nu in gevaar? Bel 112.', en: 'Are you or someone else in danger right now? Call 112.' },
  },
  suicide_113: {
    key: 'suicide_113', number: '113', name: { nl: '113 Zelfmoordpreventie', en: '113 Suicide Prevention' },
    when: { nl: 'Dag en nacht, anoniem', en: 'Day and night, anonymous' },
    text: {
      nl: 'Denkt u aan zelfmoord? Praat erover met 113. Bellen kan ook gratis via 0800-0113, of chat op 113.nl.',
      en: 'Thinking about suicide? Talk to 113. Calling is free on 0800-0113, or chat at 113.nl.',
    },
    web: 'https://www.113.nl',
  },
  suicide_0800_0113: {
    key: 'suicide_0800_0113', number: '0800-0113', name: { nl: '113 Zelfmoordpreventie, gratis', en: '113 Suicide Prevention, free' },
    when: { nl: 'Dag en nacht, gratis en anoniem', en: 'Day and night, free and anonymous' },
    text: { nl: 'Hetzelfde als 113, maar gratis.', en: 'The same as 113, but free of charge.' },
  },
  veilig_thuis: {
    key: 'veilig_thuis', number: '0800-2000', name: { nl: 'Veilig Thuis', en: 'Veilig Thuis (Safe at Home)' },
    when: { nl: 'Dag en nacht, gratis en anoniem', en: 'Day and night, free and anonymous' },
    text: {
      nl: 'Bij huiselijk geweld of kindermishandeling. Ook als u zich zorgen maakt over iemand anders, of als u het niet zeker weet.',
      en: 'For domestic violence or child abuse. Also when you are worried about someone else, or are not sure.',
    },
  },
  gp_out_of_hours: {
    key: 'gp_out_of_hours', number: null, name: { nl: 'Uw huisarts of de huisartsenpost', en: 'Your GP or the out-of-hours GP service' },
    when: { nl: 'Overdag de huisarts; \'s avonds, \'s nachts en in het weekend de huisartsenpost', en: 'The GP in the daytime; evenings, nights and weekends the out-of-hours GP service' },
    text: {
      nl: 'Gaat het psychisch heel slecht, met u of met iemand anders? Bel meteen de huisarts. Zij regelen snel hulp van de crisisdienst.',
      en: 'Is someone in a mental health crisis? Call the GP straight away. They arrange quick help from the crisis service.',
    },
  },
} as const satisfies Record<string, CrisisLineData>;
type LineKey = keyof typeof CRISIS_LINES;

interface DangerCategory {
  kind: DangerKind;
  /** The lines to show, most fitting first. */
  lines: readonly LineKey[];
  phrases: readonly string[];
}

// Order matters: when several kinds are signalled, their lines are shown in this order.
export const DANGER: readonly DangerCategory[] = [
  {
    kind: 'suicide',
    lines: ['suicide_113', 'suicide_0800_0113', 'emergency_112'],
    phrases: [
      'ik wil dood', 'wil dood', 'dood willen', 'ik wil doodgaan', 'ik wil dood gaan', 'ik wil sterven',
      'ik wil niet meer leven', 'niet meer willen leven', 'wil niet meer leven', 'ik wil er niet meer zijn',
      'ik zie het niet meer zitten', 'zie het niet meer zitten', 'ik zie het niet zitten',
      'zelfmoord*', 'zelfdoding', 'suicid*', 'zelfmoordgedachten', 'doodsgedachten',
      'een einde aan mijn leven', 'een eind aan mijn leven', 'er een einde aan maken', 'er een eind aan maken',
      'uit het leven stappen', 'mijn leven beeindigen', 'van het leven beroven',
      'mezelf snijden', 'ik snij mezelf', 'ik snijd mezelf', 'mezelf pijn doen', 'mezelf iets aandoen',
      'mijzelf iets aandoen', 'mezelf beschadigen', 'zelfbeschadiging', 'automutilatie',
      'geen zin meer in het leven', 'geen zin meer om te leven', 'levensmoe', 'ik trek het niet meer',
      'niet meer wakker worden', 'beter af zonder mij', 'ik kan zo niet meer verder',
      'kill myself', 'i want to die', 'self harm', 'suicidal',
    ],
  },
  {
    kind: 'violence',
    lines: ['veilig_thuis', 'emergency_112'],
    phrases: [
      'huiselijk geweld', 'geweld thuis', 'geweld in huis', 'geweld in het gezin', 'relationeel geweld',
      'kindermishandel*', 'mishandel*', 'ouderenmishandel*', 'kind … verwaarloosd', 'verwaarloosd kind',
      'kinderverwaarlozing',
      'slaat me', 'slaat mij', 'sloeg me', 'sloeg mij', 'slaan me', 'slaan mij', 'schopt me', 'schopt mij',
      'ik word geslagen', 'ik word thuis geslagen', 'word thuis geslagen', 'wordt geslagen', 'wordt thuis geslagen',
      'ik werd geslagen', 'geslagen worden', 'geslagen door mijn',
      'bang voor mijn partner', 'bang voor mijn man', 'bang voor mijn vrouw', 'bang voor mijn vriend',
      'bang voor mijn vriendin', 'bang voor mijn vader', 'bang voor mijn moeder', 'bang voor mijn ex',
      'bang voor mijn zoon', 'bang voor mijn dochter', 'bang om naar huis te gaan', 'durf niet naar huis',
      'durf niet meer naar huis',
      'zorgen … kind … buren', 'zorgen … kinderen … buren', 'kind van de buren', 'kinderen van de buren',
      'buurkind*', 'seksueel misbruik', 'misbruikt', 'aangerand', 'verkracht*', 'incest',
      'eergerelateerd geweld', 'eerwraak', 'loverboy', 'gedwongen huwelijk', 'bedreigd door mijn', 'veilig thuis',
      'domestic violence', 'domestic abuse', 'child abuse', 'hits me',
    ],
  },
  {
    kind: 'emergency',
    lines: ['emergency_112'],
    phrases: [
      'in levensgevaar', 'levensgevaar', 'nu in gevaar', 'ik ben in gevaar', 'heeft een mes', 'met een mes',
      'heeft een wapen', 'overdosis', 'bewusteloos', 'er is brand', 'brand in huis', 'noodgeval', 'spoedgeval',
      'ambulance', 'bedreigt me', 'bedreigt mij', 'ik word bedreigd', 'direct hulp nodig', 'acuut', 'emergency',
    ],
  },
  {
    kind: 'psychiatric',
    lines: ['gp_out_of_hours', 'suicide_113', 'emergency_112'],
    phrases: [
      'psychose', 'psychotisch', 'acute crisis', 'psychische crisis', 'crisisdienst', 'ik draai door',
      'acuut verward', 'hoort stemmen … gevaar', 'ik ben de controle kwijt', 'crisis ggz', 'ggz crisis',
    ],
  },
];

/** Help topics that signal danger on their own (a topic page, a search filter). */
export const DANGER_TOPICS: Readonly<Record<string, readonly DangerKind[]>> = {
  crisis: ['emergency', 'suicide', 'violence', 'psychiatric'],
  domestic_violence: ['violence'],
  mental_health: ['suicide'],
  severe_mental_illness: ['psychiatric'],
};

/** Words that change nothing about danger ("ik wil echt dood"): skipped before matching. */
export const FILLER_WORDS: ReadonlySet<string> = new Set([
  'echt', 'gewoon', 'heel', 'erg', 'zo', 'soms', 'al', 'nu', 'eigenlijk', 'liever', 'even', 'toch', 'steeds',
  'vaak', 'altijd', 'weer', 'ook', 'nog', 'wel', 'zelf', 'helemaal', 'zeker', 'please', 'really',
]);
