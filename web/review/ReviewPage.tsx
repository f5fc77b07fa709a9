// /te-controleren — an editor's teams and people not checked for a long time, stalest
// first, each with "Klopt nog" (POST …/verify with the version read). A confirmed row
// leaves the list and a screen reader hears so; focus moves to the next row's button.
import { useRef, useState } from 'preact/hooks';
import { ApiError } from '../api/client';
import { announce } from '../components/announce';
import { ErrorMessage, Loading, statusTitle, useTitle } from '../components/Status';
import { useFetch } from '../components/use-fetch';
import { formatDate, t } from '../i18n/i18n';
import { reviewApi, type ReviewRow } from './api';
import { announceReviewed } from './ReviewNavLink';
import './review.css';

const months = (days: number) => Math.floor(days / 30.44);

function Status({ row }: { row: ReviewRow }) {
  if (row.hidden_from_residents) return <>{t('review.status.hidden')}</>;
  if (row.stale) return <>{t('review.status.stale')}</>;
  return <>{t('review.status.soon', { date: formatDate(row.hidden_from_residents_at) })}</>;
}

export function ReviewPage({ query }: { query: URLSearchParams }) {
  const scope = query.get('scope');
  const { data, error } = useFetch((s) => reviewApi.list(scope, s), [scope]);
  const [done, setDone] = useState<Set<string>>(new Set());
  const [failed, setFailed] = useState<{ id: string; message: string } | null>(null);
  const list = useRef<HTMLOListElement>(null);
  useTitle(data ? t('review.title') : statusTitle(error));
  if (error instanceof ApiError && (error.status === 401 || error.status === 403)) {
    return <div class="page"><h1>{t('review.title')}</h1><div class="notice" role="status"><p>{t(error.status === 401 ? 'review.sign_in' : 'review.not_editor')}</p></div></div>;
  }
  if (error) return <div class="page"><ErrorMessage error={error} /></div>;
  if (!data) return <div class="page"><Loading /></div>;
  const rows = data.items.filter((r) => !done.has(r.id));

  async function confirm(row: ReviewRow, index: number) {
    setFailed(null);
    try {
      await reviewApi.verify(row);
      setDone((d) => new Set([...d, row.id]));
      announceReviewed();
      announce(t('review.confirmed', { name: row.name }));
      // keep the keyboard where it was: the next row's button (or the heading when none is left)
      requestAnimationFrame(() => {
        const buttons = list.current?.querySelectorAll<HTMLButtonElement>('button');
        const next = buttons?.[Math.min(index, (buttons?.length ?? 1) - 1)];
        (next ?? document.querySelector<HTMLElement>('h1'))?.focus();
      });
    } catch (e) {
      setFailed({ id: row.id, message: e instanceof ApiError && e.status === 412 ? t('review.changed') : t('review.failed') });
    }
  }

  return (
    <article class="page review" data-testid="review-page">
      <h1 tabIndex={-1}>{t('review.title')}</h1>
      <p class="lead">{t('review.intro', { after: data.stale_after_months, grace: data.grace_months })}</p>
      {rows.length === 0 ? <p data-testid="review-empty">{t('review.none')}</p> : (
        <ol class="review-list" ref={list} data-testid="review-list">
          {rows.map((row, index) => (
            <li key={row.id} class="review-row" data-testid="review-row" data-id={row.id}>
              <div class="review-row__what">
                <p><a href={row.link}>{row.name}</a> <span class="muted">· {t(`review.kind.${row.kind}`)}{row.organisation_name ? ` · ${row.organisation_name}` : ''}</span></p>
                <p class="muted">
                  {row.last_verified_at ? t('review.checked', { date: formatDate(row.last_verified_at), months: months(row.age_days) })
                    : t('review.never', { date: formatDate(row.counted_from), months: months(row.age_days) })}
                  {' · '}<Status row={row} />
                </p>
                {failed?.id === row.id && <p class="notice notice--error" role="alert">{failed.message}</p>}
              </div>
              <button type="button" class="button" onClick={() => void confirm(row, index)} aria-label={t('review.confirm_label', { name: row.name })}>
                {t('review.confirm')}
              </button>
            </li>
          ))}
        </ol>
      )}
    </article>
  );
}
