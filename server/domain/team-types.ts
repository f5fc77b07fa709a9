// The team types the server knows by key: the kennismaken order (kennismaken.ts) and the
// web's abbreviations are written against these. Their labels, frameworks and categories
// are data, seeded from seeds/taxonomy.ts (which must list exactly these keys, in this
// order: tests/seeds.test.ts checks) and editable in the database afterwards.
export const TEAM_TYPE_KEYS = [
  'social_district_team', 'youth_family_team', 'wmo_desk',
  'gp_practice', 'district_nursing', 'mental_health_adults', 'fact_team', 'ambulatory_youth_care', 'youth_health_care',
  'addiction_care', 'physiotherapy', 'long_term_care', 'sheltered_housing', 'youth_protection',
  'general_social_work', 'debt_counselling', 'work_income', 'social_legal_aid', 'community_development', 'youth_work',
  'elderly_welfare', 'informal_care_support', 'school_social_work', 'neighbour_mediation', 'community_centre',
  'residents_association', 'volunteer_centre', 'peer_support',
  'school', 'housing_association', 'police', 'domestic_violence_service',
] as const;

export type TeamTypeKey = (typeof TEAM_TYPE_KEYS)[number];
