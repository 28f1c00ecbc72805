import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Shared rate-limit windows (rate-limiter-flexible's Postgres layout), one row per key. */
export class RateLimit1763890000000 implements MigrationInterface {
  name = 'RateLimit1763890000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rate_limit (
        key varchar(255) PRIMARY KEY,
        points integer NOT NULL DEFAULT 0,
        expire bigint
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE rate_limit`);
  }
}
