// A view of 06 numbers names the people it showed through a kept list instead of carrying
// them: a "wie werkt hier" answer shows up to a few hundred people, and the same list comes
// back for every professional who opens that buurt until the directory changes. Each
// distinct list is stored once in viewed_people_sets (its id: the first 128 bits of the
// SHA-256 of the sorted ids), and a view row is small: actor, time, entity_type
// 'person_set' and the list's id (one person: entity_type 'person' and their id, as
// before). Rows of up to 7 kB each, toasted and indexed id by id, become ~150 bytes.
// "Who saw X's number" reads the lists that hold X (GIN on the array), then their rows
// (audit_log_entity_idx). Rows written before are converted here.
// Frozen in time: never imports app code.
import { type Kysely, sql } from 'kysely';

// The same id the app computes: hex of sha256('id1,id2,…') over the ids in uuid order, cut to a uuid.
const SET_ID = (ids: string) => `substr(encode(sha256(convert_to(array_to_string(${ids}, ','), 'UTF8')), 'hex'), 1, 32)::uuid`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`
-- A whole audit log to convert: as long as it takes (the migration holds its lock, not a request).
SET LOCAL statement_timeout = 0;
CREATE TABLE viewed_people_sets (
  id uuid PRIMARY KEY,
  person_ids uuid[] NOT NULL
);
CREATE INDEX viewed_people_sets_people_idx ON viewed_people_sets USING gin (person_ids);
DROP INDEX IF EXISTS audit_log_viewed_people_idx;

-- Earlier rows: each distinct list in meta.person_ids once (an erased person's id was blanked there: left out).
CREATE TEMP TABLE old_lists AS
SELECT o.list, s.ids, ${SET_ID('s.ids')} AS set_id
FROM (SELECT DISTINCT meta -> 'person_ids' AS list FROM audit_log
      WHERE action = 'view_mobile' AND entity_id IS NULL AND jsonb_typeof(meta -> 'person_ids') = 'array') o
CROSS JOIN LATERAL (
  SELECT coalesce(array_agg(x::uuid ORDER BY x::uuid), '{}') AS ids
  FROM jsonb_array_elements_text(o.list) x
  WHERE x ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
) s;

INSERT INTO viewed_people_sets (id, person_ids)
SELECT DISTINCT ON (set_id) set_id, ids FROM old_lists ORDER BY set_id
ON CONFLICT (id) DO NOTHING;

UPDATE audit_log l SET entity_type = 'person_set', entity_id = o.set_id::text,
  meta = jsonb_build_object('count', coalesce((l.meta ->> 'count')::int, cardinality(o.ids)))
FROM old_lists o
WHERE l.action = 'view_mobile' AND l.entity_id IS NULL AND l.meta -> 'person_ids' = o.list;

UPDATE audit_log SET meta = jsonb_build_object('count', 1)
WHERE action = 'view_mobile' AND entity_type = 'person' AND entity_id IS NOT NULL AND meta ? 'person_ids';
DROP TABLE old_lists;
`).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`
SET LOCAL statement_timeout = 0;
UPDATE audit_log l SET entity_type = 'person', entity_id = NULL,
  meta = jsonb_build_object('person_ids', to_jsonb(s.person_ids), 'count', cardinality(s.person_ids))
FROM viewed_people_sets s WHERE l.action = 'view_mobile' AND l.entity_type = 'person_set' AND l.entity_id = s.id::text;

UPDATE audit_log SET meta = jsonb_build_object('person_ids', jsonb_build_array(entity_id), 'count', 1)
WHERE action = 'view_mobile' AND entity_type = 'person' AND entity_id IS NOT NULL;

DROP TABLE viewed_people_sets;
CREATE INDEX audit_log_viewed_people_idx ON audit_log USING gin ((meta -> 'person_ids') jsonb_path_ops)
  WHERE action = 'view_mobile';
`).execute(db);
}
