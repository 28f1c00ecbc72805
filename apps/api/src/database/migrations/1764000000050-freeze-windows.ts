import type { MigrationInterface, QueryRunner } from 'typeorm';

/*
 * Freeze windows (POLICIES.md). Rows are never deleted: ending one sets ended_at, so
 * readiness as of any moment sees the windows then in effect. The GiST index serves the
 * overlap of a window's effective span [starts_at, least(ends_at, ended_at)) with a range
 * (empty for a window ended before it started).
 */
export class FreezeWindows1764000000050 implements MigrationInterface {
  name = 'FreezeWindows1764000000050';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE freeze_window (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        reason text,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        stages text[] NOT NULL CHECK (cardinality(stages) > 0),
        created_by uuid NOT NULL REFERENCES app_user (id),
        created_at timestamptz NOT NULL,
        ended_at timestamptz,
        ended_by uuid REFERENCES app_user (id),
        CHECK (starts_at < ends_at),
        CHECK ((ended_at IS NULL) = (ended_by IS NULL))
      )`,
    );
    await q.query(
      `CREATE INDEX freeze_window_span ON freeze_window
        USING gist (tstzrange(starts_at, GREATEST(starts_at, LEAST(ends_at, ended_at)), '[)'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE freeze_window`);
  }
}
