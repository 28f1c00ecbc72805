import { randomUUID } from 'node:crypto';
import type { Actor } from '#workflow';
import type { LaunchEventEntity } from '../../apps/api/src/launches/launch-event.entity.js';
import {
  WebhookOutboxRepository,
  type OutboxMessage,
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

/** Outbox messages of `events` for one endpoint, written as the commit hook writes them. */
export async function enqueue(
  fixture: LaunchFixture,
  webhookId: string,
  events: readonly LaunchEventEntity[],
): Promise<OutboxMessage[]> {
  const messages = events.map((e) => ({
    id: randomUUID(),
    webhookId,
    eventId: e.id,
    launchId: e.launchId,
    sequence: e.sequence,
    body: JSON.stringify({ type: e.type, sequence: e.sequence }),
  }));
  await fixture.db.transaction((tx) => new WebhookOutboxRepository().insert(tx, messages));
  return messages;
}
