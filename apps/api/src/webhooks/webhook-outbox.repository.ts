import type { EntityManager } from 'typeorm';
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

/** The outbox's statements, run inside the change's transaction. */
export class WebhookOutboxRepository {
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
