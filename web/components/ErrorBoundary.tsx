// Catches what would otherwise leave a blank app: a lazily loaded part that fails to load
// (network, or a new deployment removed the old chunk), a malformed address (`%` that is
// no valid encoding), or any other render error. Shows a page that says so, in words, with
// a reload button; the heading takes focus so screen-reader users hear it at once.
import { Component, type ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../i18n/i18n';

interface State { error: unknown }

export class ErrorBoundary extends Component<{ children: ComponentChildren }, State> {
  override state: State = { error: null };

  static override getDerivedStateFromError(error: unknown): State {
    return { error };
  }

  override componentDidCatch(error: unknown): void {
    console.error('[wijkweb] page failed to render', error);
  }

  override render() {
    return this.state.error ? <ErrorPage error={this.state.error} /> : this.props.children;
  }
}

/** Which explanation fits: a chunk that did not load, a bad address, or something else. */
function kind(error: unknown): 'chunk' | 'bad_address' | 'other' {
  if (error instanceof URIError) return 'bad_address';
  const text = String((error as Error)?.message ?? error);
  if (/dynamically imported module|Importing a module script failed|module script|Failed to fetch|chunk/i.test(text)) return 'chunk';
  return 'other';
}

function ErrorPage({ error }: { error: unknown }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${t('errors.title')} · Wijkweb`;
    heading.current?.focus();
  }, []);
  return (
    <div class="page" data-testid="error-page">
      <h1 tabIndex={-1} ref={heading}>{t('errors.title')}</h1>
      <p role="alert">{t(`errors.${kind(error)}`)}</p>
      <p>
        <button type="button" class="button" onClick={() => location.reload()}>{t('errors.reload')}</button>
      </p>
      <p><a href="/" onClick={(e) => { e.preventDefault(); location.assign('/'); }}>{t('errors.to_start')}</a></p>
    </div>
  );
}
