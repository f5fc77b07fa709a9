// The insight contract (issue 17, api.md "Insight"): coverage per buurt against its CBS
// figures, and what residents looked for, counted per week. Figures and public data only:
// nothing here names a person or holds a person's field.
import { z } from 'zod';
import { AreaCode } from '../http/schemas';
import { AreaFigures } from '../areas/areas.figures';

export const CoverageQuery = z.object({
  area: AreaCode.describe('CBS code of a gemeente or wijk (a buurt gives that buurt alone)'),
  format: z.enum(['json', 'csv']).default('json').describe('csv: a spreadsheet (UTF-8 with BOM, `;`)'),
});

const TypeLabel = z.object({ key: z.string(), label_nl: z.string(), label_en: z.string() });

export const Gap = z.object({
  type: z.string().describe('Team type key of the basic set that no shown, not-stale team serves here'),
  weight: z.number().describe('Inhabitants (thousands) × how much more than usual this buurt needs the type (e.g. share 65+ / 20%)'),
  figure: z.enum(['share_0_15', 'share_65_plus', 'share_single_person', 'share_with_children', 'share_rented']).nullable()
    .describe('The CBS figure that weighs this gap, if any'),
});

export const CoverageBuurt = z.object({
  code: z.string(), name: z.string(), wijk: z.string().nullable(),
  figures: AreaFigures.nullable(),
  served: z.record(z.string(), z.number().int()).describe('Per team type of the basic set: shown, not-stale teams serving the buurt'),
  professionals: z.number().int().describe('Named people currently in a shown, not-stale team serving the buurt'),
  professionals_per_1000: z.number().nullable().describe('Per 1,000 inhabitants (null without inhabitants)'),
  gaps: z.array(Gap),
  gap_score: z.number().describe('Sum of the gap weights: the higher, the more the buurt misses'),
});
export type CoverageBuurt = z.infer<typeof CoverageBuurt>;

export const Coverage = z.object({
  area: z.object({ code: z.string(), name: z.string(), kind: z.string(), bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]).nullable() }),
  basic_set: z.array(TypeLabel),
  source: z.string().describe('"Kadaster / CBS, <year>": show with the figures'),
  buurten: z.array(CoverageBuurt).describe('Largest gap first'),
  totals: z.object({ buurten: z.number().int(), with_gaps: z.number().int(), inhabitants: z.number().int(), gaps: z.number().int() }),
});
export type Coverage = z.infer<typeof Coverage>;

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'A date as YYYY-MM-DD');
export const UsageQuery = z.object({
  area: AreaCode.optional().describe('CBS code: lookups and topics asked for the buurten under it (terms are installation-wide)'),
  from: IsoDate.optional().describe('First day (default: 12 weeks ago)'),
  to: IsoDate.optional().describe('Last day (default: today)'),
});

const Counted = z.object({ week: z.string().describe('Monday of the ISO week'), count: z.number().int() });
export const Usage = z.object({
  from: z.string(), to: z.string(), area: z.string().nullable(),
  min_count: z.number().int().describe('A term is shown only when asked at least this often in one week'),
  terms: z.array(Counted.extend({ term: z.string() })).describe('Normalised search terms, per week'),
  zero_results: z.array(Counted.extend({ term: z.string() })).describe('Terms that found nothing, per week'),
  topics: z.array(Counted.extend({ topic: z.string(), area: z.string().nullable() })),
  lookups: z.array(Counted.extend({ area: z.string(), name: z.string() })).describe('Address look-ups per buurt'),
  unmet_topics: z.array(z.object({ topic: z.string(), area: z.string(), name: z.string(), count: z.number().int() }))
    .describe('Topics asked in a buurt that no shown team there helps with'),
});
export type Usage = z.infer<typeof Usage>;
