// Kysely table types, kept by hand beside the migrations (one interface per table).
import type { ColumnType, Generated } from 'kysely';

// timestamptz arrives as an ISO-8601 string (see database.ts), ready for JSON.
type Timestamp = ColumnType<string, Date | string | undefined, Date | string>;
type Editable = {
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  last_verified_at: ColumnType<string | null, Date | string | null | undefined, Date | string | null>;
  last_verified_by: string | null;
};

export type Visibility = 'public' | 'professionals' | 'team';
export type AreaKind = 'gemeente' | 'wijk' | 'buurt';
export type Access = 'walk_in' | 'self_referral' | 'gp_referral' | 'district_team_referral' | 'municipal_decision';
export type Coverage = 'buurt' | 'wijk' | 'gemeente' | 'regio';
export type TeamCategory = 'first_contact' | 'care' | 'welfare' | 'informal' | 'other';

export interface TeamTypesTable extends Editable {
  key: string; label_nl: string; label_en: string; framework: string | null;
  category: ColumnType<TeamCategory, TeamCategory | undefined, TeamCategory>;
  sort_order: Generated<number>;
}
export interface TopicsTable extends Editable {
  key: string; label_nl: string; label_en: string; domain: string; sort_order: Generated<number>;
}
export interface TopicSynonymsTable { topic_key: string; phrase: string; lang: Generated<'nl' | 'en'> }
export interface AreasTable extends Editable {
  code: string; kind: AreaKind; name: string; parent_code: string | null;
  geometry: ColumnType<unknown, string | null, string | null>;
  min_lon: number | null; min_lat: number | null; max_lon: number | null; max_lat: number | null;
  postcodes: Generated<string[]>; population: number | null;
  /** Simplified per zoom band (areas.bands.ts); NULL until filled, emptied when geometry changes. */
  geometry_low: ColumnType<unknown, string | null | undefined, string | null>;
  geometry_mid: ColumnType<unknown, string | null | undefined, string | null>;
  geometry_high: ColumnType<unknown, string | null | undefined, string | null>;
}
export interface OrganisationsTable extends Editable {
  /** CSV upsert key (migration 2026-12-01_06). */
  external_id: ColumnType<string | null, string | null | undefined, string | null>;
  id: Generated<string>; name: string; description: Generated<string>;
  website: string | null; phone: string | null; email: string | null;
  archived_at: ColumnType<string | null, Date | string | null | undefined, Date | string | null>;
}
export interface TeamsTable extends Editable {
  /** CSV upsert key (migration 2026-12-01_06). */
  external_id: ColumnType<string | null, string | null | undefined, string | null>;
  id: Generated<string>; organisation_id: string; name: string; team_type: string;
  description: Generated<string>; target_groups: Generated<string[]>; access: Generated<Access>;
  funding: string | null; public_phone: string | null; public_email: string | null;
  website: string | null; walk_in_hours: string | null; archived_at: ColumnType<string | null, Date | string | null | undefined, Date | string | null>;
}
export interface TeamTopicsTable { team_id: string; topic_key: string }
export interface LocationsTable extends Editable {
  /** CSV upsert key (migration 2026-12-01_06). */
  external_id: ColumnType<string | null, string | null | undefined, string | null>;
  id: Generated<string>; name: string | null; street: string; house_number: string;
  postcode: string; city: string; lat: number; lon: number; buurt_code: string | null;
  opening_hours: string | null; archived_at: ColumnType<string | null, Date | string | null | undefined, Date | string | null>;
}
export interface TeamLocationsTable { team_id: string; location_id: string }
export interface TeamAreasTable { team_id: string; area_code: string; coverage: Generated<Coverage>; area_kind: Generated<'buurt'> }
export interface PeopleTable extends Editable {
  /** CSV upsert key (migration 2026-12-01_06). */
  external_id: ColumnType<string | null, string | null | undefined, string | null>;
  id: Generated<string>; given_name: string; family_name: string; pronouns: string | null;
  job_title: Generated<string>; ask_me_about: Generated<string>;
  languages: Generated<string[]>; working_days: Generated<string[]>;
  photo_url: string | null; photo_consent: Generated<boolean>; public_profile: Generated<boolean>;
  phone_mobile: string | null; phone_mobile_visibility: Generated<ContactLevel>;
  // 'public' is no longer a level but a consent (person_consents)
  phone_work: string | null; phone_work_visibility: Generated<ContactLevel>;
  email_work: string | null; email_work_visibility: Generated<ContactLevel>;
  availability_note: string | null; private_notes: string | null; archived_at: ColumnType<string | null, Date | string | null | undefined, Date | string | null>;
}
/** Who may see a contact field among signed-in audiences; residents need a consent. */
export type ContactLevel = Exclude<Visibility, 'public'>;
/** Fields a person may publish to residents, one consent each (dated, withdrawable). */
export type ConsentField = 'photo' | 'ask_me_about' | 'phone_work' | 'email_work';
export interface PersonConsentsTable {
  id: Generated<string>; person_id: string; field: ConsentField;
  granted_at: ColumnType<string, Date | string | undefined, Date | string>;
  withdrawn_at: ColumnType<string | null, Date | string | null | undefined, Date | string | null>;
}
export interface PersonTopicsTable { person_id: string; topic_key: string }
export interface MembershipsTable extends Editable {
  id: Generated<string>; person_id: string; team_id: string; role: Generated<string>;
  is_contact_person: Generated<boolean>;
  since: ColumnType<string | null, string | null | undefined, string | null>;
  until: ColumnType<string | null, string | null | undefined, string | null>;
}

