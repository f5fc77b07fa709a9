// Shapes of the demo data tables. The data files use `as const satisfies` so that a
// mistyped team, topic, buurt or location key is a compile error, not a seeding error.
import type { Access } from '../../server/db/types';
import type { TeamTypeKey } from '../../server/domain/team-types';
import type { TopicKey } from '../taxonomy';
import type { BuurtKey } from './areas';
import type { LocationKey } from './locations';
import type { OrganisationKey } from './organisations';

/** Which buurten a team serves. Wider coverage is expanded to every buurt row when seeded. */
export type ServiceArea =
  | { coverage: 'buurt'; buurten: readonly BuurtKey[] }
  /** Practices, schools: the buurt of their first location plus the buurten bordering it. */
  | { coverage: 'nearby' }
  | { coverage: 'wijk' | 'gemeente' | 'regio' };

export interface TeamSeed {
  key: string;
  org: OrganisationKey;
  name: string;
  type: TeamTypeKey;
  description: string;
  targetGroups: readonly string[];
  access: Access;
  /** Defaults to the team type's framework. */
  funding?: string;
  phone: string;
  email: string;
  website?: string;
  walkIn?: string;
  topics: readonly TopicKey[];
  serves: ServiceArea;
  /** Empty only for a purely ambulatory team (it comes to you), flagged below. */
  locations: readonly LocationKey[];
  ambulatory?: boolean;
  /** Days before seeding that the entry was last checked; over a year shows as stale. */
  verifiedDaysAgo: number;
}

export type Day = 'ma' | 'di' | 'wo' | 'do' | 'vr';

export interface MembershipSeed<T extends string = string> {
  team: T;
  role: string;
  since: string;
  until?: string;
  /** Exactly one current contact person per team. */
  contact?: boolean;
}

/** A person; the id and the portrait name come from the slug of given + family name. */
export interface PersonSeed<T extends string = string> {
  given: string;
  family: string;
  pronouns?: string;
  title: string;
  /** "Vraag mij over": a short phrase of expertise. */
  ask: string;
  topics: readonly TopicKey[];
  /** Defaults to ['nl']. */
  langs?: readonly string[];
  days: readonly Day[];
  /** Opted in to be shown to residents: name and title; photo and expertise by consent (build.ts). */
  public?: boolean;
  /** Consented to a photo; the demo serves a generated portrait. */
  photo?: boolean;
  workPhone?: string;
  /** Consented to show the work landline to residents too (only for public_profile people). */
  workPhonePublic?: boolean;
  availability?: string;
  notes?: string;
  /** The first membership's organisation employs the person (and gives the e-mail domain); a team of another organisation is a secondment. */
  teams: readonly MembershipSeed<T>[];
}
