import { render } from 'preact';
import { App, loadMapView } from './app';
import { loadMe } from './auth/session';
import { prefetchMap } from './map-view/map-data';
import './styles.css';

// One wave of requests as the page starts, beside the JS still loading: who is signed in
// (once, shared by every component), and on /kaart all the map needs before it draws.
void loadMe().catch(() => {});
render(<App />, document.getElementById('app')!);
// After the first render: the page's layout is there to measure the map's size on.
if (location.pathname === '/kaart') prefetchMap(new URLSearchParams(location.search), loadMapView);
