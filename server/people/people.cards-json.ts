// "Wie werkt hier" written as JSON with each person's card written once, not once per answer.
//
// A professional's answer for a buurt holds some 120–150 cards of people the cache keeps
// (people.cache.ts, cardOf in people.visibility.ts): the same frozen card objects, answer
// after answer, until the directory changes. Their JSON is written by the same writer the
// routes use (http/serializer.ts, from PersonCard: strict, so a card with a key too many
// finds no shape and the answer fails, as everywhere) and kept beside the card; an answer is
// then its teams and members around those strings, joined once (a flat string, so the
// length and the socket write each take one pass). The output is byte for byte what the
// route's own writer gives for AreaPeople (tests/people/people-cards-json.test.ts).
import { z } from 'zod';
import { jsonWriterFor } from '../http/serializer';
import { AreaPeople } from './people.schemas';
import { PersonCard } from './people.visibility';

const writeArea = jsonWriterFor(AreaPeople.shape.area);
const writeTeam = jsonWriterFor(AreaPeople.shape.teams.element.shape.team);
const writeCard = jsonWriterFor(PersonCard);
const writeCount = jsonWriterFor(z.number().int());
const writeText = jsonWriterFor(z.string());
const writeTextOrNull = jsonWriterFor(z.string().nullable());

const written = new WeakMap<object, string>();

/** A card's JSON: kept for a frozen (cached, shared) card; a card built for one answer is written anew. */
function cardJson(card: PersonCard): string {
  let json = written.get(card);
  if (json === undefined) {
    json = writeCard(card);
    if (Object.isFrozen(card)) written.set(card, flat(json));
  }
  return json;
}

// The writer builds its string piece by piece (a rope); V8 flattens a rope in place when it
// is read as a number, so the kept copy is one piece and every answer copies it in one go.
function flat(text: string): string {
  void Number(text);
  return text;
}

/** AreaPeople as JSON, the keys in the schema's order. */
export function writeAreaPeople(answer: AreaPeople): string {
  const parts: string[] = ['{"area":', writeArea(answer.area), ',"teams":['];
  answer.teams.forEach((entry, t) => {
    parts.push(t ? ',{"team":' : '{"team":', writeTeam(entry.team), ',"members":[');
    entry.members.forEach((m, i) => {
      parts.push(i ? ',{"role":' : '{"role":', writeText(m.role), ',"is_contact_person":', m.is_contact_person ? 'true' : 'false',
        ',"since":', writeTextOrNull(m.since), ',"person":', cardJson(m.person), '}');
    });
    parts.push('],"hidden_member_count":', writeCount(entry.hidden_member_count), '}');
  });
  parts.push(']}');
  return parts.join('');
}
