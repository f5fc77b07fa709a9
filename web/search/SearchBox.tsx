// The search box in the header of every page: a WAI-ARIA 1.2 combobox (list autocomplete)
// whose listbox groups the suggestions by kind. Debounced, aborts stale requests, fully
// keyboard-operable; a live region says how many results there are. It is a real
// <form action="/zoeken">, so Enter without a chosen suggestion (or no script) still
// reaches the full results page.
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n/i18n';
import { navigate, useLocation } from '../router';
import { withQuery } from '../api/client';
import { useTaxonomy, type Taxonomy } from '../components/taxonomy';
import { MIN_CHARS, resolveHref, searchApi, type SearchItem, type SearchKind } from './api';
import { type Crisis, CrisisQuick, crisisSummary } from '../components/CrisisBlock';
import { isNew, NewMark } from '../components/NewMark';
import './search.css';

const DEBOUNCE_MS = 200;
const SUGGESTIONS = 8;
const LISTBOX_ID = 'zoek-suggesties';

interface Results { q: string; items: SearchItem[]; total: number; crisis?: Crisis | undefined }
/** An option: a result, or the last "all results" entry. */
type Option = { item: SearchItem } | { all: string };

/** Groups in the order their best result was ranked, so the best match stays first. */
function groupByKind(items: SearchItem[]): Array<[SearchKind, SearchItem[]]> {
  const groups = new Map<SearchKind, SearchItem[]>();
  for (const item of items) groups.set(item.kind, [...(groups.get(item.kind) ?? []), item]);
  return [...groups];
}

export function describeItem(item: SearchItem, tax: Taxonomy): string {
  if (item.kind === 'team') return [item.team_type ? tax.type(item.team_type) : '', item.organisation?.name].filter(Boolean).join(' · ');
  if (item.kind === 'person') return item.job_title ?? t('search.kind_label.person');
  return t(`search.kind_label.${item.kind}`);
}

const resultsPage = (q: string) => withQuery('/zoeken', { q });
const optionId = (i: number) => `${LISTBOX_ID}-${i}`;

