// "Wie werkt hier" written as JSON with each person's card written once, not once per answer.
//
// A professional's answer for a buurt holds some 120–150 cards of people the cache keeps
// (people.cache.ts, cardOf in people.visibility.ts): the same frozen card objects, answer
// after answer, until the directory changes. Their JSON is written by the same writer the
// routes use (http/serializer.ts, from PersonCard: strict, so a card with a key too many
// finds no shape and the answer fails, as everywhere) and kept beside the card as UTF-8; an
// answer is then its teams and members written around those bytes into one buffer. The
// output is byte for byte what the route's own writer gives for AreaPeople
// (tests/people/people-cards-json.test.ts). Lookup writes its contacts the same way, with
// `personJson` (lookup/lookup.result-json.ts).
import { z } from 'zod';
import { joinJson, jsonWriterFor, keptJsonWriter } from '../http/serializer';
import { AreaPeople } from './people.schemas';
import { Person, PersonCard } from './people.visibility';

const writeArea = jsonWriterFor(AreaPeople.shape.area);
const writeTeam = jsonWriterFor(AreaPeople.shape.teams.element.shape.team);
const writeCount = jsonWriterFor(z.number().int());
const writeText = jsonWriterFor(z.string());
const writeTextOrNull = jsonWriterFor(z.string().nullable());

/** A card's JSON as UTF-8, kept for a frozen (cached, shared) card. */
const cardJson = keptJsonWriter(PersonCard);
/** A whole shaped person's JSON as UTF-8, kept for a frozen (cached, shared) person. */
export const personJson = keptJsonWriter(Person);

// A member's fields before its card, written once per distinct role, contact flag and start
// date (far fewer than members: roles are a handful, start dates repeat) instead of through
// two writers for every member of every answer. Bounded: past MAX_HEADS it starts afresh.
const heads = new Map<string, string>();
const MAX_HEADS = 10_000;
function memberHead(role: string, contact: boolean, since: string | null): string {
  const key = `${contact ? 1 : 0}${since ?? '-'}\u0000${role}`;
  let head = heads.get(key);
  if (head === undefined) {
    if (heads.size >= MAX_HEADS) heads.clear();
    head = `{"role":${writeText(role)},"is_contact_person":${contact ? 'true' : 'false'},"since":${writeTextOrNull(since)},"person":`;
    heads.set(key, head);
  }
  return head;
}

// A frozen answer (people.area-answer.ts keeps one per viewer and rows) is written once.
const writtenAnswers = new WeakMap<AreaPeople, Buffer>();

/** AreaPeople as UTF-8 JSON, the keys in the schema's order; the same bytes again for the same frozen answer. */
export function writeAreaPeople(answer: AreaPeople): Buffer {
  let json = writtenAnswers.get(answer);
  if (json === undefined) {
    json = writeAreaPeopleAnew(answer);
    if (Object.isFrozen(answer)) writtenAnswers.set(answer, json);
  }
  return json;
}

function writeAreaPeopleAnew(answer: AreaPeople): Buffer {
  const parts: Array<string | Buffer> = [];
  let text = `{"area":${writeArea(answer.area)},"teams":[`;
  answer.teams.forEach((entry, t) => {
    text += `${t ? ',' : ''}{"team":${writeTeam(entry.team)},"members":[`;
    entry.members.forEach((m, i) => {
      text += `${i ? ',' : ''}${memberHead(m.role, m.is_contact_person, m.since)}`;
      parts.push(text, cardJson(m.person));
      text = '}';
    });
    text += `],"hidden_member_count":${writeCount(entry.hidden_member_count)}}`;
  });
  parts.push(`${text}]}`);
  return joinJson(parts);
}
