// The people of a team, on the team's edit page: add someone who is already in Wijkweb,
// create a new colleague straight into the team, change role or contact-person mark, and
// end a membership with a last day and a successor as contact person. Someone employed by
// another organisation is asked for ("aangevraagd") until their employer accepts.
import { useState } from 'preact/hooks';
import { ApiError, getJson, getWithEtag, sendJson, withQuery, type Member, type TeamDetail } from '../api/client';
import { FormMessage } from '../auth/Field';
import { t } from '../i18n/i18n';
import { MembershipCreate, MembershipEnd, MembershipPatch } from '../../server/memberships/memberships.schemas';
import { PersonCreate } from '../../server/people/people.write-schemas';
import { serverErrors, validate, type FieldErrors } from './form-model';
import { RequestedMembers } from './RequestedMembers';

type Found = { id: string; name: string; job_title: string };
/** Team members carry their membership id once the server sends it (needed to change or end one). */
type Row = Member & { membership_id?: string };

async function write(fn: () => Promise<unknown>, onErrors: (e: FieldErrors) => void, onDone: (text: string) => void, okText: string) {
  try { await fn(); onErrors({}); onDone(okText); } catch (error) {
    if (error instanceof ApiError && Object.keys(serverErrors(error)).length) onErrors(serverErrors(error));
    else onErrors({ _: error instanceof ApiError && error.message !== 'network' ? error.message : t('edit.failed') });
  }
}

export function MembersEditor({ team }: { team: TeamDetail }) {
  const [members, setMembers] = useState<Row[]>(team.members);
  const [requested, setRequested] = useState(team.requested);
  const [status, setStatus] = useState<string>();
  const reload = async (text: string) => {
    setStatus(text);
    try {
      const fresh = await getJson<TeamDetail>(`/api/teams/${team.id}`);
      setMembers(fresh.members);
      setRequested(fresh.requested);
    } catch { /* the message says what happened */ }
  };
  return (
    <section class="panel members-editor" aria-labelledby="members-edit-title">
      <h2 id="members-edit-title">{t('edit.members_title')}</h2>
      <FormMessage kind="ok" text={status} />
      <ul class="members-editor__list">
        {members.map((m) => <li key={m.person.id}><MemberRow row={m} members={members} onDone={reload} /></li>)}
      </ul>
      <RequestedMembers requested={requested} onDone={reload} />
      <AddExisting teamId={team.id} onDone={reload} />
      <AddNew teamId={team.id} onDone={reload} />
    </section>
  );
}

function MemberRow({ row, members, onDone }: { row: Row; members: Row[]; onDone: (text: string) => void }) {
  const [role, setRole] = useState(row.role);
  const [contact, setContact] = useState(row.is_contact_person);
  const [until, setUntil] = useState('');
  const [successor, setSuccessor] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const id = row.membership_id;
  const key = row.person.id;
  const summary = [row.role, row.is_contact_person ? t('edit.contact_person') : ''].filter(Boolean).join(' · ');
  if (!id) return <span><a href={`/mensen/${row.person.id}`}>{row.person.name}</a>{summary && <span class="muted"> · {summary}</span>}</span>;
  const versioned = async (fn: (etag: string) => Promise<unknown>) => fn((await getWithEtag(`/api/memberships/${id}`)).etag);
  const change = (e: Event) => {
    e.preventDefault();
    const body = { ...(role !== row.role ? { role } : {}), ...(contact !== row.is_contact_person ? { is_contact_person: contact } : {}) };
    const bad = validate(MembershipPatch, body);
    if (bad) { setErrors(bad); return; }
    void write(() => versioned((etag) => sendJson('PATCH', `/api/memberships/${id}`, body, { 'if-match': etag })), setErrors, onDone, t('edit.member_changed', { name: row.person.name }));
  };
  const end = (e: Event) => {
    e.preventDefault();
    const body = { until, ...(successor ? { successor_person_id: successor } : {}) };
    const bad = validate(MembershipEnd, body);
    if (bad) { setErrors(bad); return; }
    void write(() => versioned((etag) => sendJson('POST', `/api/memberships/${id}/end`, body, { 'if-match': etag })), setErrors, onDone, t('edit.member_ended', { name: row.person.name }));
  };
  const err = (f: string) => errors[f] && <p class="field__error" id={`${f}-${key}-error`}>{errors[f]}</p>;
  return (
    <details>
      <summary>{row.person.name}{summary && ` · ${summary}`}</summary>
      <form class="inline-form" noValidate onSubmit={change}>
        <label for={`role-${key}`}>{t('edit.field.role')}</label>
        <input id={`role-${key}`} value={role} aria-describedby={errors.role ? `role-${key}-error` : undefined} onInput={(e) => setRole((e.target as HTMLInputElement).value)} />{err('role')}
        <label><input type="checkbox" checked={contact} onChange={(e) => setContact((e.target as HTMLInputElement).checked)} /> {t('edit.contact_person')}</label>
        <button type="submit" class="button-secondary">{t('edit.save')}</button>
      </form>
      <form class="inline-form" noValidate onSubmit={end}>
        <label for={`until-${key}`}>{t('edit.field.until')}</label>
        <input id={`until-${key}`} type="date" value={until} aria-describedby={errors.until ? `until-${key}-error` : undefined} onInput={(e) => setUntil((e.target as HTMLInputElement).value)} />{err('until')}
        <label for={`successor-${key}`}>{t('edit.field.successor_person_id')}</label>
        <select id={`successor-${key}`} value={successor} onChange={(e) => setSuccessor((e.target as HTMLSelectElement).value)}>
          <option value="">{t('edit.no_successor')}</option>
          {members.filter((m) => m.person.id !== row.person.id).map((m) => <option key={m.person.id} value={m.person.id}>{m.person.name}</option>)}
        </select>{err('successor_person_id')}
        <button type="submit" class="button-secondary">{t('edit.end_membership')}</button>
      </form>
      <FormMessage kind="error" text={errors._} />
    </details>
  );
}

