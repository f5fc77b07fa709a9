// The data commands: CBS boundaries, HSDS in and out, CSV in, and the schema and demo data.
// Each reads and writes files relative to the folder the operator ran it in.
// What each command needs is loaded when it runs: `user:create` need not load the demo wijk.
import { readFile } from 'node:fs/promises';
import { KINDS, type KindName } from '../csv/csv.kind';
import { migrateDownAll, migrateDownOne, migrateToLatest } from '../db/migrate';
import { CommandFailed, resolveFrom, splitArgs, usageError, type Command } from './command';

const elapsed = (started: number) => Math.round(performance.now() - started);

export const importAreasCommand: Command = {
  name: 'import:areas',
  usage: 'import:areas FILE.geojson [FILE.geojson …]   (CBS gemeente, wijk and buurt files)',
  besideServer: () => true,
  check(args) { if (splitArgs(args).positional.length === 0) throw usageError(this); },
  async run({ db, backend, args, cwd, out }) {
    const collections = [];
    for (const file of splitArgs(args).positional) {
      try {
        collections.push(JSON.parse(await readFile(resolveFrom(cwd, file), 'utf8')));
        out.log(`read ${file}`);
      } catch (error) {
        throw new CommandFailed(`Could not read ${file}: ${(error as Error).message}`);
      }
    }
    const { importAreas } = await import('../areas/areas.import');
    const started = performance.now();
    const report = await importAreas(db, collections, { onProgress: (m) => out.log(`  ${m}`) })
      .catch((error: Error) => { throw new CommandFailed(`Import failed, nothing was changed: ${error.message}`); });
    for (const s of report.skipped) out.error(`  skipped ${s.code ?? '(no code)'}: ${s.reason}`);
    out.log(`Imported ${report.read} features in ${elapsed(started)} ms (${backend}): `
      + `${report.inserted} new, ${report.updated} changed, ${report.unchanged} unchanged, ${report.skipped.length} skipped.`);
  },
};

export const importHsdsCommand: Command = {
  name: 'import:hsds',
  usage: 'import:hsds FILE.json|DIR [FILE.json|DIR …]   (HSDS 3.0; records keep their ids)',
  besideServer: () => true,
  check(args) { if (splitArgs(args).positional.length === 0) throw usageError(this); },
  async run({ db, backend, args, cwd, out }) {
    const { readHsdsFiles } = await import('../hsds/hsds.files');
    const { importHsds } = await import('../hsds/hsds.import');
    const targets = splitArgs(args).positional.map((t) => resolveFrom(cwd, t));
    const files = await readHsdsFiles(targets, (name) => out.log(`read ${name}`))
      .catch((error: Error) => { throw new CommandFailed(`Could not read ${error.message}`); });
    const started = performance.now();
    const report = await importHsds(db, files, { onProgress: (m) => out.log(`  ${m}`) })
      .catch((error: Error) => { throw new CommandFailed(`Import failed, nothing was changed: ${error.message}`); });
    for (const s of report.skipped) out.error(`  skipped ${s.kind} ${s.id}: ${s.reason}`);
    const c = (k: 'organizations' | 'services' | 'locations') => `${k} ${report[k].inserted} new, ${report[k].updated} changed, ${report[k].unchanged} unchanged`;
    out.log(`Imported in ${elapsed(started)} ms (${backend}): ${c('organizations')}; ${c('services')}; `
      + `${c('locations')}; ${report.service_areas.linked} service-area buurten; ${report.skipped.length} skipped.`);
  },
};

export const exportHsdsCommand: Command = {
  name: 'export:hsds',
  usage: 'export:hsds DIR [--base-url=https://your.wijkweb]   (default base URL: APP_URL)',
  besideServer: () => true,
  check(args) { if (!splitArgs(args).positional[0]) throw usageError(this); },
  async run({ db, backend, config, args, cwd, out }) {
    const { positional, flags } = splitArgs(args);
    const dir = resolveFrom(cwd, positional[0]!);
    const baseUrl = flags.find((a) => a.startsWith('--base-url='))?.slice('--base-url='.length) ?? config.APP_URL;
    const { exportHsds } = await import('../hsds/hsds.export');
    const started = performance.now();
    const counts = await exportHsds(db, dir, { baseUrl, onProgress: (m) => out.log(`  ${m}`) })
      .catch((error: Error) => { throw new CommandFailed(`Export failed: ${error.message}`); });
    out.log(`Exported to ${positional[0]} in ${elapsed(started)} ms (${backend}): `
      + Object.entries(counts).map(([k, n]) => `${n} ${k}`).join(', '));
  },
};

