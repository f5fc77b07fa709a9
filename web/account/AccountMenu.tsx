// The header's account corner: "Inloggen" for residents; for a signed-in professional a
// menu button (disclosure pattern: Escape closes, focus returns) with account, invite and
// sign out.
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n/i18n';
import { canInvite, signOut, useSession } from '../auth/session';
import { useLocation } from '../router';

export function AccountMenu() {
  const { me } = useSession();
  const loc = useLocation();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => setOpen(false), [loc.path]);
  if (me === undefined) return <div class="account-menu" />;
  if (me === null) {
    const next = loc.path === '/inloggen' ? '' : `?next=${encodeURIComponent(loc.path + (loc.query.toString() ? `?${loc.query}` : ''))}`;
    return <div class="account-menu"><a class="account-menu__signin" href={`/inloggen${next}`}>{t('auth.menu.signin')}</a></div>;
  }
  const close = () => { setOpen(false); button.current?.focus(); };
  return (
    <div class="account-menu" onKeyDown={(e) => { if (e.key === 'Escape' && open) close(); }}>
      <button ref={button} type="button" class="account-menu__button" aria-expanded={open} aria-controls="account-menu-list"
        onClick={() => setOpen(!open)} data-testid="account-button">
        {/* the name before the @ keeps the header on one line; the whole address heads the menu */}
        <span class="sr-only">{t('auth.menu.label')} </span>{me.email.split('@')[0]}<span class="sr-only">@{me.email.split('@')[1]}</span>
      </button>
      <ul id="account-menu-list" class="account-menu__list" hidden={!open}>
        <li class="account-menu__who">{me.email}</li>
        <li><a href="/account">{t('auth.menu.account')}</a></li>
        <li><a href="/mijn-gegevens">{t('me.title')}</a></li>
        {canInvite(me) && <li><a href="/uitnodigen">{t('auth.menu.invite')}</a></li>}
        {me.role === 'admin' && <li><a href="/beheer/logboek">{t('audit.menu')}</a></li>}
        <li><button type="button" class="button-link" onClick={() => { setOpen(false); void signOut(); }}>{t('auth.menu.signout')}</button></li>
      </ul>
    </div>
  );
}

/** A visible sign that this is the professional view, not what residents see. */
export function ProfessionalBanner() {
  const { me } = useSession();
  if (!me) return null;
  // On a phone's map the short line is what shows (the map needs the room); a screen reader
  // always hears the whole sentence.
  return (
    <p class="pro-banner" data-testid="pro-banner">
      {/* the analist sees people as residents do (no 06 numbers): its own words */}
      <span class="pro-banner__long">{t(me.role === 'analist' ? 'insight.banner' : 'auth.banner', { role: t(`account.role.${me.role}`) })}</span>
      <span class="pro-banner__short" aria-hidden="true">{t(me.role === 'analist' ? 'insight.banner_short' : 'auth.banner_short')}</span>
    </p>
  );
}
