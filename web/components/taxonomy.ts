// Topics and team types from the API (Dutch and English labels), fetched once.
import { useEffect, useState } from 'preact/hooks';
import { api, type TeamType, type Topic } from '../api/client';
import { getLang, label } from '../i18n/i18n';

export interface Taxonomy {
  topics: Topic[];
  types: TeamType[];
  topic: (key: string) => string;
  type: (key: string) => string;
  category: (typeKey: string) => TeamType['category'];
  /** What a resident calls this kind of team ("Huisarts", "School"); the label when there is none. */
  short: (typeKey: string) => string;
  /** One plain line under a jargon label, or '' when the type has none. */
  plain: (typeKey: string) => string;
}

const empty: Taxonomy = { topics: [], types: [], topic: (k) => k, type: (k) => k, category: () => 'other', short: () => '', plain: () => '' };

function makeTaxonomy(topics: Topic[], types: TeamType[]): Taxonomy {
  const topicMap = new Map(topics.map((x) => [x.key, x]));
  const typeMap = new Map(types.map((x) => [x.key, x]));
  return {
    topics, types,
    topic: (k) => label(topicMap.get(k), k),
    type: (k) => label(typeMap.get(k), k),
    category: (k) => typeMap.get(k)?.category ?? 'other',
    short: (k) => {
      const type = typeMap.get(k);
      return (getLang() === 'en' ? type?.short_en : type?.short_nl) ?? label(type, k);
    },
    plain: (k) => {
      const type = typeMap.get(k);
      return (getLang() === 'en' ? type?.plain_en : type?.plain_nl) ?? '';
    },
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
type Category = (typeof CATEGORIES)[number];
