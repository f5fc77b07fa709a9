import { z } from 'zod';
import { AreaCode, BBox, KeyList, MayFlags, NullableTimestamp, PageQuery, Paged, SearchText, Timestamp } from '../http/schemas';
import { Member } from '../people/people.schemas';
import { StalenessFields } from '../domain/staleness.schemas';

export const Access = z.enum(['walk_in', 'self_referral', 'gp_referral', 'district_team_referral', 'municipal_decision']);

export const TeamListQuery = PageQuery.extend({
  type: KeyList.optional().describe('Team type key(s), comma-separated'),
  topic: KeyList.optional().describe('Help topic key(s), comma-separated: teams helping with any of them'),
  area: AreaCode.optional().describe('CBS code of a buurt, wijk or gemeente the team serves'),
  bbox: BBox.optional().describe('Only teams with a location in minLon,minLat,maxLon,maxLat'),
  q: SearchText.optional().describe('Part of the team or organisation name'),
});
export type TeamListQuery = z.infer<typeof TeamListQuery>;

const LocationSummary = z.object({ id: z.string(), address: z.string(), lat: z.number(), lon: z.number() });
const OrganisationRef = z.object({ id: z.string(), name: z.string() });

const TeamSummary = z.object({
  id: z.string(), name: z.string(), team_type: z.string(), organisation: OrganisationRef,
  topics: z.array(z.string()), areas: z.array(z.string()), access: Access,
  locations: z.array(LocationSummary), public_phone: z.string().nullable(), walk_in_hours: z.string().nullable(),
  last_verified_at: NullableTimestamp, ...StalenessFields,
});
export const TeamList = Paged(TeamSummary);

const TeamLocation = z.object({
  id: z.string(), name: z.string().nullable(), address: z.string(), street: z.string(), house_number: z.string(),
  postcode: z.string(), city: z.string(), lat: z.number(), lon: z.number(), buurt_code: z.string().nullable(),
  opening_hours: z.string().nullable(),
});
/** A current member, shaped by the people feature (presentPeople) for the audience. */
const TeamMember = Member;
export const TeamDetail = TeamSummary.extend({
  description: z.string(), target_groups: z.array(z.string()), funding: z.string().nullable(),
  public_email: z.string().nullable(), website: z.string().nullable(),
  organisation: OrganisationRef.extend({ website: z.string().nullable() }),
  locations: z.array(TeamLocation),
  service_areas: z.array(z.object({ code: z.string(), name: z.string(), kind: z.string(), coverage: z.string() })),
  members: z.array(TeamMember),
  /** Members not shown to this audience (residents see only people who opted in). */
  hidden_member_count: z.number().int(),
  version: z.number().int(), updated_at: Timestamp, last_verified_by: z.string().nullable(),
  may: MayFlags.optional(),
  requested: z.array(z.object({
    membership_id: z.string(), role: z.string(), since: z.string().nullable(), person: z.object({ id: z.string(), name: z.string() }), may: MayFlags,
  })).optional().describe('Signed in, for those who may act on them: people this team asked for who are not yet accepted by their employer'),
});
type TeamSummary = z.infer<typeof TeamSummary>;
export type TeamDetail = z.infer<typeof TeamDetail>;
