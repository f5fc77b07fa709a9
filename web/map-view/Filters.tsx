// Filters: team types (grouped by category, with the map badge), help topics, and a buurt
// picker (BuurtPicker: the keyboard route to "who serves this buurt", next to clicking the map).
import { label, t } from '../i18n/i18n';
import { CATEGORIES, type Taxonomy } from '../components/taxonomy';
import { TypeBadge } from '../components/TypeBadge';
import type { MapState } from './url-state';
import { BuurtPicker } from './BuurtPicker';

interface Props {
  tax: Taxonomy; types: string[]; topics: string[]; buurt: string | null;
  onChange: (c: Partial<MapState>) => void;
}

const toggle = (list: string[], key: string, on: boolean) => (on ? [...list.filter((k) => k !== key), key] : list.filter((k) => k !== key));

export function Filters({ tax, types, topics, buurt, onChange }: Props) {
  const count = types.length + topics.length;
  return (
    <section class="filters" aria-labelledby="filters-title">
      <h2 id="filters-title" class="sr-only">{t('filters.title')}</h2>
      <details class="filter-group">
        <summary>{t('filters.types')}{types.length ? ` (${types.length})` : ''}</summary>
        {CATEGORIES.map((cat) => {
          const items = tax.types.filter((x) => x.category === cat);
          if (!items.length) return null;
          return (
            <fieldset key={cat}>
              <legend>{t(`category.${cat}`)}</legend>
              {items.map((x) => (
                <label class="check" key={x.key}>
                  <input type="checkbox" name="type" value={x.key} checked={types.includes(x.key)}
                    onChange={(e) => onChange({ types: toggle(types, x.key, e.currentTarget.checked) })} />
                  <TypeBadge type={x.key} category={x.category} />
                  <span>{label(x)}</span>
                </label>
              ))}
            </fieldset>
          );
        })}
      </details>
      <details class="filter-group">
        <summary>{t('filters.topics')}{topics.length ? ` (${topics.length})` : ''}</summary>
        <fieldset>
          <legend class="sr-only">{t('filters.topics')}</legend>
          {tax.topics.map((x) => (
            <label class="check" key={x.key}>
              <input type="checkbox" name="topic" value={x.key} checked={topics.includes(x.key)}
                onChange={(e) => onChange({ topics: toggle(topics, x.key, e.currentTarget.checked) })} />
              <span>{label(x)}</span>
            </label>
          ))}
        </fieldset>
      </details>
      <BuurtPicker buurt={buurt} onChange={(code) => onChange({ buurt: code, team: null })} />
      {count > 0 && (
        <button type="button" class="button-link" onClick={() => onChange({ types: [], topics: [] })}>
          {t('filters.clear', { n: count })}
        </button>
      )}
    </section>
  );
}
