// Hand-written column types for server/db/types.ts, which kysely-codegen generates from the
// migrated schema (npm run db:types; mapping in .kysely-codegenrc.json). The database only
// knows these columns as text with a CHECK constraint, or as timestamptz/jsonb/bytea; these
// types say how the app reads and writes them. Keep each union equal to its CHECK constraint.
import type { ColumnType } from 'kysely';

/** timestamptz arrives as an ISO-8601 string (type parser in database.ts); written as Date or string. */
export type Timestamptz = ColumnType<string, Date | string, Date | string>;
/** jsonb is read as parsed JSON of unknown shape and written as JSON text (JSON.stringify). */
export type JsonText = ColumnType<unknown, string, string>;
/** bytea is read as a Buffer and may be written from any byte array. */
export type Bytes = ColumnType<Buffer, Buffer | Uint8Array, Buffer | Uint8Array>;
/** A column the database always computes (GENERATED ALWAYS, identity ALWAYS): read, never written.
 * Unlike Kysely's own GeneratedAlways it unwraps a ColumnType (Int8), as Generated does. */
export type GeneratedAlways<T> = ColumnType<T extends ColumnType<infer S, unknown, unknown> ? S : T, never, never>;

export type Visibility = 'public' | 'professionals' | 'team';
/** Who may see a contact field among signed-in audiences; residents need a consent. */
export type ContactLevel = Exclude<Visibility, 'public'>;
/** Fields a person may publish to residents, one consent each (dated, withdrawable). */
export type ConsentField = 'photo' | 'ask_me_about' | 'phone_work' | 'email_work';
export type AreaKind = 'gemeente' | 'wijk' | 'buurt';
export type Access = 'walk_in' | 'self_referral' | 'gp_referral' | 'district_team_referral' | 'municipal_decision';
export type Coverage = 'buurt' | 'wijk' | 'gemeente' | 'regio';
export type TeamCategory = 'first_contact' | 'care' | 'welfare' | 'informal' | 'other';
export type AccountRole = 'professional' | 'editor' | 'admin' | 'analist';
export type AccountTokenKind = 'invite' | 'reset';
export type MembershipStatus = 'requested' | 'current';
export type Language = 'nl' | 'en';
/** Service data (issue 16, HSDS 3.0): keep equal to the CHECK lists of 2026-12-07_10_service_data. */
export type PhoneType = 'voice' | 'text' | 'cell' | 'fax' | 'video' | 'pager' | 'textphone';
export type CostKind = 'free' | 'contribution' | 'insurance' | 'gemeente';
export type AccessibilityKind = 'wheelchair' | 'hearing_loop' | 'parking' | 'other';
/** Who a pathway (verwijsroute) is written for. */
export type PathwayAudience = 'professionals' | 'residents' | 'both';
/** What a usage count counts (insight): keep equal to the CHECK list of 2026-12-07_40_insight. */
export type UsageKind = 'term' | 'zero' | 'topic' | 'lookup';