export function SearchBox() {
  const [text, setText] = useState('');
  const [results, setResults] = useState<Results | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  const latest = useRef(0);
  const tax = useTaxonomy();
  const { path } = useLocation();

  // A new page starts with an empty, closed box.
  useEffect(() => { setText(''); }, [path]);

  useEffect(() => {
    const q = text.trim();
    const request = ++latest.current;
    if (q.length < MIN_CHARS) { setResults(null); setOpen(false); setActive(-1); setStatus(''); return; }
    const ctrl = new AbortController();
    const timer = setTimeout(() => {
      searchApi(q, { per_page: SUGGESTIONS }, ctrl.signal).then((r) => {
        if (request !== latest.current) return; // a newer query owns the box
        setResults({ q, items: groupByKind(r.items).flatMap(([, items]) => items), total: r.total, crisis: r.crisis });
        setActive(-1);
        setOpen(document.activeElement === inputRef.current);
        const count = r.total > 0 ? t('search.count', { n: r.total }) : t('search.none', { q });
        setStatus(r.crisis ? `${crisisSummary(r.crisis)} ${count}` : count);
      }, (error: Error) => {
        if (request !== latest.current || error.name === 'AbortError') return;
        setResults(null); setOpen(false); setStatus(t('search.error'));
      });
    }, DEBOUNCE_MS);
    return () => { clearTimeout(timer); ctrl.abort(); };
  }, [text]);

  const options: Option[] = results ? results.items.map((item) => ({ item })) : [];
  if (results && results.total > results.items.length) options.push({ all: results.q });

  useEffect(() => {
    if (open && active >= 0) document.getElementById(optionId(active))?.scrollIntoView?.({ block: 'nearest' });
  }, [open, active]);

  const close = () => { setOpen(false); setActive(-1); };
  const go = (href: string) => { close(); setText(''); navigate(href); };
  const choose = (option: Option) => {
    if ('all' in option) { go(resultsPage(option.all)); return; }
    void resolveHref(option.item).then(go);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const n = options.length;
    switch (e.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        if (n === 0) return;
        e.preventDefault();
        const down = e.key === 'ArrowDown';
        if (!open) { setOpen(true); setActive(e.altKey ? -1 : down ? 0 : n - 1); return; }
        setActive((a) => (down ? (a + 1) % n : a <= 0 ? n - 1 : a - 1));
        return;
      }
      case 'Enter': {
        const option = open && active >= 0 ? options[active] : undefined;
        if (option) { e.preventDefault(); choose(option); }
        return; // otherwise the form submits: the full results page
      }
      case 'Escape':
        if (open) { e.preventDefault(); close(); } else if (text) { e.preventDefault(); setText(''); }
        return;
      case 'Tab':
        close(); // and let focus leave
    }
  };

  const onSubmit = (e: Event) => {
    e.preventDefault();
    if (text.trim()) go(resultsPage(text.trim()));
  };

  const expanded = open && options.length > 0;
  let index = 0;
  const renderOption = (option: Option) => {
    const i = index++;
    const selected = i === active;
    return (
      <div role="option" id={optionId(i)} key={optionId(i)} aria-selected={selected ? 'true' : undefined}
        class={'all' in option ? 'search-box__option search-box__option--all' : 'search-box__option'}
        onMouseMove={() => { if (!selected) setActive(i); }}
        onClick={() => choose(option)}>
        {'all' in option ? (
          <span class="search-box__name">{t('search.all_results', { q: option.all })} ({results?.total})</span>
        ) : (
          <>
            <span class="search-box__name">{option.item.name}</span>
            {option.item.person && <NewMark show={isNew(option.item.person)} inline />}
            <span class="search-box__meta">{describeItem(option.item, tax)}</span>
          </>
        )}
      </div>
    );
  };

  return (
    <form role="search" class="search-box" action="/zoeken" method="get" aria-label={t('search.label')} onSubmit={onSubmit}>
      <label for="zoek-invoer" class="sr-only">{t('search.label')}</label>
      <div class="search-box__field">
        <input ref={inputRef} id="zoek-invoer" name="q" type="text" enterkeyhint="search" autocomplete="off" spellcheck={false}
          role="combobox" aria-autocomplete="list" aria-expanded={expanded ? 'true' : 'false'} aria-controls={LISTBOX_ID}
          aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined} aria-describedby="zoek-uitleg"
          placeholder={t('search.placeholder')} value={text} maxLength={200}
          onInput={(e) => setText(e.currentTarget.value)} onKeyDown={onKeyDown} onBlur={close}
          onFocus={() => { if (results && results.q === text.trim()) setOpen(true); }} />
        <div class="search-box__drop">
        {open && results?.crisis && (
          <div class="search-box__crisis" onMouseDown={(e) => e.preventDefault() /* keep the box open until the tap lands */}>
            <CrisisQuick crisis={results.crisis} />
          </div>
        )}
        <div id={LISTBOX_ID} role="listbox" aria-label={t('search.suggestions')} class="search-box__popup" hidden={!expanded} data-testid="search-listbox" data-query={results?.q}
          onMouseDown={(e) => e.preventDefault() /* keep focus in the input */}>
          {expanded && groupByKind(results!.items).map(([kind, items]) => (
            <div role="group" aria-labelledby={`${LISTBOX_ID}-g-${kind}`} key={kind}>
              <div role="presentation" id={`${LISTBOX_ID}-g-${kind}`} class="search-box__group">{t(`search.kind.${kind}`)}</div>
              {items.map((item) => renderOption({ item }))}
            </div>
          ))}
          {expanded && options.length > (results?.items.length ?? 0) && renderOption(options[options.length - 1]!)}
        </div>
        {open && results && !results.crisis && options.length === 0 && <p class="search-box__popup search-box__empty">{t('search.none', { q: results.q })}</p>}
        </div>
      </div>
      <button type="submit" class="search-box__submit">{t('search.submit')}</button>
      <p id="zoek-uitleg" class="sr-only">{t('search.hint')}</p>
      <div class="sr-only" role="status" aria-live="polite" aria-atomic="true" data-testid="search-status">{status}</div>
    </form>
  );
}