function AddExisting({ teamId, onDone }: { teamId: string; onDone: (text: string) => void }) {
  const [q, setQ] = useState('');
  const [found, setFound] = useState<Found[] | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const search = async (e: Event) => {
    e.preventDefault();
    if (q.trim().length < 2) { setErrors({ q: t('edit.search_short') }); return; }
    setErrors({});
    setFound((await getJson<{ items: Found[] }>(withQuery('/api/people', { q: q.trim(), per_page: 10 }))).items);
  };
  const add = (p: Found) => {
    const body = { person_id: p.id, team_id: teamId };
    const bad = validate(MembershipCreate, body);
    if (bad) { setErrors(bad); return; }
    // someone employed elsewhere is asked for: their employer (or they) must accept first
    void (async () => {
      let requested = false;
      await write(async () => { requested = (await sendJson<{ status: string }>('POST', '/api/memberships', body)).status === 'requested'; }, setErrors,
        (text) => onDone(requested ? t('edit.member_requested', { name: p.name }) : text), t('edit.member_added', { name: p.name }));
    })();
  };
  return (
    <form class="inline-form" noValidate onSubmit={search} aria-labelledby="add-existing-title">
      <h3 id="add-existing-title">{t('edit.add_existing')}</h3>
      <label for="member-q">{t('edit.search_person')}</label>
      <input id="member-q" type="search" value={q} aria-describedby={errors.q ? 'member-q-error' : undefined} onInput={(e) => setQ((e.target as HTMLInputElement).value)} />
      <button type="submit" class="button-secondary">{t('edit.search')}</button>
      {Object.entries(errors).map(([f, m]) => <p key={f} class="field__error" id={`member-${f}-error`}>{m}</p>)}
      {found && (found.length === 0 ? <p>{t('edit.nobody_found')}</p> : (
        <ul>{found.map((p) => <li key={p.id}>{p.name} <span class="muted">{p.job_title}</span>{' '}
          <button type="button" class="button-secondary" onClick={() => add(p)}>{t('edit.add')}<span class="sr-only"> {p.name}</span></button></li>)}</ul>
      ))}
    </form>
  );
}

function AddNew({ teamId, onDone }: { teamId: string; onDone: (text: string) => void }) {
  const [v, setV] = useState({ given_name: '', family_name: '', job_title: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const submit = (e: Event) => {
    e.preventDefault();
    const body = { ...v, team_id: teamId };
    const bad = validate(PersonCreate, body);
    if (bad) { setErrors(bad); document.getElementById(`new-${Object.keys(bad)[0]}`)?.focus(); return; }
    void write(() => sendJson('POST', '/api/people', body), setErrors, (text) => { setV({ given_name: '', family_name: '', job_title: '' }); onDone(text); },
      t('edit.member_added', { name: `${v.given_name} ${v.family_name}` }));
  };
  return (
    <form class="inline-form" noValidate onSubmit={submit} aria-labelledby="add-new-title">
      <h3 id="add-new-title">{t('edit.add_new')}</h3>
      {(['given_name', 'family_name', 'job_title'] as const).map((f) => (
        <div key={f} class={errors[f] ? 'field field--error' : 'field'}>
          <label for={`new-${f}`}>{t(`edit.field.${f}`)}</label>
          <input id={`new-${f}`} value={v[f]} aria-invalid={errors[f] ? 'true' : undefined} aria-describedby={errors[f] ? `new-${f}-error` : undefined}
            onInput={(e) => setV((s) => ({ ...s, [f]: (e.target as HTMLInputElement).value }))} />
          {errors[f] && <p class="field__error" id={`new-${f}-error`}>{errors[f]}</p>}
        </div>
      ))}
      <FormMessage kind="error" text={errors._} />
      <button type="submit" class="button-secondary">{t('edit.add_colleague')}</button>
    </form>
  );
}
