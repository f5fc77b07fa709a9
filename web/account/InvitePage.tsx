// /uitnodigen — editors invite colleagues (professionals, or editors within their own
// organisation); admins invite anyone. The invitee gets a one-time link by e-mail.
import { useState } from 'preact/hooks';
import { getJson, sendJson } from '../api/client';
import { t } from '../i18n/i18n';
import { useTitle } from '../components/Status';
import { useFetch } from '../components/use-fetch';
import { Field, FormMessage } from '../auth/Field';
import { errorText, fieldErrors } from '../auth/errors';
import { canInvite, useSession } from '../auth/session';
import { SignInFirst } from '../auth/SignInFirst';

type Role = 'professional' | 'editor' | 'admin' | 'analist';
interface Org { id: string; name: string }

export function InvitePage() {
  useTitle(t('invite.title'));
  const { me } = useSession();
  const orgs = useFetch((s) => getJson<{ items: Org[] }>('/api/organisations?per_page=100', s), []);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('professional');
  const [org, setOrg] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string }>();
  if (me === undefined) return null;
  if (me === null) return <SignInFirst />;
  if (!canInvite(me)) return <div class="page"><h1>{t('invite.title')}</h1><p class="notice">{t('invite.not_allowed')}</p></div>;
  const roles: Role[] = me.role === 'admin' ? ['professional', 'editor', 'analist', 'admin'] : ['professional', 'editor'];

  const submit = async (e: Event) => {
    e.preventDefault();
    setMessage(undefined);
    if (role === 'editor' && !org) { setErrors({ scopes: t('invite.org_needed') }); return; }
    try {
      await sendJson('POST', '/api/auth/invitations', { email: email.trim(), role, ...(role === 'editor' ? { scopes: [{ organisation_id: org }] } : {}) });
      setMessage({ kind: 'ok', text: t('invite.sent', { email: email.trim() }) });
      setEmail(''); setErrors({});
    } catch (err) { setErrors(fieldErrors(err)); setMessage({ kind: 'error', text: errorText(err) }); }
  };
  return (
    <div class="page auth-page" data-testid="invite-page">
      <h1>{t('invite.title')}</h1>
      <p class="lead-small">{t('invite.intro')}</p>
      <form class="form" onSubmit={submit}>
        {message && <FormMessage kind={message.kind} text={message.text} />}
        <Field id="email" label={t('auth.field.email')} type="email" value={email} onInput={setEmail} error={errors.email} autoComplete="off" />
        <fieldset class="field">
          <legend>{t('invite.role')}</legend>
          {roles.map((r) => (
            <label key={r} class="check">
              <input type="radio" name="role" value={r} checked={role === r} onChange={() => setRole(r)} /> {t(`account.role.${r}`)}
            </label>
          ))}
        </fieldset>
        {role === 'editor' && (
          <div class={errors.scopes ? 'field field--error' : 'field'}>
            <label for="org">{t('invite.organisation')}</label>
            <select id="org" value={org} onChange={(e) => setOrg((e.target as HTMLSelectElement).value)}
              aria-describedby={errors.scopes ? 'org-error' : undefined} aria-invalid={errors.scopes ? 'true' : undefined}>
              <option value="">{t('invite.choose')}</option>
              {orgs.data?.items.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
            </select>
            {errors.scopes && <p class="field__error" id="org-error">{errors.scopes}</p>}
          </div>
        )}
        <button class="button" type="submit">{t('invite.submit')}</button>
      </form>
    </div>
  );
}
