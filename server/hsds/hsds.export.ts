// Writing the whole public directory as HSDS 3.0 files: the same records /hsds serves,
// each collection one file holding a single page (the HSDS list envelope), written a
// page of 100 at a time so a national directory never sits in memory whole.
import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { once } from 'node:events';
import type { Kysely } from 'kysely';
import type { DB } from '../db/types';
import { TEAM_TYPE_TAXONOMY, TOPIC_TAXONOMY } from './hsds.ids';
import { organization, type Rec, serviceAtLocation, services, taxonomy, taxonomyTerm } from './hsds.map';
import { HSDS_VERSION, PROFILE_MARKDOWN } from './hsds.profile';
import { loadVocabulary, organisationPage, serviceAtLocationPage, servicePage } from './hsds.queries';

const PAGE = 100;
type PageReader = (page: number) => Promise<{ total: number; contents: Rec[] }>;

async function writeCollection(file: string, read: PageReader): Promise<number> {
  const out = createWriteStream(file, 'utf8');
  const write = async (text: string) => { if (!out.write(text)) await once(out, 'drain'); };
  const first = await read(1);
  const total = first.total;
  await write(`{"total_items":${total},"total_pages":${total ? 1 : 0},"page_number":1,"size":${total},`
    + `"first_page":true,"last_page":true,"empty":${total === 0},"contents":[`);
  let written = 0;
  for (let page = 1, batch = first; batch.contents.length; batch = await read(++page)) {
    for (const record of batch.contents) await write(`${written++ ? ',' : ''}\n${JSON.stringify(record)}`);
    if (batch.contents.length < PAGE) break;
  }
  await write('\n]}\n');
  out.end();
  await once(out, 'finish');
  return written;
}

export interface ExportOptions { baseUrl: string; onProgress?: (message: string) => void }

export async function exportHsds(db: Kysely<DB>, dir: string, opts: ExportOptions): Promise<Record<string, number>> {
  await mkdir(dir, { recursive: true });
  const say = opts.onProgress ?? (() => {});
  const base = opts.baseUrl.replace(/\/$/, '');
  await writeFile(path.join(dir, 'index.json'), `${JSON.stringify({ version: HSDS_VERSION, profile: `${base}/hsds/profile`, openapi_url: `${base}/docs/json` }, null, 2)}\n`);
  await writeFile(path.join(dir, 'profile.md'), PROFILE_MARKDOWN);
  const counts: Record<string, number> = {};
  const vocab = await loadVocabulary(db);
  const collections: [string, PageReader][] = [
    ['organizations', async (page) => {
      const { rows, total, documents } = await organisationPage(db, {}, page, PAGE);
      return { total, contents: rows.map((o) => organization(o, documents.get(o.id))) };
    }],
    ['services', async (page) => {
      const { rows, total, children, vocab: v } = await servicePage(db, {}, page, PAGE, true);
      return { total, contents: services(rows, children, v) };
    }],
    ['service_at_locations', async (page) => {
      const { pairs, total, teams, children } = await serviceAtLocationPage(db, {}, page, PAGE);
      const teamById = new Map(teams.map((t) => [t.id, t]));
      const locationById = new Map(children.locations.map((l) => [l.id, l]));
      return { total, contents: pairs.map((p) => serviceAtLocation(teamById.get(p.team_id)!, locationById.get(p.location_id)!, children.documents.get(p.team_id), children.structured)) };
    }],
    ['taxonomies', async (page) => ({ total: 2, contents: page === 1 ? [taxonomy(TEAM_TYPE_TAXONOMY), taxonomy(TOPIC_TAXONOMY)] : [] })],
    ['taxonomy_terms', async (page) => ({ total: vocab.terms.length, contents: page === 1 ? vocab.terms.map(taxonomyTerm) : [] })],
  ];
  for (const [name, read] of collections) {
    counts[name] = await writeCollection(path.join(dir, `${name}.json`), read);
    say(`${name}.json: ${counts[name]}`);
  }
  return counts;
}
