// The start page's help tiles: plain words (B1) leading to one help topic each.
export const TILES = [
  { topic: 'debts', key: 'debts' },
  { topic: 'parenting', key: 'parenting' },
  { topic: 'loneliness', key: 'loneliness' },
  { topic: 'mental_health', key: 'mental_health' },
  { topic: 'personal_care', key: 'personal_care' },
  { topic: 'housing', key: 'housing' },
  { topic: 'income_benefits', key: 'income' },
  { topic: 'informal_care', key: 'informal_care' },
  { topic: 'paperwork', key: 'paperwork' },
  { topic: 'ageing', key: 'ageing' },
  { topic: 'addiction', key: 'addiction' },
  { topic: 'domestic_violence', key: 'domestic_violence' },
] as const;

/** The plain tile title for a topic when the start page has one (e.g. "Geldzorgen"). */
export function tileKey(topic: string): string | null {
  return TILES.find((x) => x.topic === topic)?.key ?? null;
}
