import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every change re-reads a launch's SLO history (comments that answer a block, escalations,
 * at-risk flags): a partial index keeps that read small on launches with long logs.
 */
export class SloHistoryIndex1763910000000 implements MigrationInterface {
  name = 'SloHistoryIndex1763910000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX launch_event_slo_history ON launch_event (launch_id, sequence)
        WHERE type IN ('COMMENTED', 'BLOCK_ESCALATED', 'AT_RISK')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX launch_event_slo_history`);
  }
}
