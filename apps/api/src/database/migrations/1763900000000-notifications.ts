import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Webhooks with their outbox and delivery log, and the durable internal-SLO timers. */
export class Notifications1763900000000 implements MigrationInterface {
  name = 'Notifications1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE webhook (
        id uuid PRIMARY KEY,
        url text NOT NULL,
        event_types text[],
        format text NOT NULL CHECK (format IN ('JSON','SLACK')),
        enabled boolean NOT NULL DEFAULT true,
        disabled_at timestamptz,
        disabled_reason text,
        consecutive_failures int NOT NULL DEFAULT 0,
        secret text NOT NULL,
        previous_secret text,
        previous_secret_until timestamptz,
        created_by_id uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // The outbox: one message per (endpoint, event), written in the event's transaction.
    // Its id is the webhook-id header and its body is signed as stored, so a retry is the
    // same message byte for byte.
    await q.query(`
      CREATE TABLE webhook_message (
        id uuid PRIMARY KEY,
        webhook_id uuid NOT NULL REFERENCES webhook(id) ON DELETE CASCADE,
        event_id uuid NOT NULL REFERENCES launch_event(id),
        launch_id uuid NOT NULL,
        sequence int NOT NULL,
        body text NOT NULL,
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING','DELIVERED','GAVE_UP')),
        attempts int NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        lease_until timestamptz,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        CONSTRAINT webhook_message_once UNIQUE (webhook_id, event_id)
      )`);
    await q.query(`
      CREATE INDEX webhook_message_pending ON webhook_message (webhook_id, launch_id, sequence)
      WHERE status = 'PENDING'`);
    await q.query(`
      CREATE INDEX webhook_message_due ON webhook_message (next_attempt_at)
      WHERE status = 'PENDING'`);
    await q.query(`
      CREATE TABLE webhook_delivery (
        id uuid PRIMARY KEY,
        webhook_id uuid NOT NULL REFERENCES webhook(id) ON DELETE CASCADE,
        message_id uuid NOT NULL REFERENCES webhook_message(id) ON DELETE CASCADE,
        event_id uuid NOT NULL,
        attempt int NOT NULL,
        status text NOT NULL CHECK (status IN ('DELIVERED','FAILED','GAVE_UP')),
        response_code int,
        error text,
        duration_ms int NOT NULL,
        at timestamptz NOT NULL
      )`);
    await q.query(
      `CREATE INDEX webhook_delivery_keyset ON webhook_delivery (webhook_id, at DESC, id DESC)`,
    );
    // One durable timer per launch: when its internal-SLO rules next owe an event.
    await q.query(`
      CREATE TABLE slo_timer (
        launch_id uuid PRIMARY KEY REFERENCES launch(id),
        due_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX slo_timer_due ON slo_timer (due_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['slo_timer', 'webhook_delivery', 'webhook_message', 'webhook']) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
