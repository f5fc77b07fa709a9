// Dutch first, English second. t('key', { n }) looks the key up in the current language,
// falls back to Dutch, and fills {placeholders}. Keys ending in _one/_other pick by count.
import nl from './nl.json';
import en from './en.json';
import searchNl from '../search/messages.nl.json';
import searchEn from '../search/messages.en.json';
import onboardingNl from '../onboarding/messages.nl.json';
import onboardingEn from '../onboarding/messages.en.json';

export type Lang = 'nl' | 'en';
type Dict = Record<string, string>;
const dicts: Record<Lang, Dict> = { nl: { ...nl, ...searchNl, ...onboardingNl }, en: { ...en, ...searchEn, ...onboardingEn } };
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
  const text = dicts[current][k] ?? dicts.nl[k] ?? key;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
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

/** "nl" → "Nederlands" (or "Dutch"): language codes as words in the current language. */
export function languageName(code: string): string {
  try { return new Intl.DisplayNames([current], { type: 'language' }).of(code) ?? code; } catch { return code; }
}
