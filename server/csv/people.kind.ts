// mensen.csv: people as the CALLER may see them. Rows and values come only from the people
// feature's selectVisiblePeople (server/people/people.visibility.ts); this file never reads a
// person's column itself, except the CSV's own key (external_id). Columns an audience may
// not see are left out of its export, and on import a column that is absent changes nothing.
import type { Kysely } from 'kysely';
import type { DB } from '../db/types';
import { type Audience, seesPublicOnly } from '../domain/audience';
import { presentPeople } from '../people/people.present';
import { personRowFilter } from '../people/people.visibility';
import { isCurrentMembership } from '../domain/membership';
import { type Kind, byCells } from './csv.kind';
import { EMAIL, EXTERNAL_ID, KEY, list, oneOf, optional, PHONE, text, URL_OR_PATH, yesNo } from './csv.values';
import { keysById } from './csv.refs';
import { checkPeople } from './people.check';
import { LEVELS, MEMBERSHIP, type MembershipCell, PUBLISHABLE, PUBLISHABLE_FIELD } from './people.fields';
import { writePeople } from './people.write';
import { teamVisibleTo } from '../domain/team-visibility';

const DAYS = ['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo'] as const;
const level = optional(oneOf(Object.keys(LEVELS) as Array<keyof typeof LEVELS>));

const PEOPLE_COLUMNS: Kind['columns'] = [
  { header: 'extern_id', codec: EXTERNAL_ID, required: true, doc: 'Sleutel van de persoon' },
  { header: 'voornaam', codec: text(100, true), required: true, doc: 'Voornaam' },
  { header: 'achternaam', codec: text(100, true), required: true, doc: 'Achternaam met tussenvoegsel' },
  { header: 'voornaamwoorden', codec: optional(text(40)), doc: 'Voornaamwoorden (mag leeg)' },
  { header: 'functie', codec: text(200), doc: 'Functie' },
  { header: 'vraag_mij_over', codec: text(1000), doc: '"Vraag mij over"' },
  { header: 'talen', codec: list(/* ISO 639-1 */ { read: (c) => (/^[a-z]{2,3}$/.test(c) ? { ok: true, value: c } : { ok: false, message: 'taalcode zoals nl' }), write: (v: string) => v }), doc: 'Talen (ISO-codes), gescheiden door |' },
  { header: 'werkdagen', codec: list(oneOf(DAYS)), doc: 'Werkdagen: ma|di|wo|do|vr|za|zo (alleen voor ingelogden)' },
  { header: 'foto_url', codec: optional(URL_OR_PATH), doc: 'Adres van de foto' },
  { header: 'foto_toestemming', codec: yesNo, doc: 'Toestemming om de foto te tonen (ja/nee)' },
  { header: 'publiek_profiel', codec: yesNo, doc: 'Naam en functie openbaar voor bewoners (ja/nee)' },
  { header: 'openbaar', codec: list(oneOf(PUBLISHABLE)), doc: 'Ook voor bewoners, met toestemming van de persoon: foto|vraag_mij_over (leeg = niets; kolom weg = ongewijzigd)' },
  { header: 'telefoon_mobiel', codec: optional(PHONE), doc: '06-nummer (nooit openbaar; alleen voor ingelogden)' },
  { header: 'telefoon_mobiel_zichtbaarheid', codec: level, doc: 'professionals of team (leeg = ongewijzigd)' },
  { header: 'telefoon_werk', codec: optional(PHONE), doc: 'Werktelefoon' },
  { header: 'telefoon_werk_zichtbaarheid', codec: level, doc: 'publiek, professionals of team (leeg = ongewijzigd)' },
  { header: 'email_werk', codec: optional(EMAIL), doc: 'Werk-e-mail' },
  { header: 'email_werk_zichtbaarheid', codec: level, doc: 'publiek, professionals of team (leeg = ongewijzigd)' },
  { header: 'beschikbaarheid', codec: optional(text(1000)), doc: 'Persoonlijke beschikbaarheid (team-niveau)' },
  { header: 'notities', codec: optional(text(4000)), doc: 'Privénotities (team-niveau)' },
  { header: 'onderwerpen', codec: list(KEY), doc: 'Expertise-onderwerpen (sleutels), gescheiden door |' },
  { header: 'teams', codec: list(MEMBERSHIP), doc: 'Lidmaatschappen: team-extern_id:rol:contactpersoon(ja/nee):sinds, gescheiden door |' },
];
const codec = (h: string) => PEOPLE_COLUMNS.find((c) => c.header === h)!.codec;

// What an export for the audience carries. The visibility levels are only known where the
// audience itself implies them: a value a resident sees IS public. (Signed-in exports will
// carry the levels once the people feature exposes them; see the merge notes.)
const PUBLIC_HEADERS = ['extern_id', 'voornaam', 'achternaam', 'voornaamwoorden', 'functie', 'vraag_mij_over', 'talen', 'foto_url', 'foto_toestemming',
  'publiek_profiel', 'openbaar', 'telefoon_werk', 'telefoon_werk_zichtbaarheid', 'email_werk', 'email_werk_zichtbaarheid', 'onderwerpen', 'teams'];
