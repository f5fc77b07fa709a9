// People a team asked for who are employed by another organisation: they count nowhere until
// their employer (or they themselves) accept. Shown on the team page and its edit page to those
// the server says may act on a request (`may` per request); the accept control only where
// `may.accept`. Kept free of zod: the team page is in the main bundle.
import { useState } from 'preact/hooks';
import { ApiError, getWithEtag, sendJson, type TeamDetail } from '../api/client';
import { FormMessage } from '../auth/Field';
import { t } from '../i18n/i18n';
import { mayDo } from './EditLink';

type Requested = NonNullable<TeamDetail['requested']>[number];

export function RequestedMembers({ requested, onDone }: { requested: readonly Requested[] | undefined; onDone: (text: string) => void }) {
  const [error, setError] = useState<string>();
  if (!requested?.length) return null;
  const accept = async (r: Requested) => {
    try {
      const { etag } = await getWithEtag(`/api/memberships/${r.membership_id}`);
      await sendJson('POST', `/api/memberships/${r.membership_id}/accept`, undefined, { 'if-match': etag });
      setError(undefined);
      onDone(t('edit.member_accepted', { name: r.person.name }));
    } catch (e) {
      setError(e instanceof ApiError && e.message !== 'network' ? e.message : t('edit.failed'));
    }
  };
  return (
    <section class="requested-members" aria-labelledby="requested-title" data-testid="requested-members">
      <h3 id="requested-title">{t('edit.requested_title')}</h3>
      <p class="muted">{t('edit.requested_intro')}</p>
      <ul>
        {requested.map((r) => (
          <li key={r.membership_id}>
            <a href={`/mensen/${r.person.id}`}>{r.person.name}</a> <span class="muted">· {r.role} · {t('edit.requested_state')}</span>
            {mayDo(r.may, 'accept') && (
              <> <button type="button" class="button-secondary" onClick={() => void accept(r)}>{t('edit.accept')}<span class="sr-only"> {r.person.name}</span></button></>
            )}
          </li>
        ))}
      </ul>
      <FormMessage kind="error" text={error} />
    </section>
  );
}
