// "Klopt nog" on a team or person page, for editors and admins: one click confirms the
// entry as read (If-Match: its version). Shown by the record's `may.verify` from the server
// (which decides who may; a refusal is said).
import { useState } from 'preact/hooks';
import { ApiError } from '../api/client';
import { formatDate, t } from '../i18n/i18n';
import { reviewApi } from './api';
import { mayDo, type May } from '../edit/EditLink';

export function VerifyButton({ kind, id, version, may }: { kind: 'team' | 'person'; id: string; version: number | undefined; may: May }) {
  const [state, setState] = useState<'idle' | 'done' | 'failed' | 'changed'>('idle');
  if (!mayDo(may, 'verify') || version === undefined) return null;
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
