// Search vocabulary that is about the search, not the directory. Lay words live in the
// topic_synonyms table; here are only (1) professional shorthand that no label contains
// ("jgt", "amw") and (2) which help topics are a team type's own speciality. Pure data:
// the bench baseline uses it too.

const ABBREVIATIONS: Record<string, readonly string[]> = {
  jgt: ['youth_family_team'],
  jgzt: ['youth_family_team'],
  cjg: ['youth_family_team', 'youth_health_care'],
  swt: ['social_district_team'],
  wijkteam: ['social_district_team'],
  buurtteam: ['social_district_team'],
  amw: ['general_social_work'],
  smw: ['school_social_work'],
  jgz: ['youth_health_care'],
  ggd: ['youth_health_care'],
  consultatiebureau: ['youth_health_care'],
  poh: ['gp_practice'],
  'poh-ggz': ['gp_practice'],
  pohggz: ['gp_practice'],
  huisarts: ['gp_practice'],
  huisartsen: ['gp_practice'],
  dokter: ['gp_practice'],
  shv: ['debt_counselling'],
  schuldhulp: ['debt_counselling'],
  wmo: ['wmo_desk'],
  ggz: ['mental_health_adults', 'fact_team'],
  fact: ['fact_team'],
  vt: ['domestic_violence_service'],
  gi: ['youth_protection'],
  wlz: ['long_term_care'],
  fysio: ['physiotherapy'],
  thuiszorg: ['district_nursing'],
};

export interface JargonHit { type: string; strength: number }

/**
 * Team types named by shorthand among the words of q: 1 for an exact word, 0.8 for a
 * word one typo away ("huisarst"); short words must match exactly ("gi" is not "ggz").
 */
export function jargonTypes(q: string): JargonHit[] {
  const words = normaliseSearchText(q).split(/[^a-z0-9-]+/).filter(Boolean).slice(0, 16);
  const hits = new Map<string, number>();
  for (const word of words) {
    for (const [abbreviation, types] of Object.entries(ABBREVIATIONS)) {
      const strength = word === abbreviation ? 1
        : word.length >= 6 && Math.abs(word.length - abbreviation.length) <= 1 && typos(word, abbreviation) <= 1 ? 0.8 : 0;
      for (const type of types) if (strength > (hits.get(type) ?? 0)) hits.set(type, strength);
    }
  }
  return [...hits].map(([type, strength]) => ({ type, strength }));
}

/** Search text in comparable form, as wijkweb_norm does in SQL: lower case, no accents. */
function normaliseSearchText(q: string): string {
  return q.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
}

/** The words of a search text in comparable form ("Zelfmoord-gedachten!" → zelfmoord, gedachten). */
export function searchWords(q: string): string[] {
  return normaliseSearchText(q).split(/[^a-z0-9]+/).filter(Boolean);
}

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
export function typos(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

// The topics a team type exists for. A team helping with a topic as its speciality
// answers "geldzorgen" better than a generalist that lists debts among eight topics.
// Places that are not help themselves (a school) have no speciality here.
export const TYPE_FOCUS: Record<string, readonly string[]> = {
  youth_family_team: ['parenting', 'youth', 'young_children'],
  wmo_desk: ['home_adaptations', 'household_help', 'transport', 'disability'],
  gp_practice: ['physical_health', 'mental_health'],
  district_nursing: ['personal_care', 'dementia'],
  mental_health_adults: ['mental_health'],
  fact_team: ['severe_mental_illness'],
  ambulatory_youth_care: ['parenting'],
  youth_health_care: ['young_children'],
  addiction_care: ['addiction'],
  physiotherapy: ['physical_health'],
  long_term_care: ['personal_care', 'disability'],
  sheltered_housing: ['homelessness'],
  youth_protection: ['domestic_violence'],
  general_social_work: ['relationship_divorce'],
  debt_counselling: ['debts'],
  work_income: ['income_benefits', 'work'],
  social_legal_aid: ['paperwork', 'income_benefits'],
  community_development: ['community'],
  youth_work: ['youth'],
  elderly_welfare: ['ageing', 'dementia'],
  informal_care_support: ['informal_care'],
  school_social_work: ['school'],
  neighbour_mediation: ['neighbours'],
  community_centre: ['community', 'loneliness'],
  residents_association: ['community'],
  volunteer_centre: ['volunteering', 'loneliness'],
  peer_support: ['severe_mental_illness', 'addiction'],
  // A school is one institution, not help with a question about school: school social
  // work and the jeugd- en gezinsteam come first ("mijn kind wordt gepest").
  housing_association: ['housing'],
  police: ['justice'],
  domestic_violence_service: ['domestic_violence'],
};

/** TYPE_FOCUS as two parallel arrays (team types, topics), ready to bind to unnest(). */
export const FOCUS_PAIRS: readonly [string[], string[]] = [
  Object.entries(TYPE_FOCUS).flatMap(([type, topics]) => topics.map(() => type)),
  Object.values(TYPE_FOCUS).flatMap((topics) => [...topics]),
];
