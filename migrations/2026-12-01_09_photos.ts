// Uploaded portraits live in the database beside the person (one per person): re-encoded
// WebP without metadata, addressed by the hash of their bytes so a URL never changes
// meaning and can be cached for a year. people.photo_url points at the current one.
// Frozen in time: this file never imports application code.
import { type Kysely, sql } from 'kysely';

const UP = `
CREATE TABLE person_photos (
  person_id uuid PRIMARY KEY REFERENCES people(id) ON DELETE CASCADE,
  hash text NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
  content_type text NOT NULL CHECK (content_type = 'image/webp'),
  bytes bytea NOT NULL,
  width integer NOT NULL CHECK (width > 0),
  height integer NOT NULL CHECK (height > 0),
  created_at timestamptz NOT NULL DEFAULT now()
);
-- Not unique: two people may upload the very same picture.
CREATE INDEX person_photos_hash_idx ON person_photos (hash);
`;

// Going back forgets the uploaded photos; photo_url values pointing at them are cleared.
const DOWN = `
UPDATE people SET photo_url = NULL WHERE photo_url LIKE '/api/photos/%';
DROP TABLE person_photos;
`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(UP).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw(DOWN).execute(db);
}
