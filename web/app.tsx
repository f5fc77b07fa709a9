// Router and layout: skip link, header (with a slot for the search box), main, footer.
import { lazy, Suspense } from 'preact/compat';
import { useEffect, useRef, useState } from 'preact/hooks';
import { getLang, onLangChange, setLang, t, type Lang } from './i18n/i18n';
import { interceptLinks, match, useLocation, type Params } from './router';
import { LiveRegion } from './components/announce';
import { Loading } from './components/Status';
import { NotFound } from './components/Status';
import { StartPage } from './start/StartPage';
import { ProfessionalStart } from './start/ProfessionalStart';
import { TopicPage } from './topic/TopicPage';
import { TeamPage } from './team/TeamPage';
import { PersonPage } from './person/PersonPage';
import { AreaPage } from './area/AreaPage';
import { SearchBox } from './search/SearchBox';
import { SearchPage } from './search/SearchPage';
import { ErrorBoundary } from './components/ErrorBoundary';
import { SignInPage } from './auth/SignInPage';
import { ForgotPasswordPage, ResetPasswordPage } from './auth/ResetPages';
import { WelcomePage } from './auth/WelcomePage';
import { useSession } from './auth/session';
import { AccountMenu, ProfessionalBanner } from './account/AccountMenu';
import { KennismakenPage } from './onboarding/KennismakenPage';
import { KennismakenPrintPage } from './onboarding/KennismakenPrintPage';
import { ChangesPage } from './onboarding/ChangesPage';
import { KennismakenLink } from './onboarding/NavLink';
import { ReviewNavLink } from './review/ReviewNavLink';
import { InsightNavLink } from './insight/InsightNavLink';

export const loadMapView = () => import('./map-view/MapView');
const MapView = lazy(() => loadMapView().then((m) => m.MapView));
const AddressPage = lazy(() => import('./lookup/AddressPage').then((m) => m.AddressPage));
const AreaPrintPage = lazy(() => import('./print/AreaPrintPage').then((m) => m.AreaPrintPage));
const PosterPage = lazy(() => import('./print/PosterPage').then((m) => m.PosterPage));
const ImportPage = lazy(() => import('./import/ImportPage').then((m) => m.ImportPage));
const AccountPage = lazy(() => import('./account/AccountPage').then((m) => m.AccountPage));
const InvitePage = lazy(() => import('./account/InvitePage').then((m) => m.InvitePage));
const MyDataPage = lazy(() => import('./me/MyDataPage').then((m) => m.MyDataPage));
const TeamEditPage = lazy(() => import('./edit/TeamEditPage').then((m) => m.TeamEditPage));
const PersonEditPage = lazy(() => import('./edit/PersonEditPage').then((m) => m.PersonEditPage));
const ReviewPage = lazy(() => import('./review/ReviewPage').then((m) => m.ReviewPage));
const AuditLogPage = lazy(() => import('./admin/AuditLogPage').then((m) => m.AuditLogPage));
const InsightPage = lazy(() => import('./insight/InsightPage').then((m) => m.InsightPage));
const PathwayPage = lazy(() => import('./pathways/PathwayPage').then((m) => m.PathwayPage));

type View = (props: { params: Params; query: URLSearchParams }) => preact.JSX.Element;
/** Home is where the work is: residents get the help finder, a signed-in professional (also
 * right after signing in from the start page) the address lookup. Until the session is
 * known, the resident page (most visitors are residents). */
