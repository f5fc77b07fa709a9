// One small badge per team type: an abbreviation on a colour per category. Plain data,
// no Leaflet: the list, the filters and the map adapter all use it. Colours pass 4.5:1
// against white text.
export const CATEGORY_COLOURS: Record<string, string> = {
  first_contact: '#154273', // rijksblauw
  care: '#8b1538', // donkerrood
  welfare: '#275937', // donkergroen
  informal: '#6b3f8f', // paars
  other: '#4d4d4d', // grijs
};

const ABBR: Record<string, string> = {
  social_district_team: 'SW', youth_family_team: 'JG', wmo_desk: 'WL', gp_practice: 'HA',
  district_nursing: 'WV', mental_health_adults: 'GZ', fact_team: 'FA', ambulatory_youth_care: 'AJ',
  youth_health_care: 'JZ', addiction_care: 'VZ', physiotherapy: 'FY', long_term_care: 'LZ',
  sheltered_housing: 'BW', youth_protection: 'JB', general_social_work: 'MW', debt_counselling: '€',
  work_income: 'WI', social_legal_aid: 'SR', community_development: 'OW', youth_work: 'JW',
  elderly_welfare: 'OA', informal_care_support: 'MZ', school_social_work: 'SM', neighbour_mediation: 'BB',
  community_centre: 'BH', residents_association: 'BO', volunteer_centre: 'VC', peer_support: 'ED',
  school: 'SC', housing_association: 'WC', police: 'PO', domestic_violence_service: 'VT',
};

export function typeAbbr(typeKey: string): string {
  return ABBR[typeKey] ?? typeKey.slice(0, 2).toUpperCase();
}

export function categoryColour(category: string): string {
  return CATEGORY_COLOURS[category] ?? CATEGORY_COLOURS.other!;
}
