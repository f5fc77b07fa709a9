// Router and layout: skip link, header (with a slot for the search box), main, footer.
import { lazy, Suspense } from 'preact/compat';
import { useEffect, useRef, useState } from 'preact/hooks';
import { getLang, onLangChange, setLang, t, type Lang } from './i18n/i18n';
import { interceptLinks, match, useLocation, type Params } from './router';
import { LiveRegion } from './components/announce';
import { Loading } from './components/Status';
import { NotFound } from './components/Status';
import { StartPage } from './start/StartPage';
import { TopicPage } from './topic/TopicPage';
import { TeamPage } from './team/TeamPage';
import { PersonPage } from './person/PersonPage';
import { AreaPage } from './area/AreaPage';
import { SearchBox } from './search/SearchBox';
import { SearchPage } from './search/SearchPage';
import { KennismakenPage } from './onboarding/KennismakenPage';
import { PrintPage as KennismakenPrintPage } from './onboarding/PrintPage';
import { ChangesPage } from './onboarding/ChangesPage';
import { KennismakenLink } from './onboarding/NavLink';

const MapView = lazy(() => import('./map-view/MapView').then((m) => m.MapView));
const AddressPage = lazy(() => import('./lookup/AddressPage').then((m) => m.AddressPage));

type View = (props: { params: Params; query: URLSearchParams }) => preact.JSX.Element;
const routes: Array<[string, View]> = [
  ['/', StartPage],
  ['/kaart', MapView as unknown as View],
  ['/hulp/:topic', TopicPage],
  ['/teams/:id', TeamPage],
  ['/mensen/:id', PersonPage],
  ['/gebieden/:code', AreaPage],
  ['/zoeken', SearchPage],
  ['/adres', AddressPage as unknown as View],
  ['/kennismaken', KennismakenPage],
  ['/kennismaken/print', KennismakenPrintPage],
  ['/wijk/:code/wijzigingen', ChangesPage],
];

function resolve(path: string): [View, Params] | null {
  for (const [pattern, view] of routes) {
    const params = match(pattern, path);
    if (params) return [view, params];
  }
  return null;
}

export function App() {
  const loc = useLocation();
  const [lang, setLangState] = useState<Lang>(getLang());
  const mainRef = useRef<HTMLElement>(null);
  const first = useRef(true);
  useEffect(() => onLangChange(setLangState), []);
  useEffect(() => { document.documentElement.lang = lang; }, [lang]);
  useEffect(() => interceptLinks(document.body), []);
  useEffect(() => {
    if (first.current) { first.current = false; return; }
    mainRef.current?.focus({ preventScroll: true });
  }, [loc.path]);

  const found = resolve(loc.path);
  const [View, params] = found ?? [null, {}];
  const wide = loc.path === '/kaart';
  const other: Lang = lang === 'nl' ? 'en' : 'nl';
  return (
    <div class={wide ? 'layout layout--wide' : 'layout'}>
      <a class="skip-link" href="#inhoud">{t('layout.skip')}</a>
      <header class="site-header">
        <div class="site-header__inner">
          <a class="brand" href="/" aria-label={t('layout.home')}>
            <span class="brand__mark" aria-hidden="true">W</span>
            <span class="brand__name">Wijkweb</span>
          </a>
          <nav class="site-nav" aria-label={t('layout.nav')}>
            <a href="/" aria-current={loc.path === '/' ? 'page' : undefined}>{t('nav.help')}</a>
            <a href="/kaart" aria-current={loc.path === '/kaart' ? 'page' : undefined}>{t('nav.map')}</a>
            <KennismakenLink current={loc.path.startsWith('/kennismaken')} />
          </nav>
          <div class="site-header__search" id="zoekvak" data-slot="search"><SearchBox /></div>
          <button type="button" class="lang-switch" lang={other} onClick={() => setLang(other)}>
            {t('layout.switch_lang')}
          </button>
        </div>
      </header>
      <main id="inhoud" tabIndex={-1} ref={mainRef} key={lang}>
        <Suspense fallback={<Loading />}>
          {View ? <View params={params} query={loc.query} /> : <NotFound />}
        </Suspense>
      </main>
      <footer class="site-footer">
        <div class="site-footer__inner">
          <p><strong>{t('footer.emergency')}</strong> {t('footer.emergency_text')}</p>
          <p>{t('footer.about')}</p>
        </div>
      </footer>
      <LiveRegion />
    </div>
  );
}
