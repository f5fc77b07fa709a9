// Runs once per `npm test`: builds two template databases — migrated, and migrated with
// the demo wijk — so that each test file starts from a copy instead of running initdb,
// migrations and seeds again. PostgreSQL copies with CREATE DATABASE … TEMPLATE; PGlite
// loads a dump of its data folder.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { createDatabase, PGLITE_EXTENSIONS } from '../../server/db/database';
import { migrateToLatest } from '../../server/db/migrate';
import { seedDemo, seedReference } from '../../seeds/index';

export interface DbTemplates { migrated: string; seeded: string }

declare module 'vitest' {
  interface ProvidedContext { dbTemplates: DbTemplates }
}

async function admin(url: string, text: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try { await client.query(text); } finally { await client.end(); }
}

async function postgresTemplates(url: string) {
  const suffix = `${process.pid}_${randomBytes(3).toString('hex')}`;
  const names = { migrated: `wijkweb_tpl_migrated_${suffix}`, seeded: `wijkweb_tpl_seeded_${suffix}` };
  for (const [kind, name] of Object.entries(names)) {
    await admin(url, `CREATE DATABASE ${name}`);
    const target = new URL(url);
    target.pathname = `/${name}`;
    const database = await createDatabase({ databaseUrl: target.toString(), poolSize: 2 });
    try {
      await migrateToLatest(database.db);
      if (kind === 'seeded') { await seedReference(database.db); await seedDemo(database.db); }
    } finally { await database.close(); }
  }
  return { templates: names, teardown: async () => { for (const n of Object.values(names)) await admin(url, `DROP DATABASE IF EXISTS ${n} WITH (FORCE)`); } };
}

async function pgliteTemplates() {
  const dir = await mkdtemp(join(tmpdir(), 'wijkweb-tpl-'));
  const pglite = await PGlite.create({ extensions: PGLITE_EXTENSIONS });
  const database = await createDatabase({ pglite });
  const templates = { migrated: join(dir, 'migrated.tar'), seeded: join(dir, 'seeded.tar') };
  await migrateToLatest(database.db);
  await writeFile(templates.migrated, Buffer.from(await (await pglite.dumpDataDir('none')).arrayBuffer()));
  await seedReference(database.db);
  await seedDemo(database.db);
  await writeFile(templates.seeded, Buffer.from(await (await pglite.dumpDataDir('none')).arrayBuffer()));
  await database.close();
  await pglite.close();
  return { templates, teardown: () => rm(dir, { recursive: true, force: true }) };
}

export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  const { templates, teardown } = url ? await postgresTemplates(url) : await pgliteTemplates();
  project.provide('dbTemplates', templates);
  return teardown;
}
