// HSDS without loss: each organization, service and location an HSDS import brought in keeps
// the record exactly as the source had it (`original`, json: key order and text kept) and what
// Wijkweb made of it at that moment (`mapped`: Wijkweb's own HSDS rendering of the rows the
// import wrote). An export renders the rows again and, field by field, gives back the source's
// value wherever Wijkweb's rendering is still what it was at import (nothing edited since),
// Wijkweb's value where it changed, and the source's fields Wijkweb has no column for verbatim.
// No foreign key: `id` is a team, organisation or location id by `kind`;
// documents of a row that is gone are never read.
// Frozen in time: never imports app code.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`
CREATE TABLE hsds_documents (
  kind text NOT NULL CHECK (kind IN ('organization', 'service', 'location')),
  id uuid NOT NULL,
  original json NOT NULL,
  mapped json NOT NULL,
  imported_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (kind, id)
);`).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS hsds_documents`.execute(db);
}
