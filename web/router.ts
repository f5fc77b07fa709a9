// A tiny history router: real paths (the server falls back to index.html), links
// intercepted, focus moved to the new page's heading so screen readers follow along.
import { useEffect, useState } from 'preact/hooks';

interface Loc { path: string; query: URLSearchParams }
const listeners = new Set<() => void>();
const read = (): Loc => ({ path: location.pathname.replace(/\/+$/, '') || '/', query: new URLSearchParams(location.search) });

export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  const url = new URL(to, location.href);
  const lang = new URLSearchParams(location.search).get('lang');
  if (lang && !url.searchParams.has('lang')) url.searchParams.set('lang', lang);
  const target = url.pathname + url.search + url.hash;
  if (target === location.pathname + location.search + location.hash) return;
  if (opts.replace) history.replaceState(null, '', target); else history.pushState(null, '', target);
  for (const l of listeners) l();
  if (!opts.replace) window.scrollTo(0, 0);
}

export function useLocation(): Loc {
  const [loc, setLoc] = useState(read);
  useEffect(() => {
    const update = () => setLoc(read());
    listeners.add(update);
    window.addEventListener('popstate', update);
    return () => { listeners.delete(update); window.removeEventListener('popstate', update); };
  }, []);
  return loc;
}

/** Same-origin <a href> clicks become pushState navigations. */
export function interceptLinks(root: HTMLElement): () => void {
  const onClick = (e: MouseEvent) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const a = (e.target as Element).closest?.('a');
    if (!a || a.target || a.hasAttribute('download') || !a.href) return;
    const url = new URL(a.href);
    if (url.origin !== location.origin || url.pathname.startsWith('/api/') || url.pathname.startsWith('/docs')) return;
    if (url.pathname === location.pathname && url.hash) return; // in-page anchors (skip link)
    e.preventDefault();
    navigate(url.pathname + url.search + url.hash);
  };
  root.addEventListener('click', onClick);
  return () => root.removeEventListener('click', onClick);
}

export type Params = Record<string, string>;
/** Matches '/teams/:id' against a path; returns the params or null. */
export function match(pattern: string, path: string): Params | null {
  const p = pattern.split('/');
  const s = path.split('/');
  if (p.length !== s.length) return null;
  const params: Params = {};
  for (let i = 0; i < p.length; i++) {
    const seg = p[i]!;
    if (seg.startsWith(':')) params[seg.slice(1)] = decodeURIComponent(s[i]!);
    else if (seg !== s[i]) return null;
  }
  return params;
}
