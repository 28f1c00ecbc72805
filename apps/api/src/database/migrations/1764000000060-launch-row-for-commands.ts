import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The command path reads everything it needs under the launch's lock in the locking
 * statement itself: the hash at the head of the log moves onto the launch row (kept by every
 * change, checked against the log by the verifier), backfilled from the events; so does what
 * commit hooks keep of the log (`hook_state`, the SLO history), filled in by the first change
 * of each launch that finds it missing. Snapshots
 * of machine version 2 are rewritten as version 3 writes them: current state only, without
 * superseded sign-offs (the events and the sign_off rows keep them), so no command pays for
 * a launch's history. Older versions still migrate on read (libs/workflow's MIGRATIONS).
 */
export class LaunchRowForCommands1764000000060 implements MigrationInterface {
  name = 'LaunchRowForCommands1764000000060';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE launch ADD COLUMN head_hash text, ADD COLUMN hook_state jsonb NOT NULL DEFAULT '{}'`,
    );
    await q.query(`
      UPDATE launch l SET head_hash = e.hash
        FROM launch_event e
       WHERE e.launch_id = l.id AND e.sequence = l.version`);
    await q.query(`
      UPDATE launch SET machine_version = 3,
             snapshot = jsonb_set(snapshot, '{context,signOffs}', (
               SELECT COALESCE(jsonb_agg(s ORDER BY n), '[]'::jsonb)
                 FROM jsonb_array_elements(snapshot->'context'->'signOffs') WITH ORDINALITY AS x(s, n)
                WHERE s->>'status' <> 'SUPERSEDED'))
       WHERE machine_version = 2`);
  }

  async down(q: QueryRunner): Promise<void> {
    // Only the columns go: the snapshots stay version 3, which older builds refuse to read.
    await q.query(`ALTER TABLE launch DROP COLUMN head_hash, DROP COLUMN hook_state`);
  }
}
