// The weekly digest mail: per followed area, who joined, left or changed role and which
// teams started or stopped serving a buurt. Contact details only as the subscriber's own
// audience may see them (the changes were shaped by presentPeople for that audience).
import type { MailContent } from '../mail/templates';
import type { AreaRef } from './area.queries';
import type { Change } from './onboarding.schemas';

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function line(c: Change): string {
  const who = c.person ? `${c.person.name}${c.person.job_title ? ` (${c.person.job_title})` : ''}` : '';
  const buurten = c.buurten.map((b) => b.name).join(', ');
  switch (c.kind) {
    case 'joined': return `Nieuw bij ${c.team.name}: ${who}${c.new_in_wijk ? ' — nieuw in de wijk' : ''}`;
    case 'left': return `Vertrokken bij ${c.team.name}: ${who}`;
    case 'role_changed': return `Andere rol bij ${c.team.name}: ${who}, nu ${c.role ?? ''} (was ${c.previous_role ?? ''})`;
    case 'started_serving': return `${c.team.name} werkt nu ook in ${buurten}`;
    case 'stopped_serving': return `${c.team.name} werkt niet meer in ${buurten}`;
  }
}

/** Contact lines for a newcomer: only the fields present in the person as shaped for the subscriber. */
function contact(c: Change): string[] {
  if (c.kind !== 'joined' || !c.person) return [];
  const p = c.person as Record<string, unknown>;
  return (['phone_work', 'phone_mobile', 'email_work'] as const).flatMap((f) => (typeof p[f] === 'string' && p[f] ? [`   ${p[f] as string}`] : []));
}

export function digestMail(sections: { area: AreaRef; changes: Change[] }[], appUrl: string): MailContent {
  const base = appUrl.replace(/\/$/, '');
  const link = `${base}/kennismaken`;
  const subject = 'Nieuw in de wijk: de wijzigingen van deze week / This week in your wijk';
  const text: string[] = ['Hallo,', '', 'Dit veranderde er de afgelopen week in de wijk.', ''];
  const html: string[] = ['<p>Hallo,</p>', '<p>Dit veranderde er de afgelopen week in de wijk.</p>'];
  for (const { area, changes } of sections) {
    const areaLink = `${base}/wijk/${area.code}/wijzigingen`;
    text.push(area.name, ...changes.flatMap((c) => [`- ${line(c)}`, ...contact(c)]), `Alles: ${areaLink}`, '');
    html.push(`<h2>${escapeHtml(area.name)}</h2>`, '<ul>',
      ...changes.map((c) => `<li>${escapeHtml(line(c))}${contact(c).map((x) => `<br>${escapeHtml(x.trim())}`).join('')}</li>`),
      '</ul>', `<p><a href="${escapeHtml(areaLink)}">Alle wijzigingen</a></p>`);
  }
  text.push(`Kennismaken en de digest uitzetten: ${link}`, '', '--',
    'The changes in the wijk you follow, weekly. Turn this digest off on the page above.', '');
  html.push(`<p><a href="${escapeHtml(link)}">Kennismaken en de digest uitzetten</a></p>`, '<hr>',
    '<p lang="en">The changes in the wijk you follow, weekly. Turn this digest off on the page above.</p>');
  const page = `<!doctype html>\n<html lang="nl"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>\n`
    + `<body style="font-family: sans-serif; line-height: 1.5; max-width: 36em">\n${html.join('\n')}\n</body></html>\n`;
  return { subject, text: text.join('\n'), html: page, link };
}
