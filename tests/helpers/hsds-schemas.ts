// The official HSDS 3.0 schemas from ../shared/hsds-3.0 (never copied into the repo),
// compiled with ajv + ajv-formats, offline. The OpenAPI's remote $refs point at files of
// compiled/; taxonomy and taxonomy_term have no compiled file, so their schemas are taken
// from where compiled/service.json nests them (attributes[].taxonomy_term[.taxonomy_detail]).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const HSDS_DIR = path.resolve(repoRoot, '../shared/hsds-3.0');
export const hsdsPresent = existsSync(path.join(HSDS_DIR, 'compiled/service.json'));
if (!hsdsPresent && process.env.CI) throw new Error(`CI needs the HSDS 3.0 schemas in ${HSDS_DIR} but they are missing`);
export const hsdsSkipReason = `HSDS schemas: skipped, ${HSDS_DIR} not found`;

export type Kind = 'service' | 'service_list' | 'organization' | 'organization_list' | 'service_at_location' | 'service_at_location_list' | 'taxonomy' | 'taxonomy_term' | 'meta';

const readJson = (file: string) => JSON.parse(readFileSync(path.join(HSDS_DIR, file), 'utf8'));

let ajv: Ajv | undefined;
const cache = new Map<string, ValidateFunction>();

function schemaFor(kind: Kind): object {
  if (kind === 'taxonomy_term' || kind === 'taxonomy') {
    const term = readJson('compiled/service.json').properties.attributes.items.properties.taxonomy_term;
    return kind === 'taxonomy_term' ? term : term.properties.taxonomy_detail;
  }
  if (kind === 'meta') return readJson('openapi.json').paths['/'].get.responses['200'].content['application/json'].schema;
  return readJson(`compiled/${kind}.json`);
}

function compile(schema: object): ValidateFunction {
  // The compiled schemas carry Frictionless keywords (constraints, core, datapackage_*):
  // not JSON Schema, so ajv must not be strict about unknown keywords.
  ajv ??= addFormats(new Ajv({ strict: false, allErrors: true, validateSchema: false }));
  return ajv.compile(schema);
}

export function validator(kind: Kind): ValidateFunction {
  let v = cache.get(kind);
  if (!v) { v = compile(schemaFor(kind)); cache.set(kind, v); }
  return v;
}

/** The Page envelope of the official OpenAPI (every field required), contents as an array. */
function pageValidator(): ValidateFunction {
  let v = cache.get('page');
  if (!v) {
    const page = readJson('openapi.json').components.schemas.Page;
    v = compile({ ...page, required: [...Object.keys(page.properties), 'contents'], properties: { ...page.properties, contents: { type: 'array' } } });
    cache.set('page', v);
  }
  return v;
}

/** Problems of a paged body: the envelope, then each item against `item` (the huge schemas compile once). */
export function pageProblems(body: { contents?: unknown[] }, item: Kind): string[] {
  const envelope = pageValidator();
  if (!envelope(body)) return [`page: ${errorsOf(envelope)}`];
  const v = validator(item);
  return (body.contents ?? []).flatMap((c, i) => (v(c) ? [] : [`contents[${i}]: ${errorsOf(v)}`]));
}

/** Problems of one record against `kind` (empty when valid). */
export function recordProblems(record: unknown, kind: Kind): string[] {
  const v = validator(kind);
  return v(record) ? [] : [errorsOf(v)];
}

/** Readable errors for an assertion message. */
export function errorsOf(v: ValidateFunction): string {
  return (v.errors ?? []).slice(0, 10).map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`).join('\n');
}

export function hsdsExample(name: string): unknown {
  return readJson(`examples/${name}`);
}
export const hsdsExampleDir = path.join(HSDS_DIR, 'examples');
