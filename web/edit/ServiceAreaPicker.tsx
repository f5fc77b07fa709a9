// The buurten a team serves: a checkbox list grouped by wijk (the accessible primary
// control) and a small map beside it whose buurten toggle on click (an extra).
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, getJson, type AreaItems, type Boundaries } from '../api/client';
import { t } from '../i18n/i18n';
import type { AreaPicker as Picker } from '../map/leaflet-adapter';

type Area = AreaItems['items'][number];

async function allOfKind(kind: 'buurt' | 'wijk'): Promise<Area[]> {
  const out: Area[] = [];
  for (let page = 1; page < 100; page++) {
    const res = await getJson<AreaItems>(`/api/areas?kind=${kind}&per_page=100&page=${page}`);
    out.push(...res.items);
    if (res.items.length < 100) break;
  }
  return out;
}

export function ServiceAreaPicker({ selected, onChange, error }: { selected: string[]; onChange: (codes: string[]) => void; error?: string }) {
  const [groups, setGroups] = useState<Array<{ wijk: string; name: string; buurten: Area[] }> | null>(null);
  const latest = useRef(selected);
  latest.current = selected;
  const toggle = (code: string, on = !latest.current.includes(code)) =>
    onChange(on ? [...latest.current.filter((c) => c !== code), code] : latest.current.filter((c) => c !== code));

  useEffect(() => {
    let live = true;
    Promise.all([allOfKind('buurt'), allOfKind('wijk')]).then(([buurten, wijken]) => {
      if (!live) return;
      const byWijk = new Map<string, Area[]>();
      for (const b of buurten) byWijk.set(b.parent_code ?? '', [...(byWijk.get(b.parent_code ?? '') ?? []), b]);
      const name = (code: string) => wijken.find((w) => w.code === code)?.name ?? (code || t('edit.areas_other'));
      setGroups([...byWijk].map(([wijk, list]) => ({ wijk, name: name(wijk), buurten: list.sort((a, b) => a.name.localeCompare(b.name, 'nl')) }))
        .sort((a, b) => a.name.localeCompare(b.name, 'nl')));
    }).catch(() => { if (live) setGroups([]); });
    return () => { live = false; };
  }, []);

  const described = error ? 'f-areas-error' : undefined;
  return (
    <div class="area-picker">
      <fieldset id="f-areas" class={error ? 'field checks field--error' : 'field checks'} aria-describedby={described}>
        <legend>{t('edit.field.areas')}</legend>
        <p class="hint">{t('edit.areas_hint', { n: selected.length })}</p>
        {groups === null ? <p>{t('edit.loading')}</p> : groups.map((g) => (
          <fieldset key={g.wijk} class="area-picker__wijk">
            <legend>{g.name}</legend>
            <div class="checks__list">
              {g.buurten.map((b) => (
                <label key={b.code}><input type="checkbox" value={b.code} checked={selected.includes(b.code)}
                  onChange={(e) => toggle(b.code, (e.target as HTMLInputElement).checked)} /> {b.name}</label>
              ))}
            </div>
          </fieldset>
        ))}
        {error && <p class="field__error" id="f-areas-error">{error}</p>}
      </fieldset>
      <AreaMap selected={selected} onToggle={(code) => toggle(code)} />
    </div>
  );
}

function AreaMap({ selected, onToggle }: { selected: string[]; onToggle: (code: string) => void }) {
  const el = useRef<HTMLDivElement>(null);
  const picker = useRef<Picker | null>(null);
  const toggle = useRef(onToggle);
  toggle.current = onToggle;
  const first = useRef(selected);
  first.current = selected;
  useEffect(() => {
    let live = true;
    (async () => {
      const [{ mountAreaPicker }, config, extent] = await Promise.all([
        import('../map/leaflet-adapter'), api.config(), getJson<{ bbox: number[] | null }>('/api/map/extent')]);
      const bbox = extent.bbox ? `&bbox=${extent.bbox.join(',')}` : '';
      const boundaries = await getJson<Boundaries>(`/api/map/boundaries?kind=buurt&band=high${bbox}`);
      if (!live || !el.current) return;
      picker.current = mountAreaPicker(el.current, {
        tiles: config.tiles, boundaryAttribution: config.boundary_attribution, boundaries: boundaries as never,
        selected: first.current, onToggle: (code) => toggle.current(code),
      });
    })().catch(() => { /* the list above does the job without the map */ });
    return () => { live = false; picker.current?.destroy(); picker.current = null; };
  }, []);
  useEffect(() => { picker.current?.setSelected(selected); }, [selected]);
  return (
    <figure class="area-picker__map">
      <div ref={el} class="area-picker__canvas" data-testid="area-map" />
      <figcaption class="hint">{t('edit.areas_map_hint')}</figcaption>
    </figure>
  );
}
