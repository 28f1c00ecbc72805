import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { WebhookFormat } from './webhook-payload.js';

export interface WebhookRow {
  id: string;
  url: string;
  eventTypes: string[] | null;
  format: WebhookFormat;
  enabled: boolean;
  disabledAt: Date | null;
  disabledReason: string | null;
  consecutiveFailures: number;
  createdAt: Date;
}

export interface DeliveryRow {
  id: string;
  eventId: string;
  attempt: number;
  status: 'DELIVERED' | 'FAILED' | 'GAVE_UP';
  responseCode: number | null;
  error: string | null;
  durationMs: number;
  at: Date;
}

/** A message claimed for one attempt, with what is needed to send it. */
export interface ClaimedMessage {
  id: string;
  webhookId: string;
  eventId: string;
  body: string;
  attempts: number;
  url: string;
  secrets: string[];
}

export type AttemptOutcome =
  | { ok: true; responseCode: number; durationMs: number }
  | { ok: false; responseCode: number | null; error: string; durationMs: number };

const WEBHOOK_COLUMNS = `id, url, event_types AS "eventTypes", format, enabled, disabled_at AS "disabledAt",
  disabled_reason AS "disabledReason", consecutive_failures AS "consecutiveFailures", created_at AS "createdAt"`;

/** SQL for webhook endpoints, their outbox and their delivery log; no rules live here. */
@Injectable()
export class WebhookRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async insert(p: {
    url: string;
    eventTypes: string[] | null;
    format: WebhookFormat;
    secret: string;
    createdById: string;
  }): Promise<WebhookRow> {
    const [row] = (await this.db.query(
      `INSERT INTO webhook (id, url, event_types, format, secret, created_by_id)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${WEBHOOK_COLUMNS}`,
      [randomUUID(), p.url, p.eventTypes, p.format, p.secret, p.createdById],
    )) as WebhookRow[];
    return row!;
  }

  list(): Promise<WebhookRow[]> {
    return this.db.query(`SELECT ${WEBHOOK_COLUMNS} FROM webhook ORDER BY created_at, id`);
  }

  async find(id: string): Promise<WebhookRow | null> {
    const rows: WebhookRow[] = await this.db.query(
      `SELECT ${WEBHOOK_COLUMNS} FROM webhook WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** Deletes the endpoint with its outbox and delivery log; false when there was none. */
  async delete(id: string): Promise<boolean> {
    // TypeORM answers a DELETE ... RETURNING with [rows, affected], not the rows alone.
    const [rows] = (await this.db.query(`DELETE FROM webhook WHERE id = $1 RETURNING id`, [
      id,
    ])) as [unknown[], number];
    return rows.length > 0;
  }

  /** Enables the endpoint; what waited while it was disabled becomes due at once. */
  async enable(id: string): Promise<WebhookRow | null> {
    return this.db.transaction(async (tx) => {
      const [rows] = (await tx.query(
        `UPDATE webhook SET enabled = true, disabled_at = NULL, disabled_reason = NULL,
                consecutive_failures = 0
          WHERE id = $1 RETURNING ${WEBHOOK_COLUMNS}`,
        [id],
      )) as [WebhookRow[], number];
      if (!rows[0]) return null;
      await tx.query(
        `UPDATE webhook_message SET next_attempt_at = now()
          WHERE webhook_id = $1 AND status = 'PENDING'`,
        [id],
      );
      return rows[0];
    });
  }

  /** A new signing secret; the current one keeps signing until `previousUntil`. */
  async rotate(id: string, secret: string, previousUntil: Date): Promise<WebhookRow | null> {
    const [rows] = (await this.db.query(
      `UPDATE webhook SET previous_secret = secret, previous_secret_until = $3, secret = $2
        WHERE id = $1 RETURNING ${WEBHOOK_COLUMNS}`,
      [id, secret, previousUntil],
    )) as [WebhookRow[], number];
    return rows[0] ?? null;
  }

  /** Attempts, newest first, keyset-paged by (at, id). */
  deliveries(
    webhookId: string,
    after: { at: string; id: string } | null,
    limit: number,
  ): Promise<DeliveryRow[]> {
    const params: unknown[] = [webhookId, limit];
    let keyset = '';
    if (after) {
      params.push(after.at, after.id);
      keyset = `AND (at, id) < ($3::timestamptz, $4::uuid)`;
    }
    return this.db.query(
      `SELECT id, event_id AS "eventId", attempt, status, response_code AS "responseCode", error,
              duration_ms AS "durationMs", at
         FROM webhook_delivery WHERE webhook_id = $1 ${keyset}
        ORDER BY at DESC, id DESC LIMIT $2`,
      params,
    );
  }

  /**
   * Claims up to `limit` due messages for one attempt each. Only the oldest PENDING message
   * per (endpoint, launch) is eligible, so a launch's events reach an endpoint in sequence
   * order; SKIP LOCKED and the lease let several processes claim side by side without
   * sending one message twice at once; a lease left by a killed process simply expires.
   */
  async claim(limit: number, leaseMs: number): Promise<ClaimedMessage[]> {
    return this.db.query(
      `WITH claimed AS (
         UPDATE webhook_message m SET lease_until = now() + make_interval(secs => $2::float8 / 1000)
          WHERE m.id IN (
            SELECT c.id FROM webhook_message c JOIN webhook w ON w.id = c.webhook_id
             WHERE c.status = 'PENDING' AND w.enabled AND c.next_attempt_at <= now()
               AND (c.lease_until IS NULL OR c.lease_until < now())
               AND NOT EXISTS (
                 SELECT 1 FROM webhook_message p
                  WHERE p.webhook_id = c.webhook_id AND p.launch_id = c.launch_id
                    AND p.status = 'PENDING' AND p.sequence < c.sequence)
             ORDER BY c.next_attempt_at, c.sequence
             LIMIT $1
             FOR UPDATE OF c SKIP LOCKED)
          RETURNING m.id, m.webhook_id, m.event_id, m.body, m.attempts)
       SELECT c.id, c.webhook_id AS "webhookId", c.event_id AS "eventId", c.body, c.attempts,
              w.url,
              array_remove(ARRAY[w.secret,
                CASE WHEN w.previous_secret_until > now() THEN w.previous_secret END], NULL) AS secrets
         FROM claimed c JOIN webhook w ON w.id = c.webhook_id`,
      [limit, leaseMs],
    );
  }

  /** Gives a claimed message back untried (shutdown): due again at once, anywhere. */
  async release(messageId: string): Promise<void> {
    await this.db.query(`UPDATE webhook_message SET lease_until = NULL WHERE id = $1`, [messageId]);
  }

  /**
   * Records one attempt: its delivery row, the message's new state (DELIVERED, due again
   * after `retryInMs`, or GAVE_UP after the last try), and the endpoint's failure count,
   * which disables it after `disableAfter` consecutive failures.
   */
  async record(
    message: ClaimedMessage,
    outcome: AttemptOutcome,
    rules: { maxAttempts: number; retryInMs: number; disableAfter: number },
  ): Promise<'DELIVERED' | 'FAILED' | 'GAVE_UP'> {
    const attempt = message.attempts + 1;
    const status = outcome.ok ? 'DELIVERED' : attempt >= rules.maxAttempts ? 'GAVE_UP' : 'FAILED';
    await this.db.transaction(async (tx) => {
      await tx.query(
        `UPDATE webhook_message
            SET attempts = $2, lease_until = NULL,
                status = CASE WHEN $3 = 'FAILED' THEN 'PENDING' ELSE $3 END,
                next_attempt_at = now() + make_interval(secs => $4::float8 / 1000)
          WHERE id = $1`,
        [message.id, attempt, status, status === 'FAILED' ? rules.retryInMs : 0],
      );
      await tx.query(
        `INSERT INTO webhook_delivery
           (id, webhook_id, message_id, event_id, attempt, status, response_code, error, duration_ms, at)
         SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, clock_timestamp()
          WHERE EXISTS (SELECT 1 FROM webhook WHERE id = $2)`,
        [
          randomUUID(),
          message.webhookId,
          message.id,
          message.eventId,
          attempt,
          status,
          outcome.responseCode,
          outcome.ok ? null : outcome.error.slice(0, 500),
          Math.round(outcome.durationMs),
        ],
      );
      if (outcome.ok) {
        await tx.query(
          `UPDATE webhook SET consecutive_failures = 0 WHERE id = $1 AND consecutive_failures <> 0`,
          [message.webhookId],
        );
      } else {
        await tx.query(
          `UPDATE webhook
              SET consecutive_failures = consecutive_failures + 1,
                  enabled = enabled AND consecutive_failures + 1 < $2,
                  disabled_at = CASE WHEN enabled AND consecutive_failures + 1 >= $2 THEN now() ELSE disabled_at END,
                  disabled_reason = CASE WHEN enabled AND consecutive_failures + 1 >= $2
                    THEN $3 ELSE disabled_reason END
            WHERE id = $1`,
          [
            message.webhookId,
            rules.disableAfter,
            `Disabled after ${rules.disableAfter} consecutive failed attempts; the last: ${outcome.error}`.slice(
              0,
              500,
            ),
          ],
        );
      }
    });
    return status;
  }
}
