// "Te controleren (n)" in the header, for editors and admins: what waits for them is in
// sight on every page, not only in the account menu. The count is the length of the list
// the review page shows (GET /api/review); it is fetched again after each "Klopt nog"
// (REVIEWED_EVENT) and on signing in or out.
import { useEffect, useState } from 'preact/hooks';
import { canInvite, useSession } from '../auth/session';
import { t } from '../i18n/i18n';
import { reviewApi } from './api';

/** Fired on window after a record was confirmed, so the count follows at once. */
const REVIEWED_EVENT = 'wijkweb:reviewed';
export const announceReviewed = () => window.dispatchEvent(new Event(REVIEWED_EVENT));

export function ReviewNavLink({ current }: { current: boolean }) {
  const { me, epoch } = useSession();
  const editor = canInvite(me);
  const [count, setCount] = useState<number | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const again = () => setTick((n) => n + 1);
    window.addEventListener(REVIEWED_EVENT, again);
    return () => window.removeEventListener(REVIEWED_EVENT, again);
  }, []);
  useEffect(() => {
    if (!editor) { setCount(null); return; }
    const ctrl = new AbortController();
    // No count (offline, a failed call) still leaves the link: the page explains itself.
    reviewApi.list(null, ctrl.signal).then((d) => setCount(d.items.length), () => { if (!ctrl.signal.aborted) setCount(null); });
    return () => ctrl.abort();
  }, [editor, epoch, tick]);
  if (!editor) return null;
  return (
    <a href="/te-controleren" aria-current={current ? 'page' : undefined} data-testid="review-nav">
      {count === null ? t('review.menu') : t('review.nav', { n: count })}
    </a>
  );
}
