// "Klopt nog" on a team or person page and on its edit page, for editors and admins: one
// click confirms the entry as read (If-Match: its version). The server decides who may; a
// refusal is said. The header's "Te controleren (n)" hears of it (announceReviewed).
import { useState } from 'preact/hooks';
import { ApiError } from '../api/client';
import { canInvite, useSession } from '../auth/session';
import { formatDate, t } from '../i18n/i18n';
import { reviewApi } from './api';
import { announceReviewed } from './ReviewNavLink';

interface Props<R> {
  kind: 'team' | 'person';
  id: string;
  version: number | undefined;
  /** The confirmed record as the server answered it (its new version), for a page that keeps editing. */
  onVerified?: (record: R) => void;
  hint?: string;
}

export function VerifyButton<R = unknown>({ kind, id, version, onVerified, hint }: Props<R>) {
  const { me } = useSession();
  const [state, setState] = useState<'idle' | 'busy' | 'done' | 'failed' | 'changed'>('idle');
  if (!canInvite(me) || version === undefined) return null;
  if (state === 'done') return <p role="status" data-testid="verified-now">{t('review.confirmed_today', { date: formatDate(new Date().toISOString()) })}</p>;
  const verify_url = `/api/${kind === 'team' ? 'teams' : 'people'}/${id}/verify`;
  const verify = () => {
    setState('busy');
    reviewApi.verify({ verify_url, version }).then((record) => { setState('done'); announceReviewed(); onVerified?.(record as R); },
      (e: unknown) => setState(e instanceof ApiError && e.status === 412 ? 'changed' : 'failed'));
  };
  return (
    <p class="verify">
      {hint && <span class="hint">{hint} </span>}
      <button type="button" class="button-secondary" data-testid="verify-button" disabled={state === 'busy'} onClick={verify}>
        {t('review.confirm')}
      </button>
      {(state === 'failed' || state === 'changed') && <span role="alert"> {t(state === 'changed' ? 'review.changed' : 'review.failed')}</span>}
    </p>
  );
}
