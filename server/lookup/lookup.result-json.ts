// The lookup answer written with each contact person's JSON kept (people/people.cards-json.ts).
//
// Signed in, an address's answer holds the contact persons of some forty teams at their full
// professional shape: twice the bytes a resident gets, and the same frozen person objects
// answer after answer until the directory changes. Writing those persons anew each time was
// most of what a professional's lookup cost more than a resident's. Everything around them
// is written by the route's own writers, part by part in the schema's key order; the output
// is byte for byte what the schema's writer gives (tests/lookup/lookup-result-json.test.ts).
import { z } from 'zod';
import { joinJson, jsonWriterFor, openObject } from '../http/serializer';
import { personJson } from '../people/people.cards-json';
import { LookupResult, LookupTeam } from './lookup.schemas';

const writeHead = jsonWriterFor(LookupResult.omit({ teams: true, nearest: true }));
const writeNearest = jsonWriterFor(LookupResult.shape.nearest);
const writeTeamHead = jsonWriterFor(LookupTeam.omit({ contacts: true, hidden_contacts: true }));
const writeText = jsonWriterFor(z.string());
const writeCount = jsonWriterFor(z.number().int());

/** LookupResult as UTF-8 JSON, the keys in the schema's order (teams and nearest come last). */
export function writeLookupResult(answer: LookupResult): Buffer {
  const parts: Array<string | Buffer> = [];
  let text = `${openObject(writeHead(answer))},"teams":[`;
  answer.teams.forEach((team, t) => {
    text += `${t ? ',' : ''}${openObject(writeTeamHead(team))},"contacts":[`;
    team.contacts.forEach((contact, i) => {
      text += `${i ? ',' : ''}{"role":${writeText(contact.role)},"person":`;
      parts.push(text, personJson(contact.person));
      text = '}';
    });
    text += `],"hidden_contacts":${writeCount(team.hidden_contacts)}}`;
  });
  parts.push(`${text}],"nearest":${writeNearest(answer.nearest)}}`);
  return joinJson(parts);
}
