// verwijsroutes.csv: extern_id;voor;titel;situatie;titel_inwoners;situatie_inwoners;onderwerpen;stappen
// A pathway's key is its extern_id. Its steps travel as one JSON cell (the API's step shape),
// so export → import → export is byte-identical and nothing of a step is lost in a spreadsheet.
// Pathways belong to the installation: only admins import them (the permission module).
import type { Kysely } from 'kysely';
import type { DB } from '../db/types';
import { may } from '../domain/permissions';
import { PATHWAY_AUDIENCES, StoredStep } from '../pathways/pathways.schemas';
import { type Codec, KEY, list, oneOf, optional, pattern, text } from './csv.values';
import { byCells, type Kind, type RowError } from './csv.kind';

const STEPS: Codec<StoredStep[]> = {
  read: (cell) => {
    let json: unknown;
    try { json = JSON.parse(cell); } catch { return { ok: false, message: 'moet een JSON-lijst van stappen zijn (zie een export)' }; }
    const parsed = StoredStep.array().min(1).max(20).safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return { ok: false, message: `stap ${issue.path.map(String).join('.') || ''}: ${issue.message}`.slice(0, 200) };
    }
    return { ok: true, value: parsed.data };
  },
  write: (steps) => JSON.stringify(steps),
};

// header → column; `stappen` is stored as jsonb text
const FIELDS = [
  { header: 'voor', column: 'audience' }, { header: 'titel', column: 'title' }, { header: 'situatie', column: 'situation' },
  { header: 'titel_inwoners', column: 'resident_title' }, { header: 'situatie_inwoners', column: 'resident_situation' },
  { header: 'onderwerpen', column: 'topics' }, { header: 'stappen', column: 'steps' },
] as const;

interface Plan { rows: Array<{ id: string | undefined; key: string; values: Record<string, unknown> }> }

const readableBy = (kind: string) => (kind === 'anonymous' ? ['residents', 'both'] : [...PATHWAY_AUDIENCES]);

export const pathwaysKind: Kind = {
  name: 'pathways',
  columns: [
    { header: 'extern_id', codec: pattern(/^[a-z][a-z0-9_]{2,63}$/, 'moet een sleutel zijn zoals jeugdige (kleine letters, cijfers, _)'), required: true, doc: 'Sleutel van de verwijsroute' },
    { header: 'voor', codec: oneOf(PATHWAY_AUDIENCES), required: true, doc: 'Voor wie: professionals, residents of both' },
    { header: 'titel', codec: text(160, true), required: true, doc: 'De situatie in woorden van de professional' },
    { header: 'situatie', codec: text(600), doc: 'Uitleg bij de situatie' },
    { header: 'titel_inwoners', codec: optional(text(160, true)), doc: 'De situatie in woorden van inwoners (B1)' },
    { header: 'situatie_inwoners', codec: optional(text(600, true)), doc: 'Uitleg voor inwoners (B1)' },
    { header: 'onderwerpen', codec: list(KEY, 20), doc: 'Hulponderwerpen (sleutels, met `|`)' },
    { header: 'stappen', codec: STEPS, required: true, doc: 'De stappen als JSON-lijst: actie, wanneer, voor wie en doel (teamsoort, vaste lijn of instructie)' },
  ],
  exportHeaders: () => ['extern_id', ...FIELDS.map((f) => f.header)],
  async exportRows(db, audience) {
    const rows = await db.selectFrom('pathways').where('archived_at', 'is', null).where('audience', 'in', readableBy(audience.kind) as never)
      .select(['key', 'audience', 'title', 'situation', 'resident_title', 'resident_situation', 'topics', 'steps']).execute();
    return rows.map((r) => [r.key, r.audience, r.title, r.situation, r.resident_title ?? '', r.resident_situation ?? '',
      list(KEY).write(r.topics), STEPS.write(StoredStep.array().parse(r.steps))]).sort((a, b) => byCells([a[0]!], [b[0]!]));
  },
  async check(db, audience, rows) {
    const errors: RowError[] = [];
    const plan: Plan = { rows: [] };
    const existing = new Map((await db.selectFrom('pathways').select(['id', 'key', 'archived_at']).where('key', 'in', rows.length ? rows.map((r) => r.key) : ['']).execute())
      .map((r) => [r.key, r]));
    const [types, topics] = await Promise.all([
      db.selectFrom('team_types').select('key').execute(), db.selectFrom('topics').select('key').execute()]);
    const typeKeys = new Set(types.map((t) => t.key));
    const topicKeys = new Set(topics.map((t) => t.key));
    for (const r of rows) {
      const found = existing.get(r.key);
      if (!may(audience, 'edit', { kind: 'pathway', id: found?.id ?? r.key, archived: false, organisationId: null })) {
        errors.push({ row: r.row, column: 'extern_id', message: 'alleen een beheerder mag verwijsroutes importeren' });
        continue;
      }
      const badTypes = ((r.values.stappen ?? []) as StoredStep[]).flatMap((s) => (s.target.kind === 'team_type' && !typeKeys.has(s.target.team_type) ? [s.target.team_type] : []));
      if (badTypes.length) errors.push({ row: r.row, column: 'stappen', message: `onbekende teamsoort: ${badTypes.join(', ')}` });
      const badTopics = ((r.values.onderwerpen ?? []) as string[]).filter((t) => !topicKeys.has(t));
      if (badTopics.length) errors.push({ row: r.row, column: 'onderwerpen', message: `onbekend onderwerp: ${badTopics.join(', ')}` });
      const values: Record<string, unknown> = {};
      for (const f of FIELDS) if (f.header in r.values) values[f.column] = f.column === 'steps' ? JSON.stringify(r.values[f.header]) : r.values[f.header];
      plan.rows.push({ id: found?.id, key: r.key, values });
    }
    return { errors, plan };
  },
  async write(trx, raw) {
    const plan = raw as Plan;
    let created = 0;
    let updated = 0;
    for (const row of plan.rows) {
      if (!row.id) {
        await trx.insertInto('pathways').values({ key: row.key, ...row.values } as never).execute();
        created++;
        continue;
      }
      // the trigger bumps the version only for a real change: an identical row stays as it is
      const before = await trx.selectFrom('pathways').select('version').where('id', '=', row.id).executeTakeFirstOrThrow();
      const after = await trx.updateTable('pathways').set({ ...row.values, archived_at: null } as never).where('id', '=', row.id)
        .returning('version').executeTakeFirstOrThrow();
      if (after.version !== before.version) updated++;
    }
    return { created, updated };
  },
};
