// /mensen/:id/bewerken — a professional changes their own profile, or an editor that of a
// member of a team they keep. Publishing to residents stays on Mijn gegevens (own choice).
import { getWithEtag, type PersonPage } from '../api/client';
import { canInvite, useSession } from '../auth/session';
import { SignInFirst } from '../auth/SignInFirst';
import { FormMessage } from '../auth/Field';
import { dayName } from '../components/PersonCard';
import { ErrorMessage, Loading, useTitle } from '../components/Status';
import { useTaxonomy, type Taxonomy } from '../components/taxonomy';
import { useFetch } from '../components/use-fetch';
import { label, t } from '../i18n/i18n';
import type { Params } from '../router';
import { PersonPatch, Weekday } from '../../server/people/people.write-schemas';
import { ConflictView } from './ConflictView';
import { mayEditPerson } from './EditLink';
import type { FieldSpec, Values } from './form-model';
import { EditField, ErrorSummary } from './FormParts';
import { useEditor } from './use-editor';
import { EditPageVerify } from './EditPageVerify';

type Edited = PersonPage & { version: number };
type Pro = Extract<PersonPage['person'], { shown_to: 'professionals' }>;
const s = (v: string | null | undefined) => v ?? '';

const personValues = (r: Edited): Values => {
  const p = r.person as Pro;
  return {
    given_name: p.given_name, family_name: p.family_name, pronouns: s(p.pronouns), job_title: p.job_title,
    ask_me_about: p.ask_me_about, phone_work: s(p.phone_work), email_work: s(p.email_work), phone_mobile: s(p.phone_mobile),
    availability_note: s(p.availability_note), private_notes: s(p.private_notes),
    working_days: [...p.working_days].sort(), topics: [...p.topics].sort(), languages: p.languages.join('\n'),
  };
};

function personSpecs(tax: Taxonomy): FieldSpec[] {
  return [
    { name: 'given_name', kind: 'text' }, { name: 'family_name', kind: 'text' }, { name: 'pronouns', kind: 'text' },
    { name: 'job_title', kind: 'text' }, { name: 'ask_me_about', kind: 'textarea' },
    { name: 'phone_work', kind: 'tel' }, { name: 'email_work', kind: 'email' }, { name: 'phone_mobile', kind: 'tel' },
    { name: 'working_days', kind: 'checks', options: () => Weekday.options.map((d) => ({ value: d, label: dayName(d) })) },
    { name: 'languages', kind: 'lines', hint: t('edit.hint.languages') },
    { name: 'availability_note', kind: 'textarea' }, { name: 'private_notes', kind: 'textarea', hint: t('edit.hint.private_notes') },
    { name: 'topics', kind: 'checks', options: () => tax.topics.map((x) => ({ value: x.key, label: label(x) })) },
  ];
}

export function PersonEditPage({ params }: { params: Params }) {
  const id = params.id!;
  const { me } = useSession();
  const loaded = useFetch((sig) => getWithEtag<PersonPage>(`/api/people/${encodeURIComponent(id)}`, sig), [id]);
  const tax = useTaxonomy();
  useTitle(loaded.data ? t('edit.person_title', { name: loaded.data.data.person.name }) : t('edit.link'));
  if (me === null) return <SignInFirst />;
  if (loaded.error) return <div class="page"><ErrorMessage error={loaded.error} /></div>;
  if (!loaded.data || me === undefined) return <div class="page"><Loading /></div>;
  const { data, etag } = loaded.data;
  if (data.person.shown_to !== 'professionals' || !mayEditPerson(me, id, data.memberships.map((m) => m.team.id))) {
    return <div class="page"><h1>{t('edit.not_allowed_title')}</h1><p>{t('edit.not_allowed_person')}</p></div>;
  }
  return <PersonForm record={{ ...data, version: data.person.version }} etag={etag} tax={tax} />;
}

function PersonForm({ record, etag, tax }: { record: Edited; etag: string; tax: Taxonomy }) {
  const specs = personSpecs(tax);
  const { me } = useSession();
  const editor = useEditor<Edited>({ path: `/api/people/${record.person.id}`, schema: PersonPatch, specs, toValues: personValues, versionOf: (r) => r.version,
    savedText: canInvite(me) ? t('review.saved_not_verified') : undefined }, record, etag);
  const name = record.person.name;
  return (
    <div class="page edit-page" data-testid="person-edit">
      <p class="eyebrow"><a href={`/mensen/${record.person.id}`}>{t('edit.back_to', { name })}</a></p>
      <h1>{t('edit.person_title', { name })}</h1>
      {editor.conflict && <ConflictView conflict={editor.conflict} specs={specs} busy={editor.busy} onResolve={editor.resolve} onCancel={editor.cancelConflict} />}
      <ErrorSummary errors={editor.errors} specs={specs} />
      <FormMessage kind={editor.status?.kind ?? 'ok'} text={editor.status?.text} />
      <EditPageVerify kind="person" id={record.person.id} editor={editor} />
      <form class="edit-form" noValidate onSubmit={(e) => { e.preventDefault(); void editor.save(); }}>
        {specs.map((spec) => <EditField key={spec.name} spec={spec} editor={editor} />)}
        <p class="hint">{t('edit.publish_hint')} <a href="/mijn-gegevens">{t('edit.my_data')}</a></p>
        <div class="form-actions">
          <button type="submit" class="button" disabled={editor.busy || Boolean(editor.conflict)}>{t('edit.save')}</button>
          <a href={`/mensen/${record.person.id}`}>{t('edit.cancel')}</a>
        </div>
      </form>
    </div>
  );
}
