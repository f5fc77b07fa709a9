// Topics and team types from the API (Dutch and English labels), fetched once.
import { useEffect, useState } from 'preact/hooks';
import { api, type TeamType, type Topic } from '../api/client';
import { label } from '../i18n/i18n';

export interface Taxonomy {
  topics: Topic[];
  types: TeamType[];
  topic: (key: string) => string;
  type: (key: string) => string;
  category: (typeKey: string) => TeamType['category'];
}

const empty: Taxonomy = { topics: [], types: [], topic: (k) => k, type: (k) => k, category: () => 'other' };

export function makeTaxonomy(topics: Topic[], types: TeamType[]): Taxonomy {
  const topicMap = new Map(topics.map((x) => [x.key, x]));
  const typeMap = new Map(types.map((x) => [x.key, x]));
  return {
    topics, types,
    topic: (k) => label(topicMap.get(k), k),
    type: (k) => label(typeMap.get(k), k),
    category: (k) => typeMap.get(k)?.category ?? 'other',
  };
}

export function useTaxonomy(): Taxonomy {
  const [tax, setTax] = useState<Taxonomy>(empty);
  useEffect(() => {
    let live = true;
    Promise.all([api.topics(), api.teamTypes()])
      .then(([topics, types]) => { if (live) setTax(makeTaxonomy(topics, types)); })
      .catch(() => { /* labels fall back to keys */ });
    return () => { live = false; };
  }, []);
  return tax;
}

export const CATEGORIES = ['first_contact', 'care', 'welfare', 'informal', 'other'] as const;
export type Category = (typeof CATEGORIES)[number];
