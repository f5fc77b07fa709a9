// /teams/:id/bewerken — an editor changes a team: every field, topics, team type, the
// buurten served (list and map) and its people. Lazy-loaded: zod stays out of the main bundle.
import { getWithEtag, type TeamDetail } from '../api/client';
import { useSession } from '../auth/session';
import { SignInFirst } from '../auth/SignInFirst';
import { FormMessage } from '../auth/Field';
import { accessText } from '../components/contact';
import { ErrorMessage, Loading, useTitle } from '../components/Status';
import { useTaxonomy, type Taxonomy } from '../components/taxonomy';
import { useFetch } from '../components/use-fetch';
import { label, t } from '../i18n/i18n';
import type { Params } from '../router';
import { AccessRoute, TeamPatch } from '../../server/teams/teams.write-schemas';
import { COST_KINDS, type ScheduleInput, scheduleFromText, scheduleToText } from '../../server/services/services.write-schemas';
import { languageName } from '../i18n/i18n';
import { ServiceAreaPicker } from './ServiceAreaPicker';
import { ConflictView } from './ConflictView';
import { mayDo } from './EditLink';
import type { FieldSpec, Values } from './form-model';
import { EditField, ErrorSummary } from './FormParts';
import { MembersEditor } from './MembersEditor';
import { useEditor } from './use-editor';
import { EditPageVerify } from './EditPageVerify';

const s = (v: string | null | undefined) => v ?? '';
export const teamValues = (team: TeamDetail): Values => ({
  name: team.name, team_type: team.team_type, description: team.description, target_groups: team.target_groups.join('\n'),
  access: team.access, funding: s(team.funding), public_phone: s(team.public_phone), public_email: s(team.public_email),
  website: s(team.website), walk_in_hours: s(team.walk_in_hours), topics: [...team.topics].sort(),
  areas: team.service_areas.filter((a) => a.kind === 'buurt').map((a) => a.code).sort(),
  schedules: team.schedules.flatMap((x) => (x.freq === 'MONTHLY' ? [] : [scheduleToText(x as ScheduleInput)])).join('\n'),
  languages: team.languages.map((l) => l.code).sort(),
  interpretation_available: team.interpretation_available,
  cost_kind: team.cost_options[0]?.kind ?? '',
  fees_description: s(team.fees_description),
  minimum_age: team.minimum_age === null ? '' : String(team.minimum_age),
  maximum_age: team.maximum_age === null ? '' : String(team.maximum_age),
  eligibility_description: s(team.eligibility_description),
});

/** Languages offered in the form: the team's own and those most asked for. */
const LANGUAGE_CHOICES = ['nl', 'en', 'ar', 'de', 'es', 'fr', 'pap', 'pl', 'ro', 'so', 'ti', 'tr', 'uk', 'zh'];
const age = (v: unknown) => (String(v).trim() === '' ? null : Number(String(v).trim()));
/** The notation's lines as schedules; a line that cannot be read goes as text, so the schema names the field. */
const schedulesWire = (v: unknown) => String(v).split('\n').map((l) => l.trim()).filter(Boolean)
  .map((line) => { const r = scheduleFromText(line); return typeof r === 'string' ? line : r; });

