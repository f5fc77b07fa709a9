// The four kinds by name, in the order a full import must run (references point backwards).
import type { Kind, KindName } from './csv.kind';
import { organisationsKind } from './kind.organisations';
import { locationsKind } from './kind.locations';
import { teamsKind } from './kind.teams';
import { peopleKind } from './kind.people';

export const IMPORT_ORDER: Kind[] = [organisationsKind, locationsKind, teamsKind, peopleKind];

export function kindByName(name: KindName): Kind {
  return IMPORT_ORDER.find((k) => k.name === name)!;
}
