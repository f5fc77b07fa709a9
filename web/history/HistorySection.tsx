// "Geschiedenis" on a team (or person) page, for its editors and admins: who changed what
import '../review/review.css';
// and when, before and after. Closed by default (a <details>), loaded when opened; for
// anyone the server refuses (403), nothing is shown.
import { useState } from 'preact/hooks';
import { ApiError } from '../api/client';
import { canInvite, useSession } from '../auth/session';
import { ErrorMessage, Loading } from '../components/Status';
import { useFetch } from '../components/use-fetch';
import { formatDate, t } from '../i18n/i18n';
import { useTaxonomy, type Taxonomy } from '../components/taxonomy';
import { historyApi, type HistoryEntry } from './api';
import { fieldLabel, valueText } from './words';

function Entries({ collection, id }: { collection: 'teams' | 'people'; id: string }) {
  const { data, error } = useFetch((s) => historyApi.of(collection, id, s), [collection, id]);
  const tax = useTaxonomy();
  if (error instanceof ApiError && error.status === 403) return <p>{t('history.forbidden')}</p>;
  if (error) return <ErrorMessage error={error} />;
  if (!data) return <Loading />;
  if (data.items.length === 0) return <p>{t('history.none')}</p>;
  return <ol class="history-list" data-testid="history-list">{data.items.map((e, i) => <Entry key={`${e.at}-${i}`} entry={e} names={data.names} tax={tax} />)}</ol>;
}

function Entry({ entry, names, tax }: { entry: HistoryEntry; names: Record<string, string>; tax: Taxonomy }) {
  return (
    <li>
      <p><time dateTime={entry.at}>{formatDate(entry.at)}</time> · {entry.actor === 'verwijderd' ? t('history.deleted_actor') : entry.actor} · {t(`history.action.${entry.action.split('.').pop()}`)}</p>
      {entry.changes.length > 0 && (
        <table class="history-changes">
          <thead><tr><th scope="col">{t('history.field')}</th><th scope="col">{t('history.before')}</th><th scope="col">{t('history.after')}</th></tr></thead>
          <tbody>{entry.changes.map((c) => (
            <tr key={c.field} data-field={c.field}>
              <th scope="row">{fieldLabel(c.field)}</th>
              <td>{valueText(c.field, c.before, names, tax)}</td><td>{valueText(c.field, c.after, names, tax)}</td>
            </tr>
          ))}</tbody>
        </table>
      )}
    </li>
  );
}

export function HistorySection({ collection, id }: { collection: 'teams' | 'people'; id: string }) {
  const { me } = useSession();
  const [open, setOpen] = useState(false);
  if (!canInvite(me)) return null;
  return (
    <details class="history" data-testid="history" onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
      <summary>{t('history.title')}</summary>
      {open && <Entries collection={collection} id={id} />}
    </details>
  );
}