function teamSpecs(tax: Taxonomy, team?: TeamDetail): FieldSpec[] {
  const languages = team?.languages.map((l) => l.code) ?? [];
  const costs = team?.cost_options ?? [];
  return [
    { name: 'name', kind: 'text' },
    { name: 'team_type', kind: 'select', options: () => tax.types.map((x) => ({ value: x.key, label: label(x) })) },
    { name: 'description', kind: 'textarea' },
    { name: 'target_groups', kind: 'lines', hint: t('edit.hint.lines') },
    { name: 'access', kind: 'select', options: () => AccessRoute.options.map((a) => ({ value: a, label: accessText(a) })) },
    { name: 'walk_in_hours', kind: 'text', hint: t('edit.hint.walk_in_hours') },
    { name: 'public_phone', kind: 'tel' },
    { name: 'public_email', kind: 'email' },
    { name: 'website', kind: 'url', hint: t('edit.hint.website') },
    { name: 'funding', kind: 'text' },
    { name: 'topics', kind: 'checks', options: () => tax.topics.map((x) => ({ value: x.key, label: label(x) })) },
    { name: 'areas', kind: 'checks' },
    // What residents ask before they go (hours, language, cost, age)
    { name: 'schedules', kind: 'lines', hint: t('edit.hint.schedules'), wire: schedulesWire },
    { name: 'languages', kind: 'checks', options: () => [...new Set([...LANGUAGE_CHOICES, ...languages])].map((code) => ({ value: code, label: languageName(code) })),
      wire: (v) => (v as string[]).map((code) => ({ code })) },
    { name: 'interpretation_available', kind: 'checkbox' },
    // One kind of cost in the form; the stored options (with an amount) stay while the kind does.
    { name: 'cost_kind', kind: 'select', wireName: 'cost_options',
      options: () => [{ value: '', label: t('edit.cost.unknown') }, ...COST_KINDS.map((k) => ({ value: k, label: t(`edit.cost.${k}`) }))],
      wire: (v) => (v === '' ? [] : costs[0]?.kind === v ? costs.map(({ id, kind, amount, amount_description, option }) => ({ id, kind, amount, amount_description, option })) : [{ kind: v }]) },
    { name: 'fees_description', kind: 'text', hint: t('edit.hint.fees_description') },
    { name: 'minimum_age', kind: 'text', wire: age },
    { name: 'maximum_age', kind: 'text', wire: age },
    { name: 'eligibility_description', kind: 'textarea' },
  ];
}

export function TeamEditPage({ params }: { params: Params }) {
  const id = params.id!;
  const { me } = useSession();
  const loaded = useFetch((sig) => getWithEtag<TeamDetail>(`/api/teams/${encodeURIComponent(id)}`, sig), [id]);
  const tax = useTaxonomy();
  useTitle(loaded.data ? t('edit.team_title', { name: loaded.data.data.name }) : t('edit.link'));
  if (me === null) return <SignInFirst />;
  if (loaded.error) return <div class="page"><ErrorMessage error={loaded.error} /></div>;
  if (!loaded.data || me === undefined || tax.types.length === 0) return <div class="page"><Loading /></div>;
  if (!mayDo(loaded.data.data.may, 'edit')) return <div class="page"><h1>{t('edit.not_allowed_title')}</h1><p>{t('edit.not_allowed_team')}</p></div>;
  return <TeamForm team={loaded.data.data} etag={loaded.data.etag} tax={tax} />;
}

function TeamForm({ team, etag, tax }: { team: TeamDetail; etag: string; tax: Taxonomy }) {
  const specs = teamSpecs(tax, team);
  const editor = useEditor<TeamDetail>({ path: `/api/teams/${team.id}`, schema: TeamPatch, specs, toValues: teamValues, versionOf: (r) => r.version,
    savedText: t('review.saved_not_verified') }, team, etag);
  return (
    <div class="page edit-page" data-testid="team-edit">
      <p class="eyebrow"><a href={`/teams/${team.id}`}>{t('edit.back_to', { name: team.name })}</a></p>
      <h1>{t('edit.team_title', { name: team.name })}</h1>
      {editor.conflict && <ConflictView conflict={editor.conflict} specs={specs} busy={editor.busy} onResolve={editor.resolve} onCancel={editor.cancelConflict} />}
      <ErrorSummary errors={editor.errors} specs={specs} />
      <FormMessage kind={editor.status?.kind ?? 'ok'} text={editor.status?.text} />
      <EditPageVerify kind="team" id={team.id} editor={editor} may={team.may} />
      <form class="edit-form" noValidate onSubmit={(e) => { e.preventDefault(); void editor.save(); }}>
        {specs.filter((x) => x.name !== 'areas').map((spec) => <EditField key={spec.name} spec={spec} editor={editor} />)}
        <ServiceAreaPicker selected={editor.draft.areas as string[]} onChange={(codes) => editor.set('areas', codes)} error={editor.errors.areas} />
        <div class="form-actions">
          <button type="submit" class="button" disabled={editor.busy || Boolean(editor.conflict)}>{t('edit.save')}</button>
          <a href={`/teams/${team.id}`}>{t('edit.cancel')}</a>
        </div>
      </form>
      <MembersEditor team={team} />
    </div>
  );
}
