import type { Actor } from '#workflow';
import { runStatement } from '../../apps/api/src/database/write-batch.repository.js';
import type { LaunchEventEntity } from '../../apps/api/src/launches/launch-event.entity.js';
import {
  WebhookOutboxRepository,
  type OutboxEvent,
} from '../../apps/api/src/webhooks/webhook-outbox.repository.js';
import { hoursAfter, type LaunchFixture } from './launch-fixture.js';

/** A launch with `count` events after its creation (comments), for outbox rows to point at. */
export async function launchWithEvents(
  fixture: LaunchFixture,
  actor: Actor,
  count: number,
): Promise<LaunchEventEntity[]> {
  const T0 = '2030-01-01T00:00:00.000Z';
  const created = await fixture.create(actor, T0);
  const events = [...created.events];
  for (let i = 1; i <= count; i += 1) {
    const change = await fixture.run(
      actor,
      created.state.id,
      { type: 'COMMENT', body: `comment ${i}` },
      hoursAfter(T0, i),
    );
    events.push(...change.events);
  }
  return events;
}

/** An outbox message as stored. */
export interface StoredMessage {
  id: string;
  webhookId: string;
  eventId: string;
  launchId: string;
  sequence: number;
  body: string;
}

/** Message bodies that name their event and format, so a reader can tell which was written. */
export function outboxEvents(events: readonly LaunchEventEntity[]): OutboxEvent[] {
  return events.map((e) => ({
    eventId: e.id,
    launchId: e.launchId,
    sequence: e.sequence,
    type: e.type,
    bodies: {
      JSON: JSON.stringify({ type: e.type, sequence: e.sequence }),
      SLACK: JSON.stringify({ text: `${e.type} #${e.sequence}` }),
    },
  }));
}

/**
 * Writes the outbox messages of `events` as the commit hook does, for every endpoint whose
 * filter matches, and answers those of `webhookId`, in sequence order.
 */
export async function enqueue(
  fixture: LaunchFixture,
  webhookId: string,
  events: readonly LaunchEventEntity[],
): Promise<StoredMessage[]> {
  await runStatement(
    fixture.db,
    new WebhookOutboxRepository().insertForEndpointsStatement(outboxEvents(events)),
  );
  return fixture.db.query(
    `SELECT id, webhook_id AS "webhookId", event_id AS "eventId", launch_id AS "launchId", sequence, body
       FROM webhook_message WHERE webhook_id = $1 AND event_id = ANY($2::uuid[]) ORDER BY sequence`,
    [webhookId, events.map((e) => e.id)],
  );
}
