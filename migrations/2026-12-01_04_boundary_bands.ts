// Boundaries simplified per zoom band, so the map never ships full CBS geometry for a
// view where a pixel spans tens or hundreds of metres. The bands are filled by the app
// (server/areas/areas.bands.ts, with @turf/simplify) on import, after seeding and lazily
// on the first boundary request; this migration only makes room and keeps them honest:
// a trigger empties the bands whenever the full geometry changes, whatever wrote it, so
// a stale simplification is never served.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE areas ADD COLUMN geometry_low jsonb, ADD COLUMN geometry_mid jsonb, ADD COLUMN geometry_high jsonb`.execute(db);
  await sql`CREATE FUNCTION areas_reset_bands() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.geometry IS DISTINCT FROM OLD.geometry THEN
        NEW.geometry_low := NULL; NEW.geometry_mid := NULL; NEW.geometry_high := NULL;
      END IF;
      RETURN NEW;
    END $$`.execute(db);
  await sql`CREATE TRIGGER areas_reset_bands BEFORE UPDATE OF geometry ON areas
    FOR EACH ROW EXECUTE FUNCTION areas_reset_bands()`.execute(db);
  // The rows still waiting for their bands: found through this small index, not a scan.
  await sql`CREATE INDEX areas_bands_missing_idx ON areas (code) WHERE geometry IS NOT NULL AND geometry_high IS NULL`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX IF EXISTS areas_bands_missing_idx`.execute(db);
  await sql`DROP TRIGGER IF EXISTS areas_reset_bands ON areas`.execute(db);
  await sql`DROP FUNCTION IF EXISTS areas_reset_bands()`.execute(db);
  await sql`ALTER TABLE areas DROP COLUMN IF EXISTS geometry_low, DROP COLUMN IF EXISTS geometry_mid, DROP COLUMN IF EXISTS geometry_high`.execute(db);
}