// All rows or none; --dry-run changes nothing. Exit code 1 when the file has errors (all listed
// by row and column). Run as an admin: whoever can run it already holds the database.
export const importCsvCommand: Command = {
  name: 'import:csv',
  usage: `import:csv ${KINDS.join('|')} FILE.csv [--dry-run]`,
  besideServer: () => true,
  check(args) {
    const [kind, file] = splitArgs(args).positional;
    if (!kind || !file || !(KINDS as readonly string[]).includes(kind)) throw usageError(this);
  },
  async run({ db, backend, args, cwd, out }) {
    const { positional, flags } = splitArgs(args);
    const [kind, file] = positional as [KindName, string];
    const dryRun = flags.includes('--dry-run');
    let text: string;
    try { text = await readFile(resolveFrom(cwd, file), 'utf8'); } catch (error) {
      throw new CommandFailed(`Could not read ${file}: ${(error as Error).message}`, 2);
    }
    const { importCsv } = await import('../csv/csv.import');
    const { seedReferenceData } = await import('../start');
    await seedReferenceData(db); // team types and topics the rows refer to
    const started = performance.now();
    const report = await importCsv(db, { kind: 'admin', accountId: 'cli', personId: null, teamIds: [], organisationIds: [] },
      kind, text, { dryRun, actor: null, onProgress: (m) => out.log(`  ${m}`) })
      .catch((error: Error) => { throw new CommandFailed(`Import failed, nothing was changed: ${error.message}`); });
    for (const e of report.errors) out.error(`  rij ${e.row}, kolom ${e.column || '-'}: ${e.message}`);
    const ms = elapsed(started);
    out.log(`${report.errors.length ? 'NOT imported' : dryRun ? 'Dry run' : 'Imported'} ${report.rows} rows of ${kind} in ${ms} ms (${backend}): `
      + `${report.created} new, ${report.updated} changed, ${report.unchanged} unchanged, ${report.errors.length} errors.`);
    out.log(JSON.stringify({ report, ms }));
    return report.errors.length ? 1 : 0;
  },
};

// db:migrate brings the schema up to date; `down` steps back ONE migration, `down --all` all.
export const dbMigrateCommand: Command = {
  name: 'db:migrate',
  usage: 'db:migrate [down [--all]]',
  migratesItself: true,
  // a running server needs the schema it started with: stepping down happens with it stopped
  besideServer: (args) => !args.includes('down'),
  async run({ db, backend, args, out }) {
    const down = args.includes('down');
    const done = !down ? await migrateToLatest(db) : args.includes('--all') ? await migrateDownAll(db) : await migrateDownOne(db);
    out.log(done.length ? done.join('\n') : 'Nothing to do: the schema is up to date.');
    out.log(`(${backend})`);
  },
};

// db:seed brings the schema up to date (the demo needs it; a new data folder has none yet),
// then loads the taxonomy and the demo wijk; rows that exist are left as they are. The demo
// accounts share a published password, so production refuses it like it refuses SEED_DEMO=auto.
// A first `npm start` on a new folder runs this command in a process of its own (server/start.ts).
export const dbSeedCommand: Command = {
  name: 'db:seed',
  usage: 'db:seed   (the demo wijk and its demo accounts; not in production)',
  besideServer: () => true,
  async run({ db, backend, config, out }) {
    if (config.NODE_ENV === 'production') {
      throw new CommandFailed('db:seed loads the demo accounts, whose password is published: refused with NODE_ENV=production.');
    }
    const { seedDemoData, seedReferenceData } = await import('../start');
    for (const line of await migrateToLatest(db)) out.log(`migration ${line}`);
    await seedReferenceData(db);
    await seedDemoData(db, { onProgress: (m) => out.log(m) });
    out.log(`Demo wijk loaded (${backend}).`);
  },
};
