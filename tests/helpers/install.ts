// What the installation files say, read from the files themselves: the Dockerfile's runtime
// stage (ENV, WORKDIR, USER, CMD), the environment compose.yaml gives the app, and the
// README's shell blocks. Tests run exactly that, so a change to a file is a change to a test.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';

export const ROOT = join(import.meta.dirname, '../..');

export interface Runtime { env: Record<string, string>; workdir: string; user: string; cmd: string[]; volumes: string[] }

/** The last stage of the Dockerfile: what a container of the image runs with. */
export function dockerfileRuntime(text = readFileSync(join(ROOT, 'Dockerfile'), 'utf8')): Runtime {
  const lines = text.replace(/\\\n/g, ' ').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  const lastFrom = lines.map((l) => /^FROM\s/i.test(l)).lastIndexOf(true);
  const runtime: Runtime = { env: {}, workdir: '/', user: 'root', cmd: [], volumes: [] };
  for (const line of lines.slice(lastFrom)) {
    const [, instruction = '', rest = ''] = line.match(/^(\w+)\s+(.*)$/) ?? [];
    switch (instruction.toUpperCase()) {
      case 'ENV': for (const [, k, v] of rest.matchAll(/(\w+)=("[^"]*"|\S+)/g)) runtime.env[k!] = v!.replace(/^"|"$/g, ''); break;
      case 'WORKDIR': runtime.workdir = rest; break;
      case 'USER': runtime.user = rest; break;
      case 'CMD': runtime.cmd = JSON.parse(rest) as string[]; break;
      case 'VOLUME': runtime.volumes = JSON.parse(rest) as string[]; break;
    }
  }
  return runtime;
}

/** Compose's `${NAME:-default}` / `${NAME}` with nothing set in the shell or a .env file. */
export const interpolate = (value: string) => value.replace(/\$\{(\w+)(?::?-([^}]*))?\}/g, (_m, _name: string, fallback?: string) => fallback ?? '');

interface ComposeFile { services: Record<string, { image?: string; build?: unknown; environment?: Record<string, string | number> | string[]; ports?: string[] }> }

export function composeFile(): ComposeFile {
  return parseYaml(readFileSync(join(ROOT, 'compose.yaml'), 'utf8')) as ComposeFile;
}

/** The environment compose gives a service, its defaults filled in as `docker compose up` would. */
export function composeAppEnvironment(service = 'app'): Record<string, string> {
  const environment = composeFile().services[service]?.environment ?? {};
  const pairs = Array.isArray(environment)
    ? environment.map((e) => e.split(/=(.*)/s).slice(0, 2) as [string, string])
    : Object.entries(environment).map(([k, v]) => [k, String(v)] as [string, string]);
  return Object.fromEntries(pairs.map(([k, v]) => [k, interpolate(v)]));
}

export function readme(): string {
  return readFileSync(join(ROOT, 'README.md'), 'utf8');
}

/** The section under a heading (any level), up to the next heading of that level or higher. */
export function readmeSection(heading: string, text = readme()): string {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => /^#+\s/.test(l) && l.replace(/^#+\s+/, '').trim() === heading);
  if (start < 0) throw new Error(`README has no heading "${heading}"`);
  const level = lines[start]!.match(/^#+/)![0].length;
  const end = lines.findIndex((l, i) => i > start && /^#+\s/.test(l) && l.match(/^#+/)![0].length <= level);
  return lines.slice(start + 1, end < 0 ? undefined : end).join('\n');
}

/** The commands of the first ```sh block under a heading: one per line, comments dropped. */
export function readmeBlock(heading: string): string[] {
  const block = readmeSection(heading).match(/```sh\n([\s\S]*?)```/)?.[1];
  if (!block) throw new Error(`README section "${heading}" has no sh block`);
  return block.split('\n').map((l) => l.replace(/\s+#.*$/, '').trim()).filter((l) => l && !l.startsWith('#'));
}

/** Splits a README command line into words (single or double quotes group). */
export function words(line: string): string[] {
  return [...line.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
}

const square = (x: number, y: number, size: number) => ({ type: 'Polygon', coordinates: [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]] });
const collection = (properties: Record<string, string>, geometry: object) => JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties, geometry }] });

/** A gemeente with one wijk and one buurt, as the CBS files name them. */
export function tinyCbsFiles(): Record<string, string> {
  return {
    'gemeente.geojson': collection({ gemeentecode: 'GM9901', gemeentenaam: 'Proefdorp' }, square(5.0, 52.0, 0.1)),
    'wijken.geojson': collection({ wijkcode: 'WK990101', wijknaam: 'Proefwijk', gemeentecode: 'GM9901' }, square(5.0, 52.0, 0.05)),
    'buurten.geojson': collection({ buurtcode: 'BU99010101', buurtnaam: 'Proefbuurt', wijkcode: 'WK990101', gemeentecode: 'GM9901' }, square(5.0, 52.0, 0.02)),
  };
}
