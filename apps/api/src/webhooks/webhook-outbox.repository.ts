import type { BatchStatement } from '../database/write-batch.repository.js';
import type { WebhookFormat } from './webhook-payload.js';

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
}
