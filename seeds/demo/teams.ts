// All demo teams in one list; the key union lets the people tables refer to teams
// with compile-time checking.
import { CARE_TEAMS } from './teams-care';
import { FIRST_CONTACT_TEAMS } from './teams-first-contact';
import { WELFARE_TEAMS } from './teams-welfare';
import type { TeamSeed } from './types';

export const TEAMS = [...FIRST_CONTACT_TEAMS, ...CARE_TEAMS, ...WELFARE_TEAMS] as const;

export type TeamKey = (typeof TEAMS)[number]['key'];

/** Teams without an office: the help comes to the resident. */
export const AMBULATORY_TEAM_KEYS: readonly TeamKey[] = TEAMS
  .filter((team: TeamSeed) => team.ambulatory === true)
  .map((team) => team.key as TeamKey);