const SIGNED_IN_HEADERS = ['extern_id', 'voornaam', 'achternaam', 'voornaamwoorden', 'functie', 'vraag_mij_over', 'talen', 'werkdagen', 'foto_url', 'foto_toestemming',
  'publiek_profiel', 'openbaar', 'telefoon_mobiel', 'telefoon_werk', 'email_werk', 'beschikbaarheid', 'notities', 'onderwerpen', 'teams'];

async function exportPeople(db: Kysely<DB>, audience: Audience): Promise<string[][]> {
  // Which people, by id; their fields only as the one shaping function gives them.
  const ids = (await db.selectFrom('people as p').where(personRowFilter(audience)).select('p.id').execute()).map((r) => r.id);
  const people = [...(await presentPeople(db, audience, ids)).values()];
  const visible = new Set(people.map((p) => p.id));
  const [keys, teamKeys, topics, memberships] = await Promise.all([
    db.selectFrom('people').select(['id', 'external_id']).execute(),
    keysById(db, 'teams'),
    db.selectFrom('person_topics').select(['person_id', 'topic_key']).orderBy('topic_key').execute(),
    db.selectFrom('memberships as m').innerJoin('teams as t', 't.id', 'm.team_id').where(teamVisibleTo(audience))
      .where(isCurrentMembership('m')).select(['m.person_id', 'm.team_id', 'm.role', 'm.is_contact_person', 'm.since']).execute(),
  ]);
  const keyOf = new Map(keys.filter((k) => visible.has(k.id)).map((k) => [k.id, k.external_id ?? k.id]));
  const topicsOf = new Map<string, string[]>();
  for (const t of topics) if (visible.has(t.person_id)) topicsOf.set(t.person_id, [...(topicsOf.get(t.person_id) ?? []), t.topic_key]);
  const teamsOf = new Map<string, MembershipCell[]>();
  for (const m of memberships) {
    if (!visible.has(m.person_id)) continue;
    teamsOf.set(m.person_id, [...(teamsOf.get(m.person_id) ?? []), { team: teamKeys.get(m.team_id)!, role: m.role, contact: m.is_contact_person, since: m.since }]);
  }
  const anonymous = seesPublicOnly(audience);
  const implied = (v: string | null | undefined) => (anonymous && v ? 'publiek' : '');
  return people.map((p) => {
    const pro = p.shown_to === 'professionals' ? p : undefined;
    const cells: Record<string, string> = {
      extern_id: keyOf.get(p.id)!, voornaam: p.given_name, achternaam: p.family_name, voornaamwoorden: p.pronouns ?? '',
      functie: p.job_title, vraag_mij_over: p.ask_me_about ?? '', talen: codec('talen').write(pro?.languages ?? []),
      werkdagen: codec('werkdagen').write(pro?.working_days ?? []),
      // the visibility module hands out a photo only with consent, so a photo here means consent
      foto_url: p.photo_url ?? '', foto_toestemming: yesNo.write(p.photo_url !== null), publiek_profiel: yesNo.write(p.public_profile),
      telefoon_mobiel: pro?.phone_mobile ?? '', telefoon_werk: p.phone_work ?? '', telefoon_werk_zichtbaarheid: implied(p.phone_work),
      email_werk: p.email_work ?? '', email_werk_zichtbaarheid: implied(p.email_work),
      beschikbaarheid: pro?.availability_note ?? '', notities: pro?.private_notes ?? '',
      // what the person published: for a resident, whatever of it they can see at all
      openbaar: codec('openbaar').write(PUBLISHABLE.filter((f) => (pro ? pro.public_fields.includes(PUBLISHABLE_FIELD[f])
        : f === 'foto' ? p.photo_url !== null : !!p.ask_me_about))),
      onderwerpen: codec('onderwerpen').write(topicsOf.get(p.id) ?? []),
      teams: codec('teams').write((teamsOf.get(p.id) ?? []).sort((a, b) => byCells([a.team], [b.team]))),
    };
    return (anonymous ? PUBLIC_HEADERS : SIGNED_IN_HEADERS).map((h) => cells[h]!);
  }).sort((a, b) => byCells([a[2]!, a[1]!, a[0]!], [b[2]!, b[1]!, b[0]!]));
}

export const peopleKind: Kind = {
  name: 'people',
  columns: PEOPLE_COLUMNS,
  exportHeaders: (audience) => (seesPublicOnly(audience) ? PUBLIC_HEADERS : SIGNED_IN_HEADERS),
  exportRows: exportPeople,
  check: checkPeople,
  write: writePeople,
};
