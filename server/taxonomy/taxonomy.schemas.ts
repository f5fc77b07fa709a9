import { z } from 'zod';
import { Crisis } from '../search/search.schemas';

export const Topic = z.object({
  key: z.string(), label_nl: z.string(), label_en: z.string(), domain: z.string(), synonyms: z.array(z.string()),
  /** Topics that signal danger (huiselijk geweld, acute crisis) carry their crisis lines. */
  crisis: Crisis.optional(),
});
export const TeamType = z.object({
  key: z.string(), label_nl: z.string(), label_en: z.string(), framework: z.string().nullable(),
  category: z.enum(['first_contact', 'care', 'welfare', 'informal', 'other']),
  /** For residents: a short name for the badge ("Huisarts", "School") and one plain line under the label. */
  short_nl: z.string().nullable(), short_en: z.string().nullable(),
  plain_nl: z.string().nullable(), plain_en: z.string().nullable(),
});
export const TopicList = z.object({ items: z.array(Topic) });
export const TeamTypeList = z.object({ items: z.array(TeamType) });
export type Topic = z.infer<typeof Topic>;
export type TeamType = z.infer<typeof TeamType>;
