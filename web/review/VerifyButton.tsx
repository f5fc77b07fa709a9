// "Klopt nog" on a team or person page, for editors and admins: one click confirms the
// entry as read (If-Match: its version). The server decides who may; a refusal is said.
import { useState } from 'preact/hooks';
import { ApiError } from '../api/client';
import { canInvite, useSession } from '../auth/session';
import { formatDate, t } from '../i18n/i18n';
import { reviewApi } from './api';

export function VerifyButton({ kind, id, version }: { kind: 'team' | 'person'; id: string; version: number | undefined }) {
  const { me } = useSession();
  const [state, setState] = useState<'idle' | 'done' | 'failed' | 'changed'>('idle');
  if (!canInvite(me) || version === undefined) return null;
  if (state === 'done') return <p role="status" data-testid="verified-now">{t('review.confirmed_today', { date: formatDate(new Date().toISOString()) })}</p>;
  const verify_url = `/api/${kind === 'team' ? 'teams' : 'people'}/${id}/verify`;
  return (
    <p>
      <button type="button" class="button-secondary" data-testid="verify-button"
        onClick={() => reviewApi.verify({ verify_url, version }).then(() => setState('done'),
          (e: unknown) => setState(e instanceof ApiError && e.status === 412 ? 'changed' : 'failed'))}>
        {t('review.confirm')}
      </button>
      {state !== 'idle' && <span role="alert"> {t(state === 'changed' ? 'review.changed' : 'review.failed')}</span>}
    </p>
  );
}
