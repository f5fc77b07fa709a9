import { useEffect } from 'preact/hooks';
import { ApiError } from '../api/client';
import { t } from '../i18n/i18n';
import { retryFailed } from './use-fetch';

/** Sets document.title for the view: "<title> · Wijkweb". */
export function useTitle(title: string | null | undefined): void {
  useEffect(() => { document.title = title ? `${title} · Wijkweb` : 'Wijkweb'; }, [title]);
}

/** The page title while loading or after an error (404 reads "not found"). */
export function statusTitle(error: unknown): string {
  if (!error) return t('status.loading');
  return error instanceof ApiError && error.status === 404 ? t('status.not_found_title') : t('status.error_title');
}

export function Loading() {
  return <p class="status" aria-busy="true">{t('status.loading')}</p>;
}

export function ErrorMessage({ error }: { error: unknown }) {
  if (error instanceof ApiError && error.status === 404) return <NotFound />;
  return (
    <div class="notice notice--error" role="alert" data-testid="load-error">
      <p>{t('status.error')}</p>
      <p><button type="button" class="button-secondary" onClick={retryFailed}>{t('status.retry')}</button></p>
    </div>
  );
}

export function NotFound() {
  useTitle(t('status.not_found_title'));
  return (
    <div class="page">
      <h1>{t('status.not_found_title')}</h1>
      <p>{t('status.not_found')}</p>
      <p><a href="/">{t('status.to_start')}</a></p>
    </div>
  );
}
