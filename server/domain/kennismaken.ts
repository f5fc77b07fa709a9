// "Kennismaken met de wijk": which team types a professional should meet first, per own team
// type, and when to call each kind of team, and how long a newcomer counts as new. Rules the
// running server reads (onboarding's pack, feed and "nieuw" mark); the tests assert exactly
// this order. Keys are team-types.ts keys.
import type { TeamTypeKey } from './team-types';

/** Per own team type: the team types to meet first, most important first. The rest follow in the area page's order. */
export const MEET_FIRST: Partial<Record<TeamTypeKey, readonly TeamTypeKey[]>> & { default: readonly TeamTypeKey[] } = {
  default: ['social_district_team', 'gp_practice', 'youth_family_team', 'district_nursing', 'police'],
  social_district_team: ['gp_practice', 'youth_family_team', 'fact_team', 'debt_counselling', 'district_nursing', 'community_development', 'police'],
  gp_practice: ['social_district_team', 'youth_family_team', 'mental_health_adults', 'fact_team'],
  youth_family_team: ['gp_practice', 'school', 'school_social_work', 'youth_health_care', 'social_district_team', 'youth_work', 'police'],
  wmo_desk: ['social_district_team', 'elderly_welfare', 'informal_care_support', 'district_nursing', 'social_legal_aid'],
  district_nursing: ['gp_practice', 'social_district_team', 'informal_care_support', 'elderly_welfare', 'physiotherapy'],
  mental_health_adults: ['gp_practice', 'social_district_team', 'fact_team', 'peer_support', 'addiction_care'],
  fact_team: ['gp_practice', 'social_district_team', 'mental_health_adults', 'police', 'housing_association', 'peer_support'],
  ambulatory_youth_care: ['youth_family_team', 'school', 'school_social_work', 'gp_practice'],
  physiotherapy: ['gp_practice', 'district_nursing', 'elderly_welfare'],
  debt_counselling: ['social_district_team', 'work_income', 'social_legal_aid', 'housing_association'],
  work_income: ['social_district_team', 'debt_counselling', 'social_legal_aid'],
  social_legal_aid: ['debt_counselling', 'social_district_team', 'work_income'],
  community_development: ['residents_association', 'community_centre', 'social_district_team', 'youth_work', 'police', 'housing_association'],
  youth_work: ['youth_family_team', 'school', 'police', 'community_development'],
  elderly_welfare: ['social_district_team', 'district_nursing', 'informal_care_support', 'gp_practice'],
  informal_care_support: ['social_district_team', 'district_nursing', 'elderly_welfare', 'gp_practice'],
  school_social_work: ['youth_family_team', 'school', 'youth_health_care'],
  neighbour_mediation: ['police', 'housing_association', 'community_development', 'social_district_team'],
  community_centre: ['community_development', 'residents_association', 'volunteer_centre'],
  residents_association: ['community_development', 'community_centre', 'police', 'housing_association'],
  volunteer_centre: ['social_district_team', 'informal_care_support', 'community_centre'],
  peer_support: ['mental_health_adults', 'fact_team', 'social_district_team'],
  school: ['youth_family_team', 'school_social_work', 'youth_health_care', 'youth_work'],
  housing_association: ['social_district_team', 'neighbour_mediation', 'police', 'debt_counselling'],
  police: ['social_district_team', 'neighbour_mediation', 'fact_team', 'youth_work', 'housing_association'],
};

/** When to call a team of this type: one B1 sentence, Dutch and English. */
export const WHEN_TO_CALL: Partial<Record<TeamTypeKey, { nl: string; en: string }>> = {
  social_district_team: { nl: 'Bij zorgen op meer gebieden tegelijk: geld, wonen, gezondheid, eenzaamheid.', en: 'When worries pile up in several areas: money, housing, health, loneliness.' },
  youth_family_team: { nl: 'Bij vragen over opvoeden en opgroeien, of zorgen om een kind.', en: 'For questions about parenting and growing up, or worries about a child.' },
  wmo_desk: { nl: 'Voor hulpmiddelen, aanpassingen in huis en huishoudelijke hulp.', en: 'For aids, home adaptations and household help.' },
  gp_practice: { nl: 'Bij lichamelijke of psychische klachten; de POH-GGZ voor lichte psychische klachten.', en: 'For physical or mental complaints; the practice mental health nurse for mild ones.' },
  district_nursing: { nl: 'Als iemand thuis verzorging of verpleging nodig heeft.', en: 'When someone needs care or nursing at home.' },
  mental_health_adults: { nl: 'Bij psychische klachten die meer vragen dan de huisarts kan bieden.', en: 'For mental health problems that need more than the GP can offer.' },
  fact_team: { nl: 'Bij ernstige, langdurige psychische problemen, ook als iemand zelf geen hulp vraagt.', en: 'For severe, long-lasting mental illness, also when someone does not ask for help.' },
  debt_counselling: { nl: 'Bij schulden of betalingsachterstanden, hoe eerder hoe beter.', en: 'For debts or payment arrears: the sooner the better.' },
  work_income: { nl: 'Voor een uitkering, bijzondere bijstand of hulp bij werk.', en: 'For benefits, special assistance or help finding work.' },
  social_legal_aid: { nl: 'Voor hulp bij brieven, formulieren en toeslagen.', en: 'For help with letters, forms and allowances.' },
  community_development: { nl: 'Als bewoners samen iets willen organiseren of er spanning in de buurt is.', en: 'When residents want to organise something together or there is tension in the buurt.' },
  youth_work: { nl: 'Voor jongeren die een plek, activiteit of steun zoeken.', en: 'For young people looking for a place, an activity or support.' },
  elderly_welfare: { nl: 'Voor ouderen die advies, activiteiten of gezelschap zoeken.', en: 'For older people looking for advice, activities or company.' },
  informal_care_support: { nl: 'Als een mantelzorger overbelast raakt.', en: 'When a carer is getting overloaded.' },
  school_social_work: { nl: 'Bij zorgen om een leerling die op school opvallen.', en: 'For worries about a pupil noticed at school.' },
  neighbour_mediation: { nl: 'Bij burenruzie die bewoners samen willen oplossen.', en: 'For neighbour disputes residents want to solve together.' },
  police: { nl: 'Bij onveiligheid, overlast of zorgen over criminaliteit; bij nood altijd 112.', en: 'For safety, nuisance or crime concerns; in an emergency always 112.' },
  housing_association: { nl: 'Bij huurachterstand, overlast of een woning die niet meer past.', en: 'For rent arrears, nuisance or a home that no longer fits.' },
  peer_support: { nl: 'Voor steun van iemand die het zelf heeft meegemaakt.', en: 'For support from someone who has been through it.' },
  school: { nl: 'Bij zorgen om een kind dat op deze school zit.', en: 'For worries about a child at this school.' },
  physiotherapy: { nl: 'Bij bewegingsklachten of om vallen te voorkomen.', en: 'For movement problems or to prevent falls.' },
  community_centre: { nl: 'Voor activiteiten en ontmoeting in de buurt.', en: 'For activities and meeting people in the buurt.' },
  residents_association: { nl: 'Om te horen wat er leeft in de buurt.', en: 'To hear what matters to the buurt.' },
  volunteer_centre: { nl: 'Voor een maatje of vrijwilligerswerk.', en: 'For a buddy or volunteering.' },
};

/** How many weeks a person carries "nieuw in de wijk". */
export const NEW_IN_WIJK_WEEKS = 8;
