// Several instances on one PostgreSQL: the app keeps no state of its own beside the
// database, so N copies behind a load balancer behave as one. Started at the same moment on
// an empty database they migrate once and seed once; a write through one is seen through
// the others at once (no per-instance caches of directory data without validation).
// The start-up race exists only on PostgreSQL (PGlite is one process's embedded database);
// the read-after-write checks run on both.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDatabase, type Database } from '../../server/db/database';
import { MIGRATIONS_DIR } from '../../server/db/migrate';
import { buildTestApp, getJson } from '../helpers/app';
import { createSeededDatabase, TEST_BACKEND, TEST_DATABASE_URL } from '../helpers/db';

const ROOT = join(import.meta.dirname, '..', '..');
const MIGRATION_COUNT = readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith('.ts')).length;

async function admin(text: string) {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try { return await client.query(text); } finally { await client.end(); }
}

function urlOf(name: string) {
  const url = new URL(TEST_DATABASE_URL!);
  url.pathname = `/${name}`;
  return url.toString();
}

interface Instance { child: ChildProcess; output: () => string; address: Promise<string>; exited: Promise<number | null> }

function startInstance(databaseUrl: string): Instance {
  const env = { ...process.env, DATABASE_URL: databaseUrl, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', SEED_DEMO: 'auto', GEOCODER_URL: 'off' };
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (c: Buffer) => { output += c.toString(); });
  child.stderr!.on('data', (c: Buffer) => { output += c.toString(); });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const address = new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const match = output.match(/draait op (http:\/\/[^\s]+)/);
      if (match) { clearInterval(timer); resolve(match[1]!); }
    }, 50);
    void exited.then((code) => { clearInterval(timer); reject(new Error(`instance exited ${code}: ${output}`)); });
  });
  address.catch(() => {});
  return { child, output: () => output, address, exited };
}

