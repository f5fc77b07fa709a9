// The search contract: one ranked list over teams, organisations, topics and (for
// signed-in audiences only) people.
import { z } from 'zod';
import { AreaCode, KeyList, PageQuery, Paged } from '../http/schemas';
import { Person } from '../people/people.visibility';
import { Access } from '../teams/teams.schemas';

export const SearchKind = z.enum(['team', 'organisation', 'person', 'topic']);
export type SearchKind = z.infer<typeof SearchKind>;

const KindList = z.string().max(200)
  .transform((s) => s.split(',').map((k) => k.trim()).filter(Boolean))
  .pipe(z.array(SearchKind).max(4));

const SEARCH_MAX_LENGTH = 200;

export const SearchQuery = PageQuery.extend({
  // An empty q is not an error: it returns no results (the box was cleared).
  q: z.string().trim().max(SEARCH_MAX_LENGTH, `At most ${SEARCH_MAX_LENGTH} characters`).default('')
    .describe('What to look for, in plain words: a name, a problem ("geldzorgen"), a profession ("POH-GGZ"). Typos are tolerated.'),
  kind: KindList.optional().describe('Only these kinds, comma-separated: team, organisation, person, topic'),
  type: KeyList.optional().describe('Team type key(s): only teams of these types (other kinds are left out)'),
  topic: KeyList.optional().describe('Topic key(s): teams and people helping with any of them, and those topics'),
  area: AreaCode.optional().describe('CBS code: teams serving a buurt under it, organisations and people of such teams'),
});
export type SearchQuery = z.infer<typeof SearchQuery>;

// Strict. A person item (signed-in audiences only) carries `person` exactly as
// /api/people/{id} shows that person to the same audience (presentPeople).
export const SearchItem = z.strictObject({
  kind: SearchKind,
  /** A UUID, or the key of a topic. */
  id: z.string(),
  name: z.string(),
  score: z.number(),
  team_type: z.string().optional(),
  organisation: z.object({ id: z.string(), name: z.string() }).optional(),
  job_title: z.string().optional(),
  /** Teams: how a resident gets this help (walk_in, self_referral, gp_referral, …) and the team's public number. */
  access: Access.optional(),
  public_phone: z.string().optional(),
  person: Person.optional(),
});
export type SearchItem = z.infer<typeof SearchItem>;

const Words = z.strictObject({ nl: z.string(), en: z.string() });

/** One number to call, in plain words (B1), with its tel: link. */
export const CrisisLine = z.strictObject({
  key: z.string(),
  name: Words,
  /** As written for people ("0800-0113"); null when the number is local (the huisartsenpost). */
  number: z.string().nullable(),
  tel: z.string().nullable(),
  when: Words,
  text: Words,
  web: z.string().optional(),
});
export type CrisisLine = z.infer<typeof CrisisLine>;

/** The lines for a search or topic that signals danger (server/search/search.danger.ts): shown above everything else. */
export const Crisis = z.strictObject({
  signals: z.array(z.enum(['suicide', 'violence', 'emergency', 'psychiatric'])),
  lines: z.array(CrisisLine).min(1),
}).describe('Present only when the words signal danger: crisis lines to show before any result');
export type Crisis = z.infer<typeof Crisis>;

export const SearchResult = Paged(SearchItem).extend({
  /** True when a kind had more matches than are ranked (see search.queries.ts): total counts the ranked ones. */
  capped: z.boolean(),
  crisis: Crisis.optional(),
});
export type SearchResult = z.infer<typeof SearchResult>;
