// /kaart: filters, the list (the primary content: an equal alternative to the map), the
// selected team or buurt, and the map. All state in the URL.
import { useCallback, useState } from 'preact/hooks';
import { t } from '../i18n/i18n';
import { useTitle } from '../components/Status';
import { useTaxonomy } from '../components/taxonomy';
import type { Params } from '../router';
import { filterParams, ServiceFilters } from '../service-filters/ServiceFilters';
import { Filters } from './Filters';
import { MapPanel } from './MapPanel';
import { ResultList } from './ResultList';
import { SelectionPanel } from './SelectionPanel';
import { readState, writeState } from './url-state';
import type { BBox, View } from '../map/leaflet-adapter';

export function MapView({ query }: { params: Params; query: URLSearchParams }) {
  const state = readState(query);
  const tax = useTaxonomy();
  // The residents' filters (Nu open, Gratis, …) as API parameters; the map's own state is kept beside them.
  const service = filterParams(query);
  const serviceKey = JSON.stringify(service);
  const keep = Object.fromEntries(['lat', 'lon', 'z', 'type', 'topic', 'team', 'buurt'].map((k) => [k, query.get(k) ?? undefined]));
  const [bbox, setBbox] = useState<BBox | null>(null);
  useTitle(t('map.title'));

  const onMove = useCallback((v: View) => {
    setBbox(v.bbox);
    writeState({ lat: v.lat, lon: v.lon, zoom: v.zoom });
  }, []);
  const selectTeam = useCallback((id: string) => writeState({ team: id, buurt: null }, { replace: false }), []);
  const selectArea = useCallback((code: string) => writeState({ buurt: code, team: null }, { replace: false }), []);

  return (
    <div class="map-view">
      <div class="map-view__side">
        <h1 class="map-view__title">{t('map.title')}</h1>
        <p class="lead-small">{t('map.intro')}</p>
        <Filters tax={tax} types={state.types} topics={state.topics} buurt={state.buurt}
          onChange={(c) => writeState(c, { replace: false })} />
        <ServiceFilters path="/kaart" query={query} keep={keep} />
        <SelectionPanel team={state.team} buurt={state.buurt} tax={tax}
          onClose={() => writeState({ team: null, buurt: null }, { replace: false })} />
        <ResultList tax={tax} types={state.types} topics={state.topics} service={service} serviceKey={serviceKey} bbox={bbox} selected={state.team} />
      </div>
      <div class="map-view__map">
        <MapPanel tax={tax} types={state.types} topics={state.topics} service={service} serviceKey={serviceKey} selectedTeam={state.team} selectedArea={state.buurt}
          initial={state.lat !== undefined && state.lon !== undefined && state.zoom !== undefined ? { lat: state.lat, lon: state.lon, zoom: state.zoom } : null}
          onMove={onMove} onMarkerClick={selectTeam} onAreaClick={selectArea} />
      </div>
    </div>
  );
}
