// The verwijswijzer in the address answer: per situation, whom to involve first at this
// address, by name, on one line ("Zorgen over een jeugdige → Jeugd- en gezinsteam …, Ilse
// Peters, 06-…"), and the whole route under it. Compact on screen, every step on paper.
import { t } from '../i18n/i18n';
import { Phone } from '../components/contact';
import type { Taxonomy } from '../components/taxonomy';
import { useFetch } from '../components/use-fetch';
import { pathwaysAt, type Resolved, type ResolvedStep } from './api';
import './pathways.css';

export function PathwaysAtAddress({ params, tax }: { params: Record<string, string | undefined>; tax: Taxonomy }) {
  const { data } = useFetch((s) => pathwaysAt(params, s), [JSON.stringify(params)]);
  if (!data || data.items.length === 0) return null;
  return (
    <section class="pathways-at" aria-labelledby="pathways-at-title" data-testid="pathways-at">
      <h2 id="pathways-at-title">{t('pathways.at_title')}</h2>
      <p class="hint">{t('pathways.at_hint')}</p>
      <ul class="pathways-at__list">
        {data.items.map((p) => <li key={p.key}><PathwayLine pathway={p} tax={tax} /></li>)}
      </ul>
    </section>
  );
}

/**
 * The step to name first: the first that always applies (no "when") and names someone (a team
 * or a line), else the first that always applies (an instruction such as "ask the POH-GGZ").
 */
function headline(p: Resolved): ResolvedStep | undefined {
  return p.steps.find((s) => s.kind !== 'instruction' && !s.when) ?? p.steps.find((s) => !s.when) ?? p.steps[0];
}

function PathwayLine({ pathway, tax }: { pathway: Resolved; tax: Taxonomy }) {
  const first = headline(pathway);
  return (
    <div class="pathway-line" data-testid="pathway-line" data-key={pathway.key}>
      <p class="pathway-line__head">
        <strong>{pathway.title}</strong>
        {first && <> <span aria-hidden="true">→</span><span class="sr-only">{t('pathways.then')}</span> <Target step={first} tax={tax} /></>}
        {pathway.stale && <> <span class="pill">{t('pathways.stale')}</span></>}
      </p>
      <details class="pathway-line__steps no-print">
        <summary>{t('pathways.all_steps', { n: pathway.steps.length })}</summary>
        <Steps steps={pathway.steps} tax={tax} />
      </details>
      <div class="print-only"><Steps steps={pathway.steps} tax={tax} /></div>
    </div>
  );
}

export function Steps({ steps, tax }: { steps: ResolvedStep[]; tax: Taxonomy }) {
  return (
    <ol class="pathway-steps">
      {steps.map((s) => (
        <li key={s.order}>
          <span class="pathway-steps__action">{s.action}</span>
          {s.when && <span class="muted"> ({s.when})</span>}
          {(s.kind !== 'instruction') && <>: <Target step={s} tax={tax} /></>}
          {s.note && <span class="pathway-steps__note"> {s.note}</span>}
        </li>
      ))}
    </ol>
  );
}

/** Whom the step names: the team and its contact person with a direct line, or the fixed line, or the nearest team. */
function Target({ step, tax }: { step: ResolvedStep; tax: Taxonomy }) {
  if (step.kind === 'service') {
    return <span>{step.service}{step.phone && <>, <Phone number={step.phone} /></>}</span>;
  }
  if (step.kind === 'instruction') return <span>{step.action}</span>;
  if (!step.team) {
    return (
      <span class="pathway-missing">
        {t('pathways.missing', { type: tax.type(step.team_type ?? '') })}
        {step.missing?.nearest && <>; {t('pathways.nearest')} <a href={`/teams/${step.missing.nearest.id}`}>{step.missing.nearest.name}</a></>}
      </span>
    );
  }
  const person = step.contact;
  const direct = person ? (('phone_mobile' in person ? person.phone_mobile : null) ?? person.phone_work) : null;
  return (
    <span>
      <a href={`/teams/${step.team.id}`}>{step.team.name}</a>
      {person && <>, <a href={`/mensen/${person.id}`}>{person.name}</a></>}
      {direct && <>, <Phone number={direct} label={t('pathways.direct')} /></>}
      {step.phone && <> · <Phone number={step.phone} label={t('pathways.team_phone')} /></>}
    </span>
  );
}
