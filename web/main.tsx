import { render } from 'preact';
import { App, loadMapView } from './app';
import { loadMe } from './auth/session';
import { prefetchMap } from './map-view/map-data';
import './styles.css';

// One wave of requests as the page starts, beside the JS still loading: who is signed in
// (once, shared by every component), and on /kaart all the map needs before it draws.
void loadMe().catch(() => {});
if (location.pathname === '/kaart') prefetchMap(new URLSearchParams(location.search), loadMapView);

render(<App />, document.getElementById('app')!);
