// The four kinds by name, in the order a full import must run (references point backwards).
import type { Kind, KindName } from './csv.kind';
import { organisationsKind } from './organisations.kind';
import { locationsKind } from './locations.kind';
import { teamsKind } from './teams.kind';
import { peopleKind } from './people.kind';
import { pathwaysKind } from './pathways.kind';

export const IMPORT_ORDER: Kind[] = [organisationsKind, locationsKind, teamsKind, peopleKind, pathwaysKind];

export function kindByName(name: KindName): Kind {
  return IMPORT_ORDER.find((k) => k.name === name)!;
}