export type AccountRole = 'professional' | 'editor' | 'admin';
type NullableTimestamp = ColumnType<string | null, Date | string | null | undefined, Date | string | null>;
type Json = ColumnType<unknown, string | null | undefined, string | null>;
export interface AccountsTable {
  id: Generated<string>; email: string; password_hash: string | null; role: AccountRole;
  person_id: string | null; deactivated_at: NullableTimestamp; password_changed_at: NullableTimestamp;
  totp_secret: string | null; totp_enabled_at: NullableTimestamp; last_sign_in_at: NullableTimestamp;
  /** The wijk (or buurt) chosen for "Kennismaken" (onboarding). */
  home_area: Generated<string | null>;
  version: Generated<number>; created_at: Timestamp; updated_at: Timestamp;
}
export interface AccountScopesTable { account_id: string; organisation_id: string | null; team_id: string | null }
export interface SessionsTable {
  id: Generated<string>; token_hash: string; account_id: string; created_at: Timestamp;
  last_seen_at: Timestamp; expires_at: ColumnType<string, Date | string, Date | string>;
  revoked_at: NullableTimestamp; user_agent: string | null;
}
export interface AuditLogTable {
  id: ColumnType<string, never, never>; at: Timestamp; actor_account_id: string | null; action: string;
  entity_type: string | null; entity_id: string | null; before: Json; after: Json; meta: Json;
}
export interface AccountTokensTable {
  id: Generated<string>; account_id: string; kind: 'invite' | 'reset'; token_hash: string;
  expires_at: ColumnType<string, Date | string, Date | string>; used_at: NullableTimestamp;
  created_by: string | null; created_at: Timestamp;
}
export interface PersonPhotosTable {
  person_id: string; hash: string; content_type: 'image/webp'; bytes: Buffer | Uint8Array;
  width: number; height: number; created_at: Timestamp;
}
export interface RateLimitsTable { key: string; hits: number; reset_at: ColumnType<string, Date | string, Date | string> }

// Onboarding: private "met" marks, digest subscriptions and the digests sent per ISO week.
export interface MetMarksTable { account_id: string; person_id: string; marked_at: Timestamp }
export interface DigestSubscriptionsTable { account_id: string; area_code: string; created_at: Timestamp }
export interface DigestsSentTable { account_id: string; period: string; sent_at: ColumnType<string, Date | string, Date | string> }

// Review: the weekly "te controleren" reminders sent (one per editor account per ISO week).
export interface ReviewRemindersSentTable { account_id: string; period: string; sent_at: ColumnType<string, Date | string, Date | string> }

export interface DB {
  team_types: TeamTypesTable;
  topics: TopicsTable;
  topic_synonyms: TopicSynonymsTable;
  areas: AreasTable;
  organisations: OrganisationsTable;
  teams: TeamsTable;
  team_topics: TeamTopicsTable;
  locations: LocationsTable;
  team_locations: TeamLocationsTable;
  team_areas: TeamAreasTable;
  people: PeopleTable;
  person_topics: PersonTopicsTable;
  person_consents: PersonConsentsTable;
  memberships: MembershipsTable;
  accounts: AccountsTable;
  account_scopes: AccountScopesTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  rate_limits: RateLimitsTable;
  account_tokens: AccountTokensTable;
  person_photos: PersonPhotosTable;
  met_marks: MetMarksTable;
  digest_subscriptions: DigestSubscriptionsTable;
  digests_sent: DigestsSentTable;
  review_reminders_sent: ReviewRemindersSentTable;
}
