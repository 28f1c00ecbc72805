import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outcomes (OUTCOMES.md): support tickets keyed by (source, external_id), baseline launches
 * from before the gates, and one row per GA launch with its GA instant, cohort and
 * outcome timer. Counts run on the indexes: (launch_key, opened_at) for a launch's tickets,
 * (opened_at) for the organization's volume, (ga_at) for a report's range.
 */
export class Outcomes1764000000010 implements MigrationInterface {
  name = 'Outcomes1764000000010';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE support_ticket (
        source text NOT NULL,
        external_id text NOT NULL,
        opened_at timestamptz NOT NULL,
        launch_key text,
        priority text,
        url text,
        PRIMARY KEY (source, external_id)
      )`);
    await q.query(`CREATE INDEX support_ticket_opened ON support_ticket (opened_at)`);
    await q.query(
      `CREATE INDEX support_ticket_launch ON support_ticket (launch_key, opened_at)
        WHERE launch_key IS NOT NULL`,
    );
    await q.query(`
      CREATE TABLE baseline_launch (
        key text PRIMARY KEY,
        name text NOT NULL,
        ga_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX baseline_launch_ga ON baseline_launch (ga_at, key)`);
    // measure_due_at: when OUTCOME_MEASURED is owed (null once appended, and for launches
    // that reached GA before this feature: they get none).
    await q.query(`
      CREATE TABLE launch_outcome (
        launch_id uuid PRIMARY KEY REFERENCES launch(id),
        key text NOT NULL UNIQUE,
        template text NOT NULL,
        ga_at timestamptz NOT NULL,
        measure_due_at timestamptz
      )`);
    await q.query(`CREATE INDEX launch_outcome_ga ON launch_outcome (ga_at)`);
    await q.query(
      `CREATE INDEX launch_outcome_due ON launch_outcome (measure_due_at)
        WHERE measure_due_at IS NOT NULL`,
    );
    await q.query(`
      INSERT INTO launch_outcome (launch_id, key, template, ga_at, measure_due_at)
      SELECT l.id, l.key, c.data->>'template', e.at, NULL
        FROM launch l
        JOIN launch_event c ON c.launch_id = l.id AND c.sequence = 1
        JOIN launch_event e ON e.launch_id = l.id AND e.type = 'ADVANCED' AND e.data->>'to' = 'GA'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE launch_outcome`);
    await q.query(`DROP TABLE baseline_launch`);
    await q.query(`DROP TABLE support_ticket`);
  }
}