const COUNTED = ['teams', 'people', 'memberships', 'areas', 'organisations', 'topics', 'team_topics'] as const;
async function counts(db: Database['db']) {
  const out: Record<string, number> = {};
  for (const table of COUNTED) {
    const row = await db.selectFrom(table).select(db.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    out[table] = Number(row.n);
  }
  return out;
}

if (TEST_BACKEND === 'postgres') {
  describe('three instances started at once on an empty database', () => {
    const name = `wijkweb_scale_${process.pid}_${randomBytes(3).toString('hex')}`;
    const instances: Instance[] = [];
    let database: Database;
    beforeAll(async () => {
      await admin(`CREATE DATABASE ${name}`);
      for (let i = 0; i < 3; i++) instances.push(startInstance(urlOf(name)));
      database = await createDatabase({ databaseUrl: urlOf(name), poolSize: 2 });
    }, 30_000);
    afterAll(async () => {
      for (const instance of instances) if (instance.child.exitCode === null) instance.child.kill('SIGKILL');
      await database?.close();
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    });

    it('all three come up ready', async () => {
      const addresses = await Promise.all(instances.map((i) => i.address));
      for (const address of addresses) {
        const ready = await fetch(`${address}/api/health/ready`);
        expect(ready.status).toBe(200);
        expect(((await (await fetch(`${address}/api/teams?limit=100`)).json()) as { items: unknown[] }).items.length).toBeGreaterThan(0);
      }
    }, 150_000);

    it('ran each migration once, by one of them', async () => {
      const logged = instances.map((i) => (i.output().match(/^migration Up /gm) ?? []).length);
      expect(logged.reduce((a, b) => a + b, 0)).toBe(MIGRATION_COUNT);
      expect(logged.filter((n) => n > 0)).toEqual([MIGRATION_COUNT]);
      const rows = await database.db.selectFrom('kysely_migration' as any).select('name').execute();
      expect(rows.length).toBe(MIGRATION_COUNT);
    });

    it('holds the demo wijk once, exactly as a single start does', async () => {
      const single = await createSeededDatabase();
      try {
        expect(await counts(database.db)).toEqual(await counts(single.db));
      } finally { await single.close(); }
    });

    it('each exits 0 on SIGTERM', async () => {
      for (const instance of instances) instance.child.kill('SIGTERM');
      expect(await Promise.all(instances.map((i) => i.exited))).toEqual([0, 0, 0]);
    }, 30_000);
  });
}

describe('a write through one instance is seen through the others at once', () => {
  // PostgreSQL: three instances, each with its own pool on one database. PGlite: three apps
  // on the one embedded database a process can have.
  const name = `wijkweb_scale_rw_${process.pid}_${randomBytes(3).toString('hex')}`;
  const handles: Database[] = [];
  const apps: FastifyInstance[] = [];
  beforeAll(async () => {
    if (TEST_BACKEND === 'postgres') {
      await admin(`CREATE DATABASE ${name} TEMPLATE ${inject('dbTemplates').seeded}`);
      for (let i = 0; i < 3; i++) handles.push(await createDatabase({ databaseUrl: urlOf(name), poolSize: 2 }));
    } else {
      const shared = await createSeededDatabase();
      handles.push(shared, shared, shared);
    }
    for (const handle of handles) apps.push(await buildTestApp(handle));
  }, 60_000);
  afterAll(async () => {
    for (const app of apps) await app.close();
    for (const handle of new Set(handles)) await handle.close();
    if (TEST_BACKEND === 'postgres') await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });
  const writer = () => apps[0]!.database.db;

  it('a renamed team: detail, list and search on the other two', async () => {
    const [, b, c] = apps as [FastifyInstance, FastifyInstance, FastifyInstance];
    const team = (await getJson(b, '/api/teams?limit=1')).body.items[0];
    // every read once first, so any per-instance cache would be warm
    for (const app of [b, c]) {
      await getJson(app, `/api/teams/${team.id}`);
      await getJson(app, '/api/search?q=Zonnebloemteam');
    }
    await writer().updateTable('teams').set({ name: 'Zonnebloemteam Lindeburg' }).where('id', '=', team.id).execute();
    for (const app of [b, c]) {
      expect((await getJson(app, `/api/teams/${team.id}`)).body.name).toBe('Zonnebloemteam Lindeburg');
      const search = await getJson(app, '/api/search?q=Zonnebloemteam');
      expect(JSON.stringify(search.body)).toContain(team.id);
    }
  });

  it('an archived team leaves the map markers (new ETag) on the other two', async () => {
    const [, b, c] = apps as [FastifyInstance, FastifyInstance, FastifyInstance];
    const before = await b.inject('/api/map/markers');
    const first = before.json().items[0] as unknown[];
    const teamId = first[before.json().fields.indexOf('team_id')] as string;
    expect(before.body).toContain(teamId);
    await writer().updateTable('teams').set({ archived_at: new Date().toISOString() }).where('id', '=', teamId).execute();
    for (const app of [b, c]) {
      const again = await app.inject({ url: '/api/map/markers', headers: { 'if-none-match': before.headers.etag as string } });
      expect(again.statusCode).toBe(200);
      expect(again.headers.etag).not.toBe(before.headers.etag);
      expect(again.body).not.toContain(teamId);
    }
  });

  it('a newly imported wider buurt answers an address lookup on the other two', async () => {
    const [, b, c] = apps as [FastifyInstance, FastifyInstance, FastifyInstance];
    const dom = '/api/lookup?lat=52.0907&lon=5.1214'; // Utrecht: outside the demo wijk
    for (const app of [b, c]) expect((await getJson(app, dom)).body.resolved_by).toBe('none'); // warms the width cache
    const ring = [[4.6, 51.8], [5.6, 51.8], [5.6, 52.4], [4.6, 52.4], [4.6, 51.8]];
    const box = { min_lon: 4.6, min_lat: 51.8, max_lon: 5.6, max_lat: 52.4 };
    await writer().insertInto('areas').values([
      { code: 'GM9999', kind: 'gemeente', name: 'Proefgemeente', parent_code: null },
      { code: 'WK999901', kind: 'wijk', name: 'Proefwijk', parent_code: 'GM9999' },
      { code: 'BU99990101', kind: 'buurt', name: 'Proefbuurt Utrecht', parent_code: 'WK999901',
        geometry: JSON.stringify({ type: 'Polygon', coordinates: [ring] }), ...box },
    ]).execute();
    for (const app of [b, c]) {
      const res = await getJson(app, dom);
      expect(res.body.resolved_by).toBe('polygon');
      expect(res.body.area.buurt).toEqual({ code: 'BU99990101', name: 'Proefbuurt Utrecht' });
    }
  });
});