function Home() {
  const { me } = useSession();
  return me ? <ProfessionalStart /> : <StartPage />;
}
const routes: Array<[string, View]> = [
  ['/', Home],
  ['/kaart', MapView as unknown as View],
  ['/hulp/:topic', TopicPage],
  ['/teams/:id', TeamPage],
  ['/teams/:id/bewerken', TeamEditPage as unknown as View],
  ['/mensen/:id', PersonPage],
  ['/mensen/:id/bewerken', PersonEditPage as unknown as View],
  ['/gebieden/:code', AreaPage],
  ['/gebieden/:code/print', AreaPrintPage as unknown as View],
  ['/gebieden/:code/poster', PosterPage as unknown as View],
  ['/importeren', ImportPage as unknown as View],
  ['/zoeken', SearchPage],
  ['/adres', AddressPage as unknown as View],
  ['/inloggen', SignInPage],
  ['/wachtwoord-vergeten', ForgotPasswordPage],
  ['/wachtwoord-herstellen', ResetPasswordPage],
  ['/welkom', WelcomePage],
  ['/account', AccountPage as unknown as View],
  ['/uitnodigen', InvitePage as unknown as View],
  ['/mijn-gegevens', MyDataPage as unknown as View],
  ['/kennismaken', KennismakenPage],
  ['/kennismaken/print', KennismakenPrintPage],
  ['/wijk/:code/wijzigingen', ChangesPage],
  ['/te-controleren', ReviewPage as unknown as View],
  ['/beheer/logboek', AuditLogPage as unknown as View],
  ['/inzicht', InsightPage as unknown as View],
  ['/verwijzen/:key', PathwayPage as unknown as View],
];

// A path with a malformed %-sequence cannot be matched: it becomes a view that throws the
// URIError inside the error boundary, which explains it, instead of a blank app.
function resolvePath(path: string): [View, Params] | null {
  // (the decoded value is used, so no minifier may drop the call as side-effect free)
  let decoded: string;
  try { decoded = decodeURIComponent(path); } catch (error) { return [() => { throw error; }, {}]; }
  return decoded ? resolve(path) : null;
}

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
  // Signing in or out bumps the epoch: the view remounts and refetches, so nothing seen
  // by one audience stays on screen for the next.
  const { epoch, me } = useSession();
  const mainRef = useRef<HTMLElement>(null);
  const first = useRef(true);
  useEffect(() => onLangChange(setLangState), []);
  useEffect(() => { document.documentElement.lang = lang; }, [lang]);
  useEffect(() => interceptLinks(document.body), []);
  useEffect(() => {
    if (first.current) { first.current = false; return; }
    mainRef.current?.focus({ preventScroll: true });
  }, [loc.path]);

  const found = resolvePath(loc.path);
  const [View, params] = found ?? [null, {}];
  const wide = loc.path === '/kaart';
  const other: Lang = lang === 'nl' ? 'en' : 'nl';
  return (
    <div class={wide ? 'layout layout--wide' : 'layout'}>
      <a class="skip-link" href="#inhoud">{t('layout.skip')}</a>
      <header class="site-header">
        <div class="site-header__inner">
          {/* The accessible name starts with the visible "Wijkweb" (WCAG 2.5.3 label in name) */}
          <a class="brand" href="/">
            <span class="brand__mark" aria-hidden="true">W</span>
            <span class="brand__name">Wijkweb</span><span class="sr-only">{t('layout.home_hint')}</span>
          </a>
          <nav class="site-nav" aria-label={t('layout.nav')}>
            <a href="/" aria-current={loc.path === '/' ? 'page' : undefined}>{t(me ? 'nav.home_pro' : 'nav.help')}</a>
            <a href="/kaart" aria-current={loc.path === '/kaart' ? 'page' : undefined}>{t(me ? 'nav.map_short' : 'nav.map')}</a>
            <KennismakenLink current={loc.path.startsWith('/kennismaken')} />
            <ReviewNavLink current={loc.path === '/te-controleren'} />
            <InsightNavLink current={loc.path === '/inzicht'} />
          </nav>
          <div class="site-header__search" id="zoekvak" data-slot="search"><SearchBox /></div>
          <button type="button" class="lang-switch" lang={other} onClick={() => setLang(other)}>
            {t('layout.switch_lang')}
          </button>
          <AccountMenu />
        </div>
        {/* inside the banner landmark, so no content is outside a landmark (axe "region") */}
        <ProfessionalBanner />
      </header>
      <main id="inhoud" tabIndex={-1} ref={mainRef} key={`${lang}:${epoch}`}>
        <ErrorBoundary key={loc.path}>
          <Suspense fallback={<Loading />}>
            {View ? <View params={params} query={loc.query} /> : <NotFound />}
          </Suspense>
        </ErrorBoundary>
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
