import type { EntityManager } from 'typeorm';
import type { BatchStatement } from '../database/write-batch.repository.js';
import type { WebhookFormat } from './webhook-payload.js';

export interface OutboxEndpoint {
  id: string;
  event_types: string[] | null;
  format: WebhookFormat;
}

export interface OutboxMessage {
  id: string;
  webhookId: string;
  eventId: string;
  launchId: string;
  sequence: number;
  body: string;
}

/** One event of a change with its message body in every format. */
export interface OutboxEvent {
  eventId: string;
  launchId: string;
  sequence: number;
  type: string;
  bodies: Record<WebhookFormat, string>;
}

/** The outbox's statements, run inside the change's transaction. */
export class WebhookOutboxRepository {
  /**
   * One message per endpoint (disabled ones too) and matching event, the endpoints read by
   * the statement itself: an outbox write that needs no read before it.
   */
  insertForEndpointsStatement(events: readonly OutboxEvent[]): BatchStatement {
    return {
      sql: `INSERT INTO webhook_message (id, webhook_id, event_id, launch_id, sequence, body)
       SELECT gen_random_uuid(), w.id, e.event_id, e.launch_id, e.sequence,
              CASE w.format WHEN 'SLACK' THEN e.slack ELSE e.json END
         FROM webhook w
              CROSS JOIN unnest($1::uuid[], $2::uuid[], $3::int[], $4::text[], $5::text[], $6::text[])
                AS e(event_id, launch_id, sequence, type, json, slack)
        WHERE w.event_types IS NULL OR e.type = ANY(w.event_types)`,
      params: [
        events.map((e) => e.eventId),
        events.map((e) => e.launchId),
        events.map((e) => e.sequence),
        events.map((e) => e.type),
        events.map((e) => e.bodies.JSON),
        events.map((e) => e.bodies.SLACK),
      ],
    };
  }

  /** Every endpoint, disabled ones too: their messages wait and go out once re-enabled. */
  endpoints(tx: EntityManager): Promise<OutboxEndpoint[]> {
    return tx.query(`SELECT id, event_types, format FROM webhook`);
  }

  async insert(tx: EntityManager, messages: readonly OutboxMessage[]): Promise<void> {
    if (messages.length === 0) return;
    const column = <K extends keyof OutboxMessage>(key: K) => messages.map((m) => m[key]);
    await tx.query(
      `INSERT INTO webhook_message (id, webhook_id, event_id, launch_id, sequence, body)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::int[], $6::text[])`,
      [
        column('id'),
        column('webhookId'),
        column('eventId'),
        column('launchId'),
        column('sequence'),
        column('body'),
      ],
    );
  }
}
