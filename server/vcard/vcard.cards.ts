// Cards for people and teams from what the people and teams features return for the
// caller: a person's card holds only fields present on the visible person object, so the
// audience rule of server/people/people.visibility.ts carries through unchanged.
import type { Person } from '../people/people.visibility';
import { card, escapeText, type Property } from './vcard.format';
import { photoValue } from './vcard.photo';

interface TeamInfo { id: string; name: string; organisation: { name: string } }

const rev = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d+/, '').replace(/\+0000$/, 'Z');
/** A Dutch number as a tel: URI (RFC 3966), so a phone dials it from anywhere: 020 123 → tel:+3120123. */
function telUri(number: string): string {
  const digits = number.replace(/[^+0-9]/g, '');
  const e164 = digits.startsWith('+') ? digits : digits.startsWith('00') ? `+${digits.slice(2)}` : digits.startsWith('0') ? `+31${digits.slice(1)}` : digits;
  return `tel:${e164}`;
}

const org = (team: TeamInfo) => `${escapeText(team.organisation.name)};${escapeText(team.name)}`;

export async function personCard(p: Person, teams: TeamInfo[], origin: string): Promise<string> {
  const props: Property[] = [
    ['FN', escapeText(p.name)],
    ['N', `${escapeText(p.family_name)};${escapeText(p.given_name)};;;`],
    ['KIND', 'individual'],
    ['UID', `urn:uuid:${p.id}`],
  ];
  if (p.job_title) props.push(['TITLE', escapeText(p.job_title)]);
  for (const t of teams.slice(0, 5)) props.push(['ORG', org(t)]);
  if ('phone_mobile' in p && p.phone_mobile) props.push(['TEL', telUri(p.phone_mobile), 'VALUE=uri;TYPE="cell,voice"']);
  if (p.phone_work) props.push(['TEL', telUri(p.phone_work), 'VALUE=uri;TYPE="work,voice"']);
  if (p.email_work) props.push(['EMAIL', escapeText(p.email_work), 'TYPE=work']);
  if (p.shown_to === 'professionals') p.languages.forEach((l, i) => props.push(['LANG', l, `PREF=${i + 1}`]));
  if (p.ask_me_about) props.push(['NOTE', escapeText(`Vraag mij over: ${p.ask_me_about}`)]);
  const photo = await photoValue(p.photo_url, origin);
  if (photo) props.push(['PHOTO', photo]);
  props.push(['URL', `${origin}/mensen/${p.id}`]);
  props.push(['REV', rev(new Date(p.updated_at).toISOString())]);
  return card(props);
}

interface TeamDetail extends TeamInfo {
  public_phone: string | null; public_email: string | null; website: string | null; description: string;
  walk_in_hours: string | null; locations: Array<{ street: string; house_number: string; postcode: string; city: string }>;
  updated_at: string;
}

/** The team itself as an organisation card (public data only). */
export function teamCard(t: TeamDetail, origin: string): string {
  const props: Property[] = [
    ['FN', escapeText(t.name)], ['KIND', 'org'], ['UID', `urn:uuid:${t.id}`], ['ORG', org(t)],
  ];
  if (t.public_phone) props.push(['TEL', telUri(t.public_phone), 'VALUE=uri;TYPE="work,voice"']);
  if (t.public_email) props.push(['EMAIL', escapeText(t.public_email), 'TYPE=work']);
  for (const l of t.locations) {
    props.push(['ADR', ['', '', `${l.street} ${l.house_number}`, l.city, '', `${l.postcode.slice(0, 4)} ${l.postcode.slice(4)}`, 'Nederland'].map(escapeText).join(';'), 'TYPE=work']);
  }
  const note = [t.description, t.walk_in_hours ? `Inloop: ${t.walk_in_hours}` : ''].filter(Boolean).join('\n');
  if (note) props.push(['NOTE', escapeText(note)]);
  props.push(['URL', t.website ?? `${origin}/teams/${t.id}`]);
  props.push(['REV', rev(new Date(t.updated_at).toISOString())]);
  return card(props);
}
