// The README tells the truth: its settings table is server/config.ts's settings, every
// `npm run X` it names is a script of package.json (and every script is named), every
// production command it names is one the compiled command line knows, and its Layout section
// names every folder of server/ and web/ that exists. The production walk itself
// ("With Docker Compose") is run by tests/production.test.ts on the production build.
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { SETTINGS } from '../../server/config';
import { COMMANDS } from '../../server/commands/commands';
import { readme, readmeSection, ROOT } from '../helpers/install';

const run = promisify(execFile);
const text = readme();
const scripts = Object.keys((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts);
const FILE_COMMANDS = ['db:backup', 'db:restore']; // scripts/wijkweb.ts runs these scripts of their own

describe('the README', () => {
  it('lists exactly the settings server/config.ts reads', () => {
    const table = readmeSection('Configuration').split('\n').filter((l) => /^\| `/.test(l));
    const named = table.flatMap((row) => [...row.split('|')[1]!.matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((m) => m[1]!));
    expect([...new Set(named)].sort()).toEqual([...SETTINGS].sort());
  });

  it('names only npm scripts that exist, and every one that does', () => {
    const named = new Set([...text.matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1]!));
    expect([...named].filter((n) => !scripts.includes(n))).toEqual([]);
    expect(scripts.filter((s) => !named.has(s) && !['start', 'test'].includes(s))).toEqual([]); // `npm start`, `npm test`
  });

  it('names production commands the compiled command line knows, and every operator command has one', () => {
    const known = [...COMMANDS.map((c) => c.name), ...FILE_COMMANDS];
    const named = [...text.matchAll(/dist\/scripts\/wijkweb\.js ([\w:]+)/g)].map((m) => m[1]!);
    expect(named.filter((n) => !known.includes(n))).toEqual([]);
    // each operator npm script is the same command line (tsx in development, node on dist/)
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    for (const name of known) expect(pkg.scripts[name], name).toBe(`tsx scripts/wijkweb.ts ${name}`);
    expect(readmeSection('In productie')).toMatch(new RegExp(known.filter((n) => n !== 'db:seed').map((n) => `(?=[\\s\\S]*\`${n}\`)`).join('')));
  });

  it('the command line starts in development and lists every command', async () => {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'scripts/wijkweb.ts', '--help'], { cwd: ROOT, timeout: 60_000 })
      .catch((e: { stdout: string; stderr: string }) => e);
    for (const name of [...COMMANDS.map((c) => c.name), ...FILE_COMMANDS]) expect(stdout + stderr).toContain(`  ${name}`);
  }, 60_000);

  it('Layout names every folder of server/ and web/ and every file of server/ that exists', () => {
    const layout = readmeSection('Layout');
    const entries = (dir: string) => readdirSync(join(ROOT, dir)).filter((name) => !['dist', 'node_modules'].includes(name) && !name.startsWith('.'));
    const missing: string[] = [];
    for (const top of ['server', 'web']) {
      for (const name of entries(top)) {
        const isDir = statSync(join(ROOT, top, name)).isDirectory();
        if (!isDir && top === 'web') continue; // web/'s files are the app's entry points, named by folder
        if (!layout.includes(isDir ? `${name}/` : name)) missing.push(`${top}/${name}${isDir ? '/' : ''}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
