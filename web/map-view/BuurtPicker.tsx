// The buurt picker: one <select> with every buurt on a small installation; on a large one
// (more buurten than a page) a search field first, so the browser never loads 13,000 names.
import { useEffect, useRef, useState } from 'preact/hooks';
import { getJson, type AreaItems } from '../api/client';
import { t } from '../i18n/i18n';
import { fetchBuurten, takeFirstBuurten } from './map-data';

type Area = AreaItems['items'][number];

export function BuurtPicker({ buurt, onChange }: { buurt: string | null; onChange: (code: string | null) => void }) {
  const [large, setLarge] = useState(false);
  const [query, setQuery] = useState('');
  const [result, setResult] = useState<{ items: Area[]; total: number }>({ items: [], total: 0 });
  const [current, setCurrent] = useState<Area | null>(null);

  useEffect(() => {
    takeFirstBuurten().then((r) => { setLarge(r.total > r.items.length); setResult(r); }).catch(() => setResult({ items: [], total: 0 }));
  }, []);
  const searched = useRef(false);
  useEffect(() => {
    if (!large) return;
    if (!searched.current && !query.trim()) return; // the first page is already here
    searched.current = true;
    const ctrl = new AbortController();
    const timer = setTimeout(() => {
      fetchBuurten(query.trim() || undefined, ctrl.signal).then(setResult).catch(() => { /* keep the last list */ });
    }, 250);
    return () => { clearTimeout(timer); ctrl.abort(); };
  }, [large, query]);
  // The chosen buurt stays an option even when the search list does not hold it.
  useEffect(() => {
    if (!buurt) { setCurrent(null); return; }
    getJson<Area>(`/api/areas/${encodeURIComponent(buurt)}`).then((a) => setCurrent({ code: a.code, kind: a.kind, name: a.name, parent_code: a.parent_code })).catch(() => setCurrent(null));
  }, [buurt]);

  const options = current && !result.items.some((a) => a.code === current.code) ? [current, ...result.items] : result.items;
  return (
    <div class="filter-row">
      {large && (
        <>
          <label for="buurt-search">{t('areapicker.search')}</label>
          <input id="buurt-search" type="search" value={query} aria-describedby="buurt-search-hint buurt-search-count"
            onInput={(e) => setQuery(e.currentTarget.value)} />
          <p id="buurt-search-hint" class="hint">{t('areapicker.search_hint')}</p>
          <p id="buurt-search-count" class="hint" aria-live="polite">
            {result.total > result.items.length ? t('areapicker.more', { n: result.items.length }) : t('areapicker.matches', { n: result.total })}
          </p>
        </>
      )}
      <label for="buurt-select">{t('filters.buurt')}</label>
      <select id="buurt-select" value={buurt ?? ''} onChange={(e) => onChange(e.currentTarget.value || null)}>
        <option value="">{t('filters.buurt_none')}</option>
        {options.map((b) => <option key={b.code} value={b.code}>{b.name}</option>)}
      </select>
    </div>
  );
}
