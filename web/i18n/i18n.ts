// Dutch first, English second. t('key', { n }) looks the key up in the current language,
// falls back to Dutch, and fills {placeholders}. Keys ending in _one/_other pick by count.
export type Lang = 'nl' | 'en';
type Dict = Record<string, string>;
// The core texts, plus every feature's own messages.<lang>.json (found at build time), so a
// new feature adds its file and nothing here.
const core = import.meta.glob<Dict>('./*.json', { eager: true, import: 'default' });
const features = import.meta.glob<Dict>('../**/messages.*.json', { eager: true, import: 'default' });
function dictFor(lang: Lang): Dict {
  const parts = Object.entries(features).filter(([path]) => path.endsWith(`.${lang}.json`)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)); // paths are ASCII: no collator needed (one costs ms at the page start)
  return Object.assign({}, core[`./${lang}.json`], ...parts.map(([, dict]) => dict));
}
// Merged when first asked: a Dutch page never pays for the English texts at its start.
const dicts: Partial<Record<Lang, Dict>> = {};
const dict = (lang: Lang): Dict => (dicts[lang] ??= dictFor(lang));
const STORAGE_KEY = 'wijkweb.lang';

function initialLang(): Lang {
  const fromUrl = new URLSearchParams(location.search).get('lang');
  if (fromUrl === 'en' || fromUrl === 'nl') {
    try { localStorage.setItem(STORAGE_KEY, fromUrl); } catch { /* storage blocked */ }
    return fromUrl;
  }
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (stored === 'en' || stored === 'nl') return stored;
  } catch { /* storage blocked */ }
  return 'nl';
}

let current: Lang = initialLang();
const listeners = new Set<(l: Lang) => void>();

export const getLang = (): Lang => current;

export function setLang(lang: Lang): void {
  current = lang;
  try { localStorage.setItem(STORAGE_KEY, lang); } catch { /* storage blocked */ }
  document.documentElement.lang = lang;
  const url = new URL(location.href);
  if (lang === 'nl') url.searchParams.delete('lang'); else url.searchParams.set('lang', lang);
  history.replaceState(history.state, '', url.pathname + url.search + url.hash);
  for (const l of listeners) l(lang);
}

export function onLangChange(fn: (l: Lang) => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

export function t(key: string, params: Record<string, string | number> = {}): string {
  let k = key;
  if (typeof params.n === 'number') k = `${key}_${params.n === 1 ? 'one' : 'other'}`;
  const text = dict(current)[k] ?? dict('nl')[k] ?? key;
  return text.includes('{') ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m)) : text;
}

/** The label of a taxonomy item (topic or team type) in the current language. */
export function label(item: { label_nl: string; label_en: string } | undefined, fallback = ''): string {
  if (!item) return fallback;
  return current === 'en' ? item.label_en : item.label_nl;
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return t('date.unknown');
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleDateString(current === 'en' ? 'en-GB' : 'nl-NL', { day: 'numeric', month: 'long', year: 'numeric' });
}

/**
 * "nl" → "Nederlands" (or "Dutch"): language codes as words in the current language. The
 * languages spoken in Dutch neighbourhoods are named in the message files (language.<code>):
 * Intl.DisplayNames loads its locale data on first use, some 100 ms at the start of the map
 * page on a small machine (the residents' language filter), and cannot name some (ber).
 */
export function languageName(code: string): string {
  const named = dict(current)[`language.${code}`];
  if (named) return named;
  try { return languageNames(current).of(code) ?? code; } catch { return code; }
}
// One Intl.DisplayNames per language: making one costs more than the lookups of a whole list.
const displayNames = new Map<Lang, Intl.DisplayNames>();
function languageNames(lang: Lang): Intl.DisplayNames {
  let names = displayNames.get(lang);
  if (!names) displayNames.set(lang, names = new Intl.DisplayNames([lang], { type: 'language' }));
  return names;
}
